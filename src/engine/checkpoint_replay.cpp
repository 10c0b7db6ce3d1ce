#include "engine/checkpoint_replay.h"

#include <vector>

#include "event/event_table.h"
#include "filter/field_context.h"
#include "state/model_arg_context.h"

namespace tracetop::engine {
namespace {

bool shown(const event::EventView& ev) {
    return (ev.block_flags & event::kEventFlagStateOnly) == 0;
}

// Walks the kept events of one segment between marks, as a replay would
// place them in the range.
class SegmentWalk {
public:
    SegmentWalk(const EventStore& store, const PassPoint& from) : source_(store.replay_from(from.at)) {
        index_ = from.at.index;
        first_ts_ = from.first_ts;
    }
    // The next event before `end` (an index), or false.
    bool next(uint64_t end) {
        if (index_ >= end) return false;
        for (;;) {
            const capture::ReadStatus rs = source_->next(ev_);
            if (rs == capture::ReadStatus::NewSection) continue;
            if (rs != capture::ReadStatus::Event) return false;
            at_ = index_++;
            if (ev_.ts != 0 && first_ts_ == 0) first_ts_ = ev_.ts;
            return true;
        }
    }
    const event::EventView& ev() const { return ev_; }
    uint64_t at() const { return at_; }
    uint64_t first_ts() const { return first_ts_; }

private:
    std::unique_ptr<capture::Source> source_;
    event::EventView ev_;
    uint64_t index_ = 0;
    uint64_t at_ = 0;
    uint64_t first_ts_ = 0;
};

}  // namespace

std::optional<ListStart> newest_list_start(const EventStore& store, const ContextRows& rows,
                                           const ModelCheckpoints& checkpoints, const TimeRange& range, bool active,
                                           const filter::CompiledFilter* scope, bool internal_events, size_t keep) {
    const auto& marks = checkpoints.marks();
    if (marks.empty() || keep == 0 || rows.events() != store.events()) return std::nullopt;
    if (scope && scope->dependency() == filter::FieldDep::Model) return std::nullopt;
    const TimeRange r = active ? range : TimeRange{};
    const bool context_scope = scope && scope->dependency() == filter::FieldDep::Context;

    // The segment the range ends in: before the first mark after which a shown event is at or past its end.
    size_t end_mark = marks.size();
    {
        size_t lo = 0;
        for (size_t hi = marks.size(); lo < hi;) {
            const size_t mid = (lo + hi) / 2;
            if (marks[mid].shown_max_ts < r.to) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        end_mark = lo;
    }
    const size_t first_mark = checkpoints.mark_before(r);

    // Context and Event fields read no thread of the model; the tables they
    // do read (users, containers, the machine: issue 15 procsfast) are the
    // frozen rows' model of the event's context (ContextRows::model_of).
    const state::Model none;
    const state::ModelArgContext args(none);
    fmt::memory_buffer scratch;
    state::EventContext ctx;
    uint32_t ctx_id = UINT32_MAX;
    std::vector<int8_t> verdicts(context_scope ? rows.contexts() : 0, -1);  // per context: unknown, no, yes

    size_t found = 0;  // matching events in the later segments
    std::vector<uint64_t> matching;
    for (size_t seg = end_mark; seg-- > first_mark;) {
        const uint64_t end = seg + 1 < marks.size() ? marks[seg + 1].at.index : store.events();
        SegmentWalk walk(store, marks[seg]);
        matching.clear();
        while (walk.next(end)) {
            const event::EventView& ev = walk.ev();
            if (!shown(ev)) continue;
            if (ev.ts != 0) {
                if (r.after(ev.ts)) break;  // the replay ends here
                if (r.before(ev.ts)) continue;
            }
            if (event::is_internal(ev.type) && !internal_events) continue;
            if (scope) {
                const uint64_t i = walk.at();
                const uint32_t cid = rows.context_id(i);
                bool pass = false;
                if (context_scope && verdicts[cid] >= 0) {
                    pass = verdicts[cid] == 1;
                } else {
                    const state::EventContext& c = rows.context(i, ctx, ctx_id);
                    const filter::FieldContext fields{ev, c, rows.model_of(cid), &args, &scratch, walk.first_ts()};
                    const int8_t v = scope->type_verdict(ev.type);
                    pass = v == filter::kTypeDynamic ? scope->matches(fields) : v != 0;
                    if (context_scope) verdicts[cid] = pass ? 1 : 0;
                }
                if (!pass) continue;
            }
            matching.push_back(walk.at());
        }
        if (found + matching.size() < keep) {
            found += matching.size();
            continue;
        }
        ListStart start;
        start.index = matching[matching.size() - (keep - found)];
        if (active) {
            // The range's first shown time: the replay from a later point does not see it.
            for (size_t m = first_mark; m < marks.size() && start.range_first_ts == 0; ++m) {
                const uint64_t m_end = m + 1 < marks.size() ? marks[m + 1].at.index : store.events();
                SegmentWalk first(store, marks[m]);
                while (first.next(m_end)) {
                    const event::EventView& ev = first.ev();
                    if (ev.ts == 0 || !shown(ev) || r.before(ev.ts)) continue;
                    start.range_first_ts = ev.ts;
                    break;
                }
            }
        }
        return start;
    }
    return std::nullopt;
}

std::unique_ptr<ViewPipeline> checkpoint_replay(const EventStore& store, const ContextRows* rows,
                                                const ModelCheckpoints& checkpoints, const TimeRange& range,
                                                const analysis::Aggregator* agg, bool pane, const std::string& name,
                                                size_t list_rows) {
    const bool active = !range.whole();
    ModelCheckpoints::Start start;
    std::optional<ListStart> list;
    if (agg && agg->view().kind == analysis::ViewKind::List && !pane && rows) {
        list = newest_list_start(store, *rows, checkpoints, range, active, agg->scope_filter(),
                                 agg->view().internal_events, list_rows);
        if (list) start = checkpoints.at_or_before(list->index);
    }
    if (!start.point) {
        list.reset();
        start = checkpoints.start_for(range);
    }
    if (!start.point || start.point->at.index == 0) return nullptr;
    auto pipe = std::make_unique<ViewPipeline>(store.replay_from(start.point->at), name, false);
    pipe->set_range(active ? RangeGate(range) : RangeGate());
    pipe->start_at(*start.point, *start.model, store.first_header(), list ? list->index : 0,
                   list ? list->range_first_ts : 0);
    return pipe;
}

}  // namespace tracetop::engine
