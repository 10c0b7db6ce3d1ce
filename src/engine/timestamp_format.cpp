#include "engine/timestamp_format.h"

#include <ctime>

#include <fmt/format.h>

namespace tracetop::engine {
namespace {

// sysdig prints every non-wall-clock format as seconds.nanoseconds; -t a
// prints the nanoseconds without their leading zeros (12.000931868 shows as
// 12.931868), the others pad them to nine digits.
void append_seconds(uint64_t ns, event::OutBuffer& out, bool padded = true) {
    if (padded) {
        fmt::format_to(std::back_inserter(out), "{}.{:09d}", ns / 1000000000ULL, ns % 1000000000ULL);
    } else {
        fmt::format_to(std::back_inserter(out), "{}.{}", ns / 1000000000ULL, ns % 1000000000ULL);
    }
}

}  // namespace

std::optional<TimeFormat> parse_time_format(std::string_view letter) {
    if (letter == "h") return TimeFormat::Human;
    if (letter == "a") return TimeFormat::Absolute;
    if (letter == "r") return TimeFormat::Relative;
    if (letter == "d") return TimeFormat::Latency;
    if (letter == "D") return TimeFormat::Delta;
    return std::nullopt;
}

void WallClockFormatter::append(uint64_t ts_ns, event::OutBuffer& out) {
    const int64_t second = static_cast<int64_t>(ts_ns / 1000000000ULL);
    if (second != cached_second_) {
        const std::time_t t = static_cast<std::time_t>(second);
        std::tm tm{};
        localtime_r(&t, &tm);
        std::snprintf(cached_text_, sizeof cached_text_, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
        cached_second_ = second;
    }
    out.append(std::string_view(cached_text_));
    fmt::format_to(std::back_inserter(out), ".{:09d}", ts_ns % 1000000000ULL);
}

void EventTimestamp::append(const event::EventView& ev, uint64_t latency, event::OutBuffer& out) {
    switch (format_) {
        case TimeFormat::Human: return wall_.append(ev.ts, out);
        case TimeFormat::Absolute: return append_seconds(ev.ts, out, false);
        case TimeFormat::Relative: return append_seconds(ev.ts >= first_ts_ ? ev.ts - first_ts_ : 0, out);
        case TimeFormat::Latency: return append_seconds(latency, out);
        case TimeFormat::Delta: {
            const uint64_t delta = previous_ts_ && ev.ts >= *previous_ts_ ? ev.ts - *previous_ts_ : 0;
            previous_ts_ = ev.ts;
            return append_seconds(delta, out);
        }
    }
}

}  // namespace tracetop::engine
