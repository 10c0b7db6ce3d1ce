#include "menu_list.h"

#include <algorithm>

#include <curses.h>

#include "colours.h"
#include "function_bar.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

// Lines for entries: all but the title and the function bar.
size_t room(int height) { return static_cast<size_t>(std::max(height - 2, 1)); }
// The entry on the first line, so that the selection shows.
size_t first_shown(size_t selected, int height) { return selected >= room(height) ? selected - room(height) + 1 : 0; }

}  // namespace

void draw_menu_list(const std::string& title, const std::vector<std::string>& lines, size_t selected, int height,
                    int width, const MenuBar& bar) {
    erase();
    curs_set(0);
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
    const size_t top = first_shown(selected, height);
    for (size_t i = top; i < lines.size() && i - top < room(height); ++i) {
        attrset(attr(i == selected ? Role::Selection : Role::Normal));
        mvaddstr(static_cast<int>(i - top) + 1, 0, fit(lines[i], static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
    // The bar names this menu's own actions: the menus share one scope, so
    // the labels of the views menu's bindings would say "Open" here.
    std::vector<BarItem> items;
    for (const auto& [action, label] : bar) {
        const Binding* b = keymap().find(Scope::Menu, action);
        if (!b) b = keymap().find(Scope::Lists, action);
        if (b) items.push_back({bar_keys(*b), label, action, 0});
    }
    draw_function_bar(height - 1, width, std::move(items));
}

bool click_selects(const Input& in, size_t n, int height, size_t& selected) {
    const int y = in.mouse.y;
    if (in.action != Action::Mouse || in.mouse.kind != MouseEvent::Kind::Press) return false;
    if (y < 1 || static_cast<size_t>(y - 1) >= room(height)) return false;
    const size_t i = first_shown(selected, height) + static_cast<size_t>(y - 1);
    if (i >= n) return false;
    selected = i;
    return true;
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
