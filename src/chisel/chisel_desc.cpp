#include "chisel/chisel_desc.h"

#include <fstream>
#include <iterator>

#include <lua.hpp>

namespace tracetop::chisel {
namespace {

std::string global_string(lua_State* ls, const char* name, bool& present) {
    lua_getglobal(ls, name);
    present = lua_type(ls, -1) == LUA_TSTRING;
    std::string value = present ? lua_tostring(ls, -1) : "";
    lua_pop(ls, 1);
    return value;
}

// One entry of `args`: a table of strings (name, argtype, description) and
// the boolean `optional`.
Result<ChiselArg> read_arg(lua_State* ls) {
    ChiselArg arg;
    lua_pushnil(ls);
    while (lua_next(ls, -2) != 0) {
        const std::string key = lua_type(ls, -2) == LUA_TSTRING ? lua_tostring(ls, -2) : "";
        if (lua_type(ls, -1) == LUA_TSTRING) {
            const std::string value = lua_tostring(ls, -1);
            if (key == "name") arg.name = value;
            if (key == "argtype") arg.type = value;
            if (key == "description") arg.description = value;
        } else if (lua_type(ls, -1) == LUA_TBOOLEAN) {
            if (key == "optional") arg.optional = lua_toboolean(ls, -1) != 0;
        } else {
            lua_pop(ls, 2);
            return Error("argument field '" + key + "' is not a string");
        }
        lua_pop(ls, 1);
    }
    return arg;
}

}  // namespace

void LuaCloser::operator()(lua_State* ls) const { lua_close(ls); }

LuaPtr new_lua_state() {
    LuaPtr ls(luaL_newstate());
    if (ls) luaL_openlibs(ls.get());
    return ls;
}

std::string pop_error(lua_State* ls) {
    const char* text = lua_tostring(ls, -1);
    std::string message = text ? text : "(error without a message)";
    lua_pop(ls, 1);
    return message;
}

Result<bool> run_file(lua_State* ls, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error("can't open file " + path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Named "@path" so that Lua's messages say which file and line.
    if (luaL_loadbuffer(ls, text.data(), text.size(), ("@" + path).c_str()) != 0 || lua_pcall(ls, 0, 0, 0) != 0) {
        return Error("Failed to load chisel " + path + ": " + pop_error(ls));
    }
    return true;
}

Result<ChiselDesc> read_desc(lua_State* ls, std::string name) {
    ChiselDesc desc;
    desc.name = std::move(name);
    bool present = false;
    desc.description = global_string(ls, "description", present);
    if (!present) return Error(desc.name + " is not a chisel (no description; a csysdig view?)");
    desc.short_description = global_string(ls, "short_description", present);
    if (!present) return Error(desc.name + " is not a chisel (no short_description)");
    desc.category = global_string(ls, "category", present);
    lua_getglobal(ls, "hidden");
    desc.hidden = lua_type(ls, -1) == LUA_TBOOLEAN && lua_toboolean(ls, -1) != 0;
    lua_pop(ls, 1);
    lua_getglobal(ls, "args");
    if (!lua_istable(ls, -1)) {
        lua_pop(ls, 1);
        return Error("Failed to load chisel " + desc.name + ": args table missing");
    }
    // Entries in array order: the order the command line gives values in.
    const size_t n = lua_objlen(ls, -1);
    for (size_t i = 1; i <= n; ++i) {
        lua_rawgeti(ls, -1, static_cast<int>(i));
        if (lua_istable(ls, -1)) {
            auto arg = read_arg(ls);
            if (!arg) {
                lua_pop(ls, 2);
                return Error(desc.name + ": " + arg.error().message);
            }
            desc.args.push_back(std::move(*arg));
        }
        lua_pop(ls, 1);
    }
    lua_pop(ls, 1);
    return desc;
}

}  // namespace tracetop::chisel
