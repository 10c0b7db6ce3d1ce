#include "timeline_strip.h"

#include <algorithm>
#include <string>

#include <curses.h>

#include "analysis/timeline_counts.h"
#include "colours.h"
#include "terminal.h"

namespace tracetop::ui {
namespace {

constexpr int kMinWidth = 16;
constexpr int kMaxWidth = 64;

// The capture's span; its end is one past the last event, so that a range
// ending there includes it.
std::pair<uint64_t, uint64_t> span_of(const analysis::SourceInfo& src) {
    return {src.capture_first_ts, src.capture_last_ts + 1};
}

// The selection within the span (a whole range is the span).
engine::TimeRange selection(const analysis::SourceInfo& src) {
    const auto [lo, hi] = span_of(src);
    return engine::clamp_range(engine::TimeRange{src.range_from, src.range_to}, lo, hi, 0);
}

}  // namespace

StripGeometry strip_geometry(const analysis::SourceInfo& src, int screen_width) {
    StripGeometry g;
    if (src.timeline.empty() || src.capture_first_ts == 0 || src.capture_last_ts <= src.capture_first_ts) {
        return g;
    }
    const int w = std::min(kMaxWidth, screen_width * 2 / 5);
    if (w < kMinWidth) return g;
    g.width = w;
    g.x = screen_width - w - 1;
    std::tie(g.lo, g.hi) = span_of(src);
    return g;
}

void draw_timeline_strip(const analysis::SourceInfo& src, const StripGeometry& g) {
    if (g.width == 0) return;
    const std::vector<uint64_t> cells = analysis::regroup_timeline(src.timeline, src.timeline_start,
                                                                   src.timeline_slot_ns, g.lo, g.hi, g.width);
    const std::vector<uint64_t> errors = analysis::regroup_timeline(src.timeline_errors, src.timeline_start,
                                                                    src.timeline_slot_ns, g.lo, g.hi, g.width);
    const uint64_t peak = std::max<uint64_t>(1, *std::max_element(cells.begin(), cells.end()));
    const engine::TimeRange sel = selection(src);
    // Live and showing now (issue 15, rewind): nothing of the history is selected.
    const bool now = src.live && src.range_from == 0 && src.range_to == UINT64_MAX;
    static const char* const kBlocks[] = {" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"};
    static const char kAscii[] = " .:-=+*#@";
    const double cell = static_cast<double>(g.hi - g.lo) / g.width;
    for (int i = 0; i < g.width; ++i) {
        // A column is in the selection if its middle is.
        const auto mid = g.lo + static_cast<uint64_t>((i + 0.5) * cell);
        const bool selected = !now && sel.contains(mid);
        const size_t level = cells[i] == 0 ? 0 : 1 + (cells[i] * 7 + peak - 1) / peak;
        // Columns holding failed calls in the error colour, outside the selection.
        attrset(selected ? attr(Role::Selection) : errors[i] ? attr(Role::Error) : attr(Role::HeaderValue));
        if (Terminal::utf8()) {
            mvaddstr(g.y, g.x + i, kBlocks[std::min<size_t>(level, 8)]);
        } else {
            mvaddch(g.y, g.x + i, kAscii[std::min<size_t>(level, 8)]);
        }
    }
    attrset(attr(Role::Normal));
}

std::optional<engine::TimeRange> strip_cell_range(const StripGeometry& g, int x) {
    if (g.width == 0 || x < g.x || x >= g.x + g.width) return std::nullopt;
    const double cell = static_cast<double>(g.hi - g.lo) / g.width;
    const int i = x - g.x;
    const auto from = g.lo + static_cast<uint64_t>(i * cell);
    const auto to = i + 1 == g.width ? g.hi : g.lo + static_cast<uint64_t>((i + 1) * cell);
    return engine::TimeRange{from, to};
}

std::optional<engine::TimeRange> range_after_key(Action a, const analysis::SourceInfo& src) {
    if (src.capture_first_ts == 0 || src.capture_last_ts <= src.capture_first_ts) return std::nullopt;
    const auto [lo, hi] = span_of(src);
    const engine::TimeRange sel = selection(src);
    // Never narrower than a thousandth of the capture: a range that holds nothing says little.
    const uint64_t min_width = std::max<uint64_t>(1, (hi - lo) / 1000);
    // Live and showing now (issue 15, rewind): going earlier starts with the older half of the history.
    if (src.live && a == Action::RangeEarlier && src.range_from == 0 && src.range_to == UINT64_MAX) {
        return engine::TimeRange{lo, lo + (hi - lo) / 2};
    }
    const auto half = static_cast<int64_t>((sel.to - sel.from) / 2);
    engine::TimeRange out;
    switch (a) {
        case Action::RangeEarlier: out = engine::move_range(sel, -std::max<int64_t>(half, 1), lo, hi); break;
        case Action::RangeLater: out = engine::move_range(sel, std::max<int64_t>(half, 1), lo, hi); break;
        case Action::RangeNarrow: out = engine::scale_range(sel, 0.5, lo, hi, min_width); break;
        case Action::RangeWiden: out = engine::scale_range(sel, 2, lo, hi, min_width); break;
        case Action::RangeWhole: return engine::TimeRange{};
        default: return std::nullopt;
    }
    // The whole span selected is the whole capture (no range in the header).
    if (out.from <= lo && out.to >= hi) return engine::TimeRange{};
    return out;
}

}  // namespace tracetop::ui
