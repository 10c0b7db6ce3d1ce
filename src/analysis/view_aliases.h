// csysdig's view ids that name a tracetop view under another id, so that
// `-v io_by_type` opens what a csysdig user expects. Ids csysdig and
// tracetop share (procs, files, ...) need no entry: they match as they are.
#pragma once

#include <string_view>
#include <vector>

namespace tracetop::analysis {

// The tracetop view csysdig's `csysdig_id` corresponds to, or "" if none.
std::string_view view_for_csysdig_id(std::string_view csysdig_id);

// The csysdig ids that lead to `view_id` through the table (for --list-views).
std::vector<std::string_view> csysdig_ids_of(std::string_view view_id);

}  // namespace tracetop::analysis
