// sysdig's default event line:
//   evt.num evt.time evt.cpu proc.name (thread.tid) evt.dir evt.type evt.args
#pragma once

#include <cstdint>
#include <string_view>

#include "event/arg_format.h"
#include "event/event_view.h"
#include "engine/buffer_print.h"
#include "engine/timestamp_format.h"

namespace tracetop::engine {

// Whether --print shows the event (without a filter): never state-only
// records or events sysdig hides even with -D; internal ones only with -D.
bool shown_by_default(const event::EventView& ev, bool debug);

// `enter` is the exit's enter event when it was seen (it names the generic
// events of calls sysdig 0.29.3 has no code for); `latency` is its
// evt.latency (-t d). `clock` renders the time column (-t), `buffers` the
// byte buffers (-A, -x, -X).
void append_default_line(const event::EventView& ev, const event::EventView* enter, uint64_t latency,
                         std::string_view proc_name, const event::ArgContext* ctx, EventTimestamp& clock,
                         event::OutBuffer& out,
                         BufferFormat buffers = BufferFormat::Dots);

}  // namespace tracetop::engine
