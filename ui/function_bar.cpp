#include "function_bar.h"

#include <string>

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "keymap.h"

namespace tracetop::ui {

void draw_function_bar(int y, int width) {
    move(y, 0);
    clrtoeol();
    int x = 0;
    for (const FunctionKey& k : function_keys()) {
        const std::string key = fmt::format("F{} {}", k.fkey, k.letter);
        const std::string label = fmt::format(" {} ", k.label);
        if (x + static_cast<int>(key.size() + label.size()) > width) break;
        attrset(attr(Role::FKey));
        mvaddstr(y, x, key.c_str());
        attrset(attr(Role::FLabel));
        addstr(label.c_str());
        x += static_cast<int>(key.size() + label.size());
    }
    attrset(attr(Role::FLabel));
    if (x < width) addstr(std::string(static_cast<size_t>(width - x), ' ').c_str());
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
