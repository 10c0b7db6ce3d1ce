// libFuzzer target: any text given as a view file (TOML) becomes a view or an
// error that names the file ("ORIGIN: ..." or "ORIGIN:LINE:COL: ..."), never
// a crash, a hang or an exception escaping; a view that loads is one the
// explorer can use (it has columns and its sort names one of them).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/view_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const std::string origin = "/home/u/.config/tracetop/views/fuzz.toml";
    tracetop::Result<tracetop::analysis::ViewDef> view = tracetop::Error("unset");
    try {
        view = tracetop::analysis::parse_view(text, origin);
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
