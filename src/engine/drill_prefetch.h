// The drill-downs of the first view's rows, made on the second core while
// the first pass runs (issue 15, drill). The first pass over a file keeps
// one core busy; Enter on a row right after it would replay the whole copy
// through the model (the drill target lists idle threads, which the frozen
// contexts cannot answer). So a second pass over the same file, on a thread
// of its own with a model of its own, feeds every event to the table of
// the row it belongs to: one table of the drill target per value of the
// view's key, each under the very scope Enter on that row gives (the
// user's filter and the row's term), so each is what the replay of that
// level computes, event for event. Only for a view keyed by one field
// whose rows Enter opens; a capture of more rows than kMaxLevels keeps the
// first ones seen (the others replay as before), and an event with more than
// one value of the key stops it (no level is made).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "analysis/snapshot.h"
#include "analysis/view_def.h"
#include "engine/cli_options.h"

namespace tracetop::engine {

class DrillPrefetch {
public:
    // The scope of the level Enter opens on a row whose key term is `term`.
    using DrillScope = std::function<std::string(const std::string& term)>;
    // `view`: the first view (one key), `target`: the view its Enter opens;
    // `options`: the file the first pass reads (the whole capture: no range).
    // `on_done` is called from the thread when it ends.
    DrillPrefetch(const Options& options, const analysis::ViewDef& view, const analysis::ViewDef& target,
                  DrillScope drill_scope, std::function<void()> on_done);
    ~DrillPrefetch();  // stops the pass (within one batch) and waits for it
    DrillPrefetch(const DrillPrefetch&) = delete;
    DrillPrefetch& operator=(const DrillPrefetch&) = delete;

    // Whether `view`'s Enter into `target` is prefetched: `view` keyed by
    // one number of the thread (proc.pid: the term of a row is then passed
    // by exactly the events whose key renders as the row's), `target` a
    // table that lists idle threads (else the frozen contexts answer it).
    static bool applies(const analysis::ViewDef& view, const analysis::ViewDef& target);

    struct Level {
        std::string scope;                            // as Enter's level has it
        std::shared_ptr<analysis::Snapshot> snapshot;  // its table and source, idle rows in
    };
    bool done() const { return done_.load(std::memory_order_acquire); }
    // After done(): the levels made; empty when the pass failed or was stopped.
    std::vector<Level> take_levels() { return std::move(levels_); }
    const std::string& target_id() const { return target_.id; }
    // After done(): the events this pass read and the last one's time. The
    // first pass must have read the same (a file that grew between the two
    // reads gives levels of other events).
    uint64_t events() const { return events_; }
    uint64_t last_ts() const { return last_ts_; }

    static constexpr size_t kMaxLevels = 512;
    static constexpr int kNice = 10;  // the thread's niceness (background work)

private:
    void run();

    Options options_;
    analysis::ViewDef view_;
    analysis::ViewDef target_;
    DrillScope drill_scope_;
    std::function<void()> on_done_;
    std::vector<Level> levels_;  // written by the thread before done_, as are the two below
    uint64_t events_ = 0;
    uint64_t last_ts_ = 0;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> done_{false};
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace tracetop::engine
