// The explorer's engine (DESIGN.md §1, §4): a drain thread that owns the
// source, the model and the active view's aggregator, publishes an immutable
// snapshot per refresh, and takes commands from the screen through a queue.
// The screen never blocks capture (it only swaps a pointer under a lock) and
// capture never waits for the screen (commands are polled between batches).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "analysis/drill_stack.h"
#include "analysis/pane_data.h"
#include "analysis/snapshot.h"
#include "analysis/view_loader.h"
#include "engine/cli_options.h"
#include "engine/context_rows.h"
#include "engine/event_recorder.h"
#include "engine/event_store.h"
#include "engine/live_history.h"
#include "engine/model_checkpoints.h"
#include "engine/time_range.h"
#include "analysis/timeline_counts.h"
#include "event/result.h"

namespace tracetop::analysis {
class Aggregator;  // issue 15 (checkpoints)
}  // namespace tracetop::analysis

namespace tracetop::engine {

struct ChunkAnswer;  // chunked_replay.h
class ChunkedReplay;
class PassParts;  // pass_parts.h
class DrillPrefetch;  // drill_prefetch.h

struct Command {
    enum class Kind {
        SetView,      // text: view id (the drill-down filter stays)
        Drill,        // row: Enter on it; generation_seen: of the snapshot the row is from
        DrillEvents,  // row: the events behind it; generation_seen as for Drill
        Back,         // pop one drill-down level
        SetFilter,    // text: sysdig filter for every view (checked with check_filter first)
        Pause,        // flag: stop (true) or resume publishing
        EventDetails, // text: evt.num of a listed event; the answer comes in a snapshot's details
        Clear,        // forget the rows gathered so far (accumulating views, lists)
        OpenPane,     // text: "echo" or "spectro"; row: the selection (may be empty); id: the request
        ClosePane,    // back to the table alone
        DrillFilter,  // row: key_terms pushed as a drill-down level, label its crumb; opens text's view (default Events)
        SetRange,     // range: the time range every view and pane is computed over (offline)
        SetRefresh,   // id: the live refresh interval in ms (the setup screen's), from the next boundary on
        Quit,
    };
    Kind kind = Kind::Quit;
    std::string text;
    analysis::Row row;
    bool flag = false;
    uint64_t id = 0;
    // Drill and DrillEvents name a row of the level the screen showed: the
    // engine drills only if that level is still the current one, i.e. it has
    // taken no navigation command since the snapshot of this generation.
    uint64_t generation_seen = 0;
    // Set by send() on a navigation command: its number (Snapshot::generation).
    uint64_t generation = 0;
    TimeRange range;  // SetRange

    // The commands that move between levels or change what a level shows;
    // each is numbered and answered by a snapshot of its generation.
    bool navigates() const {
        return kind == Kind::SetView || kind == Kind::Drill || kind == Kind::DrillEvents || kind == Kind::Back ||
               kind == Kind::SetFilter || kind == Kind::DrillFilter || kind == Kind::SetRange;
    }

    static Command make(Kind k) { Command c; c.kind = k; return c; }
    static Command with_text(Kind k, std::string t) { Command c = make(k); c.text = std::move(t); return c; }
    static Command with_row(Kind k, analysis::Row r) { Command c = make(k); c.row = std::move(r); return c; }
    static Command with_flag(Kind k, bool f) { Command c = make(k); c.flag = f; return c; }
};

// Where the user is: the drill stack (which holds the current view), the
// user's filter, and the number of the last navigation command taken.
struct Navigation {
    analysis::DrillStack stack;
    std::string filter;
    uint64_t generation = 0;
    TimeRange range;  // the selected time range (offline); whole: the capture

    std::string scope() const;  // the user's filter and every drill-down term
    // Writes this place into a snapshot (breadcrumb, depth, level identities,
    // generation, filter, scope).
    void stamp(analysis::Snapshot& snap, const analysis::ViewSet& views) const;
};

class ExplorerEngine {
public:
    ~ExplorerEngine();

    // Loads the views, opens the source and starts the drain thread. Errors
    // (unknown view, bad filter, unreadable file, no live capture) come back
    // before anything is drawn.
    static Result<std::unique_ptr<ExplorerEngine>> start(const Options& options);

