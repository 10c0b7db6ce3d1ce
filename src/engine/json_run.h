// Batch modes over views: --json prints one view as a JSON object,
// --list-views lists the views.
#pragma once

#include <string>

#include "analysis/snapshot.h"
#include "engine/cli_options.h"

namespace tracetop::engine {

// Exit status: 0, 1 (input failed), 2 (unusable options, bad filter or view).
int run_json(const Options& options);
int run_list_views(const Options& options);

// The JSON object --json prints for a snapshot.
std::string snapshot_json(const analysis::Snapshot& snap, const std::string& filter);

}  // namespace tracetop::engine
