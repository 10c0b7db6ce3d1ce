// What the binding table says, as the help screen, the function bars and
// the man page's Keys section show it: all three are made here from the
// table, none is typed by hand.
#pragma once

#include <string>
#include <vector>

#include "keymap.h"

namespace tracetop::ui {

// One key of a function bar: "F1 h" (the function key and its letter twin) and "Help".
struct BarItem {
    std::string keys;
    std::string label;
    Action action = Action::None;
    int keep = 0;
};

// The bar of a scope: its bindings with a label, by function key number
// (keys without one after, in table order).
std::vector<BarItem> bar_items(const Keymap& map, Scope scope);
// The items that fit in `width`, the lowest `keep` left out first.
std::vector<BarItem> fit_bar(std::vector<BarItem> items, int width);
// The width a bar item takes: "F1 h" " Help ".
size_t bar_item_width(const BarItem& item);

// The keys of a binding as the bar shows them: the first two names.
std::string bar_keys(const Binding& b);

// The help screen: a heading per scope, then a line per binding.
std::vector<std::string> help_text(const Keymap& map);
// The width of the keys column of the help screen.
inline constexpr size_t kHelpKeysWidth = 28;

// The man page's Keys section (roff), from ".SS Keys" to its last line.
std::string man_keys_section(const Keymap& map);
// The lines that frame the generated section in man/tracetop.8.
inline constexpr const char* kManBegin = ".\\\" BEGIN KEYS: made from ui/keymap.cpp by `meson compile -C build man-keys`";
inline constexpr const char* kManEnd = ".\\\" END KEYS";

}  // namespace tracetop::ui
