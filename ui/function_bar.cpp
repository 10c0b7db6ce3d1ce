#include "function_bar.h"

#include <algorithm>
#include <string>
#include <vector>

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "keymap.h"

namespace tracetop::ui {

void draw_function_bar(int y, int width) {
    // The keys that fit, in table order; when not all do, the least needed
    // ("keep" lowest) are left out first.
    std::vector<FunctionKey> shown(function_keys().begin(), function_keys().end());
    auto length = [](const FunctionKey& k) { return fmt::format("F{} {}  {} ", k.fkey, k.letter, k.label).size() - 1; };
    auto total = [&] {
        size_t n = 0;
        for (const FunctionKey& k : shown) n += length(k);
        return n;
    };
    while (!shown.empty() && total() > static_cast<size_t>(std::max(width, 0))) {
        auto least = std::min_element(shown.begin(), shown.end(),
                                      [](const FunctionKey& a, const FunctionKey& b) { return a.keep < b.keep; });
        shown.erase(least);
    }
    move(y, 0);
    clrtoeol();
    int x = 0;
    for (const FunctionKey& k : shown) {
        const std::string key = fmt::format("F{} {}", k.fkey, k.letter);
        const std::string label = fmt::format(" {} ", k.label);
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

// A pane's own bar: "key label" pairs drawn like the function bar.
void draw_key_bar(int y, int width, const std::vector<std::pair<std::string, std::string>>& keys) {
    move(y, 0);
    clrtoeol();
    int x = 0;
    for (const auto& [key, label] : keys) {
        const std::string text = " " + label + " ";
        if (x + static_cast<int>(key.size() + text.size()) > width) break;
        attrset(attr(Role::FKey));
        mvaddstr(y, x, key.c_str());
        attrset(attr(Role::FLabel));
        addstr(text.c_str());
        x += static_cast<int>(key.size() + text.size());
    }
    attrset(attr(Role::FLabel));
    if (x < width) addstr(std::string(static_cast<size_t>(width - x), ' ').c_str());
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
