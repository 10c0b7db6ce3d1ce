// The explorer's screen loop (htop's ScreenManager): takes the newest
// snapshot from the engine and hands each key, made an action by the binding
// table, to the panel on top: the table (table_panel), or what opened over
// it: help or an event's fields (text_pager), the views menu, a prompt
// (prompt_line), a pane (pane_host). It never blocks on the engine; after a
// navigation command it only leaves keys unread until the answer shows.
#include "explorer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <curses.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include "action_menu.h"
#include "colours.h"
#include "engine/chisel_child.h"
#include "engine/row_actions.h"
#include "key_names.h"
#include "leak_check_guard.h"
#include "status_line.h"
#include "column_chooser.h"
#include "engine/explorer_engine.h"
#include "engine/settings_file.h"
#include "key_docs.h"
#include "keymap.h"
#include "panel.h"
#include "pane_host.h"
#include "prompt_line.h"
#include "setup_screen.h"
#include "sort_menu.h"
#include "table_panel.h"
#include "terminal.h"
#include "text_fit.h"
#include "text_pager.h"
#include "views_menu.h"
#include "chisels_menu.h"

namespace tracetop::ui {
namespace {

constexpr int kMinWidth = 80;
constexpr int kMinHeight = 24;
// The longest keys wait for the engine to answer a navigation command (it
// answers within a batch of events, milliseconds): past it, keys are read
// again, and a drill typed for a level that is gone is refused by the engine.
constexpr auto kAnswerWait = std::chrono::seconds(2);

enum class Mode { Table, Help, Details, ViewsMenu, Prompt, Pane, SortMenu, Columns, Setup, ChiselsMenu, Actions };

// issue 16 (uilook): the settings file as read at start, what is in force,
// and a line for the user (a bad settings file, a failed save) shown over
// the function bar until the next key.
struct Look {
    engine::Settings settings;
    std::string path;
    SetupScreen::Current current;
    std::string notice;
};

}  // namespace

// views/actions.toml's text, compiled in (embed_text.py).
std::string_view embedded_actions_toml();

namespace {

class Explorer {
public:
    Explorer(engine::ExplorerEngine& engine, Look look)
        : engine_(engine), table_(engine), panes_(engine), look_(std::move(look)) {
        table_.use_columns(&look_.settings.columns);
        // issue 16 (uiact): a bad user actions file is said at once; the built-in actions stay.
        auto loaded = engine::load_actions(embedded_actions_toml());
        if (loaded) {
            actions_ = std::move(*loaded);
        } else {
            status_.show(loaded.error().message);
            auto builtin = engine::parse_actions(embedded_actions_toml(), "actions.toml");
            if (builtin) actions_ = std::move(*builtin);
        }
    }
    void run();

private:
    void take_snapshot();
    void draw();
    Panel& top();
    bool on_key(int ch);  // false: quit
    void on_request(Request r);
    void open_prompt(PromptLine::Kind kind, std::string initial);
    void open_look(Request::Kind kind);
    void save_settings();

