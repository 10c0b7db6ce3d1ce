#include "engine/split_replay.h"

#include <algorithm>

namespace tracetop::engine {

std::optional<SplitPlan> plan_split(const EventStore& store, const ModelCheckpoints& checkpoints,
                                    const TimeRange& range, uint64_t min_events) {
    const auto& marks = checkpoints.marks();
    if (marks.empty() || store.events() == 0) return std::nullopt;
    SplitPlan plan;
    plan.from = checkpoints.start_for(range);
    if (plan.from.point && plan.from.point->at.index == 0) plan.from = {};  // the plain replay from the start
    const uint64_t from = plan.from.point ? plan.from.point->at.index : 0;
    // The replay ends in the segment before the first mark by which a shown event reached the range's end.
    size_t end_mark = marks.size();
    if (range.to != TimeRange::kOpen) {
        end_mark = static_cast<size_t>(
            std::partition_point(marks.begin(), marks.end(),
                                 [&](const PassPoint& p) { return p.shown_max_ts < range.to; }) -
            marks.begin());
    }
    const uint64_t end = end_mark < marks.size() ? marks[end_mark].at.index : store.events();
    // Before the range's first mark the events only change the model (cheap,
    // ViewPipeline::run): the parts share the range's events, not the copy's.
    const uint64_t busy = std::max(from, marks[checkpoints.mark_before(range)].at.index);
    if (end <= busy || end - busy < min_events) return std::nullopt;
    const uint64_t target = busy + (end - busy) / 2;
    // A copy qualifies when it is after the start and the single replay reads past it.
    const auto fits = [&](const ModelCheckpoints::Start& s) {
        return s.point && s.point->at.index > from && s.point->at.index < store.events() &&
               s.point->shown_max_ts < range.to;
    };
    const ModelCheckpoints::Start before = checkpoints.at_or_before(target);
    const ModelCheckpoints::Start after = checkpoints.at_or_before(target + checkpoints.model_every());
    const auto distance = [&](const ModelCheckpoints::Start& s) {
        const uint64_t at = s.point->at.index;
        return at > target ? at - target : target - at;
    };
    if (fits(before) && (!fits(after) || after.point == before.point || distance(before) <= distance(after))) {
        plan.middle = before;
    } else if (fits(after)) {
        plan.middle = after;
    } else {
        return std::nullopt;
    }
    return plan;
}

SplitReplay::SplitReplay(const EventStore& store, const SplitPlan& plan, const TimeRange& range,
                         std::unique_ptr<analysis::Aggregator> earlier_agg, const std::string& name,
                         std::function<void()> on_done)
    : on_done_(std::move(on_done)) {
    const RangeGate gate = range.whole() ? RangeGate() : RangeGate(range);
    middle_index_ = plan.middle.point->at.index;
    middle_bytes_ = plan.middle.point->at.bytes;
    later_ = std::make_unique<ViewPipeline>(store.replay_from(plan.middle.point->at), name, false);
    later_->set_range(gate);
    later_->start_at(*plan.middle.point, *plan.middle.model, store.first_header());
    if (plan.from.point) {
        from_bytes_ = plan.from.point->at.bytes;
        earlier_ = std::make_unique<ViewPipeline>(store.replay_from(plan.from.point->at), name, false);
        earlier_->set_range(gate);
        earlier_->start_at(*plan.from.point, *plan.from.model, store.first_header());
    } else {
        earlier_ = std::make_unique<ViewPipeline>(store.replay(), name, false);
        earlier_->set_range(gate);
    }
    earlier_->set_aggregator(std::move(earlier_agg));
    earlier_bytes_.store(from_bytes_, std::memory_order_relaxed);
    thread_ = std::thread([this] { run_earlier(); });
}

SplitReplay::~SplitReplay() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

void SplitReplay::run_earlier() {
    bool ok = true;
    // A batch at a time, so that a new key stops it within one.
    while (!cancel_.load(std::memory_order_relaxed)) {
        const uint64_t at = earlier_->events();
        if (at >= middle_index_) break;
        const ViewPipeline::Step step = earlier_->run(std::min<uint64_t>(ViewPipeline::kBatch, middle_index_ - at));
        earlier_bytes_.store(earlier_->stats().bytes_read, std::memory_order_relaxed);
        if (step == ViewPipeline::Step::More) continue;
        // The copy ends at the middle at the earliest (the plan's), and the range after it.
        ok = false;
        break;
    }
    complete_ = ok && !cancel_.load(std::memory_order_relaxed) && earlier_->events() == middle_index_;
    done_.store(true, std::memory_order_release);
    if (on_done_) on_done_();
}

bool SplitReplay::merge_into(ViewPipeline& later) {
    if (thread_.joinable()) thread_.join();
    return complete_ && later.merge_earlier(*earlier_);
}

double SplitReplay::progress(const ViewPipeline& later) const {
    const capture::SourceStats s = later.stats();
    if (s.bytes_total == 0) return 0;
    const uint64_t earlier = earlier_bytes_.load(std::memory_order_relaxed) - from_bytes_;
    const uint64_t later_read = s.bytes_read > middle_bytes_ ? s.bytes_read - middle_bytes_ : 0;
    const double read = static_cast<double>(from_bytes_ + earlier + later_read);
    return std::min(1.0, read / static_cast<double>(s.bytes_total));
}

}  // namespace tracetop::engine