    // Queues a command; a navigation command gets its number here, and the
    // first snapshot whose generation is at least that number answers it.
    void send(Command cmd);
    // The number of the last navigation command sent: a snapshot of an older
    // generation was made before the engine saw that command.
    uint64_t sent_generation() const { return sent_generation_.load(std::memory_order_acquire); }

    // The newest snapshot (never null after start) and its sequence number.
    std::shared_ptr<const analysis::Snapshot> latest() const;
    uint64_t latest_seq() const { return seq_.load(std::memory_order_acquire); }

    const analysis::ViewSet& views() const { return views_; }

    // Stops the drain thread and, with -w, completes the recording and says
    // on standard error what it holds. Call once the screen is given back;
    // the exit status: 1 when the recording failed, else 0.
    int finish();

    // The message a bad filter gives (with a caret line), or nullopt if it compiles.
    static std::optional<std::string> check_filter(const std::string& text);

private:
    ExplorerEngine(Options options, analysis::ViewSet views);
    void run();
    bool apply(Command& cmd);  // true: reconfigure
    bool navigate(Command& cmd);  // a navigation command on nav_; true: it changed the level or its filter
    void publish(std::shared_ptr<analysis::Snapshot> snap);  // a table of shown_, stamped so
    void store(std::shared_ptr<analysis::Snapshot> snap);    // as it is (a copy keeps its stamps)
    // Big captures (issue 15): a pass reading the file keeps a copy and the
    // timeline; its end seals them and resolves --from/--to.
    void begin_file_pass(class ViewPipeline& pipe);
    void end_file_pass(const class ViewPipeline& pipe);
    // After each batch of the first pass: what it builds stays within
    // --memory-budget (explorer_engine_budget.cpp).
    void keep_pass_within_budget(class ViewPipeline& pipe);
    void describe_capture(analysis::SourceInfo& out) const;
    // Live history and rewind (issue 15, rewind): a past range selected live
    // is shown by a replay of the history (the returned pipeline) while the
    // live pipeline, kept aside, goes on recording; whole range: back to live.
    void switch_live_past(std::unique_ptr<class ViewPipeline>& pipe);
    // While a past range is shown: a batch of live events into the history
    // (and -w), and at each interval the strip of the shown table moved on.
    void run_live_behind(bool past_done);
    void describe_history(analysis::SourceInfo& out) const;

    Options options_;
    analysis::ViewSet views_;

    // Drain-thread state. nav_ is where the commands taken so far lead;
    // shown_ is what the table being computed answers (nav_ when its
    // aggregator was made), and so what every snapshot is stamped with.
    Navigation nav_;
    Navigation shown_;
    bool paused_ = false;
    bool clear_ = false;
    bool quit_ = false;
    // The open pane (Echo, spectrogram): its kind, the filter of its
    // selection, and the screen's request id its snapshots carry.
    analysis::PaneKind pane_kind_ = analysis::PaneKind::None;
    std::string pane_scope_;
    uint64_t pane_id_ = 0;

    std::mutex queue_mu_;
    std::condition_variable queue_cv_;
    std::deque<Command> queue_;
    std::atomic<uint64_t> sent_generation_{0};

    mutable std::mutex snap_mu_;
    std::shared_ptr<const analysis::Snapshot> snap_;
    std::atomic<uint64_t> seq_{0};

