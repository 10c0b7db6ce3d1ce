// What the explorer's first pass over a file leaves behind for later keys
// (issue 15, fastkeys): for every event, the id of a frozen copy of what the
// model answered for it (its thread, main thread, fd entry or fallback name,
// tid, type) and its latency. A later view whose fields all read only that
// (filter::FieldDep Context or Event) is aggregated from these rows and the
// kept events without running the model again.
//
// Copies are made only when the model may have changed what they copy: any
// event that is not state-neutral marks its thread, main thread and fds
// stale; a new copy equal to the last one of the same object is shared, so
// a thread reading and writing one fd keeps one context for millions of
// events.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

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
    // A new section of a capture set: the model reloaded its header.
    void begin_section();

    size_t events() const { return cid_.size(); }
    size_t contexts() const { return frozen_.size(); }
    uint64_t bytes() const;

    uint32_t context_id(size_t i) const { return cid_[i]; }
    // Event i's frozen context with its own latency, written into `out`
    // (which holds context `out_id` already, if not UINT32_MAX).
    const state::EventContext& context(size_t i, state::EventContext& out, uint32_t& out_id) const {
        if (out_id != cid_[i]) {
            out_id = cid_[i];
            out = frozen_[out_id].ctx;
        }
        out.latency = latency_[i];
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
    uint64_t latency(size_t i) const { return latency_[i]; }
    bool shown(uint32_t cid) const { return shown_[cid] != 0; }
    const event::EventView& sample(uint32_t cid) const { return frozen_[cid].sample; }
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
        event::EventView sample;  // issue 15 (colwalk): the context's first event, its body in the store...
        std::unique_ptr<uint8_t[]> own;  // ...or here
        bool shown = true;
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
        // The copy of a live object, valid while `gen` equals the current one.
        struct Current {
            const T* copy = nullptr;
            uint64_t gen = 0;
        };
        std::unordered_map<const T*, Current> current;
        // Copies by a hash of their content, for sharing: a thread or fd
        // made again equal (a capture set's next file, a file opened
        // again) gets the copy it had.
        std::unordered_multimap<uint64_t, const T*> by_content;
        std::deque<T> store;
        uint64_t gen = 1;
    };
    template <class T, class Same, class Hash>
    const T* freeze(Copies<T>& c, const T* live, Same same, Hash hash);
    void rehome(state::ThreadInfo& t);
    void rehome(state::FdEntry& e);
    void mark_stale(const event::EventView& ev, const state::EventContext& ctx);

    // The copies' strings: their own, since the model (and its pool) of the
    // first pass goes with its pipeline. First: everything below holds them.
    state::StringPool strings_;
    std::vector<uint32_t> cid_;
    std::vector<uint64_t> latency_;
    std::deque<Frozen> frozen_;
    std::unordered_map<Key, uint32_t, KeyHash> ids_;
    struct Recent {
        Key key;
        uint32_t cid = UINT32_MAX;
    };
    // Small enough to stay in the CPU's caches while the pass streams the file.
    static constexpr size_t kRecent = 512;
    std::vector<Recent> recent_ = std::vector<Recent>(kRecent);
    using Live = Recent;  // keyed by the live objects and stale_epoch_
    std::vector<Live> live_ = std::vector<Live>(kRecent);
    uint32_t stale_epoch_ = 0;  // moves whenever mark_stale marks anything
    std::unordered_map<std::string, uint32_t> fallback_ids_;
    Copies<state::ThreadInfo> threads_;
    Copies<state::FdEntry> fds_;
    Key last_key_;
    uint32_t last_cid_ = UINT32_MAX;
    bool prev_changed_ = false;
    fmt::memory_buffer scratch_;
    filter::FieldValues result_;  // reused: evt.rawres of each event
    size_t thread_count_ = 0;
    // issue 15 (colwalk)
    void push(uint32_t cid, const event::EventView& ev, const state::EventContext& ctx);
    size_t block_ = kBlock;
    std::vector<uint8_t> shown_;  // per context: compact, read per event
    std::vector<uint64_t> ts_;
    std::vector<Block> blocks_;
    std::vector<uint32_t> zero_shown_;
    uint64_t first_ts_ = 0;
};

}  // namespace tracetop::engine
