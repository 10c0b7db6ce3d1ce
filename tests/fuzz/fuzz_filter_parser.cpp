// libFuzzer target: the filter parser must turn any text into a tree or an
// error with a column inside the text, never crash or loop.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "filter/filter_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = tracetop::filter::parse_filter(text);
    if (!result.ok()) {
        const auto& offset = result.error().offset;
        if (!offset || *offset > size) std::abort();  // errors must point inside the text
    }
    return 0;
}
