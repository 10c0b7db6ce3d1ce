// An event laid out again as a v2 event (header, then its parameter lengths
// and data as read): how the bench tools keep events they replay or repeat,
// so that EventView::parse_v2 reads them back.
#pragma once

#include <cstdint>
#include <cstring>

#include "event/event_view.h"

namespace tracetop::bench {

// Writes ev's v2 layout at p, which holds at least ev.v2_length() bytes.
inline void put_v2(const event::EventView& ev, uint8_t* p) {
    const uint32_t len = ev.v2_length();
    const uint32_t nparams = ev.nparams();
    std::memcpy(p, &ev.ts, 8);
    std::memcpy(p + 8, &ev.tid, 8);
    std::memcpy(p + 16, &len, 4);
    std::memcpy(p + 20, &ev.type, 2);
    std::memcpy(p + 22, &nparams, 4);
    std::memcpy(p + event::kEventHeaderV2Size, ev.body().data(), ev.body().size());
}

}  // namespace tracetop::bench
