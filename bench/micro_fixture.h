// The events every micro-benchmark replays: a real capture read once into
// memory (v2 layout), with its header for the state model. Replaying the same
// events again and again is what bench/make_big_capture does on disk.
#pragma once

#include <cstdint>
#include <vector>

#include "event/event_view.h"
#include "event/header_records.h"

namespace tracetop::bench {

struct ReplayEvents {
    event::CaptureHeader header;
    std::vector<uint8_t> bytes;                // every event, v2 layout, back to back
    std::vector<uint32_t> offsets;             // where each event starts in `bytes`
    std::vector<event::EventView> views;       // parsed once, for benchmarks that skip decoding
    std::vector<bool> shown;                   // --print would show it (not internal or state-only)
};

// The capture named by $TRACETOP_BENCH_CAPTURE, else ../shared/captures/curl_google.scap
// (relative to the working directory). Exits with a message when it cannot be read.
const ReplayEvents& replay_events();

}  // namespace tracetop::bench
