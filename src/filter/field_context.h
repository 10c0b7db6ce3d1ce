// Everything a field extractor may read for one event: the event itself, what
// the model made of it, and scratch space for values that must be rendered
// (evt.args, proc.cmdline). Values an extractor returns stay valid until the
// next extraction with the same context.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "event/arg_format.h"
#include "event/event_view.h"
#include "filter/host_info.h"
#include "state/model.h"

namespace tracetop::filter {

// What one use of a field (one %evt.deltatime of the format, another in the
// filter) remembers from the events it was evaluated on, as sysdig keeps it
// per use: evt.deltatime's previous time, evt.latency.human's last latency
// (fields_evt_more.cpp). Keyed by the use's BoundArg; extractors update it.
struct FieldMemory {
    std::unordered_map<const void*, uint64_t> last;
    // thread.exectime and thread.totexectime: each use's last context switch
    // per CPU, and the CPU time it summed per thread (a thread made again
    // under the same tid, told by its clone time, starts from 0).
    struct ThreadTotal {
        uint64_t clone_ts = 0;
        uint64_t total = 0;
    };
    std::unordered_map<const void*, std::vector<uint64_t>> switch_ts;
    std::unordered_map<const void*, std::unordered_map<int64_t, ThreadTotal>> thread_totals;
};

struct FieldContext {
    const event::EventView& ev;
    const state::EventContext& state;
    const state::Model& model;
    const event::ArgContext* args;   // renders fds and pids inside arguments
    fmt::memory_buffer* scratch;     // reused by extractors that render text
    uint64_t first_ts = 0;           // timestamp of the first event (evt.reltime)
    const HostInfo* host = nullptr;  // issue 17 items 3-4: the event's host (host.*); null: the machine's
    FieldMemory* memory = nullptr;  // null: the run keeps none (evt.deltatime is then missing)
};

}  // namespace tracetop::filter
