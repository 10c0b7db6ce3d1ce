#include "engine/event_store.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <sys/mman.h>
#include <unistd.h>

#include "capture/capture_set.h"
#include "capture/mapped_events.h"
#include "event/event_table.h"

namespace tracetop::engine {
namespace {

// Before each kept event: cpu (2), block flags (4), evt.num (8).
constexpr size_t kPrefix = 14;

// Reads the kept event at p (avail bytes to the chunk's end) into out; its
// length with the prefix, or 0 when it does not parse.
size_t read_kept(const uint8_t* p, size_t avail, event::EventView& out, std::string& scratch) {
    uint32_t len = 0;
    std::memcpy(&len, p + kPrefix + 16, 4);
    if (!event::EventView::parse_into(out, p + kPrefix, avail - kPrefix, true, scratch)) return 0;
    std::memcpy(&out.cpu, p, 2);
    std::memcpy(&out.block_flags, p + 2, 4);
    std::memcpy(&out.num, p + 6, 8);
    return kPrefix + len;
}

// A chunk's memory, not cleared (every byte used is written first) and
// with its pages made present at once: one call instead of a page fault
// per 4 KiB on the first write (a fifth of the cost of taking the memory;
// issue 15, firstpass). Best effort: a kernel without MADV_POPULATE_WRITE
// (before 5.14) faults the pages in as usual.
std::unique_ptr<uint8_t[]> new_chunk(size_t size) {
    auto chunk = std::make_unique_for_overwrite<uint8_t[]>(size);
#ifdef MADV_POPULATE_WRITE
    static const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(chunk.get()) + page - 1) & ~(page - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(chunk.get()) + size) & ~(page - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#endif
    return chunk;
}

}  // namespace

void EventStore::begin_section(const event::CaptureHeader& header) {
    if (over_) return;
    if (mapping_) {
        // issue 15 (pass2): where the section's header blocks begin in the file.
        sections_.push_back(Section{0, static_cast<size_t>(map_end_), header});
        return;
    }
    const size_t chunk = chunks_.empty() ? 0 : chunks_.size() - 1;
    sections_.push_back(Section{chunk, used_.empty() ? 0 : used_.back(), header});
}

uint8_t* EventStore::room(size_t n) {
    if (chunks_.empty() || used_.back() + n > chunk_bytes_) {
        const size_t size = std::max(chunk_bytes_, n);
        chunks_.push_back(new_chunk(size));
        used_.push_back(0);
        bytes_ += size;
        if (rolling_) {
            sizes_.push_back(size);
            chunk_first_ts_.push_back(0);
            chunk_last_ts_.push_back(0);
        }
        // A section whose events all go to the new chunk starts there.
        if (!sections_.empty() && sections_.back().chunk == chunks_.size() - 2 &&
            sections_.back().offset == used_[chunks_.size() - 2]) {
            sections_.back().chunk = chunks_.size() - 1;
            sections_.back().offset = 0;
        }
    }
    uint8_t* p = chunks_.back().get() + used_.back();
    used_.back() += n;
    return p;
}

bool EventStore::add(const event::EventView& ev) {
    if (over_) return false;
    const size_t body = ev.body().size();
    const size_t n = kPrefix + event::kEventHeaderV2Size + body;
    if (rolling_) {
        // Live history: room is made by dropping the oldest, never by giving up.
        if (ev.ts > newest_ts_) newest_ts_ = ev.ts;
        if (chunks_.empty() || used_.back() + n > chunk_bytes_) evict_for(n);
    } else if (bytes_ + (chunks_.empty() || used_.back() + n > kChunk ? std::max(kChunk, n) : 0) > budget_) {
        give_up();
        return false;
    }
    if (sections_.empty()) sections_.push_back(Section{0, 0, {}});
    uint8_t* p = room(n);
    // issue 15 (colwalk)
    if (at_index_point() && !rolling_) {
        positions_.push_back(Position{chunks_.size() - 1, used_.back() - n, sections_.size() - 1, 0});
    }
    std::memcpy(p, &ev.cpu, 2);
    std::memcpy(p + 2, &ev.block_flags, 4);
    std::memcpy(p + 6, &ev.num, 8);
    ev.copy_v2(p + kPrefix);
    last_body_ = rolling_ ? nullptr : p + kPrefix + event::kEventHeaderV2Size;  // issue 15 (colwalk)
    if (rolling_ && ev.ts != 0) {
        if (chunk_first_ts_.back() == 0) chunk_first_ts_.back() = ev.ts;
        chunk_last_ts_.back() = ev.ts;
    }
    ++events_;
    return true;
}

// Over budget: give the memory back at once, not at the end of the pass.
void EventStore::give_up() {
    over_ = true;
    chunks_.clear();
    used_.clear();
    sections_.clear();
    positions_.clear();
    mapping_.reset();
    bytes_ = 0;
}

// issue 15 (pass2)
bool EventStore::use_mapping(std::shared_ptr<const capture::FileMapping> mapping) {
    if (rolling_ || over_ || events_ != 0 || !chunks_.empty() || !mapping) return false;
    mapping_ = std::move(mapping);
    return true;
}

double EventStore::mapped_share() const {
    if (!mapping_ || mapping_->size() == 0) return 0;
    return static_cast<double>(map_end_) / static_cast<double>(mapping_->size());
}

bool EventStore::add_mapped(const event::EventView& ev, const capture::MappedPlace& at) {
    if (over_) return false;
    if (events_ == 0) {
        map_begin_ = map_end_ = at.begin;
        map_num_before_ = at.num - 1;
    }
    // The reader's blocks follow one another inside the mapping; anything
    // else would make the replay read other bytes than the pass did.
    if (at.begin < map_end_ || at.end < at.begin || at.end > mapping_->size()) {
        give_up();
        return false;
    }
    if (sections_.empty()) sections_.push_back(Section{0, 0, {}});
    if ((ev.block_flags & event::kEventFlagStateOnly) && event::is_initial_state(ev.type)) {
        sections_.back().leading_state_last = ev.num;
    }
    if (at_index_point()) {
        positions_.push_back(Position{0, at.begin, sections_.size() - 1, at.num - 1});
        // The file's pages are the kernel's page cache (shared, given back
        // under pressure): only what the copy adds to them is its memory.
        bytes_ = positions_.capacity() * sizeof(Position) + sections_.capacity() * sizeof(Section);
        if (bytes_ > budget_) {
            give_up();
            return false;
        }
    }
    map_end_ = at.end;
    map_num_ = at.num;
    last_body_ = ev.body().data();
    ++events_;
    return true;
}

// issue 15 (pass2): a mapped copy's replay, the file's blocks read again in
// place; sections announced in order at each break between them (a break
// only ever comes before an event, as in the copy's replay).
class MappedStoreReplay final : public capture::Source {
public:
    MappedStoreReplay(const EventStore& store, uint64_t from, uint64_t num, size_t section, uint64_t index)
        : store_(store), events_(store.mapping_, from, store.map_end_, num),
          section_(std::min(section, store.sections_.empty() ? 0 : store.sections_.size() - 1)) {
        if (!store_.sections_.empty()) header_ = store_.sections_[section_].header;
        // A position taken as its section began (a checkpoint before the
        // section's first event) lies before the section's header blocks:
        // the break there is the one the position's section already is
        // (the copy's replay starts in that section without announcing it).
        silent_break_ = section_ > 0 && store_.sections_[section_].offset == from;
        stats_.bytes_total = store_.map_end_ - store_.map_begin_;
        stats_.bytes_read = from - std::min(from, store_.map_begin_);
        stats_.events = index;
    }
    const event::CaptureHeader& header() const override { return header_; }
    const std::optional<Error>& error() const override { return error_; }
    capture::SourceStats stats() const override { return stats_; }

