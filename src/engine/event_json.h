// sysdig's -j: one JSON object per event instead of the default line, keys
// in sysdig's (sorted) order:
//   {"evt.cpu":0,"evt.dir":"<","evt.info":"res=0 ...","evt.num":211,
//    "evt.outputtime":1534527348514632619,"evt.type":"execve",
//    "proc.name":"curl","thread.tid":17497}
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/buffer_print.h"
#include "event/arg_format.h"
#include "event/event_view.h"

namespace tracetop::engine {

// `proc_name` is nullopt when the thread is unknown (JSON null). Buffers in
// evt.info are whole; `buffers` Dots shows them with '.' for non-printable
// bytes, the other formats as -A/-x/-X print them.
void append_event_json(const event::EventView& ev, const event::EventView* enter,
                       std::optional<std::string_view> proc_name, const event::ArgContext* ctx,
                       BufferFormat buffers, event::OutBuffer& out);

// Appends `text` as a JSON string (quotes included), escaped as sysdig's
// JSON writer does.
void append_json_string(std::string_view text, event::OutBuffer& out);

}  // namespace tracetop::engine
