// issue 15 (budget): one event of each frozen context (ContextRows), kept in
// a few fields instead of a whole EventView (256 bytes, most of them the
// places of up to 48 parameters): the index of a capture with a new context
// every few events then stays below the capture's size. A reader makes the
// view whole again through its own SampleCache, which keeps the views of
// the contexts it read last (a walk over a range reads a few hundred
// contexts over and over).
#pragma once

#include <cstdint>
#include <vector>

#include "event/event_view.h"

namespace tracetop::engine {

struct KeptSample {
    const uint8_t* body = nullptr;  // where body() is kept (the store, the file's mapping, or ContextRows)
    uint64_t ts = 0;
    uint64_t tid = 0;
    uint64_t num = 0;
    uint32_t body_len = 0;
    uint32_t nparams = 0;
    uint32_t block_flags = 0;
    event::EventType type = 0;
    uint16_t cpu = 0;
    bool large = false;

    // `ev`, its body kept at `body` (the same bytes as ev.body()).
    static KeptSample of(const event::EventView& ev, const uint8_t* body) {
        return KeptSample{body,           ev.ts,   ev.tid, ev.num,  static_cast<uint32_t>(ev.body().size()),
                          ev.nparams(),   ev.block_flags, ev.type, ev.cpu, ev.large_lengths()};
    }
    // The whole view again, as `of` was given it.
    void make_view(event::EventView& out) const {
        out.ts = ts;
        out.tid = tid;
        out.num = num;
        out.type = type;
        out.cpu = cpu;
        out.block_flags = block_flags;
        out.attach_body(body, body_len, nparams, large);
    }
};

// Whole views of kept samples by their id, for one reader at a time; a
// view stays valid until the next call.
class SampleCache {
public:
    const event::EventView& view(uint32_t id, const KeptSample& sample) {
        if (slots_.empty()) slots_.resize(kSlots);
        Slot& s = slots_[id % kSlots];
        if (s.id != id) {
            sample.make_view(s.view);
            s.id = id;
        }
        return s.view;
    }
    // Another set of samples: ids name other ones from now on.
    void clear() { std::vector<Slot>().swap(slots_); }

private:
    static constexpr size_t kSlots = 256;
    struct Slot {
        uint32_t id = UINT32_MAX;
        event::EventView view;
    };
    std::vector<Slot> slots_;  // made at the first view(): most pipelines never read samples
};

}  // namespace tracetop::engine