    capture::ReadStatus next(event::EventView& out) override {
        if (error_) return capture::ReadStatus::Failed;
        switch (events_.next(out)) {
            case capture::MappedEvents::Step::Event:
                silent_break_ = false;
                // The section's leading state records are its first events:
                // the number rules the others out before the type is looked at.
                if (!store_.sections_.empty() && out.num <= store_.sections_[section_].leading_state_last &&
                    event::is_initial_state(out.type)) {
                    out.block_flags |= event::kEventFlagStateOnly;
                }
                stats_.bytes_read = events_.offset() - store_.map_begin_;
                ++stats_.events;
                return capture::ReadStatus::Event;
            case capture::MappedEvents::Step::SectionBreak:
                if (silent_break_) {
                    silent_break_ = false;
                    return next(out);
                }
                if (section_ + 1 < store_.sections_.size()) header_ = store_.sections_[++section_].header;
                return capture::ReadStatus::NewSection;
            case capture::MappedEvents::Step::End: return capture::ReadStatus::End;
            case capture::MappedEvents::Step::Failed: break;
        }
        error_ = Error("the capture file changed since it was read: " + events_.error());
        return capture::ReadStatus::Failed;
    }

private:
    const EventStore& store_;
    capture::MappedEvents events_;
    size_t section_;
    bool silent_break_ = false;
    event::CaptureHeader header_;
    std::optional<Error> error_;
    capture::SourceStats stats_;
};

// Walks the chunks in order, announcing each section as the file did.
class StoreReplay final : public capture::Source {
public:
    StoreReplay(const EventStore& store, const event::CaptureHeader* header, uint64_t until = UINT64_MAX)
        : store_(store), end_chunks_(store.chunks_.size()), end_used_(store.used_.empty() ? 0 : store.used_.back()),
          until_(until) {
        if (header) {
            header_ = *header;
        } else if (!store_.sections_.empty()) {
            header_ = store_.sections_.front().header;
        }
        stats_.bytes_total = 0;
        for (size_t u : store_.used_) stats_.bytes_total += u;
        ++store_.pins_;
    }
    // issue 15 (checkpoints): from a position, as if the events before it had been read.
    StoreReplay(const EventStore& store, const StorePosition& at) : StoreReplay(store, nullptr) {
        chunk_ = at.chunk;
        offset_ = at.offset;
        section_ = std::min(at.section, store_.sections_.empty() ? 0 : store_.sections_.size() - 1);
        if (!store_.sections_.empty()) header_ = store_.sections_[section_].header;
        stats_.bytes_read = at.bytes;
        stats_.events = at.index;
    }
    ~StoreReplay() override { release(); }
    const event::CaptureHeader& header() const override { return header_; }
    const std::optional<Error>& error() const override { return error_; }
    capture::SourceStats stats() const override { return stats_; }

