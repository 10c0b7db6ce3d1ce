#include "header.h"

#include <algorithm>
#include <ctime>

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "engine/time_range.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

std::string clock_text(uint64_t ts) {
    const time_t secs = static_cast<time_t>(ts / 1000000000ULL);
    struct tm tm {};
    localtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return fmt::format("{}.{:03}", buf, (ts / 1000000ULL) % 1000);
}

// Draws label (header colour) and value (bold) at the cursor.
void field(const std::string& label, const std::string& value) {
    attrset(attr(Role::Header));
    addstr(label.c_str());
    attrset(attr(Role::HeaderValue));
    addstr(value.c_str());
    attrset(attr(Role::Normal));
}

}  // namespace

std::string time_range(const analysis::SourceInfo& src) {
    if (src.first_ts == 0) return "no events yet";
    const double span = static_cast<double>(src.last_ts - src.first_ts) / 1e9;
    return fmt::format("{} - {} ({:.2f} s)", clock_text(src.first_ts), clock_text(src.last_ts).substr(11), span);
}

void draw_header(const analysis::Snapshot& snap, const HeaderState& state, int width) {
    const analysis::SourceInfo& src = snap.source;
    move(0, 0);
    clrtoeol();
    if (src.live) {
        // issue 17 (remote): live on which host, when not this one.
        field("Source: ", src.name.empty() || src.name == "live" ? std::string("live") : "live " + clip(src.name, 40));
        // issue 15 live history (rewind): a past range of the history is shown, not now.
        if (src.range_from != 0 || src.range_to != UINT64_MAX) {
            field("  Range: ", fmt::format("{} - {}", clock_text(src.range_from).substr(11),
                                           src.range_to == UINT64_MAX ? std::string("now")
                                                                      : clock_text(src.range_to).substr(11)));
            attrset(attr(Role::Paused));
            addstr("  paused at past range - L returns to live");
            attrset(attr(Role::Normal));
        }
    } else {
        // The file's own name; the folder rarely matters and eats the line.
        const size_t slash = src.name.rfind('/');
        const std::string base = slash == std::string::npos ? src.name : src.name.substr(slash + 1);
        field("Source: ", clip(base, 30));
        // A range the loaded capture has no event in says so, not "yet".
        const bool ranged = src.range_from != 0 || src.range_to != UINT64_MAX;
        field("  ", ranged && src.first_ts == 0 && !snap.loading ? std::string("no events in the range") : time_range(src));
        // Time ranges (issue 15, part big): the selected one, as offsets from the capture's start.
        if (ranged) {
            const uint64_t first = src.capture_first_ts ? src.capture_first_ts : src.first_ts;
            field("  Range: ", engine::describe_range(engine::TimeRange{src.range_from, src.range_to}, first));
        }
    }
    move(1, 0);
    clrtoeol();
    field("Events/s: ", fmt::format("{:.0f}", src.events_per_s));
    field("  Events: ", fmt::format("{}", src.events));
    field("  Drops/s: ", fmt::format("{:.0f}", src.drops_per_s));
    field("  Drops: ", fmt::format("{}", src.drops));
    // Beside the drops: events lost as surely, and as rare as a probe bug.
    if (src.malformed > 0) field("  Malformed: ", fmt::format("{}", src.malformed));
    field("  CPUs: ", src.cpus ? fmt::format("{}", src.cpus) : "?");
    // Live: the interval this sample covered, so a new refresh setting shows taking effect.
    if (src.live && snap.sample_seconds > 0) field("  Interval: ", fmt::format("{:.1f} s", snap.sample_seconds));
    if (snap.loading && !src.live) {
        field("  Loading: ", fmt::format("{:.0f}%", snap.progress * 100));
        // Big captures (issue 15, part big): how much, and how long still.
        if (src.bytes_total > 0) field(" of ", fmt::format("{:.0f} MB", static_cast<double>(src.bytes_total) / 1e6));
        if (src.seconds_left >= 0) field(", left: ", fmt::format("~{:.0f} s", src.seconds_left));
    }
    if (state.paused) {
        addstr("  ");
        attrset(attr(Role::Paused));
        addstr("PAUSED");
        attrset(attr(Role::Normal));
    }
    move(2, 0);
    clrtoeol();
    std::string filters;
    const size_t half = static_cast<size_t>(std::max(width, 0)) / 2;
    if (!snap.filter.empty()) field("Filter: ", clip(snap.filter, half));
    // Cut too: a long one would run into the breadcrumb's line.
    if (!state.text_filter.empty()) {
        field(snap.filter.empty() ? "Text filter: " : "  Text filter: ", clip(state.text_filter, half / 2));
    }
    if (!snap.error.empty()) {
        attrset(attr(Role::Error));
        addstr(fmt::format("  {}", fit(sanitize(snap.error), 60)).c_str());
        attrset(attr(Role::Normal));
    } else if (!src.memory_note.empty()) {
        // Big captures (issue 15, part big): why every key reads the file again.
        attrset(attr(Role::Error));
        addstr(fmt::format("  {}", fit(sanitize(src.memory_note), 60)).c_str());
        attrset(attr(Role::Normal));
    }
}

}  // namespace tracetop::ui
