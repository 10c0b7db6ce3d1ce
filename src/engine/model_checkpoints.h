// Model checkpoints (issue 15): the explorer's first pass over a file keeps
// a copy of the state model every so many events, with the place in the
// in-memory copy where the next event is read and what the pass knew then
// (the capture's first time, the latest time of a shown event). A later
// replay starts at the last checkpoint before the first event it needs
// instead of at the capture's first event: a view over a late range costs
// the range, and the Events list the events it can still show.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/event_store.h"
#include "engine/time_range.h"
#include "event/event_table.h"
#include "state/model.h"

namespace tracetop::engine {

// A place in the first pass, between two events.
struct PassPoint {
    StorePosition at;
    uint64_t first_ts = 0;      // of the first event with a time before it (0: none)
    uint64_t last_ts = 0;       // of the last one
    uint64_t shown_max_ts = 0;  // the latest time of a shown event before it
    bool shown_untimed = false;  // a shown event stamped 0 came before it (it is inside every range)
    // issue 15 (chunks): the earliest time of a shown event since the mark
    // before this one (0: none), so a stretch between two marks is known to
    // lie wholly inside a range or not.
    uint64_t shown_min_ts = 0;
};

class ModelCheckpoints {
public:
    // A model copy every `model_every` events, a position (a mark) every
    // `mark_every` events (a power of two dividing model_every).
    // The copies take at most about `max_bytes`: past it every other one
    // goes and the period doubles (a capture with a huge process table
    // keeps fewer copies, not more memory).
    explicit ModelCheckpoints(uint64_t model_every = kModelEvery, uint64_t mark_every = kMarkEvery,
                              uint64_t max_bytes = kMaxBytes)
        : model_every_(model_every), mark_mask_(mark_every - 1), max_bytes_(max_bytes) {}
    static constexpr uint64_t kModelEvery = 1u << 19;
    static constexpr uint64_t kMarkEvery = 1u << 14;
    static constexpr uint64_t kMaxBytes = 256u << 20;

    // The first pass, before event `index` (events before it counted) is
    // applied: whether to call take() now.
    bool due(uint64_t index) const { return (index & mark_mask_) == 0; }
    // Keeps this point (a mark; with a copy of `model` when one is due).
    void take(const EventStore& store, const state::Model& model, uint64_t first_ts, uint64_t last_ts);
    // The first pass, for every event: what the next points know.
    void note(const event::EventView& ev) {
        if (ev.block_flags & event::kEventFlagStateOnly) return;
        if (ev.ts == 0) {
            shown_untimed_ = true;
            return;
        }
        if (ev.ts > shown_max_ts_) shown_max_ts_ = ev.ts;
        if (shown_min_since_mark_ == 0 || ev.ts < shown_min_since_mark_) shown_min_since_mark_ = ev.ts;
    }

    const std::vector<PassPoint>& marks() const { return marks_; }
    size_t models() const { return models_.size(); }
    uint64_t model_every() const { return model_every_; }
    uint64_t bytes() const { return bytes_; }  // a rough figure of the copies' memory

    // A replay's start: a point and the model there.
    struct Start {
        const PassPoint* point = nullptr;
        const state::Model* model = nullptr;
    };
    // The last checkpoint before which nothing `range` shows or ends at
    // happened: a replay of `range` from there is a replay from the start.
    Start start_for(const TimeRange& range) const;
    // The last checkpoint at or before event `index` (which is before the range's end).
    Start at_or_before(uint64_t index) const;
    // The index of the last mark before which no shown event is in `range` (or ends it).
    size_t mark_before(const TimeRange& range) const;
    // issue 15 (chunks): every model copy, in the order of their events.
    std::vector<Start> copies() const;
    // Whether every shown event with a time among events [begin, end) is
    // inside `range`; `begin` and `end` are indexes of marks.
    bool wholly_inside(uint64_t begin, uint64_t end, const TimeRange& range) const;

private:
    struct Copy {
        size_t mark;  // its point in marks_
        std::unique_ptr<state::Model> model;
        uint64_t bytes = 0;
    };
    static uint64_t estimate(const state::Model& model);
    uint64_t model_every_;
    uint64_t mark_mask_;
    uint64_t max_bytes_;
    uint64_t bytes_ = 0;
    uint64_t shown_max_ts_ = 0;
    bool shown_untimed_ = false;
    uint64_t shown_min_since_mark_ = 0;
    std::vector<PassPoint> marks_;
    std::vector<Copy> models_;
};

}  // namespace tracetop::engine
