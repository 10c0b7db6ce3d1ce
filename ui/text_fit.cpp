#include "text_fit.h"

#include "text_width.h"

#include <algorithm>

namespace tracetop::ui {

std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const Glyph g = glyph_at(text, i);
        if (g.shown) {
            out.append(text.substr(i, g.bytes));
        } else {
            out.push_back('?');
        }
        i += g.bytes;
    }
    return out;
}

size_t columns(std::string_view text) { return display_width(text); }

std::string fit(std::string_view text, size_t width, bool right) {
    std::string cut;
    size_t n = 0;
    for (size_t i = 0; i < text.size();) {
        const Glyph g = glyph_at(text, i);
        // A wide character that would straddle the edge is left out whole.
        if (n + static_cast<size_t>(g.cells) > width) break;
        if (g.shown) {
            cut.append(text.substr(i, g.bytes));
        } else {
            cut.push_back('?');
        }
        n += static_cast<size_t>(g.cells);
        i += g.bytes;
    }
    const std::string pad(width - n, ' ');
    return right ? pad + cut : cut + pad;
}

std::string clip(std::string_view text, size_t width) {
    return fit(text, std::min(columns(text), width));
}

std::string keep_end(std::string_view text, size_t width, std::string_view mark) {
    const std::string clean = sanitize(text);
    const size_t total = columns(clean);
    if (total <= width) return clean;
    const size_t mark_w = columns(mark);
    if (width <= mark_w) return fit(mark, width);
    // Drop characters from the front until the rest fits after the mark.
    size_t i = 0, n = total;
    while (i < clean.size() && n + mark_w > width) {
        const Glyph g = glyph_at(clean, i);
        n -= static_cast<size_t>(g.cells);
        i += g.bytes;
    }
    // Combining marks of a dropped character go with it.
    while (i < clean.size() && glyph_at(clean, i).cells == 0) i += glyph_at(clean, i).bytes;
    return std::string(mark) + clean.substr(i);
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace tracetop::ui
