#include "table_panel.h"

#include <algorithm>
#include <utility>

#include <curses.h>

#include <fmt/format.h>

#include "action_menu.h"
#include "analysis/aggregator.h"
#include "breadcrumb.h"
#include "colours.h"
#include "column_chooser.h"
#include "function_bar.h"
#include "header.h"
#include "timeline_strip.h"

namespace tracetop::ui {
namespace {

using analysis::Row;

constexpr int kBreadcrumbY = 3;
constexpr int kTableY = 4;
constexpr auto kDoubleClick = std::chrono::milliseconds(400);
constexpr size_t kWheelRows = 3;
// Right past the last column moves along its text by this many cells.
constexpr size_t kTextStep = 16;

}  // namespace

bool TablePanel::offer(std::shared_ptr<const analysis::Snapshot> snap) {
    if (!snap || (snap_ && snap->seq == snap_->seq)) return false;
    // Made before the engine took the last navigation command sent: it shows
    // a level the user has left, or one about to change.
    if (snap->generation < engine_.sent_generation()) return false;
    // Paused: the screen holds still; only the answer to a command gets through.
    if (paused_ && snap_ && snap_->generation == snap->generation) return false;
    show(std::move(snap));
    return true;
}

void TablePanel::start(std::shared_ptr<const analysis::Snapshot> first) {
    if (!snap_) {
        show(std::move(first));
    } else {
        rebuild();
    }
}

void TablePanel::show(std::shared_ptr<const analysis::Snapshot> snap) {
    const uint64_t was = snap_ ? snap_->level_id : 0;
    snap_ = std::move(snap);
    if (snap_->level_id != was) {
        // Another level: the one left keeps its settings while it is on the
        // engine's stack; those of levels gone (by Backspace or a view
        // switch) go with them; the level shown brings back its own.
        levels_[was] = std::move(level_);
        const std::vector<uint64_t>& path = snap_->level_path;
        std::erase_if(levels_, [&](const auto& kv) {
            return std::find(path.begin(), path.end(), kv.first) == path.end();
        });
        auto mine = levels_.extract(snap_->level_id);
        level_ = mine ? std::move(mine.mapped()) : LevelState{};
        if (!mine && std::exchange(follow_next_, false)) level_.followable = level_.follow = true;
        tagged_.clear();
        across_ = {};
    }
    rebuild();
}

bool TablePanel::awaiting_answer() const {
    if (!snap_) return false;
    if (snap_->generation < engine_.sent_generation()) return true;
    // The level is on screen but has no row yet: a table answered from the
    // frozen contexts in groups (issue 15) has none until its walk ends, and
    // an Enter typed ahead would find nothing to open.
    return snap_->loading && snap_->progress < 1 && snap_->rows.empty();
}

void TablePanel::rebuild() {
    rows_.rebuild(snap_.get(), level_);
    // Following: the newest row (the list's last, events oldest first) stays selected.
    if (level_.follow && !rows_.empty()) {
        level_.selected = rows_.size() - 1;
        level_.selected_key = rows_.at(level_.selected)->key;
    }
}

void TablePanel::select(size_t i) {
    // Any move lets go of the newest row; End takes it up again (handle()).
    level_.follow = false;
    if (rows_.empty()) return;
    level_.selected = std::min(i, rows_.size() - 1);
    level_.selected_key = rows_.at(level_.selected)->key;
}

void TablePanel::toggle_collapse(Fold how) {
    const Row* row = selected_row();
    if (!row || !level_.tree) return;
    fold(level_.collapsed, row->key, how);
    rebuild();
}

void TablePanel::drill(bool events) {
    const Row* row = selected_row();
    if (!snap_ || !row || snap_->kind != analysis::ViewKind::Table || row->key_terms.empty()) return;
    if (!events && !snap_->can_drill) return;
    auto cmd = engine::Command::with_row(events ? engine::Command::Kind::DrillEvents : engine::Command::Kind::Drill,
                                         *row);
    cmd.generation_seen = snap_->generation;
    engine_.send(std::move(cmd));
    search_.clear();
}

void TablePanel::enter_box_events(PaneSelection back_to) {
    level_.spectro_return = std::move(back_to);
    search_.clear();
}

std::optional<PaneSelection> TablePanel::back() {
    if (!snap_ || snap_->depth == 0 || snap_->level_path.size() != snap_->depth + 1) return std::nullopt;
    engine_.send(engine::Command::make(engine::Command::Kind::Back));
    // The level above, as the engine named it; the screen shows it when the answer comes.
    LevelState& above = levels_[snap_->level_path[snap_->depth - 1]];
    std::optional<PaneSelection> reopen = std::exchange(above.spectro_return, std::nullopt);
    // A row without key terms selects what no row selects: the whole view.
    if (reopen && reopen->row && reopen->row->key_terms.empty()) reopen->row.reset();
    return reopen;
}

void TablePanel::search_from(size_t start, bool include_start) {
    if (search_.empty() || rows_.empty()) return;
    const std::optional<size_t> found = rows_.find(search_, start, include_start);
    search_failed_ = !found;
    if (found) select(*found);
}

bool TablePanel::search(const std::string& text) {
    search_ = text;
    search_from(level_.selected, true);
    return !search_failed_;
}

void TablePanel::keep_search(const std::string& text) { search_ = text; }

void TablePanel::set_text_filter(const std::string& text) {
    level_.text_filter = text;
    rebuild();
}

void TablePanel::set_view(const std::string& id) {
    if (snap_ && id == snap_->view_id) return;
    engine_.send(engine::Command::with_text(engine::Command::Kind::SetView, id));
}

void TablePanel::set_filter(const std::string& text) {
    engine_.send(engine::Command::with_text(engine::Command::Kind::SetFilter, text));
}

Reply TablePanel::handle(const Input& in) {
    using K = Request::Kind;
    const size_t page = table_.page_rows();
    const Action a = in.action;
    if (a != Action::JumpPid) jump_.reset();
    switch (a) {
        case Action::Quit: return Reply::quit();
        case Action::Help: return {K::Help};
        case Action::Views: return {K::Views};
        case Action::Search: search_failed_ = false; return {K::Search};
        case Action::SearchNext:
            if (search_.empty()) return {K::Search};
            search_from(level_.selected, false);
            break;
        case Action::TextFilter: return {K::TextFilter};
        case Action::SysdigFilter: return {K::SysdigFilter};
        case Action::Events: drill(true); break;
        case Action::Echo: return {K::Echo};
        case Action::Spectro: return {K::Spectro};
        case Action::Chisels: return {K::Chisels};  // chisels (D)
        case Action::Tree:
            if (tree_columns(snap_.get())) {
                level_.tree = !level_.tree;
                rebuild();
            }
            break;
        case Action::Expand: toggle_collapse(Fold::Expand); break;
        case Action::Collapse: toggle_collapse(Fold::Collapse); break;
        case Action::SortNext:
        case Action::SortPrev:
            if (snap_ && !snap_->columns.empty()) {
                level_.cycle_sort(*snap_, a == Action::SortNext ? 1 : -1, column_order());
                rebuild();
            }
            break;
        case Action::Invert:
            if (snap_) level_.invert_sort(*snap_);
            rebuild();
            break;
        case Action::Pause:
            paused_ = !paused_;
            engine_.send(engine::Command::with_flag(engine::Command::Kind::Pause, paused_));
            break;
        case Action::Clear: engine_.send(engine::Command::make(engine::Command::Kind::Clear)); break;
        case Action::Up: if (level_.selected > 0) select(level_.selected - 1); break;
        case Action::Down: select(level_.selected + 1); break;
        case Action::PageUp: select(level_.selected > page ? level_.selected - page : 0); break;
        case Action::PageDown: select(level_.selected + page); break;
        case Action::Fold:
            // In the tree, Space folds; elsewhere it tags the row (htop) and moves down.
            if (level_.tree) {
                toggle_collapse(Fold::Toggle);
                break;
            }
            return htop_key(in);
        case Action::RowActions: return {K::Actions};
        case Action::SortMemory:
        case Action::SortCpu:
        case Action::SortTime:
        case Action::JumpPid:
        case Action::PickUser:
        case Action::HideUserThreads:
        case Action::HideKernelThreads: return htop_key(in);
        case Action::Home: select(0); break;
        case Action::End:
            select(rows_.empty() ? 0 : rows_.size() - 1);
            level_.follow = level_.followable;
            break;
        case Action::Enter:
            // In a list the row is one event: the explorer asks for its fields.
            if (snap_ && snap_->kind == analysis::ViewKind::List) return {K::EventFields};
            drill(false);
            break;
        case Action::Cancel:
            // Esc first drops a text filter; Backspace always goes back.
            if (!level_.text_filter.empty()) {
                set_text_filter("");
                break;
            }
            [[fallthrough]];
        case Action::Back:
            if (auto reopen = back()) return {{K::ReopenSpectro, std::move(*reopen)}};
            break;
        case Action::Mouse: return on_mouse(in.mouse);
        // issue 16 (uilook)
        case Action::Left:
        case Action::Right:
        case Action::LineHome:
        case Action::LineEnd: scroll_across(a); break;
        case Action::SortMenu: if (snap_ && !snap_->columns.empty()) return {K::SortMenu}; break;
        case Action::Columns: if (snap_ && !snap_->columns.empty()) return {K::Columns}; break;
        case Action::Setup: return {K::Setup};
        case Action::RangeEarlier:
        case Action::RangeLater:
        case Action::RangeNarrow:
        case Action::RangeWiden:
        case Action::RangeWhole:
            if (snap_) {
                if (auto r = range_after_key(a, snap_->source)) send_range(*r);
            }
            break;
        case Action::LiveNow:  // issue 15 live history (rewind)
            if (snap_ && snap_->source.live) send_range(engine::TimeRange{});
            break;
        default: return Reply::ignored();
    }
    return {};
}

void TablePanel::sort_descending_by(std::initializer_list<std::string_view> ids) {
    const auto col = column_with_id(*snap_, ids);
    if (!col) return;
    level_.sort_by(*snap_, *col);
    if (!level_.sort_descending(snap_.get())) level_.invert_sort(*snap_);
    rebuild();
}

Reply TablePanel::htop_key(const Input& in) {
    using K = Request::Kind;
    if (!snap_) return {};
    auto hint = [](std::string text) { return Reply({K::Status, {}, std::move(text)}); };
    switch (in.action) {
        case Action::Fold: {
            const Row* row = selected_row();
            if (!row) break;
            if (!tagged_.erase(row->key)) tagged_.insert(row->key);
            select(level_.selected + 1);
            return hint(fmt::format("{} tagged: F8 acts on them all; Space again untags", tagged_.size()));
        }
        case Action::SortMemory:
            if (!column_with_id(*snap_, {"mem", "res"})) return hint("M sorts by memory: this view has no RES column");
            sort_descending_by({"mem", "res"});
            break;
        case Action::SortCpu:
            if (!column_with_id(*snap_, {"cpu"})) return hint("P sorts by CPU: this view has no CPU% column");
            sort_descending_by({"cpu"});
            break;
        case Action::SortTime:
            if (!column_with_id(*snap_, {"time", "cpu"})) {
                return hint("T sorts by CPU time: this view has no such column");
            }
            sort_descending_by({"time", "cpu"});
            break;
        case Action::JumpPid: {
            const std::string& typed = jump_.type(static_cast<char>(in.text));
            if (const auto at = row_with_id(*snap_, rows_.rows(), typed)) {
                select(*at);
                return hint(fmt::format("PID {}", typed));
            }
            return hint(fmt::format("no PID starting with {}", typed));
        }
        case Action::PickUser: {
            const Row* row = selected_row();
            const auto user = row ? row_value(*snap_, *row, "user.name") : std::nullopt;
            return {{K::FilterPrompt, {}, analysis::key_term("user.name", user.value_or(""), false)}};
        }
        case Action::HideUserThreads:
            if (snap_->view_id != "threads") {
                return hint("H hides user threads in the Threads view (F2); Processes shows one row per process");
            }
            set_filter(toggle_filter_term(snap_->filter, std::string(kHideUserThreads)));
            break;
        case Action::HideKernelThreads:
            set_filter(toggle_filter_term(snap_->filter, std::string(kHideKernelThreads)));
            break;
        default: return Reply::ignored();
    }
    return {};
}

std::vector<analysis::Row> TablePanel::action_targets() const {
    std::vector<analysis::Row> out;
    for (const Row* r : rows_.rows()) {
        if (tagged_.count(r->key)) out.push_back(*r);
    }
    if (out.empty()) {
        if (const Row* r = selected_row()) out.push_back(*r);
    }
    return out;
}

std::vector<size_t> TablePanel::column_order() const {
    if (!snap_) return {};
    const std::vector<std::string>* ids = nullptr;
    if (column_ids_) {
        if (auto it = column_ids_->find(snap_->view_id); it != column_ids_->end()) ids = &it->second;
    }
    return shown_columns(snap_->columns, ids);
}

void TablePanel::scroll_across(Action a) {
    const size_t n = column_order().size();
    if (n == 0) return;
    switch (a) {
        case Action::Left:
            if (across_.skip > 0) {
                across_.skip = across_.skip > kTextStep ? across_.skip - kTextStep : 0;
            } else if (across_.first > 0) {
                --across_.first;
            }
            break;
        case Action::Right:
            // Only while something is out of sight at the right.
            if (!table_.more_right()) break;
            if (across_.first + 1 < n) {
                ++across_.first;
            } else {
                across_.skip += kTextStep;
            }
            break;
        case Action::LineHome: across_ = {}; break;
        case Action::LineEnd:
            across_.first = n - 1;
            across_.skip = 0;
            break;
        default: break;
    }
}

void TablePanel::sort_by_column(size_t col) {
    if (!snap_ || col >= snap_->columns.size()) return;
    // The menu picks a column; the direction stays when it is the sorted one.
    if (col != level_.sort_column(snap_.get())) level_.sort_by(*snap_, col);
    rebuild();
}

void TablePanel::invert_sort() {
    if (!snap_) return;
    level_.invert_sort(*snap_);
    rebuild();
}

Reply TablePanel::on_mouse(const MouseEvent& ev) {
    if (ev.kind == MouseEvent::Kind::WheelUp) {
        select(level_.selected > kWheelRows ? level_.selected - kWheelRows : 0);
        return {};
    }
    if (ev.kind == MouseEvent::Kind::WheelDown) {
        select(level_.selected + kWheelRows);
        return {};
    }
    // The timeline strip: a press selects its column, a release elsewhere on it the columns between.
    if (snap_ && (ev.kind == MouseEvent::Kind::Press || ev.kind == MouseEvent::Kind::Release)) {
        const StripGeometry g = strip_geometry(snap_->source, COLS);
        const auto cell = ev.y == g.y ? strip_cell_range(g, ev.x) : std::nullopt;
        if (cell && ev.kind == MouseEvent::Kind::Press) {
            strip_press_ = cell;
            send_range(*cell);
            return {};
        }
        if (cell && strip_press_ && !(*cell == *strip_press_)) {
            send_range(engine::TimeRange{std::min(cell->from, strip_press_->from), std::max(cell->to, strip_press_->to)});
        }
        strip_press_.reset();
        if (cell) return {};
    }
    if (ev.kind != MouseEvent::Kind::Press) return {};
    if (ev.y == table_.title_y()) {
        if (const auto col = table_.column_at(ev.x); col && snap_ && *col < snap_->columns.size()) {
            level_.sort_by(*snap_, *col);
            rebuild();
        }
        return {};
    }
    const auto row = table_.row_at(ev.y);
    if (!row) return {};
    const auto now = std::chrono::steady_clock::now();
    const bool twice = last_click_row_ == row && now - last_click_ < kDoubleClick;
    select(*row);
    last_click_ = now;
    last_click_row_ = row;
    if (!twice) return {};
    last_click_row_.reset();
    return handle(Input{Action::Enter, 0, {}});
}

void TablePanel::send_range(const engine::TimeRange& r) {
    engine::Command c = engine::Command::make(engine::Command::Kind::SetRange);
    c.range = r;
    engine_.send(std::move(c));
}

void TablePanel::draw(int height, int width) {
    HeaderState hs{level_.text_filter, paused_};
    draw_header(*snap_, hs, width);
    draw_timeline_strip(snap_->source, strip_geometry(snap_->source, width));
    draw_breadcrumb(kBreadcrumbY, snap_->breadcrumb, width);
    if (level_.followable) {
        // The follow state at the breadcrumb's right end, as tail -f's user needs to know it.
        const std::string mark = level_.follow ? " [Following] " : " [End follows] ";
        if (static_cast<int>(mark.size()) < width) {
            attrset(attr(Role::SortTitle));
            mvaddstr(kBreadcrumbY, width - static_cast<int>(mark.size()), mark.c_str());
            attrset(attr(Role::Normal));
        }
    }
    const int bottom = height - 1;  // the function bar (a prompt draws over it)
    const int table_h = bottom - kTableY;
    across_.order = column_order();
    if (across_.first >= across_.order.size()) across_.first = across_.skip = 0;
    table_.draw(kTableY, table_h, width, snap_->columns, rows_.rows(), level_.selected, scroll_,
                level_.sort_column(snap_.get()), level_.sort_descending(snap_.get()), across_, rows_.prefixes(),
                rows_.prefix_column());
    // Tagged rows: a mark in the first column (htop's tag).
    if (!tagged_.empty()) {
        attrset(attr(Role::SortTitle));
        for (int y = kTableY; y < bottom; ++y) {
            const auto r = table_.row_at(y);
            if (r && rows_.at(*r) && tagged_.count(rows_.at(*r)->key)) mvaddch(y, 0, '*');
        }
        attrset(attr(Role::Normal));
    }
    if (rows_.empty()) {
        const char* msg = snap_->loading ? "Loading..." : level_.text_filter.empty() ? "No rows: nothing matched"
                                                                                     : "No rows match the text filter";
        mvaddstr(kTableY + 2, 2, msg);
    }
    draw_function_bar(bottom, width, Scope::Table);
    curs_set(0);
}

}  // namespace tracetop::ui
