// Text for the terminal: control characters made harmless, and cut or padded
// to a number of columns (UTF-8 aware: one column per character).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracetop::ui {

// Replaces control bytes (and DEL) by '?': a last guard, since snapshot text
// is already sanitized where it is rendered.
std::string sanitize(std::string_view text);

// Exactly `width` columns: cut (with no partial UTF-8 sequence) or padded;
// right-aligned when `right`.
std::string fit(std::string_view text, size_t width, bool right = false);

// Columns `text` takes.
size_t columns(std::string_view text);

// The lines of `text`, split at '\n' (a final '\n' ends the last line, it
// does not start an empty one).
std::vector<std::string> split_lines(std::string_view text);

}  // namespace tracetop::ui
