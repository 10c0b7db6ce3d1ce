// --serve: no screen; events flow into a MetricsRegistry whose figures an
// HTTP endpoint hands to Prometheus. Live until stopped (or --duration);
// with -r the capture is read once and its totals are served until stopped.
#pragma once

#include "engine/cli_options.h"

namespace tracetop::engine {

// Exit status: 0, 1 (input or listening failed), 2 (unusable options).
int run_serve(const Options& options);

}  // namespace tracetop::engine
