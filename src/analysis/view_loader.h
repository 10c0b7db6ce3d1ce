// Loads views from TOML: the ones built into the binary, then the user's
// (~/.config/tracetop/views/*.toml), which replace built-in ones of the same id;
// then csysdig's view files (v_*.lua, lua_view_loader.h) for ids no TOML view
// or csysdig alias (view_aliases.h) has taken.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/lua_view_loader.h"
#include "analysis/view_def.h"
#include "event/result.h"

namespace tracetop::analysis {

// Parses one view file. `origin` names it in errors: "ORIGIN:LINE:COL: message".
Result<ViewDef> parse_view(std::string_view toml_text, const std::string& origin);

struct ViewSet {
    std::vector<ViewDef> views;  // built-in order first, then new user views by file name, then Lua views
    std::vector<LuaViewNote> notes;  // csysdig views not loaded, or loaded without some columns

    // The view `id`, or the one csysdig's id `id` stands for.
    const ViewDef* find(std::string_view id) const;
    // Why there is no view `id`: the reason a Lua view of that id did not
    // load, or "no view" with a pointer to --list-views.
    std::string why_missing(std::string_view id) const;
};

// The views built into the binary, with no user overrides.
Result<ViewSet> builtin_views();

// Built-in views, then every *.toml in `user_dir` (missing dir: fine).
// A malformed file is an error naming it; drill targets must exist.
Result<ViewSet> load_views(const std::string& user_dir);
// The same with the directories searched for v_*.lua given (tests).
Result<ViewSet> load_views(const std::string& user_dir, const std::vector<std::string>& lua_dirs);

// $XDG_CONFIG_HOME/tracetop/views or ~/.config/tracetop/views ("" if no home).
std::string default_user_view_dir();

}  // namespace tracetop::analysis
