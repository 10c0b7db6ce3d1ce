#include "tree_rows.h"

#include "analysis/process_tree.h"
#include "terminal.h"
#include "tree_glyphs.h"

namespace tracetop::ui {

std::optional<TreeColumns> tree_columns(const analysis::Snapshot* snap) {
    if (!snap || snap->kind != analysis::ViewKind::Table) return std::nullopt;
    TreeColumns cols;
    bool pid = false, ppid = false;
    cols.prefix = snap->columns.empty() ? 0 : snap->columns.size() - 1;
    for (size_t i = 0; i < snap->columns.size(); ++i) {
        const std::string& f = snap->columns[i].field;
        if (f == "proc.pid" && !pid) {
            pid = true;
            cols.pid = i;
        }
        if (f == "proc.ppid" && !ppid) {
            ppid = true;
            cols.ppid = i;
        }
        // htop draws the tree in the command
        if (f == "proc.exeline" || f == "proc.cmdline" || f == "proc.name") cols.prefix = i;
    }
    if (!pid || !ppid) return std::nullopt;
    return cols;
}

std::vector<std::string> arrange_as_tree(std::vector<const analysis::Row*>& rows, const TreeColumns& columns,
                                         const std::set<std::string>& collapsed) {
    const auto tree = analysis::tree_order(rows, columns.pid, columns.ppid, collapsed);
    std::vector<std::string> prefixes;
    rows.clear();
    for (const analysis::TreeRow& t : tree) {
        rows.push_back(t.row);
        prefixes.push_back(tree_prefix(t, Terminal::utf8()));
    }
    return prefixes;
}

void fold(std::set<std::string>& collapsed, const std::string& key, Fold how) {
    const bool folded = collapsed.count(key) > 0;
    if (how == Fold::Expand || (how == Fold::Toggle && folded)) {
        collapsed.erase(key);
    } else {
        collapsed.insert(key);
    }
}

}  // namespace tracetop::ui