    engine::ExplorerEngine& engine_;
    TablePanel table_;
    Mode mode_ = Mode::Table;
    PromptLine prompt_;
    TextPager pager_;
    ViewsMenu menu_;
    ChiselsMenu chisels_;  // chisels (D)
    PaneHost panes_;
    // issue 16 (uiact): the actions menu and what it can do, and the status line.
    ActionMenu actions_menu_;
    std::vector<engine::RowAction> actions_;
    StatusLine status_;
    SortMenu sort_menu_;
    ColumnChooser chooser_;
    SetupScreen setup_;
    Look look_;
    // Enter on an event: the evt.num whose fields were asked for, and the pager's title.
    std::optional<std::string> pending_details_;
    std::string pending_title_;
    bool dirty_ = true;
    // Since when the screen waits for the answer to a navigation command.
    std::optional<std::chrono::steady_clock::time_point> waiting_since_;
    // The chisel X started, while it runs (poll_chisel).
    struct RunningChisel {
        std::unique_ptr<engine::ChiselChild> child;
        std::string name, title;
        std::chrono::steady_clock::time_point since;
        int shown_seconds = -1;  // what the status line says
    } chisel_;
    void poll_chisel();
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

// What the typed text does, by kind of prompt.
void Explorer::open_prompt(PromptLine::Kind kind, std::string initial) {
    PromptLine::Hooks hooks;
    switch (kind) {
        case PromptLine::Kind::Search:
            hooks.changed = [this](const std::string& t) { return table_.search(t); };
            hooks.accepted = [this](const std::string& t) {
                table_.keep_search(t);
                return std::optional<std::string>();
            };
            hooks.cancelled = [this](const std::string& t) { table_.keep_search(t); };
            break;
        case PromptLine::Kind::TextFilter:
            hooks.changed = [this](const std::string& t) {
                table_.set_text_filter(t);
                return true;
            };
            hooks.cancelled = [this](const std::string&) { table_.set_text_filter(""); };
            break;
        case PromptLine::Kind::SysdigFilter:
            // A filter that does not compile keeps the prompt open to fix it.
            hooks.accepted = [this](const std::string& t) {
                auto bad = engine::ExplorerEngine::check_filter(t);
                if (!bad) table_.set_filter(t);
                return bad;
            };
            break;
    }
    prompt_.open(kind, std::move(initial), std::move(hooks));
    mode_ = Mode::Prompt;
}

void Explorer::save_settings() {
    const std::string bad = engine::write_settings(look_.path, look_.settings);
    look_.notice = bad.empty() ? "Settings saved to " + look_.path : "Settings not saved: " + bad;
}

// The sort menu, the column chooser and the setup screen, over the table.
void Explorer::open_look(Request::Kind kind) {
    const analysis::Snapshot* snap = table_.snapshot();
    switch (kind) {
        case Request::Kind::SortMenu:
            if (!snap) return;
            sort_menu_.open(snap->columns, table_.sort_column(), table_.sort_descending(),
                            {[this](size_t col) { table_.sort_by_column(col); }, [this] { table_.invert_sort(); }});
            mode_ = Mode::SortMenu;
            break;
        case Request::Kind::Columns: {
            if (!snap) return;
            const std::string view = snap->view_id;
            const auto it = look_.settings.columns.find(view);
            const std::vector<std::string>* ids = it == look_.settings.columns.end() ? nullptr : &it->second;
            chooser_.open(view, snap->columns, ids,
                          {[this, view](std::vector<std::string> shown) { look_.settings.columns[view] = std::move(shown); },
                           [this] { save_settings(); }});
            mode_ = Mode::Columns;
            break;
        }
        case Request::Kind::Setup: {
            std::vector<std::string> ids;
            for (const auto& v : engine_.views().views) ids.push_back(v.id);
            setup_.open(look_.settings, look_.current, std::move(ids), look_.path,
                        {[this](const std::string& scheme) {
                             look_.current.scheme = scheme;
                             init_colours(scheme);
                         },
                         [this](uint32_t refresh_ms) {
                             look_.current.refresh_ms = refresh_ms;
                             auto cmd = engine::Command::make(engine::Command::Kind::SetRefresh);
                             cmd.id = refresh_ms;
                             engine_.send(std::move(cmd));
                         },
                         [this] { save_settings(); }});
            mode_ = Mode::Setup;
            break;
        }
        default: break;
    }
}

void Explorer::on_request(Request r) {
    const analysis::Snapshot* snap = table_.snapshot();
    switch (r.kind) {
        case Request::Kind::None: break;
        case Request::Kind::Help:
            pager_.open("Help", help_text(keymap()));
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
        case Request::Kind::ChooseView: table_.set_view(r.text); break;
        case Request::Kind::BoxEvents: table_.enter_box_events(std::move(r.pane)); break;
        case Request::Kind::Actions:
            if (snap) {
                std::string why;
                if (actions_menu_.open(actions_, *snap, table_.action_targets(), why)) {
                    mode_ = Mode::Actions;
                } else {
                    status_.show(why);
                }
            }
            break;
        case Request::Kind::Status: status_.show(std::move(r.text)); break;
        case Request::Kind::ScopedView:
            if (r.pane.row) {
                table_.follow_next_level(r.follow);
                auto cmd = engine::Command::with_row(engine::Command::Kind::DrillFilter, std::move(*r.pane.row));
                cmd.text = r.text;
                engine_.send(std::move(cmd));
            }
            break;
        case Request::Kind::FilterPrompt: open_prompt(PromptLine::Kind::SysdigFilter, r.text); break;
        case Request::Kind::SortMenu:
        case Request::Kind::Columns:
        case Request::Kind::Setup: open_look(r.kind); break;
        // chisels (D): the chosen chisel runs on the scope on screen (a
        // child tracetop over the file, or a few seconds live); its output
        // opens in the pager.
        case Request::Kind::Chisels:
            chisels_.open();
            mode_ = Mode::ChiselsMenu;
            break;
        case Request::Kind::RunChisel:
            if (snap) {
                // The chisel runs in a child while the screen goes on; its
                // output opens in the pager when it ends (poll_chisel), Esc
                // cancels it. A second one replaces the first.
                const bool live = snap->source.live;
                // lua14: with the arguments the menu asked for.
                const auto& args = chisels_.chosen_args();
                chisel_.name = r.text;
                chisel_.title = fmt::format("Chisel {}{} on {}", r.text, args ? " " + *args : "",
                                            snap->scope.empty() ? "everything" : snap->scope);
                chisel_.since = std::chrono::steady_clock::now();
                chisel_.shown_seconds = -1;
                chisel_.child = engine::ChiselChild::start(r.text, args, live ? "" : snap->source.name, snap->scope, 3.0);
                poll_chisel();
            }
            break;
    }
}

Panel& Explorer::top() {
    switch (mode_) {
        case Mode::Help:
        case Mode::Details: return pager_;
        case Mode::ViewsMenu: return menu_;
        case Mode::ChiselsMenu: return chisels_;
        case Mode::Prompt: return prompt_;
        case Mode::Pane: return panes_;
        case Mode::Actions: return actions_menu_;
        case Mode::SortMenu: return sort_menu_;
        case Mode::Columns: return chooser_;
        case Mode::Setup: return setup_;
        case Mode::Table: break;
    }
    return table_;
}

bool Explorer::on_key(int ch) {
    look_.notice.clear();
    Panel& panel = top();
    Input in = read_input(keymap(), ch, panel.scope());
    if (chisel_.child && mode_ == Mode::Table && in.action == Action::Cancel) {
        // Esc on the table cancels a running chisel before anything else.
        chisel_.child.reset();
        status_.show(fmt::format("Chisel {} cancelled", chisel_.name));
        dirty_ = true;
        return true;
    }
    if (in.action == Action::None && mode_ == Mode::Actions) {
        // The menu's own letters (views/actions.toml) are bound nowhere else.
        in.action = Action::Insert;
        in.text = ch;
    }
    switch (in.action) {
        case Action::None:
            // htop and csysdig hands try keys tracetop leaves free: say so.
            if (mode_ == Mode::Table) {
                status_.show(fmt::format("{} does nothing here: F1 lists the keys", key_name(ch)));
                dirty_ = true;
            }
            return true;
        case Action::Resize: dirty_ = true; return true;
        case Action::Redraw:
            clearok(curscr, TRUE);
            dirty_ = true;
            return true;
        default: break;
    }
    Reply r = panel.handle(in);
    switch (r.kind) {
        case Reply::Kind::Ignored: return true;
        case Reply::Kind::Quit: return false;
        case Reply::Kind::Close: mode_ = Mode::Table; break;
        case Reply::Kind::Handled: break;
    }
    dirty_ = true;
    on_request(std::move(r.request));
    return true;
}

// The running chisel: its output into the pager once it ended and the
// table is on screen (a menu or prompt the user opened meanwhile stays);
// until then the status line says it runs, and for how long.
void Explorer::poll_chisel() {
    if (!chisel_.child) return;
    if (!chisel_.child->poll()) {
        const auto seconds = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(
                                                  std::chrono::steady_clock::now() - chisel_.since)
                                                  .count());
        if (seconds != chisel_.shown_seconds) {
            chisel_.shown_seconds = seconds;
            status_.show(fmt::format("Running chisel {} ({} s): Esc cancels", chisel_.name, seconds));
            dirty_ = true;
        }
        return;
    }
    if (mode_ != Mode::Table) return;
    pager_.open(chisel_.title, split_lines(chisel_.child->output()));
    chisel_.child.reset();
    status_.show("");
    mode_ = Mode::Details;
    dirty_ = true;
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
        case Mode::Prompt:
            // The prompt over the table's bottom lines.
            table_.draw(LINES - prompt_.error_height(), COLS);
            prompt_.draw(LINES, COLS);
            break;
        default: top().draw(LINES, COLS); break;
    }
    if (!look_.notice.empty()) {
        attrset(attr(Role::Error));
        mvaddstr(LINES - 1, 0, fit(look_.notice, static_cast<size_t>(COLS)).c_str());
        attrset(attr(Role::Normal));
    }
    if (mode_ == Mode::Table && look_.notice.empty()) status_.draw(LINES - 1, COLS);
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
        if (status_.expired()) dirty_ = true;
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
        // A dead terminal ends the explorer as SIGHUP does: its reads fail at
        // once, so this loop would otherwise spin a core.
        if (ch == ERR && Terminal::hung_up()) return;
        if (ch != ERR) {
            const bool small = COLS < kMinWidth || LINES < kMinHeight;
            if (small) {
                // Only the message is on screen: the table's Quit, and a resize redraws.
                const Action a = keymap().action(Scope::Table, ch);
                if (a == Action::Quit) return;
                if (a == Action::Resize) dirty_ = true;
            } else if (!on_key(ch)) {
                return;
            }
        }
        take_snapshot();
        poll_chisel();
    }
}

