// How many cells each column of the table gets when the last column is the
// "rest of the line" one (width 0: Command, a path) and the fixed columns
// before it would leave it too little. htop gives the command the rest of
// the line; with fifteen columns at 120 cells the rest was 7 cells. Here the
// fixed columns give back the cells their values do not use, then (if still
// short) the part of their title wider than their values, so every column
// and every value stays on screen and the last column gets a useful share.
#pragma once

#include <cstddef>
#include <vector>

namespace tracetop::ui {

struct FixedColumn {
    int width = 0;          // the view's width for it (cells, > 0)
    int title = 0;          // its title's cells
    int content = 0;        // the widest value on the page
    bool keep_title = false;  // the sorted column: its title and arrow stay whole
};

// The cells the rest-of-line column should get at least, at `screen` cells.
int rest_share(int screen);

// Widths for `fixed` (left to right, each followed by a one-cell gap), the
// rest of `room` cells going to the last column. Never wider than the view
// asks; the view's widths when they leave the last column its share already.
std::vector<int> allot_widths(const std::vector<FixedColumn>& fixed, int room, int screen);

}  // namespace tracetop::ui
