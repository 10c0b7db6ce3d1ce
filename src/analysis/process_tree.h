// The Processes view as a tree (htop's `t`): each process under its parent
// (by ppid), siblings in the order the rows come in (the user's sort), a
// collapsed process without its descendants. Rows come from the traced
// system: a parent missing from the rows makes a root, and pid loops are
// broken rather than followed.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::analysis {

struct TreeRow {
    const Row* row = nullptr;
    size_t depth = 0;        // 0: a root
    // One mark per ancestor level below the roots (depth - 1 of them): true
    // where that ancestor has siblings still to come (a guide line continues).
    std::vector<bool> guides;
    bool last = true;        // the last of its siblings
    bool has_children = false;
    bool collapsed = false;  // has children, hidden
};

// `rows` in display order; `pid_col` and `ppid_col` the columns holding the
// numbers; `collapsed` the row keys folded.
std::vector<TreeRow> tree_order(const std::vector<const Row*>& rows, size_t pid_col, size_t ppid_col,
                                const std::set<std::string>& collapsed);

}  // namespace tracetop::analysis
