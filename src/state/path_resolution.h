// How sysdig turns a path relative to a directory into the absolute name it
// shows (fd.name, proc.cwd): join, then fold "//", "./" and "../" the way the
// kernel would, replace non-printable bytes by '.', and drop a trailing '/'.
#pragma once

#include <string>
#include <string_view>

namespace tracetop::state {

// Appends `base` + `path` to `out` (cleared first). An absolute or empty
// `path` ignores `base`. Returns false when `path` was absolute/empty.
bool join_paths(std::string_view base, std::string_view path, std::string& out);

// A process cwd as sysdig keeps it: joined onto the old one, ending in '/'.
void join_cwd(std::string_view old_cwd, std::string_view path, std::string& out);

namespace detail {
// Appends `path` to `out` character by character, folding dot components
// and repeated separators: what join_paths does for paths that need it (the
// unit tests check its shortcut for clean paths against this).
void append_sanitized_path(std::string_view path, std::string& out);
}  // namespace detail

}  // namespace tracetop::state
