#include "keymap.h"

#include <utility>

#include "key_names.h"

namespace tracetop::ui {
namespace {

using A = Action;
using S = Scope;

// The table tracetop ships, scope by scope; the help screen and the man page
// list the rows in this order, the function bar by function key.
std::vector<Binding> default_rows() {
    return {
        // --- the table ---
        {S::Table, A::Help, "F1 h ?", "Help", 9, "this help (q or Esc closes it)", ""},
        {S::Table, A::Views, "F2 v", "Views", 7, "views menu: pick a view (Enter), Esc cancels",
         "The drill-down filter stays."},
        {S::Table, A::Search, "/", "", 0, "incremental search in the rows", ""},
        {S::Table, A::SearchNext, "F3 n", "Search", 6, "the next match (a new search when there is none)", ""},
        {S::Table, A::TextFilter, "F4 \\", "Filter", 5, "text filter: keep rows containing the text; Esc clears it",
         "Any column, case ignored; the header shows it."},
        {S::Table, A::SysdigFilter, ":", "", 0, "sysdig filter expression for every view (empty clears it)",
         "An invalid one shows the error and the prompt stays open."},
        {S::Table, A::Echo, "F5 e", "Echo", 4, "Echo: the bytes the selection read and wrote",
         "See Echo pane."},
        {S::Table, A::Events, "F6 d", "Events", 3, "events of the selected row",
         "The Events view, scoped to the row."},
        {S::Table, A::SortNext, "F9 > .", "Sort", 1, "sort by the next column", ""},
        {S::Table, A::SortPrev, "< ,", "", 0, "sort by the previous column", ""},
        {S::Table, A::Invert, "I", "", 0, "invert the sort direction", ""},
        {S::Table, A::Quit, "F10 q", "Quit", 8, "quit",
         "Ctrl-C and SIGTERM quit too; the terminal is restored in every case, also after a crash."},
        {S::Table, A::Spectro, "F12 s", "Spectro", 2, "latency spectrogram of the selection",
         "See Latency spectrogram."},
        {S::Table, A::Tree, "t", "", 0, "Processes: tree of parents and children (by ppid) on / off",
         "Also other views with proc.pid and proc.ppid columns: each process under its parent, with guide "
         "lines before the command as in htop. Siblings keep the sort order. A process whose parent is not "
         "in the table is a root."},
        {S::Table, A::Expand, "+", "", 0, "tree: expand the selected process", ""},
        {S::Table, A::Collapse, "-", "", 0, "tree: collapse the selected process",
         "A collapsed one shows + and hides its descendants."},
        {S::Table, A::Fold, "Space", "", 0, "tree: expand or collapse the selected process; elsewhere a page down",
         ""},
        {S::Table, A::Pause, "p", "", 0, "pause / resume refreshing", "PAUSED is shown while paused."},
        {S::Table, A::Clear, "c", "", 0, "clear the rows gathered so far (lists and other accumulating views)",
         "List views and Executed Commands keep their rows from one refresh to the next (live) until "
         "cleared; other views show each refresh's own interval."},
        {S::Table, A::Enter, "Enter", "", 0, "drill down into the selected row (on an event: all its fields)",
         "Pushes the row's key = value onto the filter stack and opens the view's drill-down target; a "
         "target whose key is already pinned by the stack is skipped (one process's system calls lead "
         "straight to their events). In the Events view, Enter shows every field of the event as "
         "field=value."},
        {S::Table, A::Back, "Backspace", "", 0, "back to where the last drill-down started",
         "Restores the view, sort column and direction, selected row and text filter."},
        {S::Table, A::Cancel, "Esc", "", 0, "clear the text filter; without one, back as Backspace", ""},

        // --- every list, page and pane ---
        {S::Lists, A::Up, "Up k", "", 0, "up one line", ""},
        {S::Lists, A::Down, "Down j", "", 0, "down one line", ""},
        {S::Lists, A::PageUp, "PgUp", "", 0, "a page up", ""},
        {S::Lists, A::PageDown, "PgDn Space", "", 0, "a page down", ""},
        {S::Lists, A::Home, "Home", "", 0, "to the first line", ""},
        {S::Lists, A::End, "End", "", 0, "to the last line",
         "In the table the selection follows its row across refreshes."},

        // --- anywhere ---
        {S::Anywhere, A::Redraw, "Ctrl-L", "", 0, "redraw the screen", ""},
        {S::Anywhere, A::Mouse, "mouse", "", 0,
         "click selects, double-click drills down, click on a title sorts (again inverts), wheel scrolls", ""},
        {S::Anywhere, A::Resize, "resize", "", 0, "", ""},

        // --- the Echo pane ---
        {S::Echo, A::Hex, "F2 x", "Hex", 0, "hex dump or ASCII", ""},
        {S::Echo, A::Search, "/", "Search", 0, "search the bytes (case ignored)", ""},
        {S::Echo, A::SearchNext, "F3 n", "Next", 0, "the next match", ""},
        {S::Echo, A::End, "End", "Follow", 0, "to the end, and follow it live", ""},
        {S::Echo, A::Close, "q Esc Backspace F10", "Back", 0, "back to the view as it was", ""},

        // --- the latency spectrogram ---
        {S::Spectro, A::Left, "Left h", "", 0, "the cursor one latency bucket left", ""},
        {S::Spectro, A::Right, "Right l", "", 0, "the cursor one latency bucket right", ""},
        {S::Spectro, A::Enter, "Enter", "Events of the box", 0, "the events of the box under the cursor (offline)",
         "A drill-down level; Backspace returns to the spectrogram."},
        {S::Spectro, A::Close, "q Esc Backspace F10", "Back", 0, "back to the view", ""},

        // --- help and an event's fields ---
        {S::Pager, A::Close, "q Esc F10", "Close", 0, "close the page", ""},

        // --- the views menu ---
        {S::Menu, A::Enter, "Enter", "Open", 0, "open the selected view", ""},
        {S::Menu, A::Close, "Esc q F2 v", "Cancel", 0, "leave the view as it was", ""},

        // --- typing a search or a filter ---
        {S::Prompt, A::Enter, "Enter", "", 0, "accept", ""},
        {S::Prompt, A::Cancel, "Esc", "", 0, "cancel (a text filter is cleared)", ""},
        {S::Prompt, A::Left, "Left", "", 0, "cursor left", ""},
        {S::Prompt, A::Right, "Right", "", 0, "cursor right", ""},
        {S::Prompt, A::Home, "Home Ctrl-A", "", 0, "to the start of the line", ""},
        {S::Prompt, A::End, "End Ctrl-E", "", 0, "to the end of the line", ""},
        {S::Prompt, A::Erase, "Backspace", "", 0, "delete the character before the cursor", ""},
        {S::Prompt, A::EraseForward, "Delete", "", 0, "delete the character under the cursor", ""},
        {S::Prompt, A::ClearLine, "Ctrl-U", "", 0, "clear the line", ""},
    };
}

constexpr Scope kTableChain[] = {S::Table, S::Lists, S::Anywhere};
constexpr Scope kEchoChain[] = {S::Echo, S::Lists, S::Anywhere};
constexpr Scope kSpectroChain[] = {S::Spectro, S::Lists, S::Anywhere};
constexpr Scope kPagerChain[] = {S::Pager, S::Lists, S::Anywhere};
constexpr Scope kMenuChain[] = {S::Menu, S::Lists, S::Anywhere};
// Typing: letters are text, not moves.
constexpr Scope kPromptChain[] = {S::Prompt, S::Anywhere};
constexpr Scope kListsChain[] = {S::Lists, S::Anywhere};
constexpr Scope kAnywhereChain[] = {S::Anywhere};

}  // namespace

std::span<const Scope> scope_chain(Scope scope) {
    switch (scope) {
        case S::Table: return kTableChain;
        case S::Echo: return kEchoChain;
        case S::Spectro: return kSpectroChain;
        case S::Pager: return kPagerChain;
        case S::Menu: return kMenuChain;
        case S::Prompt: return kPromptChain;
        case S::Lists: return kListsChain;
        case S::Anywhere: break;
    }
    return kAnywhereChain;
}

std::string_view scope_title(Scope scope) {
    switch (scope) {
        case S::Table: return "In the table";
        case S::Echo: return "In the Echo pane";
        case S::Spectro: return "In the latency spectrogram";
        case S::Pager: return "In help and an event's fields";
        case S::Menu: return "In the views menu";
        case S::Prompt: return "While typing a search or a filter";
        case S::Lists: return "In every list, page and pane";
        case S::Anywhere: break;
    }
    return "Anywhere";
}

Keymap::Keymap(std::vector<Binding> rows) : rows_(std::move(rows)) { index(); }

const Keymap& Keymap::defaults() {
    static const Keymap map(default_rows());
    return map;
}

const Keymap& keymap() { return Keymap::defaults(); }

void Keymap::index() {
    for (auto& codes : by_code_) codes.clear();
    for (const Binding& b : rows_) {
        for (const std::string& name : key_names(b.keys)) {
            for (int code : key_codes(name)) by_code_[static_cast<size_t>(b.scope)].emplace(code, b.action);
        }
    }
}

Action Keymap::action(Scope scope, int code) const {
    for (Scope s : scope_chain(scope)) {
        const auto& codes = by_code_[static_cast<size_t>(s)];
        if (const auto it = codes.find(code); it != codes.end()) return it->second;
    }
    return scope == S::Prompt ? A::Insert : A::None;
}

const Binding* Keymap::find(Scope scope, Action action) const {
    for (const Binding& b : rows_) {
        if (b.scope == scope && b.action == action) return &b;
    }
    return nullptr;
}

bool Keymap::rebind(Scope scope, Action action, const std::string& keys) {
    const auto names = key_names(keys);
    if (names.empty()) return false;
    for (const std::string& name : names) {
        if (key_codes(name).empty()) return false;
    }
    for (Binding& b : rows_) {
        if (b.scope == scope && b.action == action) {
            b.keys = keys;
            index();
            return true;
        }
    }
    return false;
}

}  // namespace tracetop::ui
