// issue 16 (ui16): the sort keys (> <) step through the columns the table
// shows, in its order, and never land on a hidden one.
#include <doctest/doctest.h>

#include "level_state.h"

using tracetop::analysis::CellFormat;
using tracetop::analysis::ColumnInfo;
using tracetop::analysis::Snapshot;
using tracetop::ui::LevelState;

namespace {
Snapshot four_columns() {
    Snapshot s;
    for (const char* id : {"a", "b", "c", "d"}) s.columns.push_back(ColumnInfo{id, id, id, {}, 8, CellFormat::Number});
    s.sort_column = 0;
    return s;
}
}  // namespace

TEST_CASE("sort_next skips hidden columns") {
    const Snapshot s = four_columns();
    LevelState l;
    const std::vector<size_t> shown{0, 2};  // b and d hidden
    l.cycle_sort(s, 1, shown);
    CHECK(*l.sort_id == "c");
    l.cycle_sort(s, 1, shown);
    CHECK(*l.sort_id == "a");
}

TEST_CASE("sort_prev skips hidden columns and wraps") {
    const Snapshot s = four_columns();
    LevelState l;
    l.cycle_sort(s, -1, {0, 1, 3});
    CHECK(*l.sort_id == "d");
    l.cycle_sort(s, -1, {0, 1, 3});
    CHECK(*l.sort_id == "b");
}

TEST_CASE("the sort keys follow the drawn order of reordered columns") {
    const Snapshot s = four_columns();
    LevelState l;
    l.cycle_sort(s, 1, {0, 3, 1});
    CHECK(*l.sort_id == "d");
}

TEST_CASE("from a sort by a hidden column, > goes to the first shown column") {
    Snapshot s = four_columns();
    s.sort_column = 1;  // b, hidden
    LevelState l;
    l.cycle_sort(s, 1, {2, 3});
    CHECK(*l.sort_id == "c");
    LevelState m;
    m.cycle_sort(s, -1, {2, 3});
    CHECK(*m.sort_id == "d");
}
