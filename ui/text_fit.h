// Text for the terminal: control characters and invalid UTF-8 made harmless,
// and cut or padded to a number of terminal cells (text_width: a wide
// character takes two, a combining mark none).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracetop::ui {

// Replaces control characters (C0, DEL, C1), bytes that are not UTF-8 and
// what the locale cannot print by '?': a last guard, since snapshot text is
// already sanitized where it is rendered.
std::string sanitize(std::string_view text);

// Exactly `width` cells, sanitized: cut (never inside a character; a wide
// one that would straddle the edge becomes padding) or padded;
// right-aligned when `right`.
std::string fit(std::string_view text, size_t width, bool right = false);

// `text` sanitized and cut to at most `width` cells (padded only where a
// wide character did not fit).
std::string clip(std::string_view text, size_t width);

// Cells `text` takes on the terminal.
size_t columns(std::string_view text);

// `text` sanitized; when wider than `width`, its end after `mark` ("..."),
// `width` cells at most: a path keeps the part where the user is.
std::string keep_end(std::string_view text, size_t width, std::string_view mark);

// The lines of `text`, split at '\n' (a final '\n' ends the last line, it
// does not start an empty one).
std::vector<std::string> split_lines(std::string_view text);

}  // namespace tracetop::ui
