// tracetop's entry point: parse the command line, then hand over to a batch
// mode (--print, -w) or, later, the full-screen explorer.
#include "engine/batch_run.h"
#include "engine/cli_options.h"
#include "engine/signal_stop.h"

int main(int argc, char** argv) {
    using namespace tracetop::engine;
    CliOutcome outcome = parse_command_line(argc, argv);
    if (!outcome.options) return outcome.exit_status;
    install_stop_signals();
    return run_batch(*outcome.options);
}
