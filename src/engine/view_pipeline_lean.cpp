// issue 15 (json2): run() for a pass that only feeds one table from one
// host's file: no store, contexts, checkpoints, timeline, range, pane,
// observer or recording (--json, a replay). What run() would do per event
// in that case, without its tests of what is absent: the model, then the
// aggregator for the events sysdig shows.
#include "engine/view_pipeline.h"

#include "event/arg_format.h"
#include "event/event_table.h"
#include "state/event_codes.h"

namespace tracetop::engine {

bool ViewPipeline::lean() const {
    return agg_ && !fast_ && !remote_ && !merged_ && !pane_ && !observer_ && !recorder_ && !rows_ &&
           !checkpoints_ && !store_ && !timeline_ && !range_.active() && events_ >= feed_from_;
}

ViewPipeline::Step ViewPipeline::run_lean(uint64_t max_events) {
    const filter::EnterUse enters = enter_use();
    analysis::Aggregator& agg = *agg_;
    for (uint64_t i = 0; i < max_events; ++i) {
        Step stop = Step::More;
        if (!next_event(stop)) {
            if (stop != Step::Idle) refresh_hosts();
            return stop;
        }
        ++events_;
        // Events stamped 0 are metadata: the sample's span is the others' (as run()).
        if (ev_.ts != 0) {
            if (first_ts_ == 0) first_ts_ = ev_.ts;
            last_ts_ = ev_.ts;
        }
        const bool keep_enter = enters == filter::EnterUse::Always ||
                                (enters == filter::EnterUse::Generic && event::has_dynamic_type_name(ev_.type | 1u));
        const state::EventContext& ctx = model_.on_event(ev_, keep_enter);
        if (ev_.block_flags & event::kEventFlagStateOnly) continue;
        if (ev_.ts != 0) {  // as run(): a part of a replay tells its merge its times (issue 15, chunks)
            if (range_first_ts_ == 0) range_first_ts_ = ev_.ts;
            range_last_ts_ = ev_.ts;
        }
        const filter::FieldContext fields{ev_, ctx, model_, &args_, &scratch_, first_ts_, &host0_};
        agg.on_event(fields, event::is_internal(ev_.type));
    }
    return Step::More;
}

}  // namespace tracetop::engine
