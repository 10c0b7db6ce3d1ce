// The explorer's screen loop: takes the newest snapshot from the engine,
// keeps what is the user's own (sort, selection, text filter, search, the
// stack of those per drill-down level) and turns keys and clicks into
// commands. It never waits on the engine.
#include "explorer.h"

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <curses.h>
#include <fmt/format.h>

#include "analysis/drill_stack.h"
#include "analysis/latency_buckets.h"
#include "analysis/process_tree.h"
#include "analysis/row_sort.h"
#include "breadcrumb.h"
#include "colours.h"
#include "echo_pane.h"
#include "engine/explorer_engine.h"
#include "function_bar.h"
#include "header.h"
#include "keymap.h"
#include "line_editor.h"
#include "spectro_pane.h"
#include "table_widget.h"
#include "terminal.h"
#include "text_fit.h"
#include "text_pager.h"
#include "tree_glyphs.h"
#include "views_menu.h"

namespace tracetop::ui {
namespace {

using Clock = std::chrono::steady_clock;
using analysis::Row;

constexpr int kMinWidth = 80;
constexpr int kMinHeight = 24;
constexpr int kHeaderLines = 3;
constexpr int kBreadcrumbY = 3;
constexpr int kTableY = 4;
constexpr auto kDoubleClick = std::chrono::milliseconds(400);

// What the user set in one view; restored when coming back up.
struct LevelState {
    std::optional<std::string> sort_id;  // nullopt: the view's default
    bool descending = true;
    std::string selected_key;
    size_t selected = 0;
    std::string text_filter;
    // Processes as a tree (t), and the processes folded in it (row keys).
    bool tree = false;
    std::set<std::string> collapsed;
    // This level opened the Events of a spectrogram box: Backspace returns to
    // the spectrogram of this selection (nullopt: none).
    std::optional<Row> spectro_row;
    std::string spectro_what;
};

enum class Mode { Table, Help, Details, ViewsMenu, Prompt, Echo, Spectro };
enum class PromptKind { Search, TextFilter, SysdigFilter };

class Explorer {
public:
    explicit Explorer(engine::ExplorerEngine& engine) : engine_(engine) {}
    void run();

private:
    void take_snapshot();
    void rebuild_rows();
    void draw();
    void draw_table_screen();
    bool on_key(int ch);  // false: quit
    bool on_table_action(Action a, int ch);
    void on_prompt_key(int ch);
    void on_mouse();
    void select(size_t i);
    void drill(bool events);
    void back();
    void sort_by(size_t col);
    void cycle_sort(int step);
    size_t sort_column() const;
    bool sort_descending() const;
    void search_from(size_t start, bool include_start);
    const Row* selected_row() const;
    void open_pane(analysis::PaneKind kind, std::optional<Row> row, std::string what);
    void open_pane_here(analysis::PaneKind kind);
    void close_pane();
    void spectro_box_events();
    bool tree_available(size_t& pid_col, size_t& ppid_col, size_t& prefix_col) const;
    void toggle_collapse(int how);  // +1 expand, -1 collapse, 0 toggle

    engine::ExplorerEngine& engine_;
    std::shared_ptr<const analysis::Snapshot> snap_;
    std::vector<const Row*> rows_;
    std::vector<std::string> prefixes_;  // tree glyphs per row of rows_ (tree mode)
    size_t prefix_col_ = SIZE_MAX;

    LevelState level_;
    std::vector<LevelState> stack_;
    size_t scroll_ = 0;
    bool paused_ = false;

    // What the next snapshot must show before it replaces the current one:
    // after a command, older snapshots are stale.
    std::optional<std::string> expect_view_;
    std::optional<std::string> expect_filter_;
    // Enter on an event: the evt.num whose fields were asked for, and the pager's title.
    std::optional<std::string> pending_details_;
    std::string pending_title_;

    Mode mode_ = Mode::Table;
    PromptKind prompt_kind_ = PromptKind::Search;
    LineEditor editor_;
    std::string prompt_error_;
    std::string search_;
    bool search_failed_ = false;
    TextPager pager_;
    ViewsMenu menu_;
    TableWidget table_;
    EchoPane echo_;
    SpectroPane spectro_;
    uint64_t pane_request_ = 0;   // the id the open pane's snapshots carry
    uint64_t pane_seen_seq_ = 0;  // the last snapshot the pane took data from
    std::optional<Row> pane_row_; // the pane's selection
    std::string pane_what_;

