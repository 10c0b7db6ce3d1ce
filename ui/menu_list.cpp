#include "menu_list.h"

#include <algorithm>

#include <curses.h>

#include "colours.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {

void draw_menu_list(const std::string& title, const std::vector<std::string>& lines, size_t selected, int height,
                    int width) {
    erase();
    curs_set(0);
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
    const size_t room = static_cast<size_t>(std::max(height - 2, 1));
    const size_t top = selected >= room ? selected - room + 1 : 0;
    for (size_t i = top; i < lines.size() && i - top < room; ++i) {
        attrset(attr(i == selected ? Role::Selection : Role::Normal));
        mvaddstr(static_cast<int>(i - top) + 1, 0, fit(lines[i], static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
}

std::string menu_key(Action action) {
    const Binding* b = keymap().find(Scope::Menu, action);
    if (!b) b = keymap().find(Scope::Lists, action);
    return b ? key_names(b->keys).front() : "";
}

bool move_in_list(Action action, size_t n, size_t& selected) {
    switch (action) {
        case Action::Up: if (selected > 0) --selected; return true;
        case Action::Down: if (selected + 1 < n) ++selected; return true;
        case Action::PageUp: selected = selected > 10 ? selected - 10 : 0; return true;
        case Action::PageDown: selected = n ? std::min(selected + 10, n - 1) : 0; return true;
        case Action::Home: selected = 0; return true;
        case Action::End: selected = n ? n - 1 : 0; return true;
        default: return false;
    }
}

}  // namespace tracetop::ui
