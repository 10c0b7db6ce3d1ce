// What the explorer's first pass over a file leaves behind for later keys
// (issue 15, fastkeys): for every event, the id of a frozen copy of what the
// model answered for it (its thread, main thread, fd entry or fallback name,
// tid, type) and its latency. A later view whose fields all read only that
// (filter::FieldDep Context or Event) is aggregated from these rows and the
// kept events without running the model again.
//
// Copies are made only when the model may have changed what they copy:
// thread copies go stale when the model says a thread may have changed (its
// thread epoch, a thread's memory_version), fd copies after every fd, clone,
// execve or exit event. A stale copy is first compared with the object
// again, and a new copy equal to an earlier one of any object is shared, so
// a thread reading and writing one fd keeps one context for millions of
// events.
//
// issue 15 (procsfast): the model's lookup tables that some Context fields
// read besides the thread (users and the machine from the section's header,
// containers from container events: user.name, container.*, thread.mempct)
// are kept as small lookup models, one per change, and each context names
// the one it was frozen under (model_of). The end of the pass also freezes
// every thread the model still knows, for views listing idle processes.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/chunked_vector.h"
#include "engine/kept_sample.h"
#include "event/event_view.h"
#include "filter/field_value.h"
#include "state/interned_string.h"
#include "state/model.h"

namespace tracetop::engine {

class ContextRows {
public:
    ContextRows() = default;
    // issue 15 (colwalk): blocks of `block_events` (tests use small ones).
    explicit ContextRows(size_t block_events) : block_(block_events) {}

    // The first pass, after model.on_event(ev) returned `ctx` (every event,
    // in order).
    // `kept_body`: where the store keeps the event's body (its copy there is
    // the context's sample, issue 15 colwalk), or null (the rows keep a copy).
    void add(const event::EventView& ev, const state::EventContext& ctx, const state::Model& model,
             const uint8_t* kept_body = nullptr);
    // A new section of a capture set (and the first): the model (re)loaded `header`.
    void begin_section(const event::CaptureHeader& header);
    // issue 15 (procsfast) ----------------------------------------------------
    // The first pass is over, `model` as the last event left it: its threads
    // become the idle contexts, in the order ViewPipeline::feed_idle_rows
    // would feed them (secondary threads, then main threads).
    void finish(const state::Model& model);
    bool finished() const { return finished_; }
    // Context ids of a zero process-info event of every thread the model
    // knew at the end (thread.cpu 0, no fd), after finish().
    std::span<const uint32_t> idle_contexts() const { return idle_; }
    // The model a field of context `cid` reads lookups from (users, the
    // machine's memory, containers): the tables as they were at its events.
    // It knows no threads: fields reading other threads stay Model class.
    const state::Model& model_of(uint32_t cid) const { return *lookups_[frozen_[cid].lookup]; }
    // Context `cid` as it was frozen (latency 0).
    const state::EventContext& frozen(uint32_t cid) const { return frozen_[cid].ctx; }
    // False when containers changed too often to keep their tables (more
    // than kMaxLookups times): nothing may be answered from these contexts.
    bool lookups_complete() const { return lookups_complete_; }
    // The latest event time: a range ending after it ends where the pass did.
    uint64_t max_ts() const { return max_ts_; }
    // -------------------------------------------------------------------------

    size_t events() const { return cid_.size(); }
    size_t contexts() const { return frozen_.size(); }
    // Their memory (what --memory-budget counts of them), cheap to ask.
    uint64_t bytes() const;
    // The part of it that grows with the events (not the tables made at
    // once, nor the slack of the last chunks): what a longer pass multiplies.
    uint64_t growing_bytes() const;

    // issue 15 (pass): evt.failed of the event add() took last (what the
    // timeline marks), found while its context was: not asked again.
    bool last_failed() const { return last_failed_; }

    uint32_t context_id(size_t i) const { return cid_[i]; }
    // Event i's frozen context with its own latency, written into `out`
    // (which holds context `out_id` already, if not UINT32_MAX).
    const state::EventContext& context(size_t i, state::EventContext& out, uint32_t& out_id) const {
        if (out_id != cid_[i]) {
            out_id = cid_[i];
            out = frozen_[out_id].ctx;
        }
        out.latency = latency(i);
        return out;
    }

