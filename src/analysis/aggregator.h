// The aggregation engine: feeds events through one view and keeps its table.
// The drain thread calls on_event() for every event and fill() once per
// refresh; on_event() allocates only when a new row appears (or a text value
// outgrows its buffer).
//
//   auto agg = Aggregator::create(view, "proc.pid = 17497");
//   for each event: agg->on_event(fields, is_internal);
//   agg->fill(snapshot, seconds);   // rows sorted by the view's default sort
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "analysis/snapshot.h"
#include "analysis/view_def.h"
#include "event/result.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"

namespace tracetop::analysis {

class Aggregator {
public:
    // `scope` is a sysdig filter (user filter and drill-down terms) applied on
    // top of the view's own filter; empty for none.
    static Result<std::unique_ptr<Aggregator>> create(const ViewDef& view, const std::string& scope);

    // `internal`: the event is an internal one (process info) that only views
    // asking for internal events see.
    void on_event(const filter::FieldContext& ctx, bool internal);

    // Forgets all rows (a new live interval).
    void reset();

    // csysdig's sample-end events (ViewDef::sample_end_events): what
    // on_sample_end_event() adds counts in the next fill() only. The table
    // as it was is set aside here and comes back with the next on_event(),
    // reset() or begin_sample_end().
    void begin_sample_end();
    void on_sample_end_event(const filter::FieldContext& ctx);

    // issue 15 (fastkeys): whether every field this table reads (keys,
    // label, columns, their conditions, the scope) is of class Context or
    // Event (filter::FieldDep), so that on_event_memo may feed it. List
    // views and views with sample-end events (which read the model at the
    // end) never are.
    bool memoisable() const;
    // issue 15 (perf): whether the fields this table reads may read an
    // exit's enter event (filter/enter_fields.h); list views always may.
    filter::EnterUse enter_use() const;
    // on_event for an event whose context is frozen copy `context_id`: every
    // Context field's value (and so the scope, the row, the label) is worked
    // out once per context id; Event fields are read per event. The table
    // comes out as on_event would have made it.
    void on_event_memo(const filter::FieldContext& ctx, uint32_t context_id, bool internal);
    // The pass is over: the memos go (the table stays; later events go through on_event).
    void drop_memo();
    // issue 15 (colwalk): memoisable, and no field read but Context ones
    // and evt.latency: any event of a context, given the latency of
    // another, gives that other's values (aggregator_totals.cpp).
    bool column_walkable() const;
    // issue 15 (colwalk): the table fed once per group of events instead of
    // once per event. A group is the events of one context, in a walk, whose
    // latencies are of one class (latency_class: between two constants the
    // filters compare evt.latency with, no verdict changes), with their
    // count, latency totals and first and last event indexes.
    struct ContextTotals {
        uint64_t count = 0, sum = 0, min = UINT64_MAX, max = 0;
        uint64_t last_latency = 0;
        uint64_t first = 0, last = 0;  // event indexes
        uint32_t context = 0;
    };
    // Whether on_context_totals makes the table on_event_memo makes
    // (column_walkable, no rows_when, a Context label, latency in numeric
    // columns only, no distinct or per of it, integer sums); takes the classes.
    bool prepare_totals();
    uint32_t latency_classes() const { return static_cast<uint32_t>(2 * latency_cuts_.size() + 1); }
    uint32_t latency_class(uint64_t latency) const {
        uint32_t c = 0;
        for (const uint64_t cut : latency_cuts_) c += latency > cut ? 2 : latency == cut ? 1 : 0;
        return c;
    }
    // One group, `ctx` an event of its context with the latency of the
    // group's first; groups in the order of their first events, then finish_totals.
    void on_context_totals(const filter::FieldContext& ctx, const ContextTotals& t, bool internal);
    void finish_totals();

