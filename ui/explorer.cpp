// The explorer's screen loop: takes the newest snapshot from the engine and
// routes keys to what is on screen: the table (table_panel), or what opened
// over it: help or an event's fields (text_pager), the views menu, a prompt
// (prompt_line), a pane (pane_host). It never blocks on the engine; after a
// navigation command it only leaves keys unread until the answer shows.
#include "explorer.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "engine/explorer_engine.h"
#include "keymap.h"
#include "pane_host.h"
#include "prompt_line.h"
#include "table_panel.h"
#include "terminal.h"
#include "text_fit.h"
#include "text_pager.h"
#include "views_menu.h"

namespace tracetop::ui {
namespace {

constexpr int kMinWidth = 80;
constexpr int kMinHeight = 24;
// The longest keys wait for the engine to answer a navigation command (it
// answers within a batch of events, milliseconds): past it, keys are read
// again, and a drill typed for a level that is gone is refused by the engine.
constexpr auto kAnswerWait = std::chrono::seconds(2);

enum class Mode { Table, Help, Details, ViewsMenu, Prompt, Pane };

class Explorer {
public:
    explicit Explorer(engine::ExplorerEngine& engine) : engine_(engine), table_(engine), panes_(engine) {}
    void run();

private:
    void take_snapshot();
    void draw();
    bool on_key(int ch);  // false: quit
    bool on_request(Request r);  // false: quit
    void on_prompt_key(int ch);
    void on_pane_key(int ch);
    void open_prompt(PromptLine::Kind kind, std::string initial);