    // issue 15 (colwalk): what a later walk over a range reads instead of
    // the kept events. Per event its time; per context whether its events
    // are ever shown (type and the state-only flag are in the key) and one
    // of its events (Context fields read the same from any of them); per
    // block of kBlock events the latest time of a shown event in it, so a
    // range's first event is found without walking up to it.
    static constexpr size_t kBlock = 4096;
    size_t block_events() const { return block_; }
    struct Block {
        uint64_t max_shown_ts = 0;  // 0: no shown event with a time
        uint64_t last_ts = 0;       // of the block's last event with a time (0: none)
    };
    uint64_t ts(size_t i) const { return ts_[i]; }
    // Event i's evt.latency (issue 15, firstpass: 4 bytes, long ones aside).
    uint64_t latency(size_t i) const {
        const uint32_t l = latency_[i];
        return l != kLongLatency ? l : long_latency(i);
    }
    bool shown(uint32_t cid) const { return shown_[cid] != 0; }
    // issue 15 (budget): kept in a few fields; SampleCache::view(cid, sample(cid)) is the event's view.
    const KeptSample& sample(uint32_t cid) const { return frozen_[cid].sample; }
    uint64_t first_ts() const { return first_ts_; }
    const std::vector<Block>& blocks() const { return blocks_; }
    // Shown events stamped 0 (metadata): inside every range, wherever they are.
    const std::vector<uint32_t>& zero_shown() const { return zero_shown_; }

private:
    // The few enters a context keeps (generic calls named by their enter).
    struct Enter {
        std::vector<uint8_t> body;
        event::EventView view;
    };
    struct Frozen {
        state::EventContext ctx;  // points into threads_, fds_, fallback_ids_'s keys, enters_
        KeptSample sample;  // issue 15 (colwalk): the context's first event, its body in the store...
        std::unique_ptr<uint8_t[]> own;  // ...or here
        bool shown = true;
        uint32_t lookup = 0;  // in lookups_ (issue 15, procsfast)
    };
    std::deque<Enter> enters_;
    // What makes two events' contexts the same.
    struct Key {
        const state::ThreadInfo* thread = nullptr;  // frozen copies
        const state::ThreadInfo* main = nullptr;
        const state::FdEntry* fd_entry = nullptr;
        const void* type_name = nullptr;  // evt.type's text (generic calls: the call)
        uint64_t tid = 0;
        uint64_t cpu_delta = 0;
        int64_t fd = 0;
        int64_t error = 0;  // evt.rawres when negative; 0: success; INT64_MIN: no result
        uint32_t fallback = 0;  // id of the fallback name
        uint32_t lookup = 0;    // the lookup model (issue 15, procsfast)
        uint16_t type = 0;
        uint8_t flags = 0;
        char typechar = 0;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const;
    };
    template <class T>
    struct Copies {
        // The last copy of a live object, valid while `gen` is the current
        // one and the object's `version` (a thread's memory_version) has not
        // moved. A cache by address, not a record: an object that falls out
        // of it is found again by its content.
        struct Current {
            const T* live = nullptr;
            const T* copy = nullptr;
            const T* before = nullptr;  // the copy it had before this one
            uint64_t gen = 0;
            uint64_t version = 0;
            // issue 15 (pass): `before` equals `copy` but for what the version covers.
            bool before_differs_in_version_only = false;
        };
        static constexpr size_t kCurrent = 4096;
        static size_t slot(const T* live) { return (reinterpret_cast<uintptr_t>(live) >> 4) * 0x9e3779b97f4a7c15ULL >> 52; }
        std::vector<Current> current = std::vector<Current>(kCurrent);
        // Copies by a hash of their content, for sharing: a thread or fd
        // made again equal (a capture set's next file, a file opened
        // again) gets the copy it had. Open addressing, half full at most.
        struct Known {
            uint64_t hash = 0;
            const T* copy = nullptr;  // null: empty
        };
        std::vector<Known> known = std::vector<Known>(1024);
        size_t known_count = 0;
        ChunkedVector<T, 11> store;  // issue 15 (pass): a copy never moves
        uint64_t gen = 1;
    };
    // `same_versioned`: compares what the object's version covers (a
    // thread's memory), all that may change while its generation stays.
    template <class T, class Same, class SameVersioned, class Hash>
    const T* freeze(Copies<T>& c, const T* live, uint64_t version, Same same, SameVersioned same_versioned,
                    Hash hash);
    template <class T, class Same, class Hash>
    const T* by_content(Copies<T>& c, const T* live, Same same, Hash hash);
    void rehome(state::ThreadInfo& t);
    void rehome(state::FdEntry& e);
    void mark_stale(const event::EventView& ev, const state::EventContext& ctx);
    // issue 15 (session 11): the fd entries an fd event may change are its
    // own process's (its thread's table); other processes' copies stay good.
    // Each table has a version, kept in a slot by its address: tables that
    // share a slot share the version (more copies checked again, never a
    // stale one kept). A bump takes the next value of one counter, so no
    // table's version ever comes back (an entry freed in one table and made
    // again at its address in another is never taken for the old one).
    static constexpr size_t kTableSlots = 1024;
    static size_t table_slot(const state::EventContext& ctx);
    static bool names_own_socket_only(event::EventType type);
    // `live` is as its copy in the current cache (fds_.current) is.
    bool fd_copy_current(const state::FdEntry* live) const;
    uint64_t table_version(const state::EventContext& ctx) const { return table_versions_[table_slot(ctx)]; }
    std::vector<uint64_t> table_versions_ = std::vector<uint64_t>(kTableSlots);
    uint64_t table_bumps_ = 0;
    size_t prev_table_ = SIZE_MAX;  // the table whose fds the model removes at the next event
    uint32_t find_or_add(const Key& k, size_t hash, bool& fresh);
    uint64_t long_latency(size_t i) const;

