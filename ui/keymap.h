// Keys as data (STYLE.md, htop's FunctionBar): every function key has a
// letter twin, and help, the function bar and the man page list the same
// bindings from these tables.
#pragma once

#include <span>

namespace tracetop::ui {

enum class Action {
    None,
    Help,
    Views,
    Search,
    SearchNext,
    TextFilter,
    SysdigFilter,
    Events,
    Echo,
    Spectro,
    Tree,
    Expand,
    Collapse,
    SortNext,
    SortPrev,
    Invert,
    Pause,
    Clear,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Back,
    Quit,
    Redraw,
    Resize,
    Mouse,
};

struct FunctionKey {
    int fkey;             // 1 for F1
    const char* letter;   // its twin ("h")
    const char* label;    // shown in the bar
    Action action;
    int keep;             // when the bar is too narrow, lower ones go first
};

struct HelpLine {
    const char* keys;
    const char* what;
};

// The bar at the bottom, in order.
std::span<const FunctionKey> function_keys();

// Every binding, for the help screen.
std::span<const HelpLine> help_lines();

// The action of a key read with ncurses' wgetch (KEY_* codes or characters).
Action action_for_key(int ch);

}  // namespace tracetop::ui