    // issue 15 (split): folds in the table `earlier` (the same view and
    // scope, fed the events just before this one's, from the model as it
    // was then) as if its events had come first: the table is the one a
    // single pass over both parts makes (aggregator_merge.cpp). Row memos
    // made from the earlier part's model are forgotten. False (nothing
    // changed) when the two tables cannot be merged exactly: another view,
    // a list, rows_when (a key it refused in this part would have found the
    // earlier part's row), or tables answered from the frozen contexts.
    static bool mergeable(const ViewDef& view);
    bool merge_earlier(const Aggregator& earlier);

    // Writes columns, rows (default sort), totals; `seconds` is the sample's length.
    void fill(Snapshot& out, double seconds) const;

    const ViewDef& view() const { return view_; }
    // issue 15 (json): events whose row took its alternate memo back
    // (tests: the path was taken); set_alt_memo(false) turns it off.
    uint64_t alt_memo_swaps() const { return alt_swaps_; }
    void set_alt_memo(bool on) { alt_memo_on_ = on; }
    // issue 15 (json2): events whose `when` columns were decided by a
    // when plan (aggregator_when_plan.cpp; tests: the path was taken);
    // set_when_plans(false) evaluates every `when` on every event instead.
    uint64_t when_plan_hits() const { return plan_hits_; }
    void set_when_plans(bool on) { plans_on_ = on; }
    // issue 15 (checkpoints): the view's filter and the scope together (null: none).
    const filter::CompiledFilter* scope_filter() const { return scope_ ? &*scope_ : nullptr; }
    size_t row_count() const;

    // List views keep at most this many newest events, and at most this many
    // bytes of them (event copies and rendered lines together).
    static constexpr size_t kMaxListRows = 20000;
    static constexpr size_t kMaxListBytes = 48u << 20;

