// What the sort menu, the column chooser and the setup screen have in
// common: a title line naming the menu's keys, then one line an entry with
// the selection bar, scrolled so the selection shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "keymap.h"

namespace tracetop::ui {

// Draws `lines` under `title` on the whole screen but the function bar.
void draw_menu_list(const std::string& title, const std::vector<std::string>& lines, size_t selected, int height,
                    int width);

// After draw_menu_list with `selected` of `n` entries on a screen `height`
// high: the entry on screen line `y` (a click), if any.
std::optional<size_t> menu_entry_at(int y, size_t selected, size_t n, int height);

// The first key of `action` in the menus' scope ("" when unbound), for titles.
std::string menu_key(Action action);

// Up, Down, Home, End on a list of `n` entries: true when `action` was one.
bool move_in_list(Action action, size_t n, size_t& selected);

}  // namespace tracetop::ui
