// tidy (session 6): the rest-of-line column (Command) gets a useful share
// of a 100-160 cell screen, and no fixed column or value is lost for it.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "column_widths.h"

using namespace tracetop::ui;

namespace {

// The fixed columns and the cells they take, gaps included.
int used(const std::vector<int>& w) { return std::accumulate(w.begin(), w.end(), 0) + static_cast<int>(w.size()); }

// Processes' fixed columns (views/procs.toml): width, title, widest value.
std::vector<FixedColumn> procs(bool sort_syscalls) {
    return {{7, 3, 5},  {7, 4, 4},  {8, 4, 8},  {3, 3, 1},  {5, 4, 3},  {5, 4, 5},  {5, 3, 5},  {5, 4, 3},
            {10, 10, 4, sort_syscalls}, {8, 8, 3},  {7, 7, 5},  {8, 8, 2},  {7, 6, 5},  {7, 7, 4},  {6, 6, 4}};
}

}  // namespace

TEST_CASE("column widths: the view's widths when they leave the last column its share") {
    const auto cols = procs(true);
    const std::vector<int> w = allot_widths(cols, 160, 160);
    for (size_t i = 0; i < cols.size(); ++i) CHECK(w[i] == cols[i].width);
    CHECK(160 - used(w) >= rest_share(160));
}

TEST_CASE("column widths: at 120 cells the command gets its share, every title and value whole but one") {
    const auto cols = procs(true);
    const std::vector<int> w = allot_widths(cols, 120, 120);
    CHECK(120 - used(w) >= 16);  // was 7
    int cut = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
        CHECK(w[i] <= cols[i].width);
        CHECK(w[i] >= cols[i].content);  // no value is cut
        if (w[i] < cols[i].title) ++cut;
    }
    CHECK(cut <= 1);
    CHECK(w[8] == 10);  // the sorted column keeps its title and its arrow's cell
}

TEST_CASE("column widths: titles are cut only when that gives the share") {
    const auto cols = procs(false);
    // At 100 cells, even titles cut to six cells leave the command less than
    // its share: titles and values stay whole, the command gets what is left.
    const std::vector<int> w = allot_widths(cols, 100, 100);
    for (size_t i = 0; i < cols.size(); ++i) CHECK(w[i] >= std::min(cols[i].width, std::max(cols[i].title, cols[i].content)));
    // With room to win, titles keep at least six cells.
    const std::vector<int> tight = allot_widths(cols, 116, 116);
    CHECK(116 - used(tight) >= 16);
    for (size_t i = 0; i < cols.size(); ++i) CHECK(tight[i] >= std::min({cols[i].width, cols[i].title, 6}));
}
