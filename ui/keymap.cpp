#include "keymap.h"

#include <curses.h>

namespace tracetop::ui {
namespace {

constexpr FunctionKey kFunctionKeys[] = {
    {1, "h", "Help", Action::Help, 9},       {2, "v", "Views", Action::Views, 7},
    {3, "/", "Search", Action::Search, 6},   {4, "\\", "Filter", Action::TextFilter, 5},
    {5, "e", "Echo", Action::Echo, 4},       {6, "d", "Events", Action::Events, 3},
    {9, ">", "Sort", Action::SortNext, 1},   {10, "q", "Quit", Action::Quit, 8},
    {12, "s", "Spectro", Action::Spectro, 2},
};

constexpr HelpLine kHelp[] = {
    {"F1 h ?", "this help (q or Esc closes it)"},
    {"F2 v", "views menu: pick a view (Enter), Esc cancels"},
    {"F3 /", "incremental search in the rows; F3 or n: next match"},
    {"F4 \\", "text filter: keep rows containing the text; Esc clears it"},
    {":", "sysdig filter expression for every view (empty clears it)"},
    {"F5 e", "Echo: the bytes the selection read and wrote (F2 hex/ASCII, / search, n next, Esc back)"},
    {"F6 d", "events of the selected row"},
    {"F12 s", "latency spectrogram of the selection (arrows move, Enter: events of a box, Esc back)"},
    {"t", "Processes: tree of parents and children (by ppid) on / off"},
    {"+ - Space", "tree: expand / collapse / toggle the selected process"},
    {"F9 > <", "sort by the next / previous column"},
    {"I", "invert the sort direction"},
    {"p", "pause / resume refreshing"},
    {"c", "clear the rows gathered so far (lists and other accumulating views)"},
    {"Up Down PgUp PgDn Home End", "move the selection"},
    {"Enter", "drill down into the selected row (on an event: all its fields)"},
    {"Backspace Esc", "back to where the last drill-down started"},
    {"Ctrl-L", "redraw the screen"},
    {"q F10", "quit"},
    {"mouse", "click selects, double-click drills down, click on a title sorts (again inverts), wheel scrolls"},
};

}  // namespace

std::span<const FunctionKey> function_keys() { return kFunctionKeys; }
std::span<const HelpLine> help_lines() { return kHelp; }

Action action_for_key(int ch) {
    switch (ch) {
        case KEY_F(1): case 'h': case '?': return Action::Help;
        case KEY_F(2): case 'v': return Action::Views;
        case '/': return Action::Search;
        case KEY_F(3): case 'n': return Action::SearchNext;
        case KEY_F(4): case '\\': return Action::TextFilter;
        case ':': return Action::SysdigFilter;
        case KEY_F(5): case 'e': return Action::Echo;
        case KEY_F(6): case 'd': return Action::Events;
        case KEY_F(12): case 's': return Action::Spectro;
        case 't': return Action::Tree;
        case '+': return Action::Expand;
        case '-': return Action::Collapse;
        case KEY_F(9): case '>': case '.': return Action::SortNext;
        case '<': case ',': return Action::SortPrev;
        case 'I': return Action::Invert;
        case 'p': return Action::Pause;
        case 'c': return Action::Clear;
        case KEY_UP: case 'k': return Action::Up;
        case KEY_DOWN: case 'j': return Action::Down;
        case KEY_PPAGE: return Action::PageUp;
        case KEY_NPAGE: case ' ': return Action::PageDown;
        case KEY_HOME: return Action::Home;
        case KEY_END: return Action::End;
        case '\n': case '\r': case KEY_ENTER: return Action::Enter;
        case KEY_BACKSPACE: case 127: case 8: case 27: return Action::Back;
        case 'q': case KEY_F(10): return Action::Quit;
        case 12: return Action::Redraw;  // Ctrl-L
        case KEY_RESIZE: return Action::Resize;
        case KEY_MOUSE: return Action::Mouse;
        default: return Action::None;
    }
}

}  // namespace tracetop::ui
