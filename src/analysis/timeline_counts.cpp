#include "analysis/timeline_counts.h"

#include <algorithm>

namespace tracetop::analysis {

void TimelineCounts::add(uint64_t ts) {
    if (ts == 0) return;  // metadata: no moment
    if (start_ == 0) start_ = ts;
    // Out of order before the start (per-CPU buffers interleave): the first slot.
    uint64_t idx = ts > start_ ? (ts - start_) / slot_ns_ : 0;
    while (idx >= kSlots) {
        for (size_t i = 0; i < counts_.size(); ++i) {
            const uint32_t v = counts_[i];
            counts_[i] = 0;
            counts_[i / 2] += v;
        }
        counts_.resize((counts_.size() + 1) / 2);
        slot_ns_ *= 2;
        idx = (ts - start_) / slot_ns_;
    }
    if (idx >= counts_.size()) counts_.resize(idx + 1, 0);
    ++counts_[idx];
}

std::vector<uint64_t> regroup_timeline(const std::vector<uint32_t>& counts, uint64_t start, uint64_t slot_ns,
                                       uint64_t lo, uint64_t hi, size_t width) {
    std::vector<uint64_t> out(width, 0);
    if (width == 0 || hi <= lo || slot_ns == 0) return out;
    const double cell = static_cast<double>(hi - lo) / static_cast<double>(width);
    for (size_t i = 0; i < counts.size(); ++i) {
        const uint64_t t = start + i * slot_ns + slot_ns / 2;  // a slot counts where its middle is
        if (t < lo || t >= hi) continue;
        const auto c = std::min(width - 1, static_cast<size_t>(static_cast<double>(t - lo) / cell));
        out[c] += counts[i];
    }
    return out;
}

}  // namespace tracetop::analysis
