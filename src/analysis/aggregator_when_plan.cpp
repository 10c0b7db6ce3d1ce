// issue 15 (json2): when plans. On most events a table row's memo holds and
// what is left is the by-type lists of columns (aggregator.cpp): counts
// whose `when` the type decides, added to inline, and the columns whose
// `when` the type leaves open, each evaluated by the compiled filter. Those
// open `when`s are mostly the views' error and I/O conditions
// (`evt.failed = true`, `fd.type = file and evt.is_io_read = true`): they
// read nothing but type-only fields, evt.failed and fd.type. Every event
// with the same type code and the same values of those two passes the same
// of them, so the verdicts are worked out once per such key, at its first
// event, and the key's plan lists what its events count and update.
//
// Exactness: a plan is made from the same filters on a real event of its
// key, and a plannable filter's verdict is a function of the key's values
// (the fields it reads are type-only for a non-generic type code, or are
// the two keyed fields themselves, read without an extraction: evt.failed
// from the event's result, fd.type from its fd entry's type, as the fields
// themselves read them). Generic system-call events (whose evt.type is the
// call they carry) and fd.type texts past the first kPlanFdKinds - 1 take
// the by-type lists as before. This is the per-event half of a pass that bumps
// per-thread counters by key and folds them into rows later: a key's plan
// is what such a fold applies.
#include "analysis/aggregator.h"

#include "event/arg_format.h"
#include "event/event_table.h"
#include "filter/fd_type_of.h"
#include "filter/result_param.h"
#include "filter/thread_fields.h"

namespace tracetop::analysis {

namespace {

bool keyed_field(const filter::FieldDef& d) {
    return filter::reads_only_type(d) || d.name == "evt.failed" || d.name == "fd.type";
}
bool keyed_without_fd(const filter::FieldDef& d) { return filter::reads_only_type(d) || d.name == "evt.failed"; }
bool keyed_without_failed(const filter::FieldDef& d) { return filter::reads_only_type(d) || d.name == "fd.type"; }

}  // namespace

void Aggregator::prepare_when_plans() {
    plannable_.assign(columns_.size(), 0);
    std::vector<uint8_t> needs(columns_.size(), 0);
    bool any = false;
    for (size_t i = 0; i < columns_.size(); ++i) {
        const BoundColumn& col = columns_[i];
        if (!col.when || !col.when->reads_only(keyed_field)) continue;
        plannable_[i] = 1;
        needs[i] = static_cast<uint8_t>((col.when->reads_only(keyed_without_fd) ? 0 : kPlanFd) |
                                        (col.when->reads_only(keyed_without_failed) ? 0 : kPlanFailed));
        any = true;
    }
    if (!any) return;
    plan_needs_.assign(unsteady_by_type_.size(), 0);
    for (size_t t = 0; t < unsteady_by_type_.size(); ++t) {
        // A generic event's evt.type is the call it carries. Its `when`s
        // that read no type could be planned, but the key costs what their
        // one inline check does (tried: 0.3 % more instructions on procs).
        const auto type = static_cast<event::EventType>(t);
        if (event::has_dynamic_type_name(type)) continue;
        for (const uint32_t i : unsteady_by_type_[t]) {
            if (plannable_[i] && columns_[i].when->type_verdict(type) == filter::kTypeDynamic) plan_needs_[t] |= needs[i];
        }
    }
}

const Aggregator::WhenPlan* Aggregator::when_plan(const filter::FieldContext& ctx, event::EventType type) {
    const uint8_t needs = plan_needs_[type];
    size_t failed = 0, fd = 0;  // 0: no value
    // evt.failed always has a value (filter/result_param.h).
    if (needs & kPlanFailed) failed = filter::event_failed(ctx.ev) ? 2 : 1;
    if (needs & kPlanFd) {
        // fd.type's text is its fd type's: each type's kind is looked up once.
        if (const auto code = filter::fd_type_of(ctx)) {
            uint8_t& kind = fd_kind_of_type_[static_cast<uint8_t>(*code)];
            if (kind == 0) {
                const std::string_view text = state::fd_type_name(*code);
                size_t k = 0;
                while (k < fd_kinds_.size() && fd_kinds_[k] != text) ++k;
                if (k == fd_kinds_.size()) {
                    if (fd_kinds_.size() + 1 >= kPlanFdKinds) return nullptr;
                    fd_kinds_.emplace_back(text);
                }
                kind = static_cast<uint8_t>(k + 1);
            }
            fd = kind;
        }
    }
    // Made on first use: most aggregators (a drill-down, a key press) never need it.
    if (plan_of_.empty()) plan_of_.assign(unsteady_by_type_.size() * 3 * kPlanFdKinds, -1);
    int32_t& slot = plan_of_[(size_t{type} * 3 + failed) * kPlanFdKinds + fd];
    if (slot < 0) {
        WhenPlan plan;
        plan.verdict.assign(columns_.size(), kPlanAsk);
        for (size_t i = 0; i < columns_.size(); ++i) {
            if (!plannable_[i]) continue;
            // What update_column's `when` check says (its verdict by type first).
            const filter::CompiledFilter& when = *columns_[i].when;
            const int8_t by_type = when.type_verdict(type);
            const bool pass = by_type == filter::kTypeDynamic ? when.matches(ctx) : by_type != 0;
            plan.verdict[i] = pass ? kPlanYes : kPlanNo;
        }
        plan.counted = counted_by_type_[type];
        for (const uint32_t i : unsteady_by_type_[type]) {
            const BoundColumn& col = columns_[i];
            if (plan.verdict[i] == kPlanNo) continue;
            if (plan.verdict[i] == kPlanYes && !col.field.def && !col.per.def) {
                plan.counted.push_back(i);
            } else {
                plan.update.push_back(i);
            }
        }
        slot = static_cast<int32_t>(plans_.size());
        plans_.push_back(std::move(plan));
    }
    return &plans_[static_cast<size_t>(slot)];
}

const Aggregator::WhenPlan* Aggregator::event_plan(const filter::FieldContext& ctx) {
    const event::EventType type = ctx.ev.type;
    if (!plans_on_ || type >= plan_needs_.size() || plan_needs_[type] == 0) return nullptr;
    const WhenPlan* plan = when_plan(ctx, type);
    if (plan != nullptr) ++plan_hits_;
    return plan;
}

void Aggregator::update_unsteady(TableRow& row, const filter::FieldContext& ctx, bool same_thread,
                                 bool same_identity, bool same_type) {
    const event::EventType type = ctx.ev.type;
    if (type >= unsteady_by_type_.size()) {
        for (const uint32_t i : unsteady_columns_) update_column(row, i, ctx, same_thread, same_identity, same_type);
        return;
    }
    if (plans_on_ && !plan_needs_.empty() && plan_needs_[type] != 0) {
        if (const WhenPlan* plan = when_plan(ctx, type)) {
            ++plan_hits_;
            for (const uint32_t i : plan->counted) {
                row.acc[i].sum += 1;
                ++row.acc[i].n;
            }
            for (const uint32_t i : plan->update) update_column(row, i, ctx, same_thread, same_identity, same_type, plan);
            return;
        }
    }
    for (const uint32_t i : counted_by_type_[type]) {
        row.acc[i].sum += 1;
        ++row.acc[i].n;
    }
    for (const uint32_t i : unsteady_by_type_[type]) update_column(row, i, ctx, same_thread, same_identity, same_type);
}

}  // namespace tracetop::analysis