    engine::ExplorerEngine& engine_;
    TablePanel table_;
    Mode mode_ = Mode::Table;
    PromptLine prompt_;
    TextPager pager_;
    ViewsMenu menu_;
    PaneHost panes_;
    // Enter on an event: the evt.num whose fields were asked for, and the pager's title.
    std::optional<std::string> pending_details_;
    std::string pending_title_;
    bool dirty_ = true;
    // Since when the screen waits for the answer to a navigation command.
    std::optional<std::chrono::steady_clock::time_point> waiting_since_;
};

void Explorer::take_snapshot() {
    auto snap = engine_.latest();
    if (snap && pending_details_ && snap->details_key == *pending_details_) {
        pager_.open(pending_title_, split_lines(snap->details));
        mode_ = Mode::Details;
        pending_details_.reset();
        dirty_ = true;
    }
    if (snap && mode_ == Mode::Pane && panes_.take(*snap)) dirty_ = true;
    if (table_.offer(std::move(snap))) dirty_ = true;
}

void Explorer::open_prompt(PromptLine::Kind kind, std::string initial) {
    prompt_.open(kind, std::move(initial));
    mode_ = Mode::Prompt;
}

bool Explorer::on_request(Request r) {
    const analysis::Snapshot* snap = table_.snapshot();
    switch (r.kind) {
        case Request::Kind::None: break;
        case Request::Kind::Quit: return false;
        case Request::Kind::Help:
            pager_.open("Help", help_text());
            mode_ = Mode::Help;
            break;
        case Request::Kind::Views:
            menu_.open(engine_.views(), snap ? snap->view_id : "");
            mode_ = Mode::ViewsMenu;
            break;
        case Request::Kind::Search: open_prompt(PromptLine::Kind::Search, ""); break;
        case Request::Kind::TextFilter: open_prompt(PromptLine::Kind::TextFilter, table_.text_filter()); break;
        case Request::Kind::SysdigFilter: open_prompt(PromptLine::Kind::SysdigFilter, snap ? snap->filter : ""); break;
        case Request::Kind::Echo:
        case Request::Kind::Spectro:
            if (snap) {
                const auto kind = r.kind == Request::Kind::Echo ? analysis::PaneKind::Echo : analysis::PaneKind::Spectro;
                panes_.open_here(kind, *snap, table_.selected_row());
                mode_ = Mode::Pane;
            }
            break;
        case Request::Kind::EventFields:
            // The engine renders the fields of that one event; they come back
            // in a snapshot (take_snapshot opens them).
            if (const analysis::Row* row = table_.selected_row()) {
                pending_details_ = std::to_string(row->event_num);
                pending_title_ = fmt::format("Event {}: every field", row->key);
                engine_.send(engine::Command::with_text(engine::Command::Kind::EventDetails, *pending_details_));
            }
            break;
        case Request::Kind::ReopenSpectro:
            panes_.open(analysis::PaneKind::Spectro, std::move(r.pane), snap && snap->source.live);
            mode_ = Mode::Pane;
            break;
    }
    return true;
}

void Explorer::on_prompt_key(int ch) {
    if (ch == KEY_RESIZE) return;
    const LineEditor::Result r = prompt_.key(ch);
    switch (prompt_.kind()) {
        case PromptLine::Kind::Search:
            if (r == LineEditor::Result::Changed) {
                table_.search(prompt_.text());
            } else if (r == LineEditor::Result::Accepted || r == LineEditor::Result::Cancelled) {
                table_.keep_search(prompt_.text());
                mode_ = Mode::Table;
            }
            break;
        case PromptLine::Kind::TextFilter:
            if (r == LineEditor::Result::Changed) {
                table_.set_text_filter(prompt_.text());
            } else if (r == LineEditor::Result::Cancelled) {
                table_.set_text_filter("");
                mode_ = Mode::Table;
            } else if (r == LineEditor::Result::Accepted) {
                mode_ = Mode::Table;
            }
            break;
        case PromptLine::Kind::SysdigFilter:
            if (r == LineEditor::Result::Cancelled) {
                prompt_.set_error("");
                mode_ = Mode::Table;
            } else if (r == LineEditor::Result::Accepted) {
                if (auto bad = engine::ExplorerEngine::check_filter(prompt_.text())) {
                    prompt_.set_error(*bad);  // the prompt stays open to fix it
                } else {
                    prompt_.set_error("");
                    table_.set_filter(prompt_.text());
                    mode_ = Mode::Table;
                }
            }
            break;
    }
}

void Explorer::on_pane_key(int ch) {
    if (ch == KEY_RESIZE) return;
    switch (panes_.key(ch)) {
        case PaneHost::Result::Handled: break;
        case PaneHost::Result::Closed: mode_ = Mode::Table; break;
        case PaneHost::Result::BoxChosen:
            // Its events, one drill-down level below the view.
            table_.enter_box_events(panes_.drill_into_box());
            mode_ = Mode::Table;
            break;
    }
}

bool Explorer::on_key(int ch) {
    switch (mode_) {
        case Mode::Help:
        case Mode::Details:
            if (ch == KEY_RESIZE) break;
            if (!pager_.key(ch)) mode_ = Mode::Table;
            break;
        case Mode::ViewsMenu: {
            if (ch == KEY_RESIZE) break;
            const ViewsMenu::Result r = menu_.key(ch);
            if (r == ViewsMenu::Result::Cancelled) mode_ = Mode::Table;
            if (r == ViewsMenu::Result::Chosen) {
                mode_ = Mode::Table;
                table_.set_view(menu_.chosen());
            }
            break;
        }
        case Mode::Prompt: on_prompt_key(ch); break;
        case Mode::Pane: on_pane_key(ch); break;
        case Mode::Table: {
            const Action a = action_for_key(ch);
            if (a == Action::None) return true;
            if (!on_request(table_.on_action(a, ch))) return false;
            break;
        }
    }
    dirty_ = true;
    return true;
}

void Explorer::draw() {
    if (COLS < kMinWidth || LINES < kMinHeight) {
        erase();
        curs_set(0);
        const std::string msg =
            fmt::format("tracetop needs a terminal of at least {}x{}; this one is {}x{}.", kMinWidth, kMinHeight,
                        COLS, LINES);
        mvaddstr(0, 0, fit(msg, static_cast<size_t>(COLS)).c_str());
        if (LINES > 1) mvaddstr(1, 0, fit("Enlarge it, or press q to quit.", static_cast<size_t>(COLS)).c_str());
        refresh();
        return;
    }
    switch (mode_) {
        case Mode::Help:
        case Mode::Details: pager_.draw(LINES, COLS); curs_set(0); break;
        case Mode::ViewsMenu: menu_.draw(LINES, COLS); curs_set(0); break;
        case Mode::Pane: panes_.draw(LINES, COLS); break;
        case Mode::Prompt: table_.draw(LINES, COLS, &prompt_); break;
        case Mode::Table: table_.draw(LINES, COLS, nullptr); break;
    }
    refresh();
}

void Explorer::run() {
    // Short waits for keys: new snapshots show within this time, and a key
    // is answered at once.
    timeout(40);
    take_snapshot();
    table_.start(engine_.latest());
    for (;;) {
        if (Terminal::interrupted()) return;
        if (dirty_) {
            draw();
            dirty_ = false;
        }
        // Keys typed ahead of the engine's answer stay in the terminal until
        // the level they were typed for is on screen.
        if (table_.awaiting_answer()) {
            const auto now = std::chrono::steady_clock::now();
            if (!waiting_since_) waiting_since_ = now;
            if (now - *waiting_since_ < kAnswerWait) {
                napms(2);
                take_snapshot();
                continue;
            }
        } else {
            waiting_since_.reset();
        }
        const int ch = getch();
        if (ch != ERR) {
            if (ch == KEY_RESIZE) dirty_ = true;
            const bool small = COLS < kMinWidth || LINES < kMinHeight;
            if (small) {
                if (ch == 'q' || ch == KEY_F(10)) return;
            } else if (!on_key(ch)) {
                return;
            }
        }
        take_snapshot();
    }
}

}  // namespace

int run_explorer(const engine::Options& options) {
    auto started = engine::ExplorerEngine::start(options);
    if (!started) {
        fmt::print(stderr, "tracetop: {}\n", started.error().message);
        return started.error().message.rfind("no view", 0) == 0 || started.error().message.find('^') != std::string::npos
                   ? 2
                   : 1;
    }
    std::unique_ptr<engine::ExplorerEngine> engine = std::move(*started);
    {
        Terminal term;
        init_colours();
        Explorer explorer(*engine);
        explorer.run();
    }
    engine.reset();
    return 0;
}

}  // namespace tracetop::ui
