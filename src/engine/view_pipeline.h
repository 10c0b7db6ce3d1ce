// One pass of events through the model into a view's aggregator: the piece
// the explorer's drain thread and the --json batch mode share. Live, it also
// feeds the explorer's -w recording (EventRecorder), which outlives view
// switches because the live pipeline does.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "analysis/pane_feed.h"
#include "analysis/snapshot.h"
#include "capture/merged_source.h"
#include "capture/proc_scan.h"
#include "capture/source.h"
#include "engine/cli_options.h"
#include "engine/context_rows.h"
#include "engine/event_recorder.h"
#include "engine/gone_thread_sweep.h"
#include "engine/proc_cpu.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/time_range.h"
#include "analysis/timeline_counts.h"
#include "event/result.h"
#include "filter/compiled_filter.h"
#include "filter/host_info.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::engine {

class ViewPipeline {
public:
    ViewPipeline(std::unique_ptr<capture::Source> source, std::string name, bool live);

    enum class Step { More, Idle, End, Failed };

    // Feeds up to `max_events` events; stops early on Idle, End or Failed.
    Step run(uint64_t max_events);
    // Events per run() between looks at the clock and the command queue:
    // small enough that a key press is answered within a few milliseconds,
    // large enough that the queue's lock costs nothing per event.
    static constexpr uint64_t kBatch = 8192;

