// sysdig's default event line:
//   evt.num evt.time evt.cpu proc.name (thread.tid) evt.dir evt.type evt.args
#pragma once

#include <cstdint>
#include <string_view>

#include "event/arg_format.h"
#include "event/event_view.h"

namespace tracetop::engine {

// Renders evt.time (local wall clock, HH:MM:SS.nnnnnnnnn), remembering the
// last second so that localtime runs once per second of capture, not per event.
class WallClockFormatter {
public:
    void append(uint64_t ts_ns, event::OutBuffer& out);

private:
    int64_t cached_second_ = -1;
    char cached_text_[16] = {};
};

// Whether --print shows the event (without a filter): never state-only
// records or events sysdig hides even with -D; internal ones only with -D.
bool shown_by_default(const event::EventView& ev, bool debug);

// `enter` is the exit's enter event when it was seen (it names the generic
// events of calls sysdig 0.29.3 has no code for).
void append_default_line(const event::EventView& ev, const event::EventView* enter, std::string_view proc_name,
                         const event::ArgContext* ctx, WallClockFormatter& clock, event::OutBuffer& out);

}  // namespace tracetop::engine
