// What the sort menu, the column chooser and the setup screen have in
// common: a title line naming the menu's keys, then one line an entry with
// the selection bar, scrolled so the selection shows.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "keymap.h"
#include "panel.h"

namespace tracetop::ui {

// What a menu's function bar offers: each action with the menu's own word
// for it (the keys come from the binding table).
using MenuBar = std::vector<std::pair<Action, std::string>>;

// Draws `lines` under `title` on the whole screen, and `bar` on the last line.
void draw_menu_list(const std::string& title, const std::vector<std::string>& lines, size_t selected, int height,
                    int width, const MenuBar& bar);

// A mouse press on an entry of a list of `n` drawn by draw_menu_list on a
// screen `height` high selects it: true when it did.
bool click_selects(const Input& in, size_t n, int height, size_t& selected);

// The first key of `action` in the menus' scope ("" when unbound), for titles.
std::string menu_key(Action action);

// Up, Down, Home, End on a list of `n` entries: true when `action` was one.
bool move_in_list(Action action, size_t n, size_t& selected);

}  // namespace tracetop::ui
