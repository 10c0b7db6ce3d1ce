#include "state/path_resolution.h"

namespace tracetop::state {
namespace {

bool is_printable(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7F;
}

// Steps `out` back to just after the previous '/' (a "../" component).
void rewind_to_parent(std::string& out) {
    if (out.size() <= 1) return;
    out.pop_back();
    while (!out.empty() && out.back() != '/') out.pop_back();
}

}  // namespace

namespace detail {

void append_sanitized_path(std::string_view path, std::string& out) {
    size_t i = 0;
    const size_t n = path.size();
    auto at = [&](size_t k) -> char { return k < n ? path[k] : '\0'; };
    while (i < n && path[i] != '\0') {
        const char c = path[i];
        if (!is_printable(c)) {
            out.push_back('.');
            ++i;
        } else if (c == '.' && at(i + 1) == '.' && at(i + 2) == '/') {
            rewind_to_parent(out);
            i += 3;
        } else if (c == '.' && at(i + 1) == '.') {
            if (at(i + 2) == '\0') {
                rewind_to_parent(out);
                i += 2;
            } else {
                out.append("..");
                i += 2;
            }
        } else if (c == '.' && at(i + 1) == '/') {
            i += 2;
        } else if (c == '.') {
            if (at(i + 1) != '\0') out.push_back('.');
            ++i;
        } else if (c == '/') {
            if (!out.empty() && out.back() == '/') {
                ++i;
            } else {
                out.push_back('/');
                ++i;
            }
        } else {
            out.push_back(c);
            ++i;
        }
    }
    // The kernel drops a trailing separator; so does sysdig (but keeps "/").
    if (out.size() > 1 && out.back() == '/') out.pop_back();
}

}  // namespace detail

namespace {

// True when append_sanitized_path would copy `path` unchanged: printable
// bytes only, no "//", no '.' before a '/', another '.' or the end, no
// trailing '/'. Most paths are like that; they are copied in one go.
bool is_clean_path(std::string_view path) {
    const size_t n = path.size();
    if (n > 1 && path[n - 1] == '/') return false;
    for (size_t i = 0; i < n; ++i) {
        const char c = path[i];
        if (!is_printable(c)) return false;
        if (c != '.' && c != '/') continue;
        const char next = i + 1 < n ? path[i + 1] : '\0';
        if (c == '/' && next == '/') return false;
        if (c == '.' && (next == '/' || next == '.' || next == '\0')) return false;
    }
    return true;
}

}  // namespace

bool join_paths(std::string_view base, std::string_view path, std::string& out) {
    out.clear();
    const bool relative = !path.empty() && path[0] != '/';
    if (relative) out.append(base);
    if (is_clean_path(path)) {
        out.append(path);
    } else {
        detail::append_sanitized_path(path, out);
    }
    return relative;
}

void join_cwd(std::string_view old_cwd, std::string_view path, std::string& out) {
    join_paths(old_cwd, path, out);
    if (out.empty() || out.back() != '/') out.push_back('/');
}

}  // namespace tracetop::state
