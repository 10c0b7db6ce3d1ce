#include "level_state.h"

#include <algorithm>

namespace tracetop::ui {

namespace {
// Numbers read best biggest first, text alphabetically.
bool descending_first(const analysis::ColumnInfo& column) { return column.format != analysis::CellFormat::Text; }
}  // namespace

size_t LevelState::sort_column(const analysis::Snapshot* snap) const {
    if (!snap) return 0;
    if (sort_id) {
        for (size_t i = 0; i < snap->columns.size(); ++i) {
            if (snap->columns[i].id == *sort_id) return i;
        }
    }
    return snap->sort_column;
}

bool LevelState::sort_descending(const analysis::Snapshot* snap) const {
    if (!snap) return true;
    return sort_id ? descending : snap->sort_descending;
}

void LevelState::sort_by(const analysis::Snapshot& snap, size_t col) {
    if (col >= snap.columns.size()) return;
    if (col == sort_column(&snap)) {
        descending = !sort_descending(&snap);
    } else {
        descending = descending_first(snap.columns[col]);
    }
    sort_id = snap.columns[col].id;
}

void LevelState::cycle_sort(const analysis::Snapshot& snap, int step, const std::vector<size_t>& shown) {
    std::vector<size_t> order;
    for (size_t i : shown) {
        if (i < snap.columns.size()) order.push_back(i);
    }
    if (order.empty()) return;
    const size_t n = order.size();
    // From a sort by a hidden column, > goes to the first shown, < to the last.
    const auto at = std::find(order.begin(), order.end(), sort_column(&snap));
    const size_t pos = at == order.end() ? (step > 0 ? n - 1 : 0) : static_cast<size_t>(at - order.begin());
    const int ni = static_cast<int>(n);
    const size_t col = order[(pos + static_cast<size_t>((step % ni + ni) % ni)) % n];
    sort_id = snap.columns[col].id;
    descending = descending_first(snap.columns[col]);
}

void LevelState::invert_sort(const analysis::Snapshot& snap) {
    // The direction on screen, turned; read before sort_id is set, after
    // which the stored direction (descending, untouched so far) would be
    // read instead of the view's own, and an ascending view would not turn.
    const bool turned = !sort_descending(&snap);
    sort_id = snap.columns.empty() ? "" : snap.columns[sort_column(&snap)].id;
    descending = turned;
}

}  // namespace tracetop::ui
