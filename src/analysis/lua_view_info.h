// csysdig's view_info table, as a v_*.lua file writes it, in plain C++:
// what lua_view_reader reads and lua_view_translate turns into a ViewDef.
// Only what a tracetop view uses: tips, tags, applies_to and actions
// (csysdig's hotkeys running shell commands) are not read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracetop::analysis {

struct LuaViewColumn {
    std::string name;
    std::string field;
    std::string aggregation;          // SUM, AVG, MIN, MAX, TIME_AVG or empty
    std::string groupby_aggregation;  // the same, used when rows group by another key
    std::optional<int64_t> colsize;
    bool is_key = false;
    bool is_groupby_key = false;
    bool is_sorting = false;
};

struct LuaViewInfo {
    std::string id;
    std::string name;
    std::string description;
    std::string view_type;  // "table", "list", "spectrogram"
    std::string filter;
    std::string drilldown_target;
    bool use_defaults = false;
    std::vector<LuaViewColumn> columns;
};

}  // namespace tracetop::analysis
