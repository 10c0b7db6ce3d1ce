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

// Slots wider than a cell (a live history shorter than its slots are
// many): each slot's count shared among the cells it covers, so the strip
// has no holes between slots.
std::vector<uint64_t> spread_wide_slots(const std::vector<uint32_t>& counts, uint64_t start, uint64_t slot_ns,
                                        uint64_t lo, uint64_t hi, size_t width) {
    std::vector<uint64_t> out(width, 0);
    const double cell = static_cast<double>(hi - lo) / static_cast<double>(width);
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0) continue;
        const uint64_t from = std::max(lo, start + i * slot_ns);
        const uint64_t to = std::min(hi, start + (i + 1) * slot_ns);
        if (from >= to) continue;
        const auto c0 = std::min(width - 1, static_cast<size_t>(static_cast<double>(from - lo) / cell));
        const auto c1 = std::min(width - 1, static_cast<size_t>(static_cast<double>(to - 1 - lo) / cell));
        const uint64_t share = (counts[i] + (c1 - c0)) / (c1 - c0 + 1);  // rounded up: a busy slot never reads empty
        for (size_t c = c0; c <= c1; ++c) out[c] += share;
    }
    return out;
}

}  // namespace

void TimelineCounts::add(uint64_t ts, bool failed) {
    if (ts == 0) return;  // metadata: no moment
    if (ts >= last_begin_ && ts < last_end_) {
        ++counts_[last_idx_];
        if (failed) ++errors_[last_idx_];
        return;
    }
    if (start_ == 0) start_ = ts;
    // Out of order before the start (per-CPU buffers interleave): the first slot.
    uint64_t idx = ts > start_ ? (ts - start_) / slot_ns_ : 0;
    while (idx >= kSlots && !rolling_) {
        merge_pairs(counts_);
        merge_pairs(errors_);
        slot_ns_ *= 2;
        idx = (ts - start_) / slot_ns_;
    }
    // Rolling: a time far ahead (a damaged stamp) would grow the slots without bound.
    if (rolling_ && idx >= kMaxRollingSlots) return;
    if (idx >= counts_.size()) {
        counts_.resize(idx + 1, 0);
        errors_.resize(idx + 1, 0);
    }
    ++counts_[idx];
    if (failed) ++errors_[idx];
    if (ts > start_) {
        // Events before the start go to slot 0 whatever their time: only slots reached by time are kept.
        last_idx_ = idx;
        last_begin_ = start_ + idx * slot_ns_;
        last_end_ = last_begin_ + slot_ns_;
    }
}

void TimelineCounts::drop_before(uint64_t ts) {
    if (start_ == 0 || ts <= start_) return;
    const size_t k = std::min<size_t>(counts_.size(), (ts - start_) / slot_ns_);
    counts_.erase(counts_.begin(), counts_.begin() + static_cast<std::ptrdiff_t>(k));
    errors_.erase(errors_.begin(), errors_.begin() + static_cast<std::ptrdiff_t>(k));
    start_ += k * slot_ns_;
    last_end_ = 0;
}

std::vector<uint64_t> regroup_timeline(const std::vector<uint32_t>& counts, uint64_t start, uint64_t slot_ns,
                                       uint64_t lo, uint64_t hi, size_t width) {
    std::vector<uint64_t> out(width, 0);
    if (width == 0 || hi <= lo || slot_ns == 0) return out;
    const double cell = static_cast<double>(hi - lo) / static_cast<double>(width);
    if (static_cast<double>(slot_ns) > cell) return spread_wide_slots(counts, start, slot_ns, lo, hi, width);
    for (size_t i = 0; i < counts.size(); ++i) {
        const uint64_t t = start + i * slot_ns + slot_ns / 2;  // a slot counts where its middle is
        if (t < lo || t >= hi) continue;
        const auto c = std::min(width - 1, static_cast<size_t>(static_cast<double>(t - lo) / cell));
        out[c] += counts[i];
    }
    return out;
}

}  // namespace tracetop::analysis
