// issue 15 (fastkeys): ViewPipeline::run over the in-memory copy without the
// model. The walk is run()'s (sections, numbering, times, the range, what is
// never shown), so the snapshot's source facts come out the same; only each
// event's context comes from the first pass's frozen rows.
#include "event/event_table.h"
#include "engine/view_pipeline.h"
#include "filter/field_context.h"

namespace tracetop::engine {

ViewPipeline::Step ViewPipeline::run_fast(uint64_t max_events) {
    for (uint64_t i = 0; i < max_events; ++i) {
        Step stop = Step::More;
        if (!next_event(stop)) {
            fast_done_ = stop == Step::End;  // issue 15 (procsfast)
            return stop;
        }
        const size_t index = events_++;
        if (index >= fast_->events()) return Step::Failed;  // cannot be: the rows are of these events
        if (ev_.ts != 0) {
            if (first_ts_ == 0) first_ts_ = ev_.ts;
            last_ts_ = ev_.ts;
        }
        // Placed first, as run() does: the range is resolved at the first event with a time.
        const RangeGate::Where where =
            range_.active() && ev_.ts != 0 ? range_.place(ev_.ts) : RangeGate::Where::Inside;
        if (event::is_never_shown(ev_.type) || (ev_.block_flags & event::kEventFlagStateOnly)) continue;
        if (range_.active() && ev_.ts != 0) {
            if (where == RangeGate::Where::Before) continue;
            if (where == RangeGate::Where::After) return Step::End;  // never with idle rows (contexts_answer)
            if (range_first_ts_ == 0) range_first_ts_ = ev_.ts;
            range_last_ts_ = ev_.ts;
        }
        if (!agg_) continue;
        const state::EventContext& ctx = fast_->context(index, fast_ctx_, fast_ctx_id_);
        const uint32_t cid = fast_->context_id(index);
        // issue 15 (procsfast): lookups (users, containers, the machine) as they were at the event.
        const filter::FieldContext fields{ev_, ctx, fast_->model_of(cid), &args_, &scratch_, first_ts_};
        agg_->on_event_memo(fields, cid, event::is_internal(ev_.type));
    }
    return Step::More;
}

}  // namespace tracetop::engine
