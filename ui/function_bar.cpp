#include "function_bar.h"

#include <string>

#include <curses.h>

#include "colours.h"

namespace tracetop::ui {

void draw_function_bar(int y, int width, Scope scope) { draw_function_bar(y, width, bar_items(keymap(), scope)); }

void draw_function_bar(int y, int width, std::vector<BarItem> items) {
    move(y, 0);
    clrtoeol();
    int x = 0;
    for (const BarItem& item : fit_bar(std::move(items), width)) {
        const std::string label = " " + item.label + " ";
        attrset(attr(Role::FKey));
        mvaddstr(y, x, item.keys.c_str());
        attrset(attr(Role::FLabel));
        addstr(label.c_str());
        x += static_cast<int>(bar_item_width(item));
    }
    attrset(attr(Role::FLabel));
    if (x < width) addstr(std::string(static_cast<size_t>(width - x), ' ').c_str());
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