    // List views: every field=value of kept event `num` (evt.num), one a
    // line, rendered now from the event's own bytes and what the model knew
    // of its fd when it happened; process and thread fields read the model as
    // it is now. nullopt when the event is no longer kept. Rendering every
    // field costs; doing it for the one event a user opens, not for each
    // event kept, is what keeps the Events view cheap.
    std::optional<std::string> event_details(uint64_t num, const state::Model& model, const event::ArgContext* args,
                                             fmt::memory_buffer* scratch, uint64_t first_ts) const;

private:
    struct Accumulator {
        double sum = 0;
        double min = 0;
        double max = 0;
        // Events counted. A memoised column whose aggregate one more equal
        // value leaves as it is (last, min, max, distinct) keeps the count of
        // events since its row's memo was taken in TableRow::memo_hits.
        uint64_t n = 0;
        bool is_text = false;
        bool claimed = false;  // First: the row's first event was seen
        std::string text;
        std::string text_source;  // the raw string `text` was rendered from (rendering is skipped when equal)
        uint32_t text_slot = UINT32_MAX;  // on_event_memo: the memo slot `text` was rendered from
        uint32_t number_slot = UINT32_MAX;  // on_event_memo: the memo slot of the last number, `slot_number`
        double slot_number = 0;
        // Distinct: the values seen; with `per`: the column's aggregate for
        // each value of it (max, or sum and count for an average).
        struct PerValue {
            double max = 0;
            double sum = 0;
            uint64_t n = 0;
        };
        std::unordered_map<double, PerValue> per;
        // Thread-only columns (thread_fields.h): what the row's last event
        // gave, reused while the row's ThreadMemo holds.
        enum class Memo : uint8_t { None, Absent, Text, Number } memo = Memo::None;
        double memo_value = 0;
    };
    // The thread an event's thread-only fields were read for, and the
    // model's thread epoch then: equal memos give equal values.
    // The thread pointers are apart: copied as one 16-byte piece, they were
    // read back over the model's two 8-byte stores (a store-forwarding stall
    // per event).
    struct ThreadMemo {
        const void* model = nullptr;
        const void* thread = nullptr;
        uint64_t epoch = 0;  // 0: none
        const void* main_thread = nullptr;
        uint32_t thread_memory = 0;  // their ThreadInfo::memory_version
        uint32_t main_memory = 0;
        bool known = false;
        // Written out, inline: the defaulted one was an out-of-line call per event (issue 15, json).
        bool operator==(const ThreadMemo& o) const {
            return same_identity(o) && thread_memory == o.thread_memory && main_memory == o.main_memory;
        }
        // The same thread in the same epoch, whatever its memory did: what
        // thread-only fields that read no memory (filter::reads_thread_memory) need.
        bool same_identity(const ThreadMemo& o) const {
            return model == o.model && thread == o.thread && epoch == o.epoch && main_thread == o.main_thread &&
                   known == o.known;
        }
    };
    struct TableRow {
        std::string key;
        std::vector<std::string> key_terms;
        std::string label;
        std::string label_source;  // the raw string `label` was rendered from
        std::vector<Accumulator> acc;
        uint32_t label_context = UINT32_MAX;  // on_event_memo: the memo_labels_ entry `label` was taken from
        ThreadMemo memo;  // of the row's last event
        // Every steady column (below) has its memo: an event with this memo
        // only counts in memo_hits and updates the other columns.
        bool memo_complete = false;
        uint64_t memo_hits = 0;
        // Type-only columns: the type class (type_class_) of the row's last
        // event (0: none, or a generic system-call event, whose name varies).
        uint32_t memo_type = 0;
        // issue 15 (json): the steady columns' memos of the threads the row
        // saw before `memo`'s (same process, same epoch). Threads of one
        // process taking turns (a round of process-info events, curl's two
        // threads) left the memo at every turn; an event with one of these
        // memos swaps it in instead of reading every column again.
        struct AltCell {
            Accumulator::Memo memo = Accumulator::Memo::None;
            double value = 0;
            std::string text, text_source;  // Memo::Text: what acc.text and text_source were
        };
        struct AltMemo {
            ThreadMemo memo;
            bool complete = false;       // every steady column has its cell
            std::vector<AltCell> cells;  // by steady column (steady_columns_' order)
        };
        std::vector<AltMemo> alts;  // at most kAltMemos
        uint32_t alt_next = 0;      // the slot a new one replaces once all are taken
    };
    struct BoundColumn {
        filter::BoundField field;  // def null: counts events
        std::optional<filter::CompiledFilter> when;
        filter::BoundField per;  // def null: none (ColumnDef::per)
        bool when_context = false;  // issue 15: `when` reads only Context fields
        bool thread_only = false;  // no `when`, no `per`, a thread-only field: memoised per row
        bool reads_memory = false;  // thread-only, and it reads the thread's memory (memory_version)
        bool steady = false;       // thread-only, and an equal value changes nothing but the count
        bool type_only = false;    // no `when`, no `per`, a type-only field: memoised per row by type class
        // issue 15 (session 12): the shared values of the column's field and
        // of its `when`'s one field (a single check), -1 for none.
        int16_t field_group = -1;
        int16_t when_group = -1;
    };
    // issue 15 (session 12): one field several columns read for the same
    // event (evt.latency in three columns and a `when` of System Calls,
    // evt.buflen in the I/O views), extracted once per event. Only fields
    // whose values hold no text (a text value may point into the scratch
    // buffer the next extraction reuses).
    struct FieldGroup {
        filter::BoundField field;
        uint64_t serial = 0;  // event_serial_ of the event `values` are of
        filter::FieldValues values;
    };
    // Gives each column's field and single-check `when` read by more than one column a group.
    void group_shared_fields();
    // The group of `f` (made if new), -1 when its values may be text.
    int16_t field_group_of(const filter::BoundField& f);
    // The event's values of a group's field, extracted at the first ask of the event.
    const filter::FieldValues& group_values(int16_t group, const filter::FieldContext& ctx);
    // Whether column i's `when` passes the event.
    bool when_passes(const BoundColumn& col, const filter::FieldContext& ctx);
    // Lets the row index be probed with a string_view, so a hit allocates nothing.
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    explicit Aggregator(const ViewDef& view) : view_(view) {}
    void feed(const filter::FieldContext& ctx);
    void end_sample_end();
    // `memo`: thread_memo_of(ctx), worked out once per event by feed.
    void on_table_event(const filter::FieldContext& ctx, const ThreadMemo& memo);
    // One event's value(s) for column i of `row` (after its `when`); `per`
    // gives the values of the column's `per` field when asked.
    template <class Per>
    void accumulate(TableRow& row, size_t i, const filter::FieldValue* value, Per per);
    // The row of the event's keys, made if new (rows_when permitting); UINT32_MAX: none.
    // `refused`: rows_when said no to a new row (another event of the key may make it).
    uint32_t row_of(const filter::FieldContext& ctx, bool& refused);
    struct WhenPlan;
    // `same_thread`: the event's ThreadMemo is the row's; `same_identity`: but for the memory versions.
    // `plan`: the event's when plan (null: none), which gives the verdicts of the plannable columns' `when`s.
    void update_column(TableRow& row, size_t i, const filter::FieldContext& ctx, bool same_thread,
                       bool same_identity, bool same_type, const WhenPlan* plan = nullptr);
    // The columns an event of a row whose memo holds still updates (the
    // by-type lists), through its when plan where there is one.
    void update_unsteady(TableRow& row, const filter::FieldContext& ctx, bool same_thread, bool same_identity,
                         bool same_type);
    // issue 15 (json2): column i's `when` reads nothing but type-only
    // fields, evt.failed and fd.type, so those three values decide it.
    // What each plannable column of a type needs read: kPlanFailed, kPlanFd.
    static constexpr uint8_t kPlanFailed = 1, kPlanFd = 2;
    // One key's plan: the columns its events count inline and the ones they
    // update (the by-type lists without the columns whose `when` the key
    // refuses), and every plannable column's verdict.
    struct WhenPlan {
        std::vector<uint32_t> counted;
        std::vector<uint32_t> update;
        // Per column: kPlanNo, kPlanYes, or kPlanAsk (not plannable: evaluate the `when`).
        std::vector<uint8_t> verdict;
    };
    static constexpr uint8_t kPlanNo = 0, kPlanYes = 1, kPlanAsk = 2;
    void prepare_when_plans();
    // issue 15 (session 12): type_class_ from the type-only columns' fields.
    void prepare_type_classes();
    // The plan of the event's key (made from this event if new); null: none
    // (a key the plans cannot hold), the by-type lists then.
    const WhenPlan* when_plan(const filter::FieldContext& ctx, event::EventType type);
    // The event's plan, if its type has plans and its key can have one (counted in plan_hits_).
    const WhenPlan* event_plan(const filter::FieldContext& ctx);
    void flush_memo_hits(TableRow& row);
    // issue 15 (split): column i of `earlier` folded into `later`'s as its earlier events.
    void merge_column(Accumulator& later, const Accumulator& earlier, size_t i) const;
    // issue 15 (split): a merged row's memos and alternates go (flushed first).
    static void forget_memos(TableRow& row);
    // issue 15 (json): the row's memo goes to its alternate slot before a
    // miss of another thread of the same process replaces it.
    void save_alt_memo(TableRow& row);
    static constexpr size_t kAltMemos = 8;
    // The event's memo is one of the row's alternates: the two swap, and the steady
    // columns count the event with the alternate's values.
    void swap_alt_memo(TableRow& row, TableRow::AltMemo& alt, const filter::FieldContext& ctx, const ThreadMemo& memo);
    void forget_row_caches();
    static void add_number(struct Accumulator& acc, Aggregation aggregation, double v);
    void on_list_event(const filter::FieldContext& ctx);
    TableRow& new_row(const filter::FieldContext& ctx);
    void render_first(const filter::BoundField& f, const filter::FieldContext& ctx, std::string& out);
    void render_cached(const filter::FieldDef& def, const filter::FieldValue& v, std::string& out,
                       std::string& source);
    // Leaves out the columns whose ColumnDef::hide_if_all every row matches.
    void hide_uniform_columns(Snapshot& out) const;