    // The copies' strings: their own, since the model (and its pool) of the
    // first pass goes with its pipeline. First: everything below holds them.
    state::StringPool strings_;
    // issue 15 (pass): per event and per context, in chunks (chunked_vector.h).
    ChunkedVector<uint32_t, 18> cid_;
    // Latencies in 4 bytes; from kLongLatency ns (4.3 s) up, the latency is
    // in long_latencies_ (event index, latency; in index order).
    static constexpr uint32_t kLongLatency = UINT32_MAX;
    ChunkedVector<uint32_t, 18> latency_;
    std::vector<std::pair<uint64_t, uint64_t>> long_latencies_;
    ChunkedVector<Frozen, 12> frozen_;
    // Every context by its key (keys_[cid]): open addressing, a slot holds a
    // context id and the high half of its key's hash (UINT32_MAX: empty).
    struct Slot {
        uint32_t hash = 0;
        uint32_t cid = UINT32_MAX;
    };
    std::vector<Slot> slots_ = std::vector<Slot>(size_t{1} << 12);
    ChunkedVector<Key, 14> keys_;
    // The recent keys' slots, by the low bits of the hash (the table of all
    // of them scatters its slots over megabytes): small enough to stay in
    // the CPU's caches while the pass streams the file. issue 15 (pass):
    // each with its key, not only its context id: half the events end
    // here, and the key's place in keys_ was a cache miss of its own.
    struct Recent {
        Key key;
        uint32_t cid = UINT32_MAX;
    };
    static constexpr size_t kRecentSlots = 1 << 14;
    std::vector<Recent> recent_ = std::vector<Recent>(kRecentSlots);
    // Keyed by the live objects, and valid while none of their copies may
    // have gone stale: the copies' generations and the threads' versions,
    // what freeze() trusts (issue 15, pass: not one epoch that every
    // thread's context switch moved for all of them).
    struct Live {
        Key key;
        uint64_t threads_gen = 0;
        uint64_t fds_gen = 0;
        uint64_t table_version = 0;
        uint32_t thread_version = 0;
        uint32_t main_version = 0;
        uint32_t cid = UINT32_MAX;
    };
    // issue 15 (passgroups): 4,096 (480 KB, within the core's L2) rather
    // than 512: fewer events find their slot taken by another key.
    static constexpr size_t kRecentBits = 12;
    static constexpr size_t kRecent = size_t{1} << kRecentBits;
    static size_t live_slot(const Key& k);
    std::vector<Live> live_ = std::vector<Live>(kRecent);
    uint64_t thread_epoch_ = 0;  // the model's, when the thread copies were last checked
    std::unordered_map<std::string, uint32_t> fallback_ids_;
    Copies<state::ThreadInfo> threads_;
    Copies<state::FdEntry> fds_;
    Key last_key_;
    uint32_t last_cid_ = UINT32_MAX;
    bool prev_changed_ = false;
    bool last_failed_ = false;
    // issue 15 (colwalk)
    void push(uint32_t cid, const event::EventView& ev, const state::EventContext& ctx);
    size_t block_ = kBlock;
    std::vector<uint8_t> shown_;  // per context: compact, read per event
    ChunkedVector<uint64_t, 17> ts_;
    std::vector<Block> blocks_;
    std::vector<uint32_t> zero_shown_;
    uint64_t first_ts_ = 0;
    // issue 15 (procsfast): the lookup models (model_of), the newest last,
    // what makes the next one (the section's header without its threads and
    // fds, the section's container events so far), and the idle contexts.
    void new_lookup();
    std::deque<std::unique_ptr<state::Model>> lookups_;
    event::CaptureHeader lookup_header_;
    std::deque<Enter> container_events_;
    std::vector<uint32_t> idle_;
    std::deque<state::ThreadInfo> idle_threads_;  // their threads
    uint64_t max_ts_ = 0;
    bool finished_ = false;
    static constexpr size_t kMaxLookups = 1024;
    bool lookup_used_ = false;  // a shown event's context reads lookups_.back()
    bool lookups_complete_ = true;
    uint64_t side_bytes_ = 0;  // bodies copied beside the contexts (own samples, enters)
};

}  // namespace tracetop::engine