    Clock::time_point last_click_{};
    std::optional<size_t> last_click_row_;
    bool dirty_ = true;
};

size_t Explorer::sort_column() const {
    if (!snap_) return 0;
    if (level_.sort_id) {
        for (size_t i = 0; i < snap_->columns.size(); ++i) {
            if (snap_->columns[i].id == *level_.sort_id) return i;
        }
    }
    return snap_->sort_column;
}

bool Explorer::sort_descending() const {
    if (!snap_) return true;
    return level_.sort_id ? level_.descending : snap_->sort_descending;
}

const Row* Explorer::selected_row() const {
    return level_.selected < rows_.size() ? rows_[level_.selected] : nullptr;
}

bool Explorer::tree_available(size_t& pid_col, size_t& ppid_col, size_t& prefix_col) const {
    if (!snap_ || snap_->kind != analysis::ViewKind::Table) return false;
    bool pid = false, ppid = false;
    prefix_col = snap_->columns.empty() ? 0 : snap_->columns.size() - 1;
    for (size_t i = 0; i < snap_->columns.size(); ++i) {
        const std::string& f = snap_->columns[i].field;
        if (f == "proc.pid" && !pid) {
            pid = true;
            pid_col = i;
        }
        if (f == "proc.ppid" && !ppid) {
            ppid = true;
            ppid_col = i;
        }
        if (f == "proc.cmdline" || f == "proc.name") prefix_col = i;  // htop draws the tree in the command
    }
    return pid && ppid;
}

void Explorer::toggle_collapse(int how) {
    const Row* row = selected_row();
    if (!row || !level_.tree) return;
    const bool folded = level_.collapsed.count(row->key) > 0;
    if (how > 0 || (how == 0 && folded)) {
        level_.collapsed.erase(row->key);
    } else {
        level_.collapsed.insert(row->key);
    }
    rebuild_rows();
}

void Explorer::open_pane(analysis::PaneKind kind, std::optional<Row> row, std::string what) {
    engine::Command cmd = engine::Command::make(engine::Command::Kind::OpenPane);
    cmd.text = kind == analysis::PaneKind::Echo ? "echo" : "spectro";
    if (row) cmd.row = *row;
    cmd.id = ++pane_request_;
    engine_.send(std::move(cmd));
    const bool live = snap_ && snap_->source.live;
    pane_row_ = std::move(row);
    pane_what_ = what;
    if (kind == analysis::PaneKind::Echo) {
        echo_.open(std::move(what), live);
        mode_ = Mode::Echo;
    } else {
        spectro_.open(std::move(what), live);
        mode_ = Mode::Spectro;
    }
}

// The selection of a pane: the selected row of a table (through its key),
// or everything the view shows (a list, or no row).
void Explorer::open_pane_here(analysis::PaneKind kind) {
    if (!snap_) return;
    const std::string view = snap_->breadcrumb.empty() ? snap_->view_name : snap_->breadcrumb.back();
    const Row* row = selected_row();
    if (row && snap_->kind == analysis::ViewKind::List && kind == analysis::PaneKind::Echo) {
        // In a list the row is one event: the Echo of that one call.
        Row one;
        one.key_terms.push_back(fmt::format("evt.num = {}", row->event_num));
        open_pane(kind, std::move(one), fmt::format("{}: event {}", view, row->event_num));
        return;
    }
    if (!row || snap_->kind != analysis::ViewKind::Table) {
        open_pane(kind, std::nullopt, view);
        return;
    }
    open_pane(kind, *row, view + ": " + analysis::crumb_for(*row));
}

void Explorer::close_pane() {
    engine_.send(engine::Command::make(engine::Command::Kind::ClosePane));
    mode_ = Mode::Table;
    dirty_ = true;
}

// Enter on a spectrogram box: its events, one drill-down level below the
// view (Backspace comes back to the spectrogram).
void Explorer::spectro_box_events() {
    const SpectroPane::Box& box = spectro_.chosen();
    engine::Command cmd = engine::Command::make(engine::Command::Kind::DrillFilter);
    if (pane_row_) cmd.row.key_terms = pane_row_->key_terms;
    cmd.row.key_terms.push_back(fmt::format("evt.rawtime >= {} and evt.rawtime < {}", box.start, box.end));
    cmd.row.key_terms.push_back(analysis::bucket_filter(box.bucket));
    const auto upper = analysis::bucket_upper(box.bucket);
    cmd.row.label = fmt::format("{}latency {}-{}", pane_row_ ? analysis::crumb_for(*pane_row_) + ": " : "",
                                analysis::latency_label(analysis::bucket_lower(box.bucket)),
                                upper ? analysis::latency_label(*upper) : std::string("..."));
    engine_.send(engine::Command::make(engine::Command::Kind::ClosePane));
    engine_.send(std::move(cmd));
    LevelState saved = level_;
    saved.spectro_row = pane_row_ ? pane_row_ : std::optional<Row>(Row{});
    saved.spectro_what = pane_what_;
    stack_.push_back(std::move(saved));
    level_ = LevelState{};
    expect_view_ = "events";
    search_.clear();
    mode_ = Mode::Table;
    dirty_ = true;
}

void Explorer::take_snapshot() {
    auto snap = engine_.latest();
    if (snap && pending_details_ && snap->details_key == *pending_details_) {
        std::vector<std::string> lines;
        size_t start = 0;
        while (start < snap->details.size()) {
            size_t end = snap->details.find('\n', start);
            if (end == std::string::npos) end = snap->details.size();
            lines.push_back(snap->details.substr(start, end - start));
            start = end + 1;
        }
        pager_.open(pending_title_, std::move(lines));
        mode_ = Mode::Details;
        pending_details_.reset();
        dirty_ = true;
    }
    if (snap && (mode_ == Mode::Echo || mode_ == Mode::Spectro) && snap->pane.id == pane_request_ &&
        snap->seq != pane_seen_seq_) {
        pane_seen_seq_ = snap->seq;
        if (mode_ == Mode::Echo && snap->pane.echo) echo_.update(snap->pane.echo, snap->loading);
        if (mode_ == Mode::Spectro && snap->pane.spectro) spectro_.update(snap->pane.spectro, snap->loading);
        dirty_ = true;
    }
    if (!snap || (snap_ && snap->seq == snap_->seq)) return;
    if (snap->depth != stack_.size()) return;
    if (expect_view_ && snap->view_id != *expect_view_) return;
    if (expect_filter_ && snap->filter != *expect_filter_) return;
    expect_view_.reset();
    expect_filter_.reset();
    // Paused: the screen holds still; only a snapshot of another view gets through.
    if (paused_ && snap_ && snap_->view_id == snap->view_id && snap_->scope == snap->scope) return;
    snap_ = std::move(snap);
    rebuild_rows();
    dirty_ = true;
}

void Explorer::rebuild_rows() {
    rows_.clear();
    if (!snap_) return;
    for (const Row& r : snap_->rows) {
        if (level_.text_filter.empty() || analysis::row_contains(r, level_.text_filter)) rows_.push_back(&r);
    }
    if (level_.sort_id || snap_->kind == analysis::ViewKind::List) {
        analysis::sort_rows(rows_, sort_column(), sort_descending());
    }
    prefixes_.clear();
    prefix_col_ = SIZE_MAX;
    size_t pid_col = 0, ppid_col = 0, prefix_col = 0;
    if (level_.tree && tree_available(pid_col, ppid_col, prefix_col)) {
        // Sorted first, then treed: siblings keep the sort's order.
        const auto tree = analysis::tree_order(rows_, pid_col, ppid_col, level_.collapsed);
        rows_.clear();
        for (const analysis::TreeRow& t : tree) {
            rows_.push_back(t.row);
            prefixes_.push_back(tree_prefix(t, Terminal::utf8()));
        }
        prefix_col_ = prefix_col;
    }
    // The selection follows its row (by key) across refreshes.
    if (!level_.selected_key.empty()) {
        for (size_t i = 0; i < rows_.size(); ++i) {
            if (rows_[i]->key == level_.selected_key) {
                level_.selected = i;
                return;
            }
        }
    }
    if (level_.selected >= rows_.size()) level_.selected = rows_.empty() ? 0 : rows_.size() - 1;
    if (const Row* r = selected_row()) level_.selected_key = r->key;
}

void Explorer::select(size_t i) {
    if (rows_.empty()) return;
    level_.selected = std::min(i, rows_.size() - 1);
    level_.selected_key = rows_[level_.selected]->key;
    dirty_ = true;
}

void Explorer::sort_by(size_t col) {
    if (!snap_ || col >= snap_->columns.size()) return;
    if (col == sort_column()) {
        level_.descending = !sort_descending();
    } else {
        // Numbers read best biggest first, text alphabetically.
        level_.descending = snap_->columns[col].format != analysis::CellFormat::Text;
    }
    level_.sort_id = snap_->columns[col].id;
    rebuild_rows();
    dirty_ = true;
}

void Explorer::cycle_sort(int step) {
    if (!snap_ || snap_->columns.empty()) return;
    const size_t n = snap_->columns.size();
    const size_t col = (sort_column() + n + static_cast<size_t>(step + static_cast<int>(n))) % n;
    level_.sort_id = snap_->columns[col].id;
    level_.descending = snap_->columns[col].format != analysis::CellFormat::Text;
    rebuild_rows();
    dirty_ = true;
}

void Explorer::drill(bool events) {
    const Row* row = selected_row();
    if (!snap_ || !row || snap_->kind != analysis::ViewKind::Table || row->key_terms.empty()) return;
    if (!events && !snap_->can_drill) return;
    engine_.send(engine::Command::with_row(
        events ? engine::Command::Kind::DrillEvents : engine::Command::Kind::Drill, *row));
    stack_.push_back(level_);
    level_ = LevelState{};
    expect_view_.reset();
    if (events) expect_view_ = "events";
    search_.clear();
    dirty_ = true;
}

void Explorer::back() {
    if (stack_.empty()) return;
    engine_.send(engine::Command::make(engine::Command::Kind::Back));
    level_ = stack_.back();
    stack_.pop_back();
    expect_view_.reset();
    dirty_ = true;
    if (level_.spectro_row) {
        std::optional<Row> row = *level_.spectro_row;
        if (row->key_terms.empty()) row.reset();
        level_.spectro_row.reset();
        open_pane(analysis::PaneKind::Spectro, std::move(row), level_.spectro_what);
    }
}

void Explorer::search_from(size_t start, bool include_start) {
    if (search_.empty() || rows_.empty()) return;
    for (size_t k = include_start ? 0 : 1; k <= rows_.size(); ++k) {
        const size_t i = (start + k) % rows_.size();
        if (analysis::row_contains(*rows_[i], search_)) {
            search_failed_ = false;
            select(i);
            return;
        }
    }
    search_failed_ = true;
}

bool Explorer::on_table_action(Action a, int ch) {
    const size_t page = table_.page_rows();
    switch (a) {
        case Action::Quit: return false;
        case Action::Help:
            pager_.open("Help", help_text());
            mode_ = Mode::Help;
            break;
        case Action::Views:
            menu_.open(engine_.views(), snap_ ? snap_->view_id : "");
            mode_ = Mode::ViewsMenu;
            break;
        case Action::Search:
            prompt_kind_ = PromptKind::Search;
            editor_.open("Search: ", "");
            search_failed_ = false;
            mode_ = Mode::Prompt;
            break;
        case Action::SearchNext:
            if (search_.empty()) {
                prompt_kind_ = PromptKind::Search;
                editor_.open("Search: ", "");
                mode_ = Mode::Prompt;
            } else {
                search_from(level_.selected, false);
            }
            break;
        case Action::TextFilter:
            prompt_kind_ = PromptKind::TextFilter;
            editor_.open("Filter rows: ", level_.text_filter);
            mode_ = Mode::Prompt;
            break;
        case Action::SysdigFilter:
            prompt_kind_ = PromptKind::SysdigFilter;
            editor_.open("Sysdig filter: ", snap_ ? snap_->filter : "");
            prompt_error_.clear();
            mode_ = Mode::Prompt;
            break;
        case Action::Events: drill(true); break;
        case Action::Echo: open_pane_here(analysis::PaneKind::Echo); break;
        case Action::Spectro: open_pane_here(analysis::PaneKind::Spectro); break;
        case Action::Tree: {
            size_t a = 0, b = 0, c = 0;
            if (tree_available(a, b, c)) {
                level_.tree = !level_.tree;
                rebuild_rows();
            }
            break;
        }
        case Action::Expand: toggle_collapse(1); break;
        case Action::Collapse: toggle_collapse(-1); break;
        case Action::SortNext: cycle_sort(1); break;
        case Action::SortPrev: cycle_sort(-1); break;
        case Action::Invert:
            level_.sort_id = snap_ && !snap_->columns.empty() ? snap_->columns[sort_column()].id : "";
            level_.descending = !sort_descending();
            rebuild_rows();
            break;
        case Action::Pause:
            paused_ = !paused_;
            engine_.send(engine::Command::with_flag(engine::Command::Kind::Pause, paused_));
            break;
        case Action::Clear: engine_.send(engine::Command::make(engine::Command::Kind::Clear)); break;
        case Action::Up: if (level_.selected > 0) select(level_.selected - 1); break;
        case Action::Down: select(level_.selected + 1); break;
        case Action::PageUp: select(level_.selected > page ? level_.selected - page : 0); break;
        case Action::PageDown:
            // In the tree, Space folds (htop); PgDn still pages.
            if (ch == ' ' && level_.tree) {
                toggle_collapse(0);
            } else {
                select(level_.selected + page);
            }
            break;
        case Action::Home: select(0); break;
        case Action::End: select(rows_.empty() ? 0 : rows_.size() - 1); break;
        case Action::Enter:
            if (snap_ && snap_->kind == analysis::ViewKind::List) {
                // The engine renders the fields of that one event; they come
                // back in a snapshot (take_snapshot opens them).
                if (const Row* r = selected_row()) {
                    pending_details_ = std::to_string(r->event_num);
                    pending_title_ = fmt::format("Event {}: every field", r->key);
                    engine_.send(engine::Command::with_text(engine::Command::Kind::EventDetails, *pending_details_));
                }
            } else {
                drill(false);
            }
            break;
        case Action::Back:
            // Esc first drops a text filter; Backspace always goes back.
            if (ch == 27 && !level_.text_filter.empty()) {
                level_.text_filter.clear();
                rebuild_rows();
            } else {
                back();
            }
            break;
        case Action::Redraw: clearok(curscr, TRUE); break;
        case Action::Resize: break;
        case Action::Mouse: on_mouse(); break;
        case Action::None: return true;
    }
    dirty_ = true;
    return true;
}

void Explorer::on_mouse() {
    MEVENT ev;
    if (getmouse(&ev) != OK) return;
    if (ev.bstate & BUTTON4_PRESSED) {
        select(level_.selected > 3 ? level_.selected - 3 : 0);
        return;
    }
    if (ev.bstate & BUTTON5_PRESSED) {
        select(level_.selected + 3);
        return;
    }
    if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) return;
    if (ev.y == table_.title_y()) {
        if (auto col = table_.column_at(ev.x)) sort_by(*col);
        return;
    }
    const auto row = table_.row_at(ev.y);
    if (!row) return;
    const auto now = Clock::now();
    const bool twice = last_click_row_ == row && now - last_click_ < kDoubleClick;
    select(*row);
    last_click_ = now;
    last_click_row_ = row;
    if (twice) {
        last_click_row_.reset();
        on_table_action(Action::Enter, '\n');
    }
}

void Explorer::on_prompt_key(int ch) {
    if (ch == KEY_RESIZE) return;
    const LineEditor::Result r = editor_.key(ch);
    switch (prompt_kind_) {
        case PromptKind::Search:
            if (r == LineEditor::Result::Changed) {
                search_ = editor_.text();
                search_from(level_.selected, true);
            } else if (r == LineEditor::Result::Accepted || r == LineEditor::Result::Cancelled) {
                search_ = editor_.text();
                mode_ = Mode::Table;
            }
            break;
        case PromptKind::TextFilter:
            if (r == LineEditor::Result::Changed) {
                level_.text_filter = editor_.text();
                rebuild_rows();
            } else if (r == LineEditor::Result::Cancelled) {
                level_.text_filter.clear();
                rebuild_rows();
                mode_ = Mode::Table;
            } else if (r == LineEditor::Result::Accepted) {
                mode_ = Mode::Table;
            }
            break;
        case PromptKind::SysdigFilter:
            if (r == LineEditor::Result::Cancelled) {
                prompt_error_.clear();
                mode_ = Mode::Table;
            } else if (r == LineEditor::Result::Accepted) {
                if (auto bad = engine::ExplorerEngine::check_filter(editor_.text())) {
                    prompt_error_ = *bad;  // the prompt stays open to fix it
                } else {
                    prompt_error_.clear();
                    engine_.send(engine::Command::with_text(engine::Command::Kind::SetFilter, editor_.text()));
                    expect_filter_ = editor_.text();
                    mode_ = Mode::Table;
                }
            }
            break;
    }
    dirty_ = true;
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
                if (!snap_ || menu_.chosen() != snap_->view_id) {
                    engine_.send(engine::Command::with_text(engine::Command::Kind::SetView, menu_.chosen()));
                    expect_view_ = menu_.chosen();
                    level_ = LevelState{};
                }
            }
            break;
        }
        case Mode::Prompt: on_prompt_key(ch); break;
        case Mode::Echo:
            if (ch == KEY_RESIZE) break;
            if (echo_.key(ch) == EchoPane::Result::Closed) close_pane();
            break;
        case Mode::Spectro: {
            if (ch == KEY_RESIZE) break;
            const SpectroPane::Result r = spectro_.key(ch);
            if (r == SpectroPane::Result::Closed) close_pane();
            if (r == SpectroPane::Result::Chosen) spectro_box_events();
            break;
        }
        case Mode::Table: return on_table_action(action_for_key(ch), ch);
    }
    dirty_ = true;
    return true;
}