    ViewDef view_;
    std::optional<filter::CompiledFilter> scope_;
    std::optional<filter::CompiledFilter> rows_when_;
    std::vector<filter::BoundField> keys_;
    filter::BoundField label_;
    std::vector<BoundColumn> columns_;

    std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> index_;
    std::vector<TableRow> rows_;
    // The table before the sample-end events (begin_sample_end).
    struct SetAside {
        std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> index;
        std::vector<TableRow> rows;
    };
    std::optional<SetAside> before_sample_end_;
    // What event_details() needs of one listed event: a copy of its bytes and
    // the model's view of it at the time.
    struct KeptEvent {
        uint64_t num = 0;
        event::EventView ev;  // rebased onto `body`
        std::vector<uint8_t> body;
        state::Tid tid = 0;
        bool fd_related = false;
        state::Fd fd = state::kNoFd;
        std::optional<state::FdEntry> fd_entry;
        bool has_fallback_name = false;
        bool fallback_overrides_entry = false;
        char fallback_typechar = 'o';
        std::string fallback_name;
        state::Nanoseconds latency = 0;
        size_t bytes = 0;  // counted against kMaxListBytes, with its row
        const filter::HostInfo* host = nullptr;  // issue 17 items 3-4: several hosts, each its own model
    };
    void drop_oldest_listed();

