// tracetop's entry point: parse the command line, then hand over to a batch
// mode (--print, -w, --json, --list-views) or the full-screen explorer
// (which records too with --explore -w).
#include "engine/batch_run.h"
#include "engine/cli_options.h"
#include "engine/json_run.h"
#include "engine/signal_stop.h"
#include "explorer.h"

int main(int argc, char** argv) {
    using namespace tracetop::engine;
    CliOutcome outcome = parse_command_line(argc, argv);
    if (!outcome.options) return outcome.exit_status;
    const Options& options = *outcome.options;
    if (options.list_views) return run_list_views(options);
    if (options.json) {
        install_stop_signals();
        return run_json(options);
    }
    if (options.print || (options.write_file && !options.explore)) {
        install_stop_signals();
        return run_batch(options);
    }
    return tracetop::ui::run_explorer(options);
}