    void set_aggregator(std::unique_ptr<analysis::Aggregator> agg) {
        drop_groups();
        agg_ = std::move(agg);
    }
    // issue 15 (passgroups): the explorer's first pass feeds a table that
    // Aggregator::prepare_totals admits by groups of a context's events, as
    // the walks after it do, rather than event by event (the aggregator was
    // a fifth of the pass): each event only adds to its context's group,
    // and the groups go into the table whenever anything looks at it (a
    // snapshot, the end). Needs keep_contexts and a table with no range,
    // pane, observer or second host; otherwise nothing changes. Call after
    // set_aggregator and before the first run(); false: not taken.
    bool group_by_contexts();
    // issue 15 (json2): run() would feed the table and nothing else (one
    // host, no range, store, contexts, pane, observer...): it takes the lean
    // loop (view_pipeline_lean.cpp). For tests.
    bool lean() const;
    // Views and panes see only the events of this range (--from/--to, the
    // explorer's selection); the pass ends at its end. Call before run().
    void set_range(RangeGate range) { range_ = range; }
    const RangeGate& range() const { return range_; }
    // The explorer's pass over a file (issue 15): also keeps every event in
    // `store` (until its budget says no) and counts it in `timeline`, so the
    // pass reads the whole file even past the range's end. Call before run().
    void set_first_pass(EventStore* store, analysis::TimelineCounts* timeline);
    // issue 15 (fastkeys): the first pass also freezes every event's context
    // into `rows` (dropped with the store when it goes over budget). Call before run().
    void keep_contexts(ContextRows* rows) {
        if (rows != rows_) {
            flush_groups();  // of the contexts going away
            drop_groups();
        }
        rows_ = rows;
        if (rows_) rows_->begin_section(source_->header());  // issue 15 (procsfast): its lookups
    }
    // A replay of the store whose aggregator reads only Context and Event
    // fields (Aggregator::memoisable): run() then takes each event's context
    // from `rows` instead of the model, and the aggregator memoises per
    // context (view_pipeline_fast.cpp). No pane, observer or recording.
    // issue 15 (colwalk): with `store` (the copy `rows` are of, and the one
    // this pipeline replays), a walk that reads kept events starts at the range.
    void use_contexts(const ContextRows* rows, const EventStore* store = nullptr) {
        fast_ = rows;
        fast_store_ = store;
        samples_.clear();
    }
    // issue 15 (procsfast): whether this pipeline answers from the contexts:
    // use_contexts was called, and, for a view listing idle processes, the
    // range reaches the end of the copy (idle rows are the model's at the
    // end, frozen by the first pass; a shorter range replays instead) and
    // the contexts are few enough to pay (view_pipeline_fast_idle.cpp).
    // Decided at the first run().
    bool uses_contexts() const { return fast_ != nullptr; }
    // The same decision before a pipeline is made: whether `rows` answer
    // `agg` over `range` exactly and cheaply (view_pipeline_fast_idle.cpp).
    static bool contexts_answer(const ContextRows& rows, const analysis::Aggregator& agg, const RangeGate& range);
    // issue 15 (checkpoints): the first pass also keeps model checkpoints
    // (with the store: dropped when it goes over budget). Call before run().
    void keep_checkpoints(ModelCheckpoints* checkpoints) { checkpoints_ = checkpoints; }
    // A replay of the store that begins at checkpoint `at` (its source made
    // by EventStore::replay_from(at.at)): the model, the numbering and the
    // times are what a replay from the start has there. Events before
    // index `feed_from` only change the model (the Events list starts at
    // the oldest event it can still show); `range_first_ts` is then the
    // range's first shown time, which such a replay does not see. Call
    // before run(), after set_range().
    // `first_header`: the copy's first (the host is named after it, as by a replay from the start).
    void start_at(const PassPoint& at, const state::Model& model, const event::CaptureHeader& first_header,
                  uint64_t feed_from = 0, uint64_t range_first_ts = 0);
    // issue 15 (split, chunks): this pipeline started at a checkpoint and
    // ran to its end; `table` was fed the events before that checkpoint (the
    // same view, range and scope; a part of this replay, or kept from
    // another), the first and last times of the shown ones `fed_first_ts`
    // and `fed_last_ts`: they come in as the earlier events
    // (chunked_replay.h). False: not mergeable (Aggregator::merge_earlier),
    // nothing changed.
    bool merge_earlier(const analysis::Aggregator& table, uint64_t fed_first_ts, uint64_t fed_last_ts);
    uint64_t fed_first_ts() const { return range_first_ts_; }
    uint64_t fed_last_ts() const { return range_last_ts_; }
    std::unique_ptr<analysis::Aggregator> take_aggregator() {
        flush_groups();
        drop_groups();
        return std::move(agg_);
    }
    // The first and last times fed so far, which start again from none (a
    // first pass cutting its table in parts, pass_parts.h).
    std::pair<uint64_t, uint64_t> take_fed_span() {
        return {std::exchange(range_first_ts_, 0), std::exchange(range_last_ts_, 0)};
    }
    // The open pane's feed (Echo, spectrogram), or null: it sees every event the aggregator sees.
    void set_pane(std::unique_ptr<analysis::PaneFeed> pane) {
        if (pane) {
            flush_groups();  // a pane sees events one by one, and so must the table beside it
            drop_groups();
        }
        pane_ = std::move(pane);
    }
    analysis::PaneFeed* pane() { return pane_.get(); }
    // --serve's metrics: sees every event the aggregator would see.
    using Observer = std::function<void(const filter::FieldContext&, bool internal)>;
    void set_observer(Observer observer) { observer_ = std::move(observer); }
    const state::Model& model() const { return model_; }

    // -w with the explorer: records from now on (EventRecorder::create's
    // errors come back here). Call before the first run().
    std::optional<Error> start_recording(const Options& options);
    // Why recording stopped early (a full disk), or nothing.
    std::optional<std::string> recording_problem() const {
        return recorder_ ? recorder_->problem() : std::nullopt;
    }
    // Ends a recording: stops the live source, records what it still holds,
    // and completes the file. Views and panes are fed no more. Nothing when
    // not recording.
    std::optional<RecordingEnd> finish_recording();
    const std::string* recording_path() const { return recorder_ ? &recorder_->path() : nullptr; }

