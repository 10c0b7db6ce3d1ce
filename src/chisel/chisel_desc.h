// What a chisel file says about itself: the globals description,
// short_description, category and args (sysdig 0.29.3), read once the
// script has run. Files whose description is not a string are csysdig
// views, not chisels.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chisel/chisel_args.h"
#include "event/result.h"

struct lua_State;

namespace tracetop::chisel {

struct ChiselDesc {
    std::string name;  // the file name without .lua
    std::string description;
    std::string short_description;
    std::string category;
    std::vector<ChiselArg> args;
    bool hidden = false;
};

// Closes the state when it goes.
struct LuaCloser {
    void operator()(lua_State* ls) const;
};
using LuaPtr = std::unique_ptr<lua_State, LuaCloser>;

// A fresh state with the standard libraries.
LuaPtr new_lua_state();

// Runs the file `path` in `ls` (whose API is registered). The error names
// the file and Lua's message.
Result<bool> run_file(lua_State* ls, const std::string& path);

// Reads the globals after run_file. An error when the file is not a chisel
// (no description or short_description, args not a table).
Result<ChiselDesc> read_desc(lua_State* ls, std::string name);

// The message of a failed call (the value on top of the stack), popped.
std::string pop_error(lua_State* ls);

}  // namespace tracetop::chisel
