// Replays on both cores (issue 15, split): a replay of the explorer's
// in-memory copy through the model that covers many events is cut in two at
// a model checkpoint near its middle. The later part runs on the engine's
// own pipeline, started at that checkpoint (its model ends as the whole
// replay's would: idle rows, the span, the header); the earlier part runs
// at the same time on a thread of its own, from its checkpoint (or the
// first event) up to exactly the middle checkpoint's event, into its own
// table of the same view and scope. When both ended, the earlier table is
// folded into the later one as its earlier events
// (Aggregator::merge_earlier): the answer is the single replay's.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "analysis/aggregator.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/time_range.h"
#include "engine/view_pipeline.h"

namespace tracetop::engine {

struct SplitPlan {
    ModelCheckpoints::Start from;    // the earlier part's start (point null: the first event)
    ModelCheckpoints::Start middle;  // the later part's start, a model copy strictly after `from`
};

// Where to cut a replay of `store` over `range` (whole: the capture): at
// the model copy nearest the middle of the range's events, among those
// after its start and before which no shown event ends the range (the
// single replay reads past them). Nullopt when the range holds fewer than
// `min_events` events, or no copy lies strictly inside.
std::optional<SplitPlan> plan_split(const EventStore& store, const ModelCheckpoints& checkpoints,
                                    const TimeRange& range, uint64_t min_events);

class SplitReplay {
public:
    // Both parts are made here, on the caller's thread (making and ending a
    // replay counts pins in the store, and loading a model copy reads its
    // lookup caches, neither meant for two threads); the earlier part starts
    // at once on its own thread with `earlier_agg` (a table of the view the
    // later part gets), and calls `on_done` from there when it ends. The
    // store and the checkpoints must outlive this object.
    SplitReplay(const EventStore& store, const SplitPlan& plan, const TimeRange& range,
                std::unique_ptr<analysis::Aggregator> earlier_agg, const std::string& name,
                std::function<void()> on_done = {});
    // Stops the earlier part (within one batch of events) and waits for it.
    ~SplitReplay();
    SplitReplay(const SplitReplay&) = delete;
    SplitReplay& operator=(const SplitReplay&) = delete;

    // The later part: its range is set; the caller gives it the view's table and runs it.
    std::unique_ptr<ViewPipeline> take_later() { return std::move(later_); }
    // Asks the earlier part to stop (it does within one batch); merge_into then fails.
    void cancel() { cancel_.store(true, std::memory_order_relaxed); }
    // The earlier part ended (complete or not): merge_into will not wait.
    bool done() const { return done_.load(std::memory_order_acquire); }
    // After the later part ended: folds the earlier part's table and times
    // into it (waits for the earlier part if it is still running). False
    // when the earlier part failed or the tables do not merge.
    bool merge_into(ViewPipeline& later);
    // The share of the copy read by both parts so far (as a single replay's progress counts it).
    double progress(const ViewPipeline& later) const;
    uint64_t middle() const { return middle_index_; }

private:
    void run_earlier();

    std::unique_ptr<ViewPipeline> earlier_;
    std::unique_ptr<ViewPipeline> later_;
    uint64_t middle_index_ = 0;
    uint64_t from_bytes_ = 0;
    uint64_t middle_bytes_ = 0;
    std::function<void()> on_done_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> done_{false};
    std::atomic<uint64_t> earlier_bytes_{0};  // read by the earlier part so far
    bool complete_ = false;                   // written by its thread before done_
    std::thread thread_;                      // last: started once the rest is ready
};

}  // namespace tracetop::engine