    // issue 15 (colwalk): the next event read is the one at `p`.
    void start_at(size_t chunk, size_t offset, size_t section) {
        chunk_ = chunk;
        offset_ = offset;
        section_ = section;
        header_ = store_.sections_[section].header;
    }

    capture::ReadStatus next(event::EventView& out) override {
        for (;;) {
            if (chunk_ >= end_chunks_) {
                // Read to its end: a live history may drop chunks again (this reads no more).
                release();
                return capture::ReadStatus::End;
            }
            if (offset_ >= used(chunk_)) {
                ++chunk_;
                offset_ = 0;
                continue;
            }
            break;
        }
        // A later section begins here: its header first.
        if (section_ + 1 < store_.sections_.size() && store_.sections_[section_ + 1].chunk == chunk_ &&
            store_.sections_[section_ + 1].offset == offset_) {
            ++section_;
            header_ = store_.sections_[section_].header;
            return capture::ReadStatus::NewSection;
        }
        const uint8_t* p = store_.chunks_[chunk_].get() + offset_;
        const size_t len = read_kept(p, used(chunk_) - offset_, out, scratch_);
        if (len == 0) {
            error_ = Error("the in-memory copy of the capture is damaged: " + scratch_);
            return capture::ReadStatus::Failed;
        }
        if (out.ts != 0 && out.ts >= until_) {
            chunk_ = end_chunks_;
            release();
            return capture::ReadStatus::End;
        }
        offset_ += len;
        stats_.bytes_read += len;
        ++stats_.events;
        return capture::ReadStatus::Event;
    }

private:
    void release() {
        if (pinned_) --store_.pins_;
        pinned_ = false;
    }
    // The last chunk as far as it was filled when the replay began (live, the store grows meanwhile).
    size_t used(size_t chunk) const { return chunk + 1 == end_chunks_ ? end_used_ : store_.used_[chunk]; }

