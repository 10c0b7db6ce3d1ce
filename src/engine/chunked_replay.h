// Replays in parts that are kept (issue 15, chunks). A replay through the
// model over many events is cut at every model copy inside it: the parts
// before the last copy ("earlier parts") run on a second thread from the
// first and on the engine's thread from the last, as each becomes free,
// while the last part runs on the engine's own pipeline (it ends the range:
// idle rows, the span, the header). At the end the earlier parts' tables
// are folded into the last one, latest first (Aggregator::merge_earlier).
//
// A part whose shown events all lie inside the range has the table any
// other range holding it whole would have: the explorer keeps it
// (ChunkAnswer) and a later replay of the same view and scope, over another
// range, merges it instead of replaying it. Moving or narrowing the range
// then replays only the parts at its edges.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/aggregator.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/time_range.h"
#include "engine/view_pipeline.h"

namespace tracetop::engine {

// An earlier part: events [begin, end), replayed from `start` (point null: the first event).
struct ChunkPart {
    ModelCheckpoints::Start start;
    uint64_t begin = 0;
    uint64_t end = 0;
    bool inside = false;  // every shown event in it with a time is inside the range
};

struct ChunkPlan {
    std::vector<ChunkPart> earlier;  // in the order of their events, back to back
    ModelCheckpoints::Start later;   // the last part's start: the end of the last earlier part
};

// The parts of a replay of `store` over `range` (whole: the capture): from
// the copy the single replay would start at, cut at every later copy before
// which no shown event ended the range. Nullopt when the range holds fewer
// than `min_events` events or no copy lies strictly inside. `stride`: only
// every stride-th copy of the capture cuts (each part loads its copy of the
// model: a capture with a large process table is cut in fewer parts; the
// same ones for every range, so parts kept from one serve another).
std::optional<ChunkPlan> plan_chunks(const EventStore& store, const ModelCheckpoints& checkpoints,
                                     const TimeRange& range, uint64_t min_events, size_t stride = 1);

// An earlier part's finished table and the times of the first and last shown events it was fed.
struct ChunkAnswer {
    std::unique_ptr<analysis::Aggregator> table;
    uint64_t fed_first_ts = 0;
    uint64_t fed_last_ts = 0;
};

class ChunkedReplay {
public:
    using MakeTable = std::function<std::unique_ptr<analysis::Aggregator>()>;
    // On the caller's thread (making and ending replays counts pins in the
    // store, and loading a model copy reads its lookup caches: neither is
    // meant for two threads) every part still to replay is made; the second
    // thread starts at once. `known[i]`: earlier part i's kept answer, or
    // null to replay it with a table from `make_table`. Without `with_later`
    // there is no last part (the explorer filling its answers while idle).
    // `on_done` is called from the second thread when it has no part left.
    ChunkedReplay(const EventStore& store, const ChunkPlan& plan, const TimeRange& range,
                  std::vector<std::shared_ptr<const ChunkAnswer>> known, const MakeTable& make_table,
                  const std::string& name, bool with_later, std::function<void()> on_done = {});
    // Stops the second thread (within one batch of events) and waits for it.
    ~ChunkedReplay();
    ChunkedReplay(const ChunkedReplay&) = delete;
    ChunkedReplay& operator=(const ChunkedReplay&) = delete;

    // The last part: its range is set; the caller gives it the view's table and runs it.
    std::unique_ptr<ViewPipeline> take_later() { return std::move(later_); }
    void cancel() { cancel_.store(true, std::memory_order_relaxed); }
    // On the caller's thread: one batch of events of a part no thread has
    // finished, taken from the last. False when no part is left to take.
    bool help();
    // Every part has ended (complete or not).
    bool done() const { return ended_.load(std::memory_order_acquire) == todo_.size(); }
    // After the last part ended and done(): folds every earlier part into
    // it. False when a part did not complete or the tables do not merge.
    bool merge_into(ViewPipeline& later);
    // The parts replayed here that completed and lie inside the range, by
    // their index in the plan (after done() or once stopped: joins the thread).
    std::vector<std::pair<size_t, std::shared_ptr<const ChunkAnswer>>> kept_answers();
    // The share of all parts' events replayed so far.
    double progress(const ViewPipeline* later) const;
    size_t parts() const { return answers_.size(); }
    size_t replayed() const { return todo_.size(); }
    // Earlier part i's events, [first, second).
    std::pair<uint64_t, uint64_t> part_events(size_t i) const { return bounds_[i]; }

private:
    struct Todo {
        size_t part = 0;  // in the plan
        std::unique_ptr<ViewPipeline> pipe;
        uint64_t end = 0;
        bool inside = false;
        bool complete = false;  // written by the part's thread before ended_ counts it
    };
    // Runs one batch of todo_[i]; true when it has ended (then counted).
    bool run_batch(Todo& todo);
    void run_second();
    std::optional<size_t> take(bool from_front);

    std::vector<std::shared_ptr<const ChunkAnswer>> answers_;  // per earlier part; null until finished
    std::vector<std::pair<uint64_t, uint64_t>> bounds_;          // per earlier part
    std::vector<Todo> todo_;
    std::unique_ptr<ViewPipeline> later_;
    uint64_t later_begin_ = 0;
    uint64_t total_events_ = 0;
    std::mutex take_mu_;
    size_t front_ = 0;                      // todo_ taken by the second thread: [0, front_)
    size_t back_ = 0;                       // taken by the caller: [back_, size)
    std::optional<size_t> helping_;         // the caller's part under way
    std::atomic<uint64_t> replayed_events_{0};
    std::atomic<size_t> ended_{0};
    std::atomic<bool> cancel_{false};
    std::function<void()> on_done_;
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace tracetop::engine