    // Live CPU use measured from /proc: each thread's share becomes a
    // process-info event for the aggregator and the observer (thread.cpu =
    // the hundredths of a second it used), as sysdig's live capture produces
    // them, so views asking for internal events compute CPU% with the same
    // columns offline and live. Threads the model does not know are skipped.
    void feed_cpu(const std::vector<ThreadCpu>& used);

    // Live VIRT/RES/MEM%: every process the model knows gets its memory
    // from /proc, so the columns show the memory now rather than at the
    // process's last mmap or clone. The pids to read (the model's processes)
    // go to the ProcSampler's worker, which reads them off the drain thread;
    // its readings come back through apply_memory at a later boundary.
    std::vector<int64_t> memory_pids() const;
    void apply_memory(const std::vector<std::pair<int64_t, capture::ProcMemory>>& memory);

    // Views with `idle_rows`: a zero process-info event for every thread
    // the model knows, so processes without events in the sample still get
    // their row (current name, user, threads, command line). Call right
    // before the aggregator fills a snapshot. Views with sample_end_events
    // get csysdig's sample-end events here too.
    void add_idle_rows();

    // Live: after drops, removes threads that no longer exist (GoneThreadSweep).
    void sweep_gone_threads(GoneThreadSweep::Clock::time_point now) {
        // issue 17: a remote host's threads are not in this machine's /proc.
        if (!remote_) sweep_.maybe_sweep(model_, source_->stats().drops, now);
    }

    // Every field=value of listed event `num` (Aggregator::event_details).
    std::optional<std::string> event_details(uint64_t num) {
        if (!agg_) return std::nullopt;
        flush_groups();
        return agg_->event_details(num, model_, &args_, &scratch_, first_ts_);
    }
    analysis::Aggregator* aggregator() {
        flush_groups();
        return agg_.get();
    }

    // Source facts for a snapshot (event rates are over the whole capture
    // offline; the engine overrides them per interval live).
    void describe(analysis::SourceInfo& out) const;
    double progress() const;
    const std::optional<Error>& error() const { return source_->error(); }
    capture::SourceStats stats() const { return source_->stats(); }
    const std::string& name() const { return name_; }
    bool live() const { return live_; }
    uint64_t events() const { return events_; }
    uint64_t first_ts() const { return first_ts_; }
    uint64_t last_ts() const { return last_ts_; }
    // Seconds from the first to the last event that carries a time.
    // With a range: of the events inside it.
    double span_seconds() const {
        const uint64_t first = shown_first_ts(), last = shown_last_ts();
        return last > first ? static_cast<double>(last - first) / 1e9 : 0;
    }
    uint64_t shown_first_ts() const { return range_.active() ? range_first_ts_ : first_ts_; }
    uint64_t shown_last_ts() const { return range_.active() ? range_last_ts_ : last_ts_; }

    // issue 17 items 3-4: the hosts of the capture (one unless several
    // --remote hosts were merged), as the host.* fields describe them.
    size_t host_count() const { return 1 + extra_hosts_.size(); }
    const filter::HostInfo& host_info(size_t host) const {
        return host == 0 ? host0_ : extra_hosts_[host - 1]->info;
    }

private:
    // A host after the first (issue 17 items 3-4): its own model, so two
    // hosts' threads and fds never mix.
    struct ExtraHost {
        state::Model model;
        state::ModelArgContext args{model};
        filter::HostInfo info;
    };
    Step run_fast(uint64_t max_events);  // run() with use_contexts
    Step run_lean(uint64_t max_events);  // run() when lean()
    // issue 15 (procsfast): feed_idle_rows from the frozen threads.
    void feed_idle_contexts();
    bool fast_done_ = false;  // run_fast reached the end: the idle contexts are the answer's
    // issue 15 (perf): whether what reads this pass's events may read an
    // exit's enter, so that the model copies enters only when it might.
    filter::EnterUse enter_use() const;
    // The next event into ev_ (true), taking section changes on the way;
    // false at the end, a failure or when idle, with the step to return.
    bool next_event(Step& stop);
    void feed_procinfo(const state::ThreadInfo& thread, int64_t cpu_centis);
    // Views with sample_end_events (lua14): csysdig's sysdigevent per thread.
    void add_sample_end_events();
    void feed_idle_rows();
    void feed_procinfo(const state::ThreadInfo* thread, int64_t cpu_centis, const state::Model& model,
                       const state::ModelArgContext& args, const filter::HostInfo& host);
    void refresh_hosts();

