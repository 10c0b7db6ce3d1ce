// issue 15 (fastkeys, colwalk): ViewPipeline::run over the in-memory copy
// without the model. The walk decides what run() decides (sections,
// numbering, times, the range, what is never shown), so the snapshot's
// source facts come out the same; each event's context comes from the first
// pass's frozen rows.
//
// colwalk: the walk starts at the range, not at the first event: the first
// pass kept per block of events the latest time of a shown one, so the
// blocks wholly before the range are skipped (their shown events stamped 0,
// inside every range, are fed first, as they came first). When the view
// reads nothing of an event but Context fields and its latency, the walk
// reads no kept event at all: only the per-event columns (context id, time,
// latency), with one event of each context standing for the others. When
// the aggregator also takes groups (Aggregator::prepare_totals), each event
// only adds to its context's group for its latency class, and each group
// is fed once at the end (feed_totals).
#include <algorithm>

#include "event/event_table.h"
#include "engine/view_pipeline.h"
#include "filter/field_context.h"

namespace tracetop::engine {

void ViewPipeline::plan_walk() {
    walk_planned_ = true;
    const ContextRows& rows = *fast_;
    first_ts_ = rows.first_ts();
    column_walk_ = !agg_ || agg_->column_walkable();
    size_t start_block = 0;
    // Without the store the kept events are read from the first one on.
    if (range_.active() && first_ts_ != 0 && (column_walk_ || fast_store_)) {
        range_.place(first_ts_);  // resolved at the first event with a time, as run() does
        const TimeRange& r = range_.range();
        // Before this block every shown event with a time is before the range (and before its end).
        const uint64_t edge = std::min(r.from, r.to);
        const auto& blocks = rows.blocks();
        while (start_block < blocks.size() && blocks[start_block].max_shown_ts < edge) ++start_block;
        for (size_t b = start_block; b-- > 0;) {
            if (blocks[b].last_ts != 0) {
                last_ts_ = blocks[b].last_ts;
                break;
            }
        }
    }
    walk_start_ = std::min(start_block * rows.block_events(), rows.events());
    walk_next_ = walk_start_;
    events_ = walk_start_;
}

// What run() decides of event `index`: whether the aggregator sees it
// (`fed`) and whether it ends the walk (false).
inline bool ViewPipeline::walk_place(size_t index, bool& fed) {
    fed = false;
    const uint64_t ts = fast_->ts(index);
    events_ = index + 1;
    if (ts != 0) last_ts_ = ts;
    if (!fast_->shown(fast_->context_id(index))) return true;
    if (range_.active() && ts != 0) {
        const RangeGate::Where where = range_.place(ts);
        if (where == RangeGate::Where::Before) return true;
        if (where == RangeGate::Where::After) return false;
        if (range_first_ts_ == 0) range_first_ts_ = ts;
        range_last_ts_ = ts;
    }
    fed = agg_ != nullptr;
    return true;
}

bool ViewPipeline::walk_one(size_t index, const event::EventView& ev) {
    bool fed = false;
    if (!walk_place(index, fed)) return false;
    if (!fed) return true;
    const uint32_t cid = fast_->context_id(index);
    const state::EventContext& ctx = fast_->context(index, fast_ctx_, fast_ctx_id_);
    // issue 15 (procsfast): lookups (users, containers, the machine) as they were at the event.
    const filter::FieldContext fields{ev, ctx, fast_->model_of(cid), &args_, &scratch_, first_ts_};
    agg_->on_event_memo(fields, cid, event::is_internal(ev.type));
    return true;
}

// The shown events stamped 0 before the walk's start, in their order.
void ViewPipeline::walk_zero_events() {
    const std::vector<uint32_t>& zeros = fast_->zero_shown();
    for (; zero_next_ < zeros.size() && zeros[zero_next_] < walk_start_; ++zero_next_) {
        const uint32_t index = zeros[zero_next_];
        if (column_walk_) {
            walk_one(index, samples_.view(fast_->context_id(index), fast_->sample(fast_->context_id(index))));
            continue;
        }
        auto one = fast_store_->replay_from_event(index);
        event::EventView ev;
        capture::ReadStatus st;
        while ((st = one->next(ev)) == capture::ReadStatus::NewSection) {
        }
        if (st == capture::ReadStatus::Event) walk_one(index, ev);
    }
    events_ = walk_start_;
}

// The groups into the aggregator, in the order of their first events: the
// order the walk made them in.
void ViewPipeline::feed_groups(const ContextRows& rows) {
    for (const analysis::Aggregator::ContextTotals& t : groups_) {
        const event::EventView& ev = samples_.view(t.context, rows.sample(t.context));
        const state::EventContext& ctx = rows.context(t.first, fast_ctx_, fast_ctx_id_);
        const filter::FieldContext fields{ev, ctx, rows.model_of(t.context), &args_, &scratch_, first_ts_};
        agg_->on_context_totals(fields, t, event::is_internal(ev.type));
    }
    agg_->finish_totals();
    // The next groups start from none (later ones of the same context come
    // after these): only the fed contexts' entries, not the whole index.
    for (const analysis::Aggregator::ContextTotals& t : groups_) {
        std::fill_n(group_of_.begin() + static_cast<ptrdiff_t>(size_t{t.context} * classes_), classes_, UINT32_MAX);
    }
    groups_.clear();
}

void ViewPipeline::feed_totals() {
    feed_groups(*fast_);
    std::vector<uint32_t>().swap(group_of_);
    std::vector<analysis::Aggregator::ContextTotals>().swap(groups_);
}

void ViewPipeline::add_to_group(size_t index, uint32_t cid, uint64_t latency) {
    const size_t first = size_t{cid} * classes_;  // the context's classes, side by side
    if (first + classes_ > group_of_.size()) group_of_.resize(std::max(first + classes_, group_of_.size() * 2), UINT32_MAX);
    const size_t at = first + (classes_ == 1 ? 0 : agg_->latency_class(latency));
    uint32_t& g = group_of_[at];
    if (g == UINT32_MAX) {
        g = static_cast<uint32_t>(groups_.size());
        groups_.emplace_back();
    }
    analysis::Aggregator::ContextTotals& t = groups_[g];
    if (t.count++ == 0) {
        t.first = index;
        t.context = cid;
    }
    t.last = index;
    t.last_latency = latency;
    t.sum += latency;
    t.min = std::min(t.min, latency);
    t.max = std::max(t.max, latency);
}

// issue 15 (passgroups)
bool ViewPipeline::group_by_contexts() {
    drop_groups();
    if (!rows_ || !agg_ || events_ != 0 || pane_ || observer_ || merged_ || remote_ || range_.active() ||
        agg_->view().kind != analysis::ViewKind::Table || !agg_->prepare_totals()) {
        return false;
    }
    grouping_ = true;
    classes_ = agg_->latency_classes();
    return true;
}

void ViewPipeline::drop_groups() {
    if (!grouping_) return;
    grouping_ = false;
    std::vector<uint32_t>().swap(group_of_);
    std::vector<analysis::Aggregator::ContextTotals>().swap(groups_);
    samples_.clear();
    fast_ctx_id_ = UINT32_MAX;
}

ViewPipeline::Step ViewPipeline::run_fast(uint64_t max_events) {
    if (!walk_planned_) {
        plan_walk();
        walk_zero_events();
        if (!column_walk_ && fast_store_) source_ = fast_store_->replay_from_event(walk_start_);
        totals_ = column_walk_ && agg_ && agg_->prepare_totals();
        if (totals_) {
            classes_ = agg_->latency_classes();
            group_of_.assign(fast_->contexts() * classes_, UINT32_MAX);
        }
    }
    const size_t n = fast_->events();
    if (totals_) {
        // Per event: its context's group of its latency class, from the columns alone.
        const size_t end = std::min<size_t>(n, walk_next_ + max_events);
        bool more = true;
        for (; walk_next_ < end && more; ++walk_next_) {
            bool fed = false;
            more = walk_place(walk_next_, fed);
            if (!fed) continue;
            add_to_group(walk_next_, fast_->context_id(walk_next_), fast_->latency(walk_next_));
        }
        if (more && walk_next_ < n) return Step::More;
        feed_totals();
        fast_done_ = more;  // issue 15 (procsfast): the walk reached the end of the copy
        return Step::End;
    }
    if (column_walk_) {
        const size_t end = std::min<size_t>(n, walk_next_ + max_events);
        for (; walk_next_ < end; ++walk_next_) {
            const uint32_t cid = fast_->context_id(walk_next_);
            if (!walk_one(walk_next_, samples_.view(cid, fast_->sample(cid)))) return Step::End;
        }
        fast_done_ = walk_next_ == n;  // issue 15 (procsfast)
        return walk_next_ == n ? Step::End : Step::More;
    }
    for (uint64_t i = 0; i < max_events; ++i) {
        Step stop = Step::More;
        if (!next_event(stop)) {
            fast_done_ = stop == Step::End;  // issue 15 (procsfast)
            return stop;
        }
        const size_t index = walk_next_++;
        if (index >= n) return Step::Failed;  // cannot be: the rows are of these events
        if (!walk_one(index, ev_)) return Step::End;
    }
    return Step::More;
}

}  // namespace tracetop::engine
