// What the user set in one view of the drill-down stack (sort, selection,
// text filter, tree), kept per level so that Backspace restores it, and the
// rules the sort keys follow.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::ui {

// A spectrogram to reopen on the way back: its selection (nullopt: the
// whole view) and its title.
struct PaneSelection {
    std::optional<analysis::Row> row;
    std::string what;
};

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
    // the spectrogram of this selection.
    std::optional<PaneSelection> spectro_return;
    // Opened to follow events (tail -f): `follow` while the selection stays
    // on the newest row; a move away lets go, End takes it up again.
    bool followable = false;
    bool follow = false;

    // The column sorted by and its direction: the user's, else the view's.
    size_t sort_column(const analysis::Snapshot* snap) const;
    bool sort_descending(const analysis::Snapshot* snap) const;
    // A click on a title: that column, or the other direction if it is sorted by already.
    void sort_by(const analysis::Snapshot& snap, size_t col);
    // F9, < and >: the next or previous column the table shows, in the
    // order it draws them (`shown`: snapshot indices); hidden ones are skipped.
    void cycle_sort(const analysis::Snapshot& snap, int step, const std::vector<size_t>& shown);
    // I: the same column the other way.
    void invert_sort(const analysis::Snapshot& snap);
};

}  // namespace tracetop::ui