    std::unique_ptr<capture::Source> source_;
    std::string name_;
    bool live_;
    state::Model model_;
    state::ModelArgContext args_;
    filter::HostInfo host0_;  // issue 17 items 3-4: the first (or only) host's
    capture::MergedSource* merged_ = nullptr;  // several hosts: the merge, else null
    std::vector<std::unique_ptr<ExtraHost>> extra_hosts_;
    bool remote_ = false;
    fmt::memory_buffer scratch_;
    std::unique_ptr<analysis::Aggregator> agg_;
    std::unique_ptr<analysis::PaneFeed> pane_;
    Observer observer_;
    std::unique_ptr<EventRecorder> recorder_;
    GoneThreadSweep sweep_;
    event::EventView ev_;
    uint64_t events_ = 0;
    uint64_t first_ts_ = 0;
    uint64_t last_ts_ = 0;
    RangeGate range_;
    EventStore* store_ = nullptr;
    bool store_mapped_ = false;  // issue 15 (pass2): store_ keeps places in the file's mapping, not copies
    analysis::TimelineCounts* timeline_ = nullptr;
    std::shared_ptr<const filter::CompiledFilter> failed_;  // evt.failed, for the timeline's error marks
    ContextRows* rows_ = nullptr;        // issue 15 (fastkeys): built by the first pass
    const ContextRows* fast_ = nullptr;  // read by run_fast
    state::EventContext fast_ctx_;
    uint32_t fast_ctx_id_ = UINT32_MAX;  // the context fast_ctx_ holds
    SampleCache samples_;  // issue 15 (budget): fast_'s samples made whole
    uint64_t range_first_ts_ = 0;  // of the shown events inside range_ (all of them when it is whole)
    uint64_t range_last_ts_ = 0;
    // issue 15 (colwalk): run_fast's walk, planned at its first call.
    void plan_walk();
    void walk_zero_events();
    bool walk_one(size_t index, const event::EventView& ev);  // false: the event ends the range
    const EventStore* fast_store_ = nullptr;
    bool walk_planned_ = false;
    bool column_walk_ = false;  // reads only the per-event columns (Aggregator::column_walkable)
    size_t walk_start_ = 0;     // the first event index walked
    size_t walk_next_ = 0;
    size_t zero_next_ = 0;  // into fast_->zero_shown()
    // The column walk in groups (Aggregator::prepare_totals): per context
    // and latency class, its group in groups_ (UINT32_MAX: none yet).
    bool walk_place(size_t index, bool& fed);  // walk_one's decisions
    void feed_totals();
    // The groups so far into agg_ from `rows`' contexts (finish_totals), then none.
    void feed_groups(const ContextRows& rows);
    // Event `index` (context `cid`) into its group.
    void add_to_group(size_t index, uint32_t cid, uint64_t latency);
    // issue 15 (passgroups): the first pass's groups.
    void flush_groups() {
        if (grouping_ && !groups_.empty()) feed_groups(*rows_);
    }
    void drop_groups();  // grouping stops (the groups fed or not wanted)
    bool grouping_ = false;
    bool totals_ = false;
    uint32_t classes_ = 1;
    std::vector<uint32_t> group_of_;
    std::vector<analysis::Aggregator::ContextTotals> groups_;
    ModelCheckpoints* checkpoints_ = nullptr;  // issue 15 (checkpoints): made by the first pass
    uint64_t feed_from_ = 0;                   // events before this index only change the model
};

}  // namespace tracetop::engine
