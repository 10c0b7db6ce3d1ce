// Batch modes that need no screen: read a capture (or, later, the live
// source), print event lines and/or record to a file.
#pragma once

#include "engine/cli_options.h"

namespace tracetop::engine {

// Runs `--print` and/or `-w` over the source the options name. Returns the
// process exit status: 0 success, 1 when the input or output failed (after
// delivering everything before the failure), 2 for unusable options.
int run_batch(const Options& options);

}  // namespace tracetop::engine