    const EventStore& store_;
    const size_t end_chunks_;
    const size_t end_used_;
    const uint64_t until_;
    bool pinned_ = true;
    event::CaptureHeader header_;
    std::optional<Error> error_;
    capture::SourceStats stats_;
    std::string scratch_;
    size_t chunk_ = 0;
    size_t offset_ = 0;
    size_t section_ = 0;
};

std::unique_ptr<capture::Source> EventStore::replay() const {
    if (mapping_) return std::make_unique<MappedStoreReplay>(*this, map_begin_, map_num_before_, 0, 0);
    return std::make_unique<StoreReplay>(*this, nullptr);
}

// issue 15 (colwalk)
std::unique_ptr<capture::Source> EventStore::replay_from_event(uint64_t index) const {
    std::unique_ptr<capture::Source> replay;
    uint64_t at = 0;
    if (mapping_) {
        replay = std::make_unique<MappedStoreReplay>(*this, map_begin_, map_num_before_, 0, 0);
        if (!positions_.empty()) {
            const size_t block = std::min<size_t>(index / index_every_, positions_.size() - 1);
            const Position& p = positions_[block];
            at = block * index_every_;
            replay = std::make_unique<MappedStoreReplay>(*this, p.offset, p.num, p.section, at);
        }
    } else {
        auto copy = std::make_unique<StoreReplay>(*this, nullptr);
        if (!rolling_ && !positions_.empty()) {
            const size_t block = std::min<size_t>(index / index_every_, positions_.size() - 1);
            const Position& p = positions_[block];
            copy->start_at(p.chunk, p.offset, p.section);
            at = block * index_every_;
        }
        replay = std::move(copy);
    }
    event::EventView skipped;
    while (at < index) {
        const capture::ReadStatus st = replay->next(skipped);
        if (st == capture::ReadStatus::Event) {
            ++at;
        } else if (st != capture::ReadStatus::NewSection) {
            break;
        }
    }
    return replay;
}

// Live history (issue 15, rewind): the rolling part.
std::unique_ptr<capture::Source> EventStore::replay(const event::CaptureHeader& header, uint64_t until) const {
    return std::make_unique<StoreReplay>(*this, &header, until);
}

// issue 15 (checkpoints): positions to start a replay at.
StorePosition EventStore::next_position() const {
    StorePosition at;
    at.index = events_;
    if (mapping_) {
        // Before the first event: the start (replay_from knows index 0 as that).
        if (events_ == 0) return at;
        at.offset = map_end_;
        at.section = sections_.empty() ? 0 : sections_.size() - 1;
        at.bytes = map_end_ - map_begin_;
        at.num = map_num_;
        return at;
    }
    if (chunks_.empty()) return at;
    at.chunk = chunks_.size() - 1;
    at.offset = used_.back();
    at.section = sections_.empty() ? 0 : sections_.size() - 1;
    for (size_t u : used_) at.bytes += u;
    return at;
}

std::unique_ptr<capture::Source> EventStore::replay_from(const StorePosition& at) const {
    if (mapping_) {
        if (at.index == 0) return std::make_unique<MappedStoreReplay>(*this, map_begin_, map_num_before_, 0, 0);
        return std::make_unique<MappedStoreReplay>(*this, at.offset, at.num, at.section, at.index);
    }
    return std::make_unique<StoreReplay>(*this, at);
}

void EventStore::make_rolling(uint64_t window_ns, Evicted evicted, size_t chunk_bytes) {
    rolling_ = true;
    chunk_bytes_ = chunk_bytes;
    window_ns_ = window_ns;
    evicted_ = std::move(evicted);
}

void EventStore::evict_for(size_t n) {
    const uint64_t next = std::max(chunk_bytes_, n);
    while (pins_ == 0 && !chunks_.empty()) {
        const bool too_old = chunk_last_ts_.front() != 0 && newest_ts_ > window_ns_ &&
                             chunk_last_ts_.front() < newest_ts_ - window_ns_;
        const bool too_big = bytes_ + next > budget_;
        if (!too_old && !too_big) break;
        cap_bound_ = !too_old;
        evict_front();
    }
}

void EventStore::evict_front() {
    event::EventView ev;
    std::string scratch;
    const uint8_t* base = chunks_.front().get();
    for (size_t off = 0; off < used_.front();) {
        const size_t len = read_kept(base + off, used_.front() - off, ev, scratch);
        if (len == 0) break;  // cannot happen to what add() wrote; the rest of the chunk is lost with it
        if (evicted_) evicted_(ev);
        off += len;
        --events_;
        ++evicted_events_;
    }
    bytes_ -= sizes_.front();
    chunks_.erase(chunks_.begin());
    used_.erase(used_.begin());
    sizes_.erase(sizes_.begin());
    chunk_first_ts_.erase(chunk_first_ts_.begin());
    chunk_last_ts_.erase(chunk_last_ts_.begin());
    // Sections now start a chunk earlier; one that began in the dropped chunk begins at the oldest kept event.
    for (Section& sec : sections_) {
        if (sec.chunk == 0) {
            sec.offset = 0;
        } else {
            --sec.chunk;
        }
    }
}

uint64_t default_store_budget(const std::vector<std::string>& files) {
    uint64_t total = 0;
    // A directory counts as the capture set in it.
    auto expanded = capture::expand_capture_set(files);
    for (const std::string& f : expanded ? *expanded : files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(f, ec);
        if (!ec) total += size;
    }
    // Kept events take less room than in the file (no block headers), but
    // memory is taken a chunk (1 MiB) at a time: one more for the last.
    // issue 15 (budget): the index of the events starts with tables of a
    // few MiB whatever the capture's size, so a small capture gets
    // kSmallCaptureBudget: its index fits, and no note says it did not.
    // Never more than half the memory available now: a file larger than
    // the machine's memory is read again per view, not the cause of an
    // out-of-memory kill.
    const uint64_t wanted = std::max<uint64_t>(total + (1u << 20), kSmallCaptureBudget);
    return std::min(wanted, half_available_memory().value_or(wanted));
}

std::optional<uint64_t> half_available_memory() {
    const long pages = sysconf(_SC_AVPHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0) return std::nullopt;
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) / 2;
}

}  // namespace tracetop::engine
