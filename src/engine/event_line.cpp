#include "engine/event_line.h"

#include <fmt/format.h>

#include "event/event_table.h"

namespace tracetop::engine {

bool shown_by_default(const event::EventView& ev, bool debug) {
    if (ev.block_flags & event::kEventFlagStateOnly) return false;
    return debug || !event::is_internal(ev.type);
}

void append_default_line(const event::EventView& ev, const event::EventView* enter, uint64_t latency,
                         std::string_view proc_name, const event::ArgContext* ctx, EventTimestamp& clock,
                         event::OutBuffer& out,
                         BufferFormat buffers) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "{} ", ev.num);
    clock.append(ev, latency, out);
    fmt::format_to(it, " {} ", ev.cpu);
    event::append_sanitized(proc_name, out);
    fmt::format_to(it, " ({}) {} ", static_cast<int64_t>(ev.tid),  // thread.tid is signed: -1 for container events
                   event::is_enter(ev.type) ? '>' : '<');
    out.append(event::display_type_name(ev, enter));
    out.push_back(' ');
    append_args(ev, ctx, buffers, out);
    out.push_back('\n');
}

}  // namespace tracetop::engine