// A FIFO opens only once a writer opens it too, and the terminal is not
// the explorer's yet: without a word, the user would look at a still screen
// on which q does nothing.
void say_if_waiting_for_writer(const engine::Options& options) {
    if (!options.read_file || *options.read_file == "-" || options.read_files.size() > 1) return;
    struct stat st {};
    if (::stat(options.read_file->c_str(), &st) != 0 || !S_ISFIFO(st.st_mode)) return;
    fmt::print(stderr, "tracetop: {}: a FIFO; waiting for a writer to open it (Ctrl-C quits)\n", *options.read_file);
    std::fflush(stderr);
}

}  // namespace

int run_explorer(const engine::Options& options) {
    // The settings file under the command line (engine/settings_file).
    Look look;
    look.path = engine::settings_path();
    engine::SettingsRead read = engine::read_settings(look.path);
    look.settings = std::move(read.settings);
    look.notice = std::move(read.warning);
    engine::Applied applied = engine::apply_settings(options, look.settings, std::getenv("NO_COLOR"));
    say_if_waiting_for_writer(applied.options);
    auto started = engine::ExplorerEngine::start(applied.options);
    if (!started && applied.options.view != options.view) {
        // The file's default view is gone (a user view removed): start as without it.
        look.notice = fmt::format("{}: {}; using the default view", look.path, started.error().message);
        applied.options.view = options.view;
        started = engine::ExplorerEngine::start(applied.options);
    }
    if (!started) {
        fmt::print(stderr, "tracetop: {}\n", started.error().message);
        return started.error().message.rfind("no view", 0) == 0 || started.error().message.find('^') != std::string::npos
                   ? 2
                   : 1;
    }
    std::unique_ptr<engine::ExplorerEngine> engine = std::move(*started);
    look.current = {applied.options.delay_ms, applied.scheme,
                    applied.options.view.empty() ? std::string("procs") : applied.options.view};
    {
        Terminal term;
        init_colours(applied.scheme);
        Explorer explorer(*engine, std::move(look));
        explorer.run();
    }
    const int status = engine->finish();  // completes a -w recording, now that the terminal is back
    // issue 15 (pass): a file's explorer ends without freeing what its first
    // pass kept (the copy, the frozen contexts, the checkpoints: millions of
    // objects, a few percent of the whole session's CPU time): the terminal
    // is restored, the engine's thread joined and the recording closed by
    // now; what is left is memory, which the system takes back at once.
    // Live sources stop their tracers in their destructors, and a sanitized
    // build checks for leaks at exit: both end the usual way.
    if (applied.options.read_file && applied.options.remotes.empty() && !leak_check_at_exit()) {
        std::fflush(nullptr);
        std::_Exit(status);
    }
    return status;
}

}  // namespace tracetop::ui
