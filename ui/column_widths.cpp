#include "column_widths.h"

#include <algorithm>

namespace tracetop::ui {

int rest_share(int screen) {
    // A process name is 15 cells (the kernel's comm): 16 shows it whole;
    // wider screens give an eighth.
    return std::max(16, screen / 8);
}

namespace {

// Takes `missing` cells from `w`, one at a time from the column with the
// most above its floor, so the columns shrink evenly. Returns what is
// still missing.
int shrink(std::vector<int>& w, const std::vector<int>& floor, int missing) {
    while (missing > 0) {
        size_t best = w.size();
        int spare = 0;
        for (size_t i = 0; i < w.size(); ++i) {
            if (w[i] - floor[i] > spare) {
                spare = w[i] - floor[i];
                best = i;
            }
        }
        if (best == w.size()) break;
        --w[best];
        --missing;
    }
    return missing;
}

}  // namespace

std::vector<int> allot_widths(const std::vector<FixedColumn>& fixed, int room, int screen) {
    std::vector<int> w;
    w.reserve(fixed.size());
    int used = 0;
    for (const FixedColumn& c : fixed) {
        w.push_back(c.width);
        used += c.width + 1;
    }
    int missing = std::min(rest_share(screen), room) - (room - used);
    if (missing <= 0) return w;
    // First down to what the title and the values need (the sorted column
    // keeps a cell for its arrow).
    std::vector<int> floor(fixed.size());
    for (size_t i = 0; i < fixed.size(); ++i) {
        const FixedColumn& c = fixed[i];
        floor[i] = std::min(c.width, std::max(c.title + (c.keep_title ? 1 : 0), c.content));
    }
    missing = shrink(w, floor, missing);
    if (missing <= 0) return w;
    // Then titles may be cut to the values' width, keeping kMinTitle cells
    // of each ("SYSCAL", "ERRORS"): only when that gives the last column its
    // share, else cut titles would buy nothing.
    constexpr int kMinTitle = 6;
    std::vector<int> cut = w;
    for (size_t i = 0; i < fixed.size(); ++i) {
        const FixedColumn& c = fixed[i];
        if (!c.keep_title) floor[i] = std::min(floor[i], std::max(std::min(c.title, kMinTitle), c.content));
    }
    return shrink(cut, floor, missing) <= 0 ? cut : w;
}

}  // namespace tracetop::ui
