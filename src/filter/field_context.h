// Everything a field extractor may read for one event: the event itself, what
// the model made of it, and scratch space for values that must be rendered
// (evt.args, proc.cmdline). Values an extractor returns stay valid until the
// next extraction with the same context.
#pragma once

#include <cstdint>

#include <fmt/format.h>

#include "event/arg_format.h"
#include "event/event_view.h"
#include "filter/host_info.h"
#include "state/model.h"

namespace tracetop::filter {

struct FieldContext {
    const event::EventView& ev;
    const state::EventContext& state;
    const state::Model& model;
    const event::ArgContext* args;   // renders fds and pids inside arguments
    fmt::memory_buffer* scratch;     // reused by extractors that render text
    uint64_t first_ts = 0;           // timestamp of the first event (evt.reltime)
    const HostInfo* host = nullptr;  // issue 17 items 3-4: the event's host (host.*); null: the machine's
};

}  // namespace tracetop::filter
