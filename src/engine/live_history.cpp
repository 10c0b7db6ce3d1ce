#include "engine/live_history.h"

#include <algorithm>

#include <fmt/format.h>

#include "capture/container_watcher.h"
#include "engine/model_header.h"

namespace tracetop::engine {
namespace {

// A replay that first announces the containers the base model knows, as
// state-only records: their own events may have gone with the chunks dropped.
class ContainersFirst final : public capture::Source {
public:
    ContainersFirst(std::unique_ptr<capture::Source> rest, const state::ContainerTable& containers)
        : rest_(std::move(rest)) {
        for (const auto& [id, record] : containers.all()) {
            events_.push_back(capture::ContainerWatcher::container_event(record, 0, 0));
        }
    }
    const event::CaptureHeader& header() const override { return rest_->header(); }
    const std::optional<Error>& error() const override { return rest_->error(); }
    capture::SourceStats stats() const override { return rest_->stats(); }

    capture::ReadStatus next(event::EventView& out) override {
        while (next_ < events_.size()) {
            const std::vector<uint8_t>& bytes = events_[next_++];
            if (!event::EventView::parse_into(out, bytes.data(), bytes.size(), true, scratch_)) continue;
            out.block_flags = event::kEventFlagStateOnly;
            return capture::ReadStatus::Event;
        }
        return rest_->next(out);
    }

private:
    std::unique_ptr<capture::Source> rest_;
    std::vector<std::vector<uint8_t>> events_;
    size_t next_ = 0;
    std::string scratch_;
};

// The strip's slots: never finer than 20 ms, never more than 8192 over the window.
uint64_t slot_for(uint64_t window_ns) { return std::max<uint64_t>(20000000ULL, window_ns / 8192); }

}  // namespace

LiveHistory::LiveHistory(const event::CaptureHeader& header, uint64_t window_ns, uint64_t budget_bytes,
                         size_t chunk_bytes)
    : header_(header), window_ns_(window_ns), base_(std::make_unique<state::Model>()), store_(budget_bytes) {
    base_->load_header(header_);
    store_.make_rolling(window_ns_, [m = base_.get()](const event::EventView& ev) { m->apply(ev); }, chunk_bytes);
    timeline_.make_rolling(slot_for(window_ns_));
}

void LiveHistory::trim() {
    if (store_.oldest_ts() != 0) timeline_.drop_before(store_.oldest_ts());
}

event::CaptureHeader LiveHistory::base_header() const { return header_from_model(*base_, header_); }

std::unique_ptr<capture::Source> LiveHistory::replay(uint64_t until) const {
    return std::make_unique<ContainersFirst>(store_.replay(base_header(), until), base_->containers());
}

std::string LiveHistory::note() const {
    if (!store_.cap_bound() || store_.newest_ts() <= store_.oldest_ts()) return "";
    const double kept = static_cast<double>(store_.newest_ts() - store_.oldest_ts()) / 1e9;
    return fmt::format("history: {:.0f} s kept, bounded by --memory-budget {} MiB", kept, store_.budget() >> 20);
}

uint64_t history_budget(const std::optional<uint64_t>& memory_budget_mb) {
    if (memory_budget_mb) return std::min<uint64_t>(*memory_budget_mb, 1ULL << 40) << 20;
    // Never more than half the memory available at the start: a history is no cause for an out-of-memory kill.
    return std::min(LiveHistory::kDefaultBudgetBytes, half_available_memory().value_or(UINT64_MAX));
}

}  // namespace tracetop::engine
