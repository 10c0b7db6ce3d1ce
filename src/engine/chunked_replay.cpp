#include "engine/chunked_replay.h"

#include <algorithm>

namespace tracetop::engine {

std::optional<ChunkPlan> plan_chunks(const EventStore& store, const ModelCheckpoints& checkpoints,
                                     const TimeRange& range, uint64_t min_events, size_t stride) {
    const auto& marks = checkpoints.marks();
    if (marks.empty() || store.events() == 0) return std::nullopt;
    ModelCheckpoints::Start from = checkpoints.start_for(range);
    if (from.point && from.point->at.index == 0) from = {};  // the plain replay from the start
    const uint64_t from_index = from.point ? from.point->at.index : 0;
    // The single replay ends in the stretch before the first mark by which a shown event reached the range's end.
    size_t end_mark = marks.size();
    if (range.to != TimeRange::kOpen) {
        end_mark = static_cast<size_t>(
            std::partition_point(marks.begin(), marks.end(),
                                 [&](const PassPoint& p) { return p.shown_max_ts < range.to; }) -
            marks.begin());
    }
    const uint64_t end = end_mark < marks.size() ? marks[end_mark].at.index : store.events();
    // Before the range's first mark the events only change the model: what counts is the range's events.
    const uint64_t busy = std::max(from_index, marks[checkpoints.mark_before(range)].at.index);
    if (end <= busy || end - busy < min_events) return std::nullopt;
    ChunkPlan plan;
    ModelCheckpoints::Start begin = from;
    uint64_t begin_index = from_index;
    const std::vector<ModelCheckpoints::Start> copies = checkpoints.copies();
    stride = std::max<size_t>(stride, 1);
    for (size_t c = 0; c < copies.size(); ++c) {
        const ModelCheckpoints::Start& copy = copies[c];
        const uint64_t at = copy.point->at.index;
        // A cut after the start, inside the copy, before which the single replay did not end.
        if (c % stride != 0 || at <= begin_index || at >= store.events() || copy.point->shown_max_ts >= range.to) continue;
        plan.earlier.push_back(ChunkPart{begin, begin_index, at, checkpoints.wholly_inside(begin_index, at, range)});
        begin = copy;
        begin_index = at;
    }
    if (plan.earlier.empty()) return std::nullopt;
    plan.later = begin;
    return plan;
}

ChunkedReplay::ChunkedReplay(const EventStore& store, const ChunkPlan& plan, const TimeRange& range,
                             std::vector<std::shared_ptr<const ChunkAnswer>> known, const MakeTable& make_table,
                             const std::string& name, bool with_later, std::function<void()> on_done)
    : on_done_(std::move(on_done)) {
    const RangeGate gate = range.whole() ? RangeGate() : RangeGate(range);
    answers_.assign(plan.earlier.size(), nullptr);
    uint64_t known_events = 0;
    for (size_t i = 0; i < plan.earlier.size(); ++i) {
        const ChunkPart& part = plan.earlier[i];
        bounds_.emplace_back(part.begin, part.end);
        total_events_ += part.end - part.begin;
        if (i < known.size() && known[i]) {
            answers_[i] = std::move(known[i]);
            known_events += part.end - part.begin;
            continue;
        }
        Todo todo;
        todo.part = i;
        todo.end = part.end;
        todo.inside = part.inside;
        if (part.start.point) {
            todo.pipe = std::make_unique<ViewPipeline>(store.replay_from(part.start.point->at), name, false);
            todo.pipe->set_range(gate);
            todo.pipe->start_at(*part.start.point, *part.start.model, store.first_header());
        } else {
            todo.pipe = std::make_unique<ViewPipeline>(store.replay(), name, false);
            todo.pipe->set_range(gate);
        }
        todo.pipe->set_aggregator(make_table());
        todo_.push_back(std::move(todo));
    }
    replayed_events_.store(known_events, std::memory_order_relaxed);
    back_ = todo_.size();
    if (with_later && plan.later.point) {
        later_begin_ = plan.later.point->at.index;
        later_ = std::make_unique<ViewPipeline>(store.replay_from(plan.later.point->at), name, false);
        later_->set_range(gate);
        later_->start_at(*plan.later.point, *plan.later.model, store.first_header());
        total_events_ += store.events() - later_begin_;  // at most: the range may end before the copy does
    }
    if (!todo_.empty()) thread_ = std::thread([this] { run_second(); });
}

ChunkedReplay::~ChunkedReplay() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

std::optional<size_t> ChunkedReplay::take(bool from_front) {
    std::lock_guard<std::mutex> lock(take_mu_);
    if (front_ >= back_) return std::nullopt;
    return from_front ? front_++ : --back_;
}

bool ChunkedReplay::run_batch(Todo& todo) {
    ViewPipeline& pipe = *todo.pipe;
    const uint64_t at = pipe.events();
    bool ok = at == todo.end;
    if (at < todo.end) {
        const ViewPipeline::Step step = pipe.run(std::min<uint64_t>(ViewPipeline::kBatch, todo.end - at));
        replayed_events_.fetch_add(pipe.events() - at, std::memory_order_relaxed);
        // The copy and the range both go on past the part's end (the plan's): any other step is a failure.
        if (step == ViewPipeline::Step::More && pipe.events() < todo.end) return false;
        ok = step == ViewPipeline::Step::More && pipe.events() == todo.end;
    }
    if (ok && pipe.aggregator()) {
        pipe.aggregator()->drop_memo();  // kept answers hold no memos of a model that goes
        auto answer = std::make_shared<ChunkAnswer>();
        answer->fed_first_ts = pipe.fed_first_ts();
        answer->fed_last_ts = pipe.fed_last_ts();
        answer->table = pipe.take_aggregator();
        answers_[todo.part] = std::move(answer);
        todo.complete = true;
    }
    ended_.fetch_add(1, std::memory_order_acq_rel);
    return true;
}

void ChunkedReplay::run_second() {
    while (!cancel_.load(std::memory_order_relaxed)) {
        const std::optional<size_t> i = take(true);
        if (!i) break;
        // A batch at a time, so that a new key stops it within one.
        while (!cancel_.load(std::memory_order_relaxed) && !run_batch(todo_[*i])) {
        }
    }
    if (on_done_) on_done_();
}

bool ChunkedReplay::help() {
    if (cancel_.load(std::memory_order_relaxed)) return false;
    if (!helping_) {
        helping_ = take(false);
        if (!helping_) return false;
    }
    if (run_batch(todo_[*helping_])) helping_.reset();
    return true;
}

bool ChunkedReplay::merge_into(ViewPipeline& later) {
    if (!done()) return false;
    if (thread_.joinable()) thread_.join();
    // Latest first: each part comes in as the events before all merged so far.
    for (size_t i = answers_.size(); i-- > 0;) {
        const std::shared_ptr<const ChunkAnswer>& a = answers_[i];
        if (!a || !a->table || !later.merge_earlier(*a->table, a->fed_first_ts, a->fed_last_ts)) return false;
    }
    return true;
}

std::vector<std::pair<size_t, std::shared_ptr<const ChunkAnswer>>> ChunkedReplay::kept_answers() {
    if (thread_.joinable()) thread_.join();
    std::vector<std::pair<size_t, std::shared_ptr<const ChunkAnswer>>> out;
    for (const Todo& todo : todo_) {
        if (todo.complete && todo.inside) out.emplace_back(todo.part, answers_[todo.part]);
    }
    return out;
}

double ChunkedReplay::progress(const ViewPipeline* later) const {
    if (total_events_ == 0) return 0;
    uint64_t read = replayed_events_.load(std::memory_order_relaxed);
    if (later && later->events() > later_begin_) read += later->events() - later_begin_;
    return std::min(1.0, static_cast<double>(read) / static_cast<double>(total_events_));
}

}  // namespace tracetop::engine
