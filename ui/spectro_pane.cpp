#include "spectro_pane.h"

#include <algorithm>
#include <ctime>

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "function_bar.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

constexpr int kTopLines = 3;     // title, legend, latency axis
constexpr int kBottomLines = 2;  // the cursor's box, the key bar
constexpr int kTimeWidth = 13;   // "HH:MM:SS.mmm "
constexpr size_t kLevels = 5;
// Characters by heat: they carry the picture where colours are missing.
constexpr char kHeatChars[kLevels + 1] = {' ', '.', ':', '+', '#', '@'};
constexpr Role kHeatRoles[kLevels] = {Role::Heat1, Role::Heat2, Role::Heat3, Role::Heat4, Role::Heat5};

std::string clock_ms(uint64_t ts) {
    const time_t secs = static_cast<time_t>(ts / 1000000000ULL);
    struct tm tm {};
    localtime_r(&secs, &tm);
    return fmt::format("{:02}:{:02}:{:02}.{:03}", tm.tm_hour, tm.tm_min, tm.tm_sec, (ts / 1000000ULL) % 1000);
}

int cell_width(int width) {
    return std::clamp((width - kTimeWidth) / static_cast<int>(analysis::kLatencyBuckets), 1, 3);
}

}  // namespace

void SpectroPane::reset() {
    rows_.clear();
    row_ = col_ = 0;
    moved_ = false;
    note_.clear();
}

std::optional<SpectroPane::Box> SpectroPane::box_at(size_t row, size_t col) const {
    if (row >= rows_.size() || col >= analysis::kLatencyBuckets) return std::nullopt;
    return Box{rows_[row].start, rows_[row].end, col, rows_[row].counts[col]};
}

void SpectroPane::place_on_hottest() {
    uint32_t best = 0;
    for (size_t r = 0; r < rows_.size(); ++r) {
        for (size_t b = 0; b < analysis::kLatencyBuckets; ++b) {
            if (rows_[r].counts[b] > best) {
                best = rows_[r].counts[b];
                row_ = r;
                col_ = b;
            }
        }
    }
}

Reply SpectroPane::handle(const Input& in) {
    note_.clear();
    const size_t nrows = rows_.size();
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Up: if (row_ > 0) --row_; break;
        case Action::Down: if (row_ + 1 < nrows) ++row_; break;
        case Action::Left: if (col_ > 0) --col_; break;
        case Action::Right: if (col_ + 1 < analysis::kLatencyBuckets) ++col_; break;
        case Action::Home: row_ = 0; break;
        case Action::End: row_ = nrows ? nrows - 1 : 0; break;
        case Action::Enter: {
            if (live_) {
                note_ = "Live, the boxes keep moving: Enter opens a box's events in a capture (-r).";
                return {};
            }
            const auto box = box_at(row_, col_);
            if (!box || box->count == 0) {
                note_ = "This box is empty.";
                return {};
            }
            chosen_ = *box;
            return {Request::Kind::BoxEvents};
        }
        default: return Reply::ignored();
    }
    moved_ = true;
    return {};
}

