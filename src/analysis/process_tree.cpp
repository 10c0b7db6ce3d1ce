#include "analysis/process_tree.h"

#include <unordered_map>

namespace tracetop::analysis {
namespace {

bool number_of(const Row& row, size_t col, double& out) {
    if (col >= row.cells.size() || !row.cells[col].present || !row.cells[col].is_number) return false;
    out = row.cells[col].number;
    return true;
}

}  // namespace

std::vector<TreeRow> tree_order(const std::vector<const Row*>& rows, size_t pid_col, size_t ppid_col,
                                const std::set<std::string>& collapsed) {
    const size_t n = rows.size();
    std::unordered_map<double, size_t> by_pid;
    for (size_t i = 0; i < n; ++i) {
        double pid = 0;
        if (number_of(*rows[i], pid_col, pid)) by_pid.emplace(pid, i);  // the first row of a pid wins
    }
    std::vector<size_t> parent(n, SIZE_MAX);
    std::vector<std::vector<size_t>> children(n);
    for (size_t i = 0; i < n; ++i) {
        double ppid = 0;
        if (!number_of(*rows[i], ppid_col, ppid)) continue;
        const auto it = by_pid.find(ppid);
        if (it == by_pid.end() || it->second == i) continue;
        parent[i] = it->second;
        children[it->second].push_back(i);  // in row order: siblings keep the sort
    }

    std::vector<TreeRow> out;
    out.reserve(n);
    std::vector<bool> visited(n, false);
    // Depth-first with an explicit stack (a long ppid chain must not
    // exhaust the call stack). Each frame: a node and its guide marks.
    struct Frame {
        size_t node;
        size_t depth;
        bool last;
        std::vector<bool> guides;
    };
    auto walk = [&](size_t root) {
        std::vector<Frame> stack{{root, 0, true, {}}};
        visited[root] = true;
        while (!stack.empty()) {
            Frame f = std::move(stack.back());
            stack.pop_back();
            TreeRow t;
            t.row = rows[f.node];
            t.depth = f.depth;
            t.guides = f.guides;
            t.last = f.last;
            std::vector<size_t> kids;
            for (size_t c : children[f.node]) {
                if (!visited[c]) kids.push_back(c);
            }
            t.has_children = !kids.empty();
            t.collapsed = t.has_children && collapsed.count(t.row->key) > 0;
            out.push_back(std::move(t));
            if (kids.empty() || collapsed.count(rows[f.node]->key)) {
                // Folded descendants are not shown, but are not roots either.
                std::vector<size_t> hide(kids);
                while (!hide.empty()) {
                    const size_t h = hide.back();
                    hide.pop_back();
                    if (visited[h]) continue;
                    visited[h] = true;
                    for (size_t c : children[h]) hide.push_back(c);
                }
                continue;
            }
            std::vector<bool> child_guides = f.guides;
            if (f.depth > 0) child_guides.push_back(!f.last);
            for (size_t c : kids) visited[c] = true;
            // Pushed in reverse so the first child is visited first.
            for (size_t k = kids.size(); k-- > 0;) {
                stack.push_back({kids[k], f.depth + 1, k + 1 == kids.size(), child_guides});
            }
        }
    };
    for (size_t i = 0; i < n; ++i) {
        if (parent[i] == SIZE_MAX && !visited[i]) walk(i);
    }
    // What is left sits on a pid loop: its first row becomes a root.
    for (size_t i = 0; i < n; ++i) {
        if (!visited[i]) walk(i);
    }
    return out;
}

}  // namespace tracetop::analysis
