// Runs a csysdig view file (v_*.lua) in a sandboxed LuaJIT state and reads
// the view_info table it defines. The file is untrusted: no io, os, load,
// require or ffi, the interpreter only (so the instruction budget holds),
// text chunks only (no bytecode), a bounded number of instructions.
#pragma once

#include <string>
#include <string_view>

#include "analysis/lua_view_info.h"
#include "event/result.h"

namespace tracetop::analysis {

// `origin` names the file in errors ("ORIGIN: view_info.columns[2].name must be a string").
Result<LuaViewInfo> read_lua_view(std::string_view lua_text, const std::string& origin);

}  // namespace tracetop::analysis
