// The live explorer's recent past (issue 15, live rewind): every live event
// kept in memory for a window of time (--history, default 5 minutes) and
// under a memory cap (--memory-budget), oldest chunks dropped first; the
// timeline strip's counts over it; and a "base" model that takes each
// dropped event, so that a replay of what is kept can start from the state
// as it was at the oldest kept event (model_header.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "analysis/timeline_counts.h"
#include "capture/source.h"
#include "engine/event_store.h"
#include "event/header_records.h"
#include "state/model.h"

namespace tracetop::engine {

class LiveHistory {
public:
    static constexpr uint64_t kDefaultBudgetBytes = 512ULL << 20;

    // `header`: the live source's (the state when capture began).
    // `chunk_bytes`: the unit of eviction (EventStore::make_rolling).
    LiveHistory(const event::CaptureHeader& header, uint64_t window_ns, uint64_t budget_bytes,
                size_t chunk_bytes = EventStore::kChunk);
    LiveHistory(const LiveHistory&) = delete;
    LiveHistory& operator=(const LiveHistory&) = delete;

    // Where the live pipeline puts every event (ViewPipeline::set_first_pass).
    EventStore& store() { return store_; }
    analysis::TimelineCounts& timeline() { return timeline_; }
    const analysis::TimelineCounts& timeline() const { return timeline_; }

    // Keeps the strip's slots in step with the events kept; call now and then.
    void trim();
    // A source replaying the kept events before `until` after a header of
    // the base model's state and the containers it knows (as state-only
    // container events); no event is dropped until it has ended.
    std::unique_ptr<capture::Source> replay(uint64_t until = UINT64_MAX) const;
    // The base model's state as header records (what replay() announces).
    event::CaptureHeader base_header() const;

    uint64_t oldest_ts() const { return store_.oldest_ts(); }
    uint64_t newest_ts() const { return store_.newest_ts(); }
    uint64_t window_ns() const { return window_ns_; }
    // Empty, or why less than the window is kept.
    std::string note() const;

private:
    event::CaptureHeader header_;
    uint64_t window_ns_;
    std::unique_ptr<state::Model> base_;
    EventStore store_;
    analysis::TimelineCounts timeline_;
};

// The cap on the history: --memory-budget MB, or kDefaultBudgetBytes (at
// most half the memory available now).
uint64_t history_budget(const std::optional<uint64_t>& memory_budget_mb);

}  // namespace tracetop::engine
