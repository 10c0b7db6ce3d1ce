// libFuzzer target: compiling a filter (parse, resolve fields, parse constants
// per field type, build regexes) turns any text into a filter or an error
// whose column lies inside the text; never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "filter/compiled_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto compiled = tracetop::filter::CompiledFilter::compile(text);
    if (compiled) {
        if (compiled->text() != text) std::abort();  // the filter keeps what it was given
        return 0;
    }
    const auto& offset = compiled.error().offset;
    if (offset && *offset > size) std::abort();  // errors point inside the text (or at its end)
    // The message shown to the user must be buildable for any error.
    if (tracetop::filter::describe_filter_error(text, compiled.error()).empty()) std::abort();
    return 0;
}
