// The spectrogram's data: how many system calls of a selection took how long
// (latency_buckets.h), per time slice. Offline the capture is cut into equal
// slices, kMaxSlices at most: the slice length starts at kFirstSliceNs and
// doubles (neighbours merged) whenever the capture outgrows them, so memory
// stays bounded whatever the capture's length. Live, each refresh closes one
// slice; the newest kMaxLiveSlices are kept.
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "analysis/pane_feed.h"
#include "filter/compiled_filter.h"

namespace tracetop::analysis {

class LatencySpectrogram final : public PaneFeed {
public:
    static Result<std::unique_ptr<LatencySpectrogram>> create(const std::string& scope, bool live);

    void on_event(const filter::FieldContext& ctx, bool internal) override;
    void end_interval(uint64_t ts) override;
    void fill(PaneData& out, uint64_t last_ts) const override;

    // Counts one call of latency `ns` at time `ts` (what on_event does for
    // each exit event in scope); exposed for tests.
    void add(uint64_t ts, uint64_t ns);

    static constexpr size_t kMaxSlices = 2048;
    static constexpr uint64_t kFirstSliceNs = 1000000;  // 1 ms
    static constexpr size_t kMaxLiveSlices = 1000;

    uint64_t slice_ns() const { return slice_ns_; }

private:
    LatencySpectrogram() = default;
    using Counts = std::array<uint32_t, kLatencyBuckets>;

    std::string scope_text_;
    std::optional<filter::CompiledFilter> scope_;
    bool live_ = false;
    uint64_t events_ = 0;

    // Offline.
    std::optional<uint64_t> t0_;
    uint64_t slice_ns_ = kFirstSliceNs;
    std::vector<Counts> fine_;

    // Live.
    std::deque<SpectroSlice> closed_;
    SpectroSlice open_;
    bool open_started_ = false;
};

}  // namespace tracetop::analysis
