// Keys as data (htop's FunctionBar, STYLE.md): one binding table, ui/keys.toml
// compiled in, says which key does what where, with the label of the function
// bar and the text of the help screen and the man page, so that all three
// come from it and a settings file can remap it. Keys are spelled by name
// ("F1 h ?"); only this table and the line editor's text entry ever see a
// raw key code.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracetop::ui {

enum class Action {
    None,
    // The table's own.
    Help, Views, Search, SearchNext, TextFilter, SysdigFilter, Events, Echo, Spectro,
    Tree, Expand, Collapse, Fold, SortNext, SortPrev, Invert, Pause, Clear, Quit,
    // issue 16 (uilook): the sort menu, the column chooser, the setup screen,
    // the first and last column; in those menus: show/hide, move a column.
    SortMenu, Columns, Setup, LineHome, LineEnd, Toggle, MoveUp, MoveDown,
    // Moving in a list, page or grid.
    Up, Down, Left, Right, PageUp, PageDown, Home, End,
    Enter,   // drill down, open, choose, accept
    Back,    // one drill-down level up
    Cancel,  // Esc: undo what is open (a text filter, a prompt)
    Close,   // leave an overlay or pane for the view under it
    Hex,     // Echo: hex dump or ASCII
    // Text entry.
    Insert, Erase, EraseForward, ClearLine,
    // Anywhere.
    Redraw, Resize, Mouse,
    Chisels,  // chisels (D): the chisels menu
    // Time ranges (issue 15, part big): the timeline strip's selection.
    RangeEarlier, RangeLater, RangeNarrow, RangeWiden, RangeWhole,
    // issue 16 (uiact): actions on rows and htop's keys.
    RowActions, SortMemory, SortCpu, SortTime, JumpPid, PickUser, HideUserThreads, HideKernelThreads,
    // issue 15 live history (rewind): from a past range back to now.
    LiveNow,
};

// Where a binding holds. A key is looked up in the scope of what is on top
// first, then in the scopes it falls back to (scope_chain).
enum class Scope {
    Table,     // the explorer's table
    Echo,      // the Echo pane
    Spectro,   // the latency spectrogram
    Pager,     // help and an event's fields
    Menu,      // the views menu, and the sort, column and setup menus
    Prompt,    // a line being typed: what no binding takes is text
    Lists,     // every list, page and pane (after its own)
    Anywhere,  // whatever is on screen (last)
};
inline constexpr size_t kScopes = static_cast<size_t>(Scope::Anywhere) + 1;

struct Binding {
    Scope scope;
    Action action;
    std::string keys;  // key names, blank-separated, the function key first: "F1 h ?"
    std::string label; // in the scope's function bar ("" = not there)
    int keep = 0;      // when the bar is too narrow, the lowest go first
    std::string help;  // one line, for the help screen and the man page; "" = internal
    std::string more;  // the man page only: the longer story
};

class Keymap {
public:
    explicit Keymap(std::vector<Binding> rows);
    // The table tracetop ships (ui/keys.toml).
    static const Keymap& defaults();
    // A table in keys.toml's form; `origin` names it in the error.
    struct Parsed;
    static Parsed parse(std::string_view text, std::string_view origin);

    std::span<const Binding> rows() const { return rows_; }
    // The action `code` (as ncurses' wgetch returns it) has in `scope`.
    // In Scope::Prompt a code no binding takes is Action::Insert.
    Action action(Scope scope, int code) const;
    // Gives the binding of `action` in `scope` other keys ("F3 n"): what a
    // settings file does. False when there is no such binding or a key name
    // is not known.
    bool rebind(Scope scope, Action action, const std::string& keys);
    // The first binding of `action` in `scope`, or nullptr.
    const Binding* find(Scope scope, Action action) const;

private:
    void index();

    std::vector<Binding> rows_;
    std::unordered_map<int, Action> by_code_[kScopes];
};

struct Keymap::Parsed {
    std::optional<Keymap> map;
    std::string error;  // when there is no map
};

// ui/keys.toml's text, compiled in (embed_text.py).
std::string_view embedded_keys_toml();

// The keymap in force.
const Keymap& keymap();

// The scopes a key is looked up in, for what shows `scope`, in order.
std::span<const Scope> scope_chain(Scope scope);
// A scope's name in the help screen and the man page ("In the Echo pane").
std::string_view scope_title(Scope scope);

}  // namespace tracetop::ui
