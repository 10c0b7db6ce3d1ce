#include "filter/text_match.h"

#include <algorithm>
#include <cctype>

namespace tracetop::filter {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Matches one character against the class starting at pattern[p] == '['.
// Returns the index just past the class, or npos when the class is unclosed
// (then '[' is an ordinary character).
size_t match_class(std::string_view pattern, size_t p, char c, bool& matched) {
    size_t i = p + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool hit = false;
    bool first = true;
    for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            if (c >= pattern[i] && c <= pattern[i + 2]) hit = true;
            i += 2;
        } else if (pattern[i] == c) {
            hit = true;
        }
    }
    if (i >= pattern.size()) return std::string_view::npos;
    matched = hit != negate;
    return i + 1;
}

}  // namespace

bool icontains(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return lower(a) == lower(b); });
    return it != haystack.end();
}

bool glob_match(std::string_view pattern, std::string_view text) {
    // Iterative matching with one backtrack point for the last '*'.
    size_t p = 0, t = 0;
    size_t star_p = std::string_view::npos, star_t = 0;
    while (t < text.size()) {
        if (p < pattern.size()) {
            const char pc = pattern[p];
            if (pc == '*') {
                star_p = p++;
                star_t = t;
                continue;
            }
            if (pc == '?') {
                ++p;
                ++t;
                continue;
            }
            if (pc == '[') {
                bool matched = false;
                const size_t next = match_class(pattern, p, text[t], matched);
                if (next != std::string_view::npos) {
                    if (matched) {
                        p = next;
                        ++t;
                        continue;
                    }
                } else if (text[t] == '[') {
                    ++p;
                    ++t;
                    continue;
                }
            } else if (pc == text[t]) {
                ++p;
                ++t;
                continue;
            }
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p + 1;
        t = ++star_t;
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool path_prefix_match(std::string_view prefix, std::string_view text) {
    while (prefix.size() > 1 && prefix.back() == '/') prefix.remove_suffix(1);
    if (text.substr(0, prefix.size()) != prefix) return false;
    return text.size() == prefix.size() || prefix == "/" || text[prefix.size()] == '/';
}

}  // namespace tracetop::filter
