// Events per time slot across a whole capture (issue 15's timeline strip),
// built in one pass without knowing the span ahead: a fixed number of slots
// whose width doubles (neighbours merged) whenever an event falls past the
// last one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tracetop::analysis {

class TimelineCounts {
public:
    static constexpr size_t kSlots = 512;
    static constexpr uint64_t kFirstSlotNs = 1000000;  // 1 ms: fine enough for a short capture
    static constexpr size_t kMaxRollingSlots = 1u << 16;

    // `failed`: the event is a call that returned an error (the strip marks such slots).
    void add(uint64_t ts, bool failed = false);

    uint64_t start() const { return start_; }
    uint64_t slot_ns() const { return slot_ns_; }
    // Slots up to the last one used.
    const std::vector<uint32_t>& counts() const { return counts_; }
    const std::vector<uint32_t>& errors() const { return errors_; }  // failed calls, slot by slot

    // Live history (issue 15, rewind): slots of a fixed width that never
    // merge; the oldest go with drop_before() as the history forgets them.
    void make_rolling(uint64_t slot_ns) {
        rolling_ = true;
        slot_ns_ = slot_ns;
        last_end_ = 0;
    }
    // Forgets the slots that end at or before `ts`.
    void drop_before(uint64_t ts);

private:
    bool rolling_ = false;
    uint64_t start_ = 0;
    uint64_t slot_ns_ = kFirstSlotNs;
    std::vector<uint32_t> counts_;
    std::vector<uint32_t> errors_;
    // The slot of the last event and its times [last_begin_, last_end_):
    // events come mostly in order, and most fall in the slot before them,
    // which then costs no division (the first pass adds every event).
    // last_end_ 0: none (drop_before and make_rolling move the slots; a
    // widening happens on the way that sets them anew).
    uint64_t last_begin_ = 0;
    uint64_t last_end_ = 0;
    size_t last_idx_ = 0;
};

// `counts` (slots of `slot_ns` from `start`) regrouped into `width` cells
// covering [lo, hi): what the strip draws, one cell a column.
std::vector<uint64_t> regroup_timeline(const std::vector<uint32_t>& counts, uint64_t start, uint64_t slot_ns,
                                       uint64_t lo, uint64_t hi, size_t width);

}  // namespace tracetop::analysis
