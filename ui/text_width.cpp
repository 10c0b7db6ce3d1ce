#include "text_width.h"

#include <cwchar>

namespace tracetop::ui {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point of a well-formed sequence of `len` bytes at `pos`, or -1:
// overlong forms, surrogates and values past U+10FFFF are not UTF-8.
long decode(std::string_view text, size_t pos, size_t len) {
    if (pos + len > text.size()) return -1;
    const auto lead = static_cast<unsigned char>(text[pos]);
    long cp = len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if (!continuation(c)) return -1;
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
}

}  // namespace

Glyph glyph_at(std::string_view text, size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        // Control bytes and DEL move the cursor or worse.
        const bool shown = lead >= 0x20 && lead != 0x7f;
        return {1, 1, shown};
    }
    const size_t len = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
    const long cp = len && lead < 0xF5 ? decode(text, pos, len) : -1;
    if (cp < 0) return {1, 1, false};
    // -1: a C1 control (U+0080..U+009F, which terminals obey), or nothing
    // the locale can print.
    const int w = ::wcwidth(static_cast<wchar_t>(cp));
    if (w < 0) return {len, 1, false};
    return {len, w, true};
}

size_t display_width(std::string_view text) {
    size_t n = 0;
    for (size_t i = 0; i < text.size();) {
        const Glyph g = glyph_at(text, i);
        n += static_cast<size_t>(g.cells);
        i += g.bytes;
    }
    return n;
}

}  // namespace tracetop::ui
