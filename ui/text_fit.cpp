#include "text_fit.h"

namespace tracetop::ui {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string sanitize(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) c = '?';
    }
    return out;
}

size_t columns(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return n;
}

std::string fit(std::string_view text, size_t width, bool right) {
    std::string cut;
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!continuation(c)) {
            if (n == width) break;
            ++n;
        }
        cut.push_back(static_cast<char>(c));
    }
    const std::string pad(width - n, ' ');
    return right ? pad + cut : cut + pad;
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
