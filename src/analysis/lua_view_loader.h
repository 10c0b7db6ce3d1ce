// csysdig's view files (v_*.lua) found in the chisel directories, read and
// translated into views. A file that cannot become a view is no error for
// the others: it is kept as a note saying why, which `-v ID` and
// --list-views show.
#pragma once

#include <string>
#include <vector>

#include "analysis/view_def.h"

namespace tracetop::analysis {

struct LuaViewNote {
    std::string id;       // the view's id, or the file's name when unread
    std::string message;  // why it is not a view, or the columns left out
    bool usable = false;  // true: the view loaded, less the columns named
};

struct LuaViewScan {
    std::vector<ViewDef> views;
    std::vector<LuaViewNote> notes;
};

// Every v_*.lua in `dirs`, in that order; within a directory by name. The
// first file defining an id wins. Missing directories are skipped.
LuaViewScan scan_lua_views(const std::vector<std::string>& dirs);

// Where csysdig finds its views, most personal first: tracetop's own view
// directory, $SYSDIG_CHISEL_DIR, ~/.chisels, then sysdig's install.
std::vector<std::string> default_lua_view_dirs(const std::string& user_view_dir);

}  // namespace tracetop::analysis