    // issue 15 (fastkeys): what on_event_memo knows of each context id,
    // kept small (there is one per frozen context). A Context field's value
    // is a slot: its first value (the only one the table reads) or none.
    struct MemoSlot {
        filter::FieldValue value;  // a string's text is `text` (the slot may move)
        std::string text;
        bool present = false;
        bool several = false;  // more than one value: read per event (never memoised)
    };
    struct ContextMemo {
        bool known = false;
        bool in_scope = false;
        bool row_decided = false;
        bool row_pending = false;   // refused by rows_when: decided again at its next event
        uint32_t row = UINT32_MAX;  // UINT32_MAX: no row (or, with row_pending, not decided yet)
        uint32_t first_slot = 0;    // in memo_slots_: one per entry of slot_fields_
        int32_t label = -1;         // in memo_labels_, -1: none
        uint64_t when_known = 0;    // per column (the first 64): its `when` verdict is memoised...
        uint64_t when_true = 0;     // ...and is this
        uint32_t shared = UINT32_MAX;  // in thread_memo_: its thread-only values (issue 15, threadmemo)
    };
    // issue 15 (threadmemo): thread-only fields (filter/thread_fields.h)
    // read nothing but the thread, its main thread, thread_known and the
    // lookup model, so every context frozen with the same copies of those
    // gives the same values: on a churning capture (a new context per fd or
    // call, the same few thread copies) they are worked out once per such
    // key instead of once per context.
    struct ThreadKey {
        const void* thread = nullptr;
        const void* main_thread = nullptr;
        const void* model = nullptr;  // the lookup model (users, machine, containers)
        const void* host = nullptr;
        bool known = false;
        bool operator==(const ThreadKey&) const = default;
    };
    struct ThreadKeyHash {
        size_t operator()(const ThreadKey& k) const;
    };
    struct ThreadShared {
        uint32_t first_slot = 0;    // in memo_slots_: one per thread-only column (thread_slot_)
        int32_t label = -1;         // in memo_labels_, -1: none (a thread-only label)
        uint32_t row = UINT32_MAX;  // thread-only keys: the row once one was found
    };
    static ThreadKey thread_key(const filter::FieldContext& ctx);
    // Where column i's memoised field value is (field_slot_[i] >= 0).
    uint32_t slot_index(const ContextMemo& m, size_t i) const {
        const uint32_t first = thread_slot_[i] ? thread_memo_[m.shared].first_slot : m.first_slot;
        return first + static_cast<uint32_t>(field_slot_[i]);
    }
    uint32_t shared_of(const filter::FieldContext& ctx);
    std::unordered_map<ThreadKey, uint32_t, ThreadKeyHash> thread_index_;
    std::vector<ThreadShared> thread_memo_;
    ThreadKey last_thread_key_;  // shared_of's latest answer
    uint32_t last_shared_ = UINT32_MAX;
    // Per column: its field slot is in the ThreadShared block (offset field_slot_[i]).
    std::vector<uint8_t> thread_slot_;
    size_t slots_per_thread_ = 0;
    // The shared memo serves the label, the keys or a column.
    bool thread_memo_used_ = false;
    void fill_memo(const filter::FieldContext& ctx, ContextMemo& m);
    void memoise(const filter::BoundField& f, const filter::FieldContext& ctx, MemoSlot& out);
    // The label rendered into memo_labels_: its index (-1: no value).
    int32_t memo_label(const filter::FieldContext& ctx);
    // The value of a memoised slot (nullptr: none), or of `f` read now.
    const filter::FieldValue* slot_value(const MemoSlot& slot, filter::FieldValue& tmp);
    std::vector<ContextMemo> memo_;
    // Growing never moves the slots (procsfast: procs has ten a context). In
    // chunks of their own (threadmemo): a std::deque of slots this size
    // kept four a node, an allocation per four and a division per access.
    class SlotArena {
    public:
        MemoSlot& operator[](size_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
        const MemoSlot& operator[](size_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }
        size_t size() const { return size_; }
        void resize(size_t n) {
            size_ = n;
            while (chunks_.size() << kShift < size_) chunks_.push_back(std::make_unique<MemoSlot[]>(kChunk));
        }
        void clear() {
            std::vector<std::unique_ptr<MemoSlot[]>>().swap(chunks_);
            size_ = 0;
        }

    private:
        static constexpr size_t kShift = 10, kChunk = size_t{1} << kShift;
        std::vector<std::unique_ptr<MemoSlot[]>> chunks_;
        size_t size_ = 0;
    };
    SlotArena memo_slots_;
    std::vector<std::string> memo_labels_;
    // The Context fields memoised per context: column i's field and per fields' slots (-1: read per event).
    std::vector<int32_t> field_slot_, per_slot_;
    size_t slots_per_context_ = 0;
    bool scope_memo_ = false;  // the scope reads only Context fields
    // issue 15 (colwalk): on_context_totals' state. A Last column and the
    // label take the value of the group with the latest last event, applied by finish_totals.
    std::vector<uint64_t> latency_cuts_;
    struct Pick {
        uint64_t last = 0;
        bool set = false;
        double number = 0;
        int64_t slot = -1;  // a text: the memo slot to render, or (-1) `text`
        std::string text;
    };
    std::vector<Pick> picks_;  // row * columns + column
    struct LabelPick {
        uint64_t last = 0;
        int32_t label = -1;
    };
    std::vector<LabelPick> label_picks_;  // per row

