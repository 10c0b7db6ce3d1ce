// The table: column titles (the sorted one marked with its direction), rows,
// a selection bar, scrolling up and down and across the columns; and the
// reverse, from a screen position to a column or row, for the mouse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::ui {

// Which columns show, in which order, and how far the table is scrolled
// across them (issue 16).
struct ColumnWindow {
    std::vector<size_t> order;  // the snapshot's column indices, left to right
    size_t first = 0;           // of `order`: the leftmost drawn
    size_t skip = 0;            // cells of that column's text scrolled past (a long last column)
};

class TableWidget {
public:
    // Draws titles at `y` and rows below, `height` lines in all (titles
    // included). `scroll` is adjusted so the selection is visible.
    // `prefixes` (one per row, drawn before the cell of `prefix_column`):
    // the process tree's glyphs.
    void draw(int y, int height, int width, const std::vector<analysis::ColumnInfo>& columns,
              const std::vector<const analysis::Row*>& rows, size_t selected, size_t& scroll, size_t sort_column,
              bool descending, const ColumnWindow& window, const std::vector<std::string>* prefixes = nullptr,
              size_t prefix_column = SIZE_MAX);

    // After draw(): the column (the snapshot's index) under screen column
    // `x` on the title line.
    std::optional<size_t> column_at(int x) const;
    // After draw(): the row index shown on screen line `y`, if any.
    std::optional<size_t> row_at(int y) const;
    int title_y() const { return y_; }
    // Rows that fit on one page.
    size_t page_rows() const { return page_; }
    // After draw(): columns or text were left out at the right edge.
    bool more_right() const { return more_right_; }

private:
    // The fixed columns' widths (one per window.order entry) when the last
    // column takes the rest of the line (column_widths.h); empty: the view's.
    std::vector<int> fixed_widths(int room, int width, const std::vector<analysis::ColumnInfo>& columns,
                                  const std::vector<const analysis::Row*>& rows, size_t sort_column,
                                  const ColumnWindow& window, const std::vector<std::string>* prefixes,
                                  size_t prefix_column) const;
    struct Span {
        size_t column;  // the snapshot's index
        int x;
        int w;
    };
    std::vector<Span> spans_;
    int y_ = 0;
    size_t page_ = 1;
    size_t scroll_ = 0;
    size_t shown_ = 0;
    bool more_right_ = false;
};

}  // namespace tracetop::ui
