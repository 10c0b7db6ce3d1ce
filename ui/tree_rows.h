// The Processes view as a tree (t): whether a snapshot can show one, its rows
// put in tree order with their glyphs, and folding a process (-, +, Space).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::ui {

// Where a tree comes from and where it is drawn.
struct TreeColumns {
    size_t pid = 0;
    size_t ppid = 0;
    size_t prefix = 0;  // the column the glyphs go in front of
};

// The columns a tree needs (proc.pid and proc.ppid), or nullopt: no tree
// for this snapshot (a list, or a table of something else than processes).
std::optional<TreeColumns> tree_columns(const analysis::Snapshot* snap);

// Puts `rows` (already sorted: siblings keep that order) in tree order,
// leaving out the descendants of the `collapsed` keys; returns each row's glyphs.
std::vector<std::string> arrange_as_tree(std::vector<const analysis::Row*>& rows, const TreeColumns& columns,
                                         const std::set<std::string>& collapsed);

enum class Fold { Expand, Collapse, Toggle };
void fold(std::set<std::string>& collapsed, const std::string& key, Fold how);

}  // namespace tracetop::ui