    std::optional<RecordingEnd> recorded_;  // set by the drain thread as it ends (-w)
    // Big captures (issue 15): the first pass's copy of the file, and its timeline.
    std::unique_ptr<EventStore> store_;
    analysis::TimelineCounts timeline_;
    std::string memory_note_;
    bool timeline_done_ = false;
    bool store_refused_ = false;  // the capture did not fit the budget: read the file for each view
    bool range_resolved_ = false;  // nav_.range holds --from/--to (or the user's choice)
    uint64_t capture_first_ts_ = 0;
    uint64_t capture_last_ts_ = 0;
    std::unique_ptr<class ViewPipeline> first_pipeline_;  // opened by start(), used by the first pass
    // Live history and rewind (issue 15, rewind).
    std::unique_ptr<LiveHistory> history_;     // null: --history 0, or not live
    std::unique_ptr<class ViewPipeline> live_behind_;  // the live pipeline while a past range is shown
    std::chrono::steady_clock::time_point behind_interval_;
    // issue 15 (fastkeys): the first pass's frozen contexts (with store_),
    // and the answers already computed from the copy: a level shown again
    // (Backspace, back to a view) is published at once with its pipeline.
    std::unique_ptr<ContextRows> rows_;
    struct Answer {
        std::shared_ptr<analysis::Snapshot> snap;
        std::unique_ptr<class ViewPipeline> pipe;  // null while it is the current one
    };
    std::map<std::string, Answer> answers_;
    std::deque<std::string> answer_order_;  // oldest first, for the bound
    std::string shown_key_;  // answers_'s key of what the current pipeline computes; empty: not kept
    std::string answer_key() const;  // of shown_ (empty: not kept: live, a pane, a list)
    std::string answer_key_of(const std::string& view_id, const std::string& scope) const;  // at shown_'s range
    // issue 15 (drill): the levels Enter opens from the first view's rows,
    // made on the second core during the first pass (drill_prefetch.h), by
    // answer key; answer_from_cache takes one when Enter asks for it.
    std::unique_ptr<DrillPrefetch> start_drill_prefetch(const class ViewPipeline& pipe);
    void keep_drill_levels(DrillPrefetch& prefetch);
    std::unordered_map<std::string, std::shared_ptr<const analysis::Snapshot>> drill_answers_;
    void wake();  // the loop, from another thread: something it waits for happened
    bool answer_from_cache(std::unique_ptr<class ViewPipeline>& pipe);
    // issue 15 (checkpoints): the first pass's model copies (with store_), and
    // a replay of the copy for the shown level that starts at the last one
    // before the first event it needs.
    std::unique_ptr<ModelCheckpoints> checkpoints_;
    std::unique_ptr<class ViewPipeline> replay_from_checkpoint(const analysis::Aggregator* agg);
    // issue 15 (split, chunks): a long replay cut at every model copy inside
    // it (chunked_replay.h; session 8 cut it in two, session 10 in parts),
    // with the parts' tables kept by view, scope and events: another range
    // over the same parts replays only its edges. `with_later` false: the shown level's parts over the whole
    // capture, replayed while the user reads the screen. Null when the
    // replay is too short, has no copy inside, or its tables do not merge.
    std::unique_ptr<ChunkedReplay> start_chunks(const analysis::ViewDef& view, const analysis::Aggregator* agg,
                                                      const TimeRange& range, bool with_later);
    std::unique_ptr<ChunkedReplay> start_fill();
    std::string chunk_prefix() const;  // of shown_: the view and the scope
    // Keeps the parts `replay` completed inside its range, under `prefix`.
    void keep_chunks(ChunkedReplay& replay, const std::string& prefix);
    void keep_chunk(const std::string& prefix, std::pair<uint64_t, uint64_t> events,
                    std::shared_ptr<const ChunkAnswer> answer);
    void trim_chunks();  // to the bounds, oldest first
    // The first pass's table in parts (pass_parts.h), or null when it is not worth cutting.
    std::unique_ptr<PassParts> start_pass_parts(class ViewPipeline& pipe);
    void keep_pass_parts(std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const ChunkAnswer>>> parts,
                         const std::string& prefix);
    std::unordered_map<std::string, std::shared_ptr<const ChunkAnswer>> chunk_answers_;
    std::deque<std::string> chunk_order_;  // oldest first, for the bounds
    uint64_t chunk_rows_ = 0;              // rows in the kept parts' tables
    // A part's table is a view's rows over half a million events: a few
    // hundred of them hold a few levels' worth; a table of more rows than
    // kChunkRowsMax is not worth keeping (merging it costs what replaying does).
    static constexpr size_t kKeptChunks = 256;
    static constexpr uint64_t kKeptChunkRows = 400000;
    static constexpr uint64_t kChunkRowsMax = 50000;
    static constexpr uint64_t kChunkModelBytes = 64u << 20;
    // Replays reading fewer events are not cut in parts ("split": the name
    // from session 8, kept with the exit line "replays split in two", which
    // tests/tui/split_replay.sh reads). TRACETOP_SPLIT=N sets it (0: never; for benches and tests).
    static constexpr uint64_t kSplitMinEvents = 1000000;
    uint64_t split_min_events_ = kSplitMinEvents;
    bool split_asked_ = false;  // TRACETOP_SPLIT was set: the exit says how many replays were cut
    uint64_t splits_ = 0;       // replays cut in parts and merged (the engine's thread; read after it ends)
    std::thread thread_;
};

}  // namespace tracetop::engine
