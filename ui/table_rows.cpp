#include "table_rows.h"

#include "analysis/row_sort.h"
#include "tree_rows.h"

namespace tracetop::ui {

void TableRows::rebuild(const analysis::Snapshot* snap, LevelState& level) {
    rows_.clear();
    prefixes_.clear();
    prefix_col_ = SIZE_MAX;
    if (!snap) return;
    for (const analysis::Row& r : snap->rows) {
        if (level.text_filter.empty() || analysis::row_contains(r, level.text_filter)) rows_.push_back(&r);
    }
    // The engine sorts tables by the view's default; lists come in event order.
    if (level.sort_id || snap->kind == analysis::ViewKind::List) {
        analysis::sort_rows(rows_, level.sort_column(snap), level.sort_descending(snap));
    }
    if (level.tree) {
        if (const auto cols = tree_columns(snap)) {
            // Sorted first, then treed: siblings keep the sort's order.
            prefixes_ = arrange_as_tree(rows_, *cols, level.collapsed);
            prefix_col_ = cols->prefix;
        }
    }
    if (!level.selected_key.empty()) {
        for (size_t i = 0; i < rows_.size(); ++i) {
            if (rows_[i]->key == level.selected_key) {
                level.selected = i;
                return;
            }
        }
    }
    if (level.selected >= rows_.size()) level.selected = rows_.empty() ? 0 : rows_.size() - 1;
    if (const analysis::Row* r = at(level.selected)) level.selected_key = r->key;
}

std::optional<size_t> TableRows::find(const std::string& text, size_t start, bool include_start) const {
    if (text.empty() || rows_.empty()) return std::nullopt;
    for (size_t k = include_start ? 0 : 1; k <= rows_.size(); ++k) {
        const size_t i = (start + k) % rows_.size();
        if (analysis::row_contains(*rows_[i], text)) return i;
    }
    return std::nullopt;
}

}  // namespace tracetop::ui
