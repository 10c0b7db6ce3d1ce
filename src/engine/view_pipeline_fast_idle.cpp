// issue 15 (procsfast): views listing idle processes (procs, threads) on the
// fast path. Their idle rows are a zero process-info event for every thread
// the model knows at the end of the pass; the first pass froze those threads
// when it ended (ContextRows::finish), so a walk that reaches the end of the
// copy feeds them from there instead of from a model.
#include "engine/view_pipeline.h"
#include "filter/field_context.h"
#include "state/event_codes.h"

namespace tracetop::engine {

namespace {

// Views listing idle processes read a dozen thread fields: on a capture
// whose processes come and go (new thread copies, so new contexts, all the
// time) the contexts cost more than the replay. Working those fields out once
// per thread copy instead of once per context (threadmemo) took Threads from
// the contexts of /work/big/10m.scap from 2.1 s to 0.89 s, still no better
// than its replay (0.85 s): the walk itself (a context copy per event) is
// most of what is left, so the guard stays.
// bench/make_big_capture's copies of curl_google: a context per 11 events,
// procs 1.3 s from the contexts against 0.47 s replayed at 2 M events; a
// steady capture (single_ipv6_conn repeated): 281 contexts, 0.29 s against
// 0.52 s. Below a million events either answers in a fraction of a second.
constexpr uint64_t kEventsPerContext = 32;
constexpr uint64_t kSmallCapture = 1'000'000;

}  // namespace

bool ViewPipeline::contexts_answer(const ContextRows& rows, const analysis::Aggregator& agg, const RangeGate& range) {
    if (!agg.memoisable() || !rows.lookups_complete()) return false;
    if (!agg.view().idle_rows) return true;
    if (!rows.finished()) return false;
    if (rows.events() >= kSmallCapture && rows.contexts() * kEventsPerContext > rows.events()) return false;
    if (!range.active()) return true;
    // A range resolved and open past the capture's last event ends with the
    // model the first pass ended with. (An unresolved --from/--to range
    // shows as whole here: it replays.)
    const TimeRange& r = range.range();
    return !r.whole() && r.to > rows.max_ts();
}

void ViewPipeline::feed_idle_contexts() {
    // Only a complete walk: the replay's answer feeds the model at the end.
    if (!fast_done_) return;
    for (const uint32_t cid : fast_->idle_contexts()) {
        const state::EventContext& ctx = fast_->frozen(cid);
        event::EventView ev;  // as feed_procinfo's: no parameters
        ev.type = state::codes::kProcInfoE;
        ev.ts = last_ts_;
        ev.tid = static_cast<uint64_t>(ctx.thread->tid);
        const filter::FieldContext fields{ev, ctx, fast_->model_of(cid), &args_, &scratch_, first_ts_, &host0_};
        agg_->on_event_memo(fields, cid, true);
    }
}

}  // namespace tracetop::engine
