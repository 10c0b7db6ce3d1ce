// The rows of a snapshot as one level shows them: those the text filter
// keeps, in the user's sort, as a process tree when asked; the selection
// follows its row (by key) from one refresh to the next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "level_state.h"

namespace tracetop::ui {

class TableRows {
public:
    // Arranges `snap`'s rows (none when null) as `level` says, and moves
    // level.selected onto level.selected_key, or into range.
    void rebuild(const analysis::Snapshot* snap, LevelState& level);

    const std::vector<const analysis::Row*>& rows() const { return rows_; }
    size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    const analysis::Row* at(size_t i) const { return i < rows_.size() ? rows_[i] : nullptr; }
    // The tree's glyphs, one per row, and their column (nullptr: no tree).
    const std::vector<std::string>* prefixes() const { return prefixes_.empty() ? nullptr : &prefixes_; }
    size_t prefix_column() const { return prefix_col_; }

    // The first row from `start` on (after it unless `include_start`, round
    // the end) holding `text`, or nullopt.
    std::optional<size_t> find(const std::string& text, size_t start, bool include_start) const;

private:
    std::vector<const analysis::Row*> rows_;
    std::vector<std::string> prefixes_;
    size_t prefix_col_ = SIZE_MAX;
};

}  // namespace tracetop::ui
