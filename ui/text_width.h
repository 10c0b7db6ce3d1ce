// How many terminal cells text takes, by the terminal's own rules: UTF-8
// decoded here, each character's width from wcwidth() under the locale
// ncursesw draws with (set by Terminal). A wide (CJK) character takes two
// cells, a combining mark none. Bytes that are not valid UTF-8, and
// characters the terminal would act on or cannot print, come out as one '?'
// each: text from the traced system reaches the screen only this way.
#pragma once

#include <cstddef>
#include <string_view>

namespace tracetop::ui {

// One character of a UTF-8 string.
struct Glyph {
    size_t bytes = 1;   // its length in the string
    int cells = 1;      // 0 (combining), 1 or 2
    bool shown = true;  // false: invalid or unprintable, drawn as '?' (one cell)
};

// The character starting at byte `pos` (< text.size()).
Glyph glyph_at(std::string_view text, size_t pos);

// Cells `text` takes once drawn (a '?' for each one not shown).
size_t display_width(std::string_view text);

}  // namespace tracetop::ui
