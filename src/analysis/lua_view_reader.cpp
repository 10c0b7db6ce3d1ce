#include "analysis/lua_view_reader.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <utility>

#include <fmt/format.h>
#include <lua.hpp>
#include <luajit.h>

#include "analysis/echo_text.h"

namespace tracetop::analysis {
namespace {

// A view file is a table literal: a few thousand instructions. The budget
// stops a loop long before a user notices the wait.
constexpr int kHookEvery = 1000;
constexpr int kMaxHookCalls = 1000;  // one million instructions

// Globals the base library brings that reach outside the state or run
// other code: a view file needs none of them.
constexpr const char* kRemovedGlobals[] = {"dofile", "loadfile", "load",    "loadstring", "require", "module",
                                           "collectgarbage", "getfenv", "setfenv", "newproxy", "print",
                                           "gcinfo", "jit", "package", "io", "os", "debug", "ffi"};

// A view file needs a few hundred kilobytes; doubling a string in a loop
// would take gigabytes long before the instruction budget ends it.
constexpr size_t kMaxLuaBytes = 64 << 20;

struct Budget {
    size_t used = 0;
    size_t limit = kMaxLuaBytes;
};

void* bounded_alloc(void* ud, void* ptr, size_t old_size, size_t new_size) {
    auto* budget = static_cast<Budget*>(ud);
    if (new_size == 0) {
        std::free(ptr);
        budget->used -= ptr ? old_size : 0;
        return nullptr;
    }
    const size_t held = ptr ? old_size : 0;
    if (new_size > held && budget->used - held + new_size > budget->limit) return nullptr;  // Lua reports "not enough memory"
    void* grown = std::realloc(ptr, new_size);
    if (grown) budget->used = budget->used - held + new_size;
    return grown;
}

struct StateCloser {
    void operator()(lua_State* L) const { lua_close(L); }
};

void budget_hook(lua_State* L, lua_Debug*) {
    // The count lives in the registry so each state has its own.
    lua_getfield(L, LUA_REGISTRYINDEX, "tracetop_budget");
    const lua_Integer used = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    lua_pushinteger(L, used);
    lua_setfield(L, LUA_REGISTRYINDEX, "tracetop_budget");
    if (used > kMaxHookCalls) luaL_error(L, "the file runs too long (more than a million instructions)");
}

int open_sandbox(lua_State* L) {
    const std::pair<const char*, lua_CFunction> libs[] = {
        {"", luaopen_base}, {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_MATHLIBNAME, luaopen_math}};
    for (const auto& [name, open] : libs) {
        lua_pushcfunction(L, open);
        lua_pushstring(L, name);
        lua_call(L, 1, 0);
    }
    for (const char* g : kRemovedGlobals) {
        lua_pushnil(L);
        lua_setglobal(L, g);
    }
    // string.rep builds gigabytes from one call; string.dump is bytecode.
    lua_getglobal(L, "string");
    for (const char* f : {"rep", "dump"}) {
        lua_pushnil(L);
        lua_setfield(L, -2, f);
    }
    lua_pop(L, 1);
    return 0;
}

// Reads the table on top of the stack; every access is raw, so a metatable
// the file sets cannot run code while we read.
class TableReader {
public:
    TableReader(lua_State* L, std::string path) : L_(L), path_(std::move(path)) {}

    std::string string(const char* key, bool required = false) {
        push(key);
        std::string out;
        if (lua_type(L_, -1) == LUA_TSTRING) {
            size_t n = 0;
            const char* s = lua_tolstring(L_, -1, &n);
            out.assign(s, n);
        } else if (!lua_isnil(L_, -1)) {
            fail(key, "must be a string");
        } else if (required) {
            lua_pop(L_, 1);
            throw Error(fmt::format("{} has no \"{}\"", path_, key));
        }
        lua_pop(L_, 1);
        return out;
    }

    bool boolean(const char* key) {
        push(key);
        const int t = lua_type(L_, -1);
        if (t != LUA_TNIL && t != LUA_TBOOLEAN) fail(key, "must be true or false");
        const bool out = lua_toboolean(L_, -1) != 0;
        lua_pop(L_, 1);
        return out;
    }

    std::optional<int64_t> integer(const char* key) {
        push(key);
        std::optional<int64_t> out;
        if (lua_type(L_, -1) == LUA_TNUMBER) {
            const lua_Number n = lua_tonumber(L_, -1);
            if (!(n >= -1e9 && n <= 1e9)) fail(key, "is out of range");
            out = static_cast<int64_t>(n);
        } else if (!lua_isnil(L_, -1)) {
            fail(key, "must be a number");
        }
        lua_pop(L_, 1);
        return out;
    }

    // Calls f for each element 1..n of the list `key` (absent: none), the
    // element on top of the stack and a reader whose path names it.
    template <class F>
    void each(const char* key, F&& f) {
        push(key);
        if (lua_isnil(L_, -1)) {
            lua_pop(L_, 1);
            return;
        }
        if (!lua_istable(L_, -1)) fail(key, "must be a list");
        const size_t n = lua_objlen(L_, -1);
        if (n > 10000) fail(key, "has too many elements");
        const std::string base = path_ + "." + key;
        for (size_t i = 1; i <= n; ++i) {
            lua_rawgeti(L_, -1, static_cast<int>(i));
            TableReader item(L_, fmt::format("{}[{}]", base, i));
            f(item);
            lua_pop(L_, 1);
        }
        lua_pop(L_, 1);
    }