void SpectroPane::draw(int height, int width) {
    erase();
    curs_set(0);
    const int cw = cell_width(width);
    const size_t grid_rows = static_cast<size_t>(std::max(height - kTopLines - kBottomLines, 1));
    if (data_) {
        if (data_->live) {
            // Newest at the bottom; older slices scroll off the top.
            const auto& s = data_->slices;
            const size_t from = s.size() > grid_rows ? s.size() - grid_rows : 0;
            rows_.assign(s.begin() + static_cast<std::ptrdiff_t>(from), s.end());
        } else {
            rows_ = analysis::group_slices(data_->slices, grid_rows);
        }
    }
    if (row_ >= rows_.size()) row_ = rows_.empty() ? 0 : rows_.size() - 1;
    if (!moved_ && !live_) place_on_hottest();

    uint32_t max = 0;
    for (const auto& r : rows_) max = std::max(max, *std::max_element(r.counts.begin(), r.counts.end()));

    // Title and legend.
    std::string slice;
    if (!rows_.empty() && !live_) {
        slice = fmt::format(", {} a row", analysis::latency_label(rows_.front().end - rows_.front().start));
    }
    const std::string title = fmt::format("Latency spectrogram: {}  ({} calls{}{})", what_, data_ ? data_->events : 0,
                                          slice, live_ ? ", one row per refresh" : "");
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(sanitize(title), static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    move(1, 0);
    addstr("calls per box: ");
    for (size_t l = 1; l <= kLevels; ++l) {
        attrset(attr(kHeatRoles[l - 1]));
        addch(static_cast<chtype>(kHeatChars[l]));
        attrset(attr(Role::Normal));
        addch(' ');
    }
    addstr(fmt::format(" (log scale, {} = {})", kHeatChars[kLevels], max).c_str());
    if (live_ && rows_.empty()) addstr("  waiting for the first refresh...");
    if (loading_ && !live_) addstr("  reading...");

    // Latency axis: a label at each decade.
    move(2, 0);
    clrtoeol();
    mvaddstr(2, 0, "time");
    for (size_t d = 0; d < analysis::kLatencyDecades; ++d) {
        const int x = kTimeWidth + static_cast<int>(d * analysis::kBucketsPerDecade) * cw;
        if (x >= width) break;
        std::string label(1, '|');  // appended, not "|" + ...: GCC 12 warns falsely (-Wrestrict) on that
        label += analysis::latency_label(analysis::bucket_lower(d * analysis::kBucketsPerDecade));
        mvaddstr(2, x, fit(label, static_cast<size_t>(std::min<int>(width - x, static_cast<int>(label.size())))).c_str());
    }

    for (size_t r = 0; r < rows_.size() && r < grid_rows; ++r) {
        const int y = kTopLines + static_cast<int>(r);
        mvaddstr(y, 0, clock_ms(rows_[r].start).c_str());
        for (size_t b = 0; b < analysis::kLatencyBuckets; ++b) {
            const int x = kTimeWidth + static_cast<int>(b) * cw;
            if (x + cw > width) break;
            const size_t level = analysis::heat_level(rows_[r].counts[b], max, kLevels);
            const bool cursor = !live_ && r == row_ && b == col_;
            int a = level ? attr(kHeatRoles[level - 1]) : attr(Role::Normal);
            if (cursor) a = attr(Role::Selection) | A_BOLD;
            attrset(a);
            // An empty box under the cursor still shows where the cursor is.
            const char c = cursor && level == 0 ? '_' : kHeatChars[level];
            mvaddstr(y, x, std::string(static_cast<size_t>(cw), c).c_str());
            attrset(attr(Role::Normal));
        }
    }
    if (rows_.empty() && !loading_ && !live_) mvaddstr(kTopLines + 1, 2, "No system call with a latency in this selection.");

    // The cursor's box.
    std::string status = note_;
    if (status.empty() && !live_) {
        if (const auto box = box_at(row_, col_)) {
            const auto upper = analysis::bucket_upper(box->bucket);
            status = fmt::format("{}-{}  latency {} - {}: {} calls{}", clock_ms(box->start), clock_ms(box->end),
                                 analysis::latency_label(analysis::bucket_lower(box->bucket)),
                                 upper ? analysis::latency_label(*upper) : std::string("..."), box->count,
                                 box->count ? "  Enter lists them" : "");
        }
    }
    mvaddstr(height - 2, 0, fit(status, static_cast<size_t>(width)).c_str());
    std::vector<BarItem> bar = bar_items(keymap(), Scope::Spectro);
    if (live_) {
        // Live there is no box to pick: a note in Enter's place.
        std::erase_if(bar, [](const BarItem& i) { return i.action == Action::Enter; });
        bar.insert(bar.begin(), {"", "Live: a row per refresh, newest at the bottom", Action::None, 0});
    }
    draw_function_bar(height - 1, width, std::move(bar));
}

}  // namespace tracetop::ui