void Explorer::draw_table_screen() {
    const int h = LINES;
    const int w = COLS;
    HeaderState hs{level_.text_filter, paused_};
    draw_header(*snap_, hs, w);
    draw_breadcrumb(kBreadcrumbY, snap_->breadcrumb, w);
    int bottom = h - 1;  // the function bar or the prompt
    std::vector<std::string> error_lines;
    if (mode_ == Mode::Prompt && !prompt_error_.empty()) {
        size_t start = 0;
        while (start < prompt_error_.size()) {
            size_t end = prompt_error_.find('\n', start);
            if (end == std::string::npos) end = prompt_error_.size();
            error_lines.push_back(prompt_error_.substr(start, end - start));
            start = end + 1;
        }
        if (error_lines.size() > 4) error_lines.resize(4);
    }
    const int table_h = bottom - kTableY - static_cast<int>(error_lines.size());
    const size_t sort = sort_column();
    table_.draw(kTableY, table_h, w, snap_->columns, rows_, level_.selected, scroll_, sort, sort_descending(),
                prefixes_.empty() ? nullptr : &prefixes_, prefix_col_);
    if (rows_.empty()) {
        const char* msg = snap_->loading ? "Loading..." : level_.text_filter.empty() ? "No rows: nothing matched"
                                                                                     : "No rows match the text filter";
        mvaddstr(kTableY + 2, 2, msg);
    }
    for (size_t i = 0; i < error_lines.size(); ++i) {
        move(bottom - static_cast<int>(error_lines.size()) + static_cast<int>(i), 0);
        clrtoeol();
        attrset(attr(Role::Error));
        addstr(fit(sanitize(error_lines[i]), static_cast<size_t>(w)).c_str());
        attrset(attr(Role::Normal));
    }
    if (mode_ == Mode::Prompt) {
        editor_.draw(bottom, w);
        if (prompt_kind_ == PromptKind::Search && search_failed_) {
            attrset(attr(Role::Error));
            mvaddstr(bottom, w - 12, "not found");
            attrset(attr(Role::Normal));
            editor_.draw(bottom, w - 12);
        }
        curs_set(1);
    } else {
        draw_function_bar(bottom, w);
        curs_set(0);
    }
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
        case Mode::Echo: echo_.draw(LINES, COLS); break;
        case Mode::Spectro: spectro_.draw(LINES, COLS); break;
        default: draw_table_screen(); break;
    }
    refresh();
}

void Explorer::run() {
    // Short waits for keys: new snapshots show within this time, and a key
    // is answered at once.
    timeout(40);
    take_snapshot();
    if (!snap_) snap_ = engine_.latest();
    rebuild_rows();
    for (;;) {
        if (Terminal::interrupted()) return;
        if (dirty_) {
            draw();
            dirty_ = false;
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