    [[noreturn]] void fail_here(const char* what) { throw Error(fmt::format("{} {}", path_, what)); }

private:
    void push(const char* key) {
        lua_pushstring(L_, key);
        lua_rawget(L_, -2);
    }

    [[noreturn]] void fail(const char* key, const char* what) {
        lua_pop(L_, 1);
        throw Error(fmt::format("{}.{} {}", path_, key, what));
    }

    lua_State* L_;
    std::string path_;
};

// The optional settings of each table: text ones, then true/false ones.
template <class T>
using TextSetting = std::pair<const char*, std::string T::*>;
template <class T>
using FlagSetting = std::pair<const char*, bool T::*>;

constexpr TextSetting<LuaViewColumn> kColumnTexts[] = {
    {"name", &LuaViewColumn::name},
    {"aggregation", &LuaViewColumn::aggregation},
    {"groupby_aggregation", &LuaViewColumn::groupby_aggregation}};
constexpr FlagSetting<LuaViewColumn> kColumnFlags[] = {
    {"is_key", &LuaViewColumn::is_key}, {"is_groupby_key", &LuaViewColumn::is_groupby_key},
    {"is_sorting", &LuaViewColumn::is_sorting}};
constexpr TextSetting<LuaViewInfo> kViewTexts[] = {
    {"name", &LuaViewInfo::name},       {"description", &LuaViewInfo::description},
    {"view_type", &LuaViewInfo::view_type}, {"filter", &LuaViewInfo::filter},
    {"drilldown_target", &LuaViewInfo::drilldown_target}};
constexpr FlagSetting<LuaViewInfo> kViewFlags[] = {{"use_defaults", &LuaViewInfo::use_defaults}};

template <class T, size_t A, size_t B>
void read_settings(TableReader& r, T& out, const TextSetting<T> (&texts)[A], const FlagSetting<T> (&flags)[B]) {
    for (const auto& [key, member] : texts) out.*member = r.string(key);
    for (const auto& [key, member] : flags) out.*member = r.boolean(key);
}

LuaViewColumn read_column(lua_State* L, TableReader& r) {
    if (!lua_istable(L, -1)) r.fail_here("must be a table");
    LuaViewColumn c;
    c.field = r.string("field", true);
    read_settings(r, c, kColumnTexts, kColumnFlags);
    c.colsize = r.integer("colsize");
    return c;
}

LuaViewInfo read_info(lua_State* L) {
    TableReader r(L, "view_info");
    LuaViewInfo v;
    v.id = r.string("id", true);
    read_settings(r, v, kViewTexts, kViewFlags);
    r.each("columns", [&](TableReader& col) { v.columns.push_back(read_column(L, col)); });
    return v;
}

}  // namespace

Result<LuaViewInfo> read_lua_view(std::string_view lua_text, const std::string& origin) {
    // The budget outlives the state: lua_close frees through the allocator.
    Budget budget;
    // LuaJIT builds without GC64 take no allocator of ours (NULL): they keep theirs.
    lua_State* raw = lua_newstate(bounded_alloc, &budget);
    std::unique_ptr<lua_State, StateCloser> state(raw ? raw : luaL_newstate());
    lua_State* L = state.get();
    if (!L) return Error(fmt::format("{}: cannot start Lua", origin));
    // Compiled traces do not call the count hook: interpret only.
    luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_OFF);
    lua_pushcfunction(L, open_sandbox);
    if (lua_pcall(L, 0, 0, 0) != 0) return Error(fmt::format("{}: cannot start Lua", origin));
    lua_pushinteger(L, 0);
    lua_setfield(L, LUA_REGISTRYINDEX, "tracetop_budget");
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, kHookEvery);

    // A leading '\033' would make Lua read bytecode: only source is accepted.
    if (!lua_text.empty() && lua_text.front() == LUA_SIGNATURE[0]) {
        return Error(fmt::format("{}: precompiled Lua is not accepted, only source", origin));
    }
    const std::string chunk = "@" + origin;
    if (luaL_loadbuffer(L, lua_text.data(), lua_text.size(), chunk.c_str()) != 0 || lua_pcall(L, 0, 0, 0) != 0) {
        const char* msg = lua_tostring(L, -1);
        // Lua quotes the file's text near the error: printable ASCII only.
        std::string text = printable(msg ? std::string_view(msg).substr(0, 1000) : "error with no message");
        // Lua's own messages already start with the file name.
        if (text.rfind(origin, 0) != 0) text = origin + ": " + text;
        return Error(text);
    }
    lua_sethook(L, nullptr, 0, 0);
    // Reading the table runs outside any pcall, where an allocation that
    // fails would abort: the file's own code is done, so the bound is too.
    budget.limit = SIZE_MAX;
    lua_getglobal(L, "view_info");
    if (!lua_istable(L, -1)) return Error(fmt::format("{}: defines no view_info table", origin));
    try {
        return read_info(L);
    } catch (const Error& e) {
        return Error(fmt::format("{}: {}", origin, e.message));
    }
}

}  // namespace tracetop::analysis
