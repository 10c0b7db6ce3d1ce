#include "engine/event_line.h"

#include <ctime>

#include <fmt/format.h>

#include "event/event_table.h"

namespace tracetop::engine {

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

bool shown_by_default(const event::EventView& ev, bool debug) {
    if (event::is_never_shown(ev.type)) return false;
    if (ev.block_flags & event::kEventFlagStateOnly) return false;
    return debug || !event::is_internal(ev.type);
}

void append_default_line(const event::EventView& ev, const event::EventView* enter, std::string_view proc_name,
                         const event::ArgContext* ctx, WallClockFormatter& clock, event::OutBuffer& out) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "{} ", ev.num);
    clock.append(ev.ts, out);
    fmt::format_to(it, " {} ", ev.cpu);
    event::append_sanitized(proc_name, out);
    fmt::format_to(it, " ({}) {} ", ev.tid, event::is_enter(ev.type) ? '>' : '<');
    out.append(event::display_type_name(ev, enter));
    out.push_back(' ');
    event::format_args(ev, ctx, out);
    out.push_back('\n');
}

}  // namespace tracetop::engine
