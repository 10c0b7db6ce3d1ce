// What every part of the screen that takes keys is (htop's Panel): the
// table, a pane (Echo, spectrogram), a page (help, an event's fields), the
// views menu, a prompt. The explorer (the screen manager) turns a key into
// an Input through the binding table of the top panel's scope, hands it to
// that panel and acts on the Reply.
#pragma once

#include <string>
#include <utility>

#include "keymap.h"
#include "level_state.h"
#include "terminal.h"

namespace tracetop::ui {

struct Input {
    Action action = Action::None;
    int text = 0;      // Action::Insert: the byte typed (text entry only)
    MouseEvent mouse;  // Action::Mouse
};

// Something for the screen manager to open or pass on, besides the reply.
struct Request {
    enum class Kind {
        None,
        Help,
        Views,
        Search,
        TextFilter,
        SysdigFilter,
        Echo,
        Spectro,
        EventFields,     // Enter on a list's event: its fields
        ReopenSpectro,   // back from a spectrogram box's events: `pane`
        ChooseView,      // the views menu's choice: `text`
        BoxEvents,       // a spectrogram box's events, a level down; back to `pane`
        // issue 16 (uiact)
        Actions,         // the actions menu on the tagged rows, else the selected one
        Status,          // `text` on the status line (a result, a hint)
        ScopedView,      // the view `text` scoped to `pane.row`'s key terms (a drill-down level)
        FilterPrompt,    // the sysdig filter prompt, holding `text`
        // issue 16 (uilook)
        SortMenu,        // the list of columns to sort by
        Columns,         // the column chooser of the view shown
        Setup,           // the setup screen
        Chisels,         // chisels (D): the chisels menu
        RunChisel,       // chisels (D): the menu's choice: `text`, run on the scope
    };
    Request(Kind k = Kind::None, PaneSelection p = {}, std::string t = {})
        : kind(k), pane(std::move(p)), text(std::move(t)) {}
    Kind kind;
    PaneSelection pane;
    std::string text;
    bool follow = false;  // ScopedView: the level opened stays at its newest row (ui16)
};

// A panel's one answer to an input.
struct Reply {
    enum class Kind {
        Ignored,  // not for this panel: nothing changed
        Handled,  // done: redraw
        Close,    // the panel is done: the one under it takes over
        Quit,     // end tracetop
    };
    Reply(Request r = {}) : request(std::move(r)) {}
    static Reply ignored() { return with(Kind::Ignored); }
    static Reply close(Request r = {}) { return with(Kind::Close, std::move(r)); }
    static Reply quit() { return with(Kind::Quit); }

    Kind kind = Kind::Handled;
    Request request;

private:
    static Reply with(Kind k, Request r = {}) {
        Reply out(std::move(r));
        out.kind = k;
        return out;
    }
};

// The input a key code read with wgetch makes while a panel of `scope` is on top.
inline Input read_input(const Keymap& map, int code, Scope scope) {
    Input in;
    in.action = map.action(scope, code);
    if (in.action == Action::Insert || in.action == Action::JumpPid) in.text = code;
    if (in.action == Action::Mouse) in.mouse = Terminal::mouse();
    return in;
}

class Panel {
public:
    virtual ~Panel() = default;
    // The bindings that turn keys into actions while this panel is on top.
    virtual Scope scope() const = 0;
    virtual Reply handle(const Input& in) = 0;
    virtual void draw(int height, int width) = 0;
};

}  // namespace tracetop::ui
