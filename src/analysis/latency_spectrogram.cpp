#include "analysis/latency_spectrogram.h"

#include <algorithm>

#include "event/event_table.h"

namespace tracetop::analysis {

Result<std::unique_ptr<LatencySpectrogram>> LatencySpectrogram::create(const std::string& scope, bool live) {
    std::unique_ptr<LatencySpectrogram> s(new LatencySpectrogram());
    s->scope_text_ = scope;
    s->live_ = live;
    if (!scope.empty()) {
        auto compiled = filter::CompiledFilter::compile(scope);
        if (!compiled) return compiled.error();
        s->scope_ = std::move(*compiled);
    }
    return s;
}

void LatencySpectrogram::on_event(const filter::FieldContext& ctx, bool internal) {
    // What the Events view of a box lists: shown exit events with a latency.
    if (internal || event::is_enter(ctx.ev.type) || ctx.state.latency == 0) return;
    if (scope_ && !scope_->matches(ctx)) return;
    // Offline, slices start at the capture's first event, not the selection's.
    if (!live_ && !t0_) t0_ = ctx.first_ts;
    add(ctx.ev.ts, ctx.state.latency);
}

void LatencySpectrogram::add(uint64_t ts, uint64_t ns) {
    const auto bucket = latency_bucket(ns);
    if (!bucket) return;
    ++events_;
    if (live_) {
        if (!open_started_) {
            open_.start = ts;
            open_started_ = true;
        }
        ++open_.counts[*bucket];
        return;
    }
    if (!t0_) t0_ = ts;
    // Out-of-order timestamps before the start count in the first slice.
    const uint64_t offset = ts > *t0_ ? ts - *t0_ : 0;
    while (offset / slice_ns_ >= kMaxSlices) {
        // Twice as long slices: each new one is two old neighbours.
        std::vector<Counts> merged((fine_.size() + 1) / 2, Counts{});
        for (size_t i = 0; i < fine_.size(); ++i) {
            for (size_t b = 0; b < kLatencyBuckets; ++b) merged[i / 2][b] += fine_[i][b];
        }
        fine_ = std::move(merged);
        slice_ns_ *= 2;
    }
    const size_t slice = static_cast<size_t>(offset / slice_ns_);
    if (slice >= fine_.size()) fine_.resize(slice + 1, Counts{});
    ++fine_[slice][*bucket];
}

void LatencySpectrogram::end_interval(uint64_t ts) {
    if (!live_) return;
    SpectroSlice done = open_;
    if (!open_started_) done.start = closed_.empty() ? ts : closed_.back().end;
    done.end = std::max(ts, done.start);
    closed_.push_back(done);
    if (closed_.size() > kMaxLiveSlices) closed_.pop_front();
    open_ = SpectroSlice{};
    open_.start = done.end;
    open_started_ = true;  // the next slice starts where this one ended
}

void LatencySpectrogram::fill(PaneData& out, uint64_t last_ts) const {
    out.kind = PaneKind::Spectro;
    out.scope = scope_text_;
    auto data = std::make_shared<SpectroData>();
    data->live = live_;
    data->events = events_;
    if (live_) {
        data->slices.assign(closed_.begin(), closed_.end());
    } else if (t0_) {
        // Slices up to the capture's last event, empty ones included: time runs evenly down the screen.
        const uint64_t span = last_ts > *t0_ ? last_ts - *t0_ : 0;
        const size_t n = std::max(fine_.size(), static_cast<size_t>(span / slice_ns_) + 1);
        data->slices.resize(std::min(n, kMaxSlices));
        for (size_t i = 0; i < data->slices.size(); ++i) {
            SpectroSlice& s = data->slices[i];
            s.start = *t0_ + i * slice_ns_;
            s.end = s.start + slice_ns_;
            if (i < fine_.size()) s.counts = fine_[i];
        }
    }
    out.spectro = std::move(data);
}

std::vector<SpectroSlice> group_slices(const std::vector<SpectroSlice>& slices, size_t rows) {
    if (rows == 0 || slices.size() <= rows) return slices;
    const size_t per = (slices.size() + rows - 1) / rows;
    std::vector<SpectroSlice> out;
    out.reserve((slices.size() + per - 1) / per);
    for (size_t i = 0; i < slices.size(); i += per) {
        SpectroSlice g;
        g.start = slices[i].start;
        const size_t last = std::min(i + per, slices.size()) - 1;
        g.end = slices[last].end;
        for (size_t k = i; k <= last; ++k) {
            for (size_t b = 0; b < kLatencyBuckets; ++b) g.counts[b] += slices[k].counts[b];
        }
        out.push_back(g);
    }
    return out;
}

}  // namespace tracetop::analysis
