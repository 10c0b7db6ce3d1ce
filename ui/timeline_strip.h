// The timeline strip (issue 15): events per time slot across the whole
// capture on the right of the header's third line, the selected range
// marked; keys and the mouse move, narrow and widen the range. In file mode
// once the first pass has counted the capture; live (issue 15, rewind) over
// the history kept in memory, moving as time goes.
#pragma once

#include <optional>

#include "analysis/snapshot.h"
#include "engine/time_range.h"
#include "keymap.h"

namespace tracetop::ui {

struct StripGeometry {
    int y = 2;
    int x = 0;
    int width = 0;   // 0: no strip
    uint64_t lo = 0;  // the capture's span, [lo, hi)
    uint64_t hi = 0;
};

StripGeometry strip_geometry(const analysis::SourceInfo& src, int screen_width);
void draw_timeline_strip(const analysis::SourceInfo& src, const StripGeometry& g);

// The range of the strip's column at screen x, if x is on the strip.
std::optional<engine::TimeRange> strip_cell_range(const StripGeometry& g, int x);

// The range a range key makes of the snapshot's selection, or nullopt when
// the key is not a range key or there is no timeline yet.
std::optional<engine::TimeRange> range_after_key(Action a, const analysis::SourceInfo& src);

}  // namespace tracetop::ui
