// The explorer's copy of a capture in memory (issue 15): the first pass over
// a file keeps every event, laid out as a v2 event after a small prefix, so
// that later view switches, drill-downs, filters, ranges and panes replay it
// from memory instead of reading (and decompressing) the file again. The
// copy is bounded by a budget; past it the store gives up, frees what it
// holds, and the engine goes back to reading the file for every view.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/source.h"
#include "event/event_view.h"
#include "event/header_records.h"

namespace tracetop::engine {

class EventStore {
public:
    explicit EventStore(uint64_t budget_bytes) : budget_(budget_bytes) {}

    // The header of the section the next events belong to (once per section).
    void begin_section(const event::CaptureHeader& header);
    // Keeps one event; false once the budget is exceeded (the store is then empty for good).
    bool add(const event::EventView& ev);
    // The first pass reached the end of the file: the copy is complete.
    void seal() { sealed_ = !over_; }

    bool usable() const { return sealed_ && !over_; }
    bool over_budget() const { return over_; }
    uint64_t bytes() const { return bytes_; }
    uint64_t budget() const { return budget_; }
    uint64_t events() const { return events_; }

    // A source replaying the copy from the start; the store must outlive it.
    std::unique_ptr<capture::Source> replay() const;

private:
    friend class StoreReplay;
    static constexpr size_t kChunk = 1u << 20;
    // A section starts at (chunk, offset) of the first event after it.
    struct Section {
        size_t chunk;
        size_t offset;
        event::CaptureHeader header;
    };
    uint8_t* room(size_t n);

    uint64_t budget_;
    uint64_t bytes_ = 0;
    uint64_t events_ = 0;
    bool over_ = false;
    bool sealed_ = false;
    std::vector<std::unique_ptr<uint8_t[]>> chunks_;
    std::vector<size_t> used_;  // bytes used in each chunk
    std::vector<Section> sections_;
};

// The default budget: the size of the files (a raw capture then fits as read).
uint64_t default_store_budget(const std::vector<std::string>& files);

}  // namespace tracetop::engine
