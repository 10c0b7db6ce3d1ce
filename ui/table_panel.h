// The table explorer itself: the snapshot on screen (and which newer one may
// replace it), its rows as the user arranged them, the drill-down stack of
// those arrangements, and the keys and clicks that act on the table. A key
// that opens something over the table (help, views menu, a prompt, a pane,
// an event's fields) comes back as a Request for the explorer to act on.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/snapshot.h"
#include "engine/explorer_engine.h"
#include "keymap.h"
#include "level_state.h"
#include "panel.h"
#include "table_rows.h"
#include "table_widget.h"
#include "htop_keys.h"
#include "tree_rows.h"

namespace tracetop::ui {

class TablePanel : public Panel {
public:
    explicit TablePanel(engine::ExplorerEngine& engine) : engine_(engine) {}

    // A snapshot from the engine: taken unless it is the one shown, stale
    // (of a generation before the last navigation command sent) or held by
    // the pause. True when taken. The screen shows the level the snapshot
    // says, with the settings the user made on that level.
    bool offer(std::shared_ptr<const analysis::Snapshot> snap);
    // At start: `first` unless a snapshot was taken already.
    void start(std::shared_ptr<const analysis::Snapshot> first);
    // A navigation command is on its way and the screen still shows the
    // level before it: keys wait for the answer, so each acts on the level
    // it was typed for (and has its first rows, unless the answer is empty).
    bool awaiting_answer() const;

    const analysis::Snapshot* snapshot() const { return snap_.get(); }
    const analysis::Row* selected_row() const { return rows_.at(level_.selected); }
    const std::string& text_filter() const { return level_.text_filter; }

    Scope scope() const override { return Scope::Table; }
    // An action of the table's bindings; what it opens comes back as the reply's request.
    Reply handle(const Input& in) override;

    // What the overlays decided.
    bool search(const std::string& text);      // typing: the first match from the selection on; false: none
    void keep_search(const std::string& text); // the prompt closed: n looks for this
    void set_text_filter(const std::string& text);
    void set_view(const std::string& id);      // the views menu's choice
    void set_filter(const std::string& text);  // a checked sysdig filter
    // The events of a spectrogram box are being opened a level down (the
    // pane sent the command): Backspace from them reopens the spectrogram on `back_to`.
    void enter_box_events(PaneSelection back_to);
    // The next new level (a scoped view being opened) follows its newest row (ui16).
    void follow_next_level(bool follow) { follow_next_ = follow; }

    // What an action acts on: the tagged rows still shown, else the selected one.
    std::vector<analysis::Row> action_targets() const;

    // Header, breadcrumb, table, and at the bottom the function bar.
    void draw(int height, int width) override;

    // issue 16 (uilook): each view's chosen columns (view id → column ids,
    // owned by the explorer's settings), and the sort menu's choices.
    void use_columns(const std::map<std::string, std::vector<std::string>>* ids) { column_ids_ = ids; }
    void sort_by_column(size_t col);  // the snapshot's index
    void invert_sort();
    size_t sort_column() const { return level_.sort_column(snap_.get()); }
    bool sort_descending() const { return level_.sort_descending(snap_.get()); }

private:
    Reply on_mouse(const MouseEvent& ev);
    void show(std::shared_ptr<const analysis::Snapshot> snap);
    void rebuild();
    void select(size_t i);
    void drill(bool events);
    std::optional<PaneSelection> back();
    void search_from(size_t start, bool include_start);
    void toggle_collapse(Fold how);
    Reply htop_key(const Input& in);  // issue 16: M P T, digits, u H K, Space's tag
    void sort_descending_by(std::initializer_list<std::string_view> ids);
    std::vector<size_t> column_order() const;
    void scroll_across(Action a);

    engine::ExplorerEngine& engine_;
    std::shared_ptr<const analysis::Snapshot> snap_;
    TableRows rows_;
    TableWidget table_;

    // What the user set on the level shown (the snapshot's level_id), and on
    // each level above it on the engine's stack, by the level's identity.
    LevelState level_;
    std::map<uint64_t, LevelState> levels_;
    size_t scroll_ = 0;
    bool paused_ = false;
    std::string search_;
    bool search_failed_ = false;

    // Rows tagged with Space (by key), on the level shown; a new level starts with none.
    std::set<std::string> tagged_;
    PidJump jump_;
    bool follow_next_ = false;
    // Across the columns (issue 16): the leftmost drawn, reset on a new level.
    ColumnWindow across_;
    const std::map<std::string, std::vector<std::string>>* column_ids_ = nullptr;

    std::chrono::steady_clock::time_point last_click_{};
    std::optional<size_t> last_click_row_;
    // Time ranges (issue 15): where a press on the timeline strip began.
    std::optional<engine::TimeRange> strip_press_;
    void send_range(const engine::TimeRange& r);
};

}  // namespace tracetop::ui
