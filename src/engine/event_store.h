// The explorer's copy of a capture in memory (issue 15): the first pass over
// a file keeps every event, laid out as a v2 event after a small prefix, so
// that later view switches, drill-downs, filters, ranges and panes replay it
// from memory instead of reading (and decompressing) the file again. The
// copy is bounded by a budget; past it the store gives up, frees what it
// holds, and the engine goes back to reading the file for every view.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/file_mapping.h"
#include "capture/source.h"
#include "event/event_view.h"
#include "event/header_records.h"

namespace tracetop::engine {

// issue 15 (checkpoints): the place of one kept event, where a replay can start.
struct StorePosition {
    size_t chunk = 0;
    size_t offset = 0;    // in `chunk`; at or past its end: the next chunk's start
    size_t section = 0;   // the section the event belongs to (announced before it already)
    uint64_t index = 0;   // events before it
    uint64_t bytes = 0;   // bytes of the kept events before it
    uint64_t num = 0;     // issue 15 (pass2), a mapped copy: evt.num of the event before it (`offset`: in the file)
};

class EventStore {
public:
    static constexpr size_t kChunk = 1u << 20;  // memory is taken and given back a chunk at a time

    explicit EventStore(uint64_t budget_bytes) : budget_(budget_bytes) {}
    // issue 15 (colwalk): a position kept every `index_every` events (tests use few).
    EventStore(uint64_t budget_bytes, size_t index_every) : budget_(budget_bytes), index_every_(index_every) {}

    // The header of the section the next events belong to (once per section).
    void begin_section(const event::CaptureHeader& header);
    // Keeps one event; false once the budget is exceeded (the store is then empty for good).
    bool add(const event::EventView& ev);
    // issue 15 (pass2): the events come from a file read through `mapping`,
    // whose bytes stay put: the copy keeps only where they are (add_mapped)
    // and replays them from the file's blocks. Only before the first event,
    // never for a rolling store; false: refused (add() copies as before).
    // The budget counts the copy's own memory (where its events are, a
    // position every kIndexEvery events), not the file's bytes it spans:
    // those are page cache, shared with the file and given back by the
    // kernel under pressure.
    bool use_mapping(std::shared_ptr<const capture::FileMapping> mapping);
    bool mapped() const { return mapping_ != nullptr; }
    // A mapped copy: the share of the file it spans so far (0: none, or not mapped).
    double mapped_share() const;
    // Keeps one event of the mapped file, `at` = mapped_place() of the
    // source that read it; false once over budget, as add().
    bool add_mapped(const event::EventView& ev, const capture::MappedPlace& at);
    // The first pass reached the end of the file: the copy is complete.
    void seal() { sealed_ = !over_; }

    bool usable() const { return sealed_ && !over_; }
    bool over_budget() const { return over_; }
    // The copy's own memory (a mapped copy: its positions, not the file's pages).
    uint64_t bytes() const { return bytes_; }
    uint64_t budget() const { return budget_; }
    uint64_t events() const { return events_; }

    // A source replaying the copy from the start; the store must outlive it.
    // It replays the events kept when it was made, not those added since.
    std::unique_ptr<capture::Source> replay() const;

    // Live history (issue 15, rewind): the store never gives up. Before a new
    // chunk it drops the oldest whole (cheap: one free per chunk) while that
    // chunk's newest event is more than `window_ns` older than the newest
    // event, or while the budget would be exceeded. Each dropped event goes
    // to `evicted` first (the engine's base model). Nothing is dropped while
    // a replay is open, so that a replay reads what it started with.
    // `chunk_bytes`: the unit of eviction (smaller in tests).
    using Evicted = std::function<void(const event::EventView&)>;
    void make_rolling(uint64_t window_ns, Evicted evicted, size_t chunk_bytes = kChunk);
    // A replay that announces `header` (the state at the oldest kept event)
    // first, and ends before the first event at or after `until` (letting
    // the store drop chunks again from then on).
    std::unique_ptr<capture::Source> replay(const event::CaptureHeader& header, uint64_t until) const;
    // The times of the oldest and newest kept events (0: none yet).
    uint64_t oldest_ts() const { return chunk_first_ts_.empty() ? 0 : chunk_first_ts_.front(); }
    uint64_t newest_ts() const { return newest_ts_; }
    // The budget, not the window, made the last drop: less than the window is kept.
    bool cap_bound() const { return cap_bound_; }
    uint64_t evicted_events() const { return evicted_events_; }

