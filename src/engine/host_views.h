// Several --remote hosts (issue 17 items 3-4): pid 1 of two hosts are two
// processes. Views keyed by process or thread are keyed by host too, so
// they get one row per host and process, a HOST column, and a drill-down
// from such a row carries `host.name = X` in its terms.
#pragma once

#include "analysis/view_loader.h"

namespace tracetop::engine {

// Adds host.name in front of the keys of every table keyed by a proc.* or
// thread.* field (and a HOST column), in place. For several hosts only.
void key_views_by_host(analysis::ViewSet& views);

}  // namespace tracetop::engine
