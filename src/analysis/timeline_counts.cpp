#include "analysis/timeline_counts.h"

#include <algorithm>

namespace tracetop::analysis {

namespace {

// Neighbouring slots added up in place: half as many, twice as wide.
void merge_pairs(std::vector<uint32_t>& v) {
    for (size_t i = 0; i < v.size(); ++i) {
        const uint32_t x = v[i];
        v[i] = 0;
        v[i / 2] += x;
    }
    v.resize((v.size() + 1) / 2);
}

}  // namespace

void TimelineCounts::add(uint64_t ts, bool failed) {
    if (ts == 0) return;  // metadata: no moment
    if (start_ == 0) start_ = ts;
    // Out of order before the start (per-CPU buffers interleave): the first slot.
    uint64_t idx = ts > start_ ? (ts - start_) / slot_ns_ : 0;
    while (idx >= kSlots) {
        merge_pairs(counts_);
        merge_pairs(errors_);
        slot_ns_ *= 2;
        idx = (ts - start_) / slot_ns_;
    }
    if (idx >= counts_.size()) {
        counts_.resize(idx + 1, 0);
        errors_.resize(idx + 1, 0);
    }
    ++counts_[idx];
    if (failed) ++errors_[idx];
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