    // issue 15 (colwalk): a replay of the copy (not a rolling one) from its
    // event `index` on (0: the first), announcing the section it is in
    // first; found from a position kept every index_every events, so it
    // costs at most that many events read, not the events before it.
    static constexpr size_t kIndexEvery = 4096;
    std::unique_ptr<capture::Source> replay_from_event(uint64_t index) const;
    // The body of the event add() kept last (null: none), where it stays while the store lives.
    const uint8_t* last_body() const { return last_body_; }
    // issue 15 (checkpoints): where the next event added will be read from.
    StorePosition next_position() const;
    // A replay starting at `at` (a next_position() of this copy), in the
    // section the position names, without announcing it again.
    std::unique_ptr<capture::Source> replay_from(const StorePosition& at) const;
    // The header of the first section (what a replay from the start begins with).
    const event::CaptureHeader& first_header() const {
        return sections_.empty() ? no_header_ : sections_.front().header;
    }

private:
    friend class StoreReplay;
    friend class MappedStoreReplay;
    void give_up();
    // A section starts at (chunk, offset) of the first event after it.
    struct Section {
        size_t chunk;
        size_t offset;
        event::CaptureHeader header;
        // evt.num of the last state record the reader read before the
        // section's first event (0: none): a mapped replay decodes the blocks
        // again and marks those state-only as the reader did.
        uint64_t leading_state_last = 0;
    };
    uint8_t* room(size_t n);
    void evict_for(size_t n);  // rolling: drops old chunks before a chunk for n more bytes
    void evict_front();

    uint64_t budget_;
    uint64_t bytes_ = 0;
    uint64_t events_ = 0;
    bool over_ = false;
    bool sealed_ = false;
    std::vector<std::unique_ptr<uint8_t[]>> chunks_;
    std::vector<size_t> used_;  // bytes used in each chunk
    std::vector<Section> sections_;
    // Rolling (live history): per chunk, its size and its first and last event times.
    bool rolling_ = false;
    size_t chunk_bytes_ = kChunk;
    uint64_t window_ns_ = 0;
    Evicted evicted_;
    std::vector<size_t> sizes_;
    std::vector<uint64_t> chunk_first_ts_;
    std::vector<uint64_t> chunk_last_ts_;
    uint64_t newest_ts_ = 0;
    uint64_t evicted_events_ = 0;
    bool cap_bound_ = false;
    mutable int pins_ = 0;  // open replays
    // issue 15 (colwalk): where every kIndexEvery-th event is.
    struct Position {
        size_t chunk;
        size_t offset;
        size_t section;
        uint64_t num;  // mapped: evt.num of the event before it
    };
    std::vector<Position> positions_;
    size_t index_every_ = kIndexEvery;
    // events_ % index_every_, kept as a count: the first pass would divide at every event.
    size_t since_index_ = 0;
    // Whether the event being added is at events_ % index_every_ == 0 (it counts the event).
    bool at_index_point() {
        const bool at = since_index_ == 0;
        if (++since_index_ == index_every_) since_index_ = 0;
        return at;
    }
    const uint8_t* last_body_ = nullptr;
    event::CaptureHeader no_header_;  // issue 15 (checkpoints): first_header() of an empty copy
    // issue 15 (pass2): a mapped copy is the file's bytes [map_begin_, map_end_).
    std::shared_ptr<const capture::FileMapping> mapping_;
    uint64_t map_begin_ = 0;      // the first kept event's block
    uint64_t map_end_ = 0;        // the end of the last kept event's block
    uint64_t map_num_before_ = 0; // evt.num of the event before the first kept one
    uint64_t map_num_ = 0;        // evt.num of the last kept event
};

// The default budget: the size of the files (a raw capture then fits as
// read), at least kSmallCaptureBudget.
constexpr uint64_t kSmallCaptureBudget = 32ULL << 20;
uint64_t default_store_budget(const std::vector<std::string>& files);
// Half the memory available now (nullopt: the system does not say); what a
// copy of events may take at most unless the user says otherwise.
std::optional<uint64_t> half_available_memory();

}  // namespace tracetop::engine
