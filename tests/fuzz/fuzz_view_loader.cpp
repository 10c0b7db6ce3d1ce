// libFuzzer target: any text given as a view file (TOML) becomes a view or an
// error that names the file ("ORIGIN: ..." or "ORIGIN:LINE:COL: ..."), never
// a crash, a hang or an exception escaping; a view that loads is one the
// explorer can use (it has columns and its sort names one of them).
// Inputs that start with a Lua comment ("--") are fed as csysdig's v_*.lua
// view files instead (sandboxed LuaJIT, then the translation), with the same
// guarantees.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/lua_view_reader.h"
#include "analysis/lua_view_translate.h"
#include "analysis/view_loader.h"

namespace {

tracetop::Result<tracetop::analysis::ViewDef> parse_lua_view(std::string_view text, const std::string& origin) {
    auto info = tracetop::analysis::read_lua_view(text, origin);
    if (!info) return info.error();
    auto translated = tracetop::analysis::translate_lua_view(*info, origin);
    if (!translated) return translated.error();
    return translated->view;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool lua = text.substr(0, 2) == "--";
    static const std::string toml_origin = "/home/u/.config/tracetop/views/fuzz.toml";
    static const std::string lua_origin = "/home/u/.chisels/v_fuzz.lua";
    const std::string& origin = lua ? lua_origin : toml_origin;
    tracetop::Result<tracetop::analysis::ViewDef> view = tracetop::Error("unset");
    try {
        view = lua ? parse_lua_view(text, origin) : tracetop::analysis::parse_view(text, origin);
    } catch (...) {
        std::abort();  // errors are values; nothing may escape the loader
    }
    if (!view) {
        const std::string& message = view.error().message;
        if (message.compare(0, origin.size(), origin) != 0 || message.size() <= origin.size() + 2) std::abort();
        return 0;
    }
    if (view->columns.empty() || !view->column_index(view->sort)) std::abort();
    if (view->origin != origin) std::abort();
    return 0;
}
