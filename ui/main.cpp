// tracetop's entry point: parse the command line, then hand over to a batch
// mode (--print, -w, --json, --list-views) or the full-screen explorer
// (which records too with --explore -w). With no mode chosen, standard
// output decides, as with sysdig: a terminal gets the explorer, a pipe or a
// file event lines.
#include <unistd.h>

#include <cstdio>

#include "engine/batch_run.h"
#include "engine/chisel_run.h"
#include "engine/cli_options.h"
#include "engine/json_run.h"
#include "engine/serve_run.h"
#include "engine/signal_stop.h"
#include "explorer.h"
#include "leak_check_guard.h"

int main(int argc, char** argv) {
    using namespace tracetop::engine;
    tracetop::ui::guard_exit_leak_check();  // sanitized builds only (session 7, spin)
    CliOutcome outcome = parse_command_line(argc, argv);
    if (!outcome.options) return outcome.exit_status;
    Options& options = *outcome.options;
    if (options.list_views) return run_list_views(options);
    if (!options.chisels.empty()) {  // chisels (D)
        install_stop_signals();
        return run_chisel(options);
    }
    if (options.serve) {  // issue 17 (serve): no screen
        install_stop_signals();
        return run_serve(options);
    }
    if (options.json) {
        install_stop_signals();
        return run_json(options);
    }
    const bool out_terminal = isatty(STDOUT_FILENO) == 1;
    if (options.write_file == "-" && out_terminal) {
        std::fputs("tracetop: -w - writes a binary capture to standard output, which is a terminal; "
                   "redirect it to a file or a pipe\n", stderr);
        return 2;
    }
    if (!options.explore && !options.write_file && !out_terminal) options.print = true;
    if (options.print || (options.write_file && !options.explore)) {
        install_stop_signals();
        return run_batch(options);
    }
    // Drawn into a pipe or reading keys from one, the explorer would only
    // spin: it needs the terminal on both sides.
    if (!out_terminal || isatty(STDIN_FILENO) != 1) {
        std::fputs("tracetop: the explorer needs a terminal on standard input and output; "
                   "use --print, -w or --json otherwise\n", stderr);
        return 2;
    }
    if (options.read_file == "-") {
        std::fputs("tracetop: the explorer reads its capture once per view: it cannot read standard input; "
                   "use -r FILE\n", stderr);
        return 2;
    }
    return tracetop::ui::run_explorer(options);
}
