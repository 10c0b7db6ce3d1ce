// csysdig's view_info (lua_view_info.h) as a tracetop ViewDef: columns,
// key, filter, aggregations and drill-down target, with csysdig's fields
// that tracetop computes another way rewritten (evt.count is a count,
// evt.buflen.in is evt.buflen of reads). A column on a field tracetop lacks
// is left out and named in `left_out`; a key or filter tracetop cannot
// evaluate makes the whole view an error that says which field.
#pragma once

#include <string>
#include <vector>

#include "analysis/lua_view_info.h"
#include "analysis/view_def.h"
#include "event/result.h"

namespace tracetop::analysis {

struct TranslatedView {
    ViewDef view;
    std::vector<std::string> left_out;  // "CONTAINER (container.name: no such field)"
};

Result<TranslatedView> translate_lua_view(const LuaViewInfo& info, const std::string& origin);

}  // namespace tracetop::analysis