    std::deque<Row> list_rows_;
    std::deque<KeptEvent> kept_;
    size_t kept_bytes_ = 0;
    uint64_t list_dropped_ = 0;

    // Every key is thread-only: an event with the memo of an earlier one
    // belongs to its row. The rows of a few recent threads (direct mapped by
    // thread), for captures that interleave the calls of several threads.
    bool keys_thread_only_ = false;
    bool label_thread_only_ = false;
    bool label_reads_memory_ = false;
    bool keys_read_memory_ = false;  // some key is a thread-only field that reads memory
    struct MemoRow {
        ThreadMemo memo;
        uint32_t row = UINT32_MAX;
    };
    static constexpr size_t kMemoRows = 64;
    // MemoRow::row of a memo whose keys have no value: its events belong to no row.
    static constexpr uint32_t kNoKeyRow = UINT32_MAX - 1;
    std::array<MemoRow, kMemoRows> memo_rows_{};
    // issue 15 (procs2): every key is thread.tid (filter::reads_only_tid),
    // so the row of an event follows from its tid: the rows of a few recent
    // tids (direct mapped), which spares the Threads view the key's
    // rendering and lookup per event (its key is not thread-only).
    bool keys_tid_only_ = false;
    struct TidRow {
        uint64_t tid = 0;
        uint32_t row = UINT32_MAX;
    };
    std::array<TidRow, kMemoRows> tid_rows_{};
    // issue 15 (procs2): the scope reads only thread-only fields (a drill
    // into a process: proc.pid = N), so its verdict holds while the event's
    // ThreadMemo does (all of it when the scope reads memory, its identity
    // else): the verdicts of a few recent threads, direct mapped by thread.
    bool scope_thread_only_ = false;
    bool scope_reads_memory_ = false;
    struct ScopeVerdict {
        ThreadMemo memo;  // epoch 0: none
        bool pass = false;
    };
    std::array<ScopeVerdict, kMemoRows> scope_verdicts_{};
    bool scope_passes(const filter::FieldContext& ctx, const ThreadMemo& memo);
    static ThreadMemo thread_memo_of(const filter::FieldContext& ctx);
    // issue 15 (mends): something reads the event's ThreadMemo: thread-only
    // keys (memo rows), scope, label or columns. Without them a row's memo
    // only chooses between on_table_event's two paths, which then agree (the
    // hit's path differs from the miss's only for thread-only fields and the
    // steady columns, which are thread-only), so every event gets one empty
    // memo and the model's thread is not read for it.
    bool needs_thread_memo_ = true;
    bool alt_memo_on_ = true;
    uint64_t alt_swaps_ = 0;
    // issue 15 (json2): the when plans. A key is the type code, evt.failed
    // (none, false, true) and fd.type (none, or one of the first
    // kPlanFdKinds - 1 texts seen); plan_of_[key] indexes plans_ (-1: not made yet).
    static constexpr size_t kPlanFdKinds = 16;
    bool plans_on_ = true;
    uint64_t plan_hits_ = 0;
    std::vector<uint8_t> plannable_;   // per column: its `when` is decided by a key
    std::vector<uint8_t> plan_needs_;  // per type code: kPlanFailed | kPlanFd, 0 for no plan
    std::vector<int32_t> plan_of_;
    // issue 15 (session 12): per fixed type code, a class from 1 shared by
    // the codes on which every type-only column's field gives the same
    // values (a call's enter and exit have one evt.type: a System Calls row
    // sees them in turn, and its name column need not read either again).
    std::vector<uint32_t> type_class_;
    std::vector<WhenPlan> plans_;
    std::vector<std::string> fd_kinds_;
    // By state::FdType: its fd.type text's index in fd_kinds_ plus one (0: not looked up yet).
    std::array<uint8_t, 256> fd_kind_of_type_{};
    std::vector<uint32_t> unsteady_columns_;  // what an event still updates when its row's memo holds
    std::vector<uint32_t> steady_columns_;    // the others
    // The same for each type code: without the columns whose `when` refuses
    // every event of the type.
    std::vector<std::vector<uint32_t>> unsteady_by_type_;
    // Of those, the columns that only count the event (no field, no `per`,
    // a `when` every event of the type passes): added to inline, without
    // update_column. The others stay in unsteady_by_type_.
    std::vector<std::vector<uint32_t>> counted_by_type_;
    // Every key is type-only: the row of each type code (but the generic
    // events'), once an event of it found one; UINT32_MAX for none yet.
    bool keys_type_only_ = false;
    std::vector<uint32_t> type_rows_;

    std::vector<FieldGroup> field_groups_;
    uint64_t event_serial_ = 0;  // moves at every table event

    // Reused per event.
    std::string key_buf_;
    // Consecutive events mostly belong to the same row: its key and index.
    std::string last_key_;
    uint32_t last_row_ = UINT32_MAX;
    filter::FieldValues values_;
    fmt::memory_buffer render_buf_;
};

// The filter term that selects `value` of `field`: `proc.pid = 17497`,
// `proc.name = "my app"`; a missing value selects events without the field.
std::string key_term(std::string_view field, std::string_view value, bool missing);

}  // namespace tracetop::analysis
