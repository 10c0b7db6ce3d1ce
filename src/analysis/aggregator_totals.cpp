// issue 15 (colwalk): what lets the explorer aggregate a range from the
// first pass's per-event columns (context id, latency) alone, and feed the
// table once per group of a context's events rather than once per event.
//
// The table must come out as on_event_memo makes it, event by event: sums
// of integers are the same in any order, a count is a sum of ones, min and
// max and distinct sets do not care about order; what does (the row's
// first event, the value of its last one, the label, the order rows are
// made in) follows the groups' first and last event indexes.
#include "analysis/aggregator.h"

#include <algorithm>
#include <cmath>

#include "analysis/value_format.h"
#include "filter/field_registry.h"
#include "filter/output_format.h"

namespace tracetop::analysis {
namespace {

bool is_latency(const filter::FieldDef& d) { return d.name == "evt.latency"; }
bool context_or_latency(const filter::FieldDef& d) {
    return d.dep == filter::FieldDep::Context || is_latency(d);
}
bool walkable(const filter::BoundField& f) { return !f.def || context_or_latency(*f.def); }
bool walkable(const std::optional<filter::CompiledFilter>& f) { return !f || f->reads_only(context_or_latency); }

// A number whose sum over a group is its value times the count, exactly.
bool integer_type(filter::FieldType t) {
    using T = filter::FieldType;
    return t == T::Int64 || t == T::Uint64 || t == T::Bool || t == T::Port || t == T::RelTime ||
           t == T::RelTimePadded || t == T::AbsTime;
}

// The number of a value of an integer_type field (prepare_totals admits no other).
double number_of(const filter::FieldValue& v) {
    return v.kind == filter::FieldValue::Kind::Int ? static_cast<double>(v.i) : static_cast<double>(v.u);
}

}  // namespace

bool Aggregator::column_walkable() const {
    if (!memoisable() || !walkable(scope_) || !walkable(rows_when_) || !walkable(label_)) return false;
    for (const filter::BoundField& k : keys_) {
        if (!walkable(k)) return false;
    }
    for (const BoundColumn& c : columns_) {
        if (!walkable(c.when) || !walkable(c.field) || !walkable(c.per)) return false;
    }
    return true;
}

bool Aggregator::prepare_totals() {
    if (!column_walkable() || rows_when_ || (label_.def && label_.def->dep != filter::FieldDep::Context)) {
        return false;
    }
    static const filter::FieldDef* latency = [] {
        auto b = filter::resolve_field("evt.latency", std::nullopt);
        return b ? b->def : nullptr;
    }();
    std::vector<uint64_t> cuts;
    if (!latency || (scope_ && !scope_->numeric_constants(latency, cuts))) return false;
    for (size_t i = 0; i < columns_.size(); ++i) {
        const BoundColumn& c = columns_[i];
        const Aggregation a = view_.columns[i].aggregation;
        if (c.when && !c.when->numeric_constants(latency, cuts)) return false;
        if (c.per.def && (is_latency(*c.per.def) || !integer_type(c.per.def->type))) return false;
        if (!c.field.def) continue;
        const bool text = (a == Aggregation::Last || a == Aggregation::First) && view_.columns[i].format == CellFormat::Text;
        if (is_latency(*c.field.def)) {
            if (text || a == Aggregation::Distinct) return false;
        } else if (!text && !integer_type(c.field.def->type)) {
            return false;  // a text or fractional value in a numeric column: its result depends on the order
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    if (cuts.size() > 8) return false;
    latency_cuts_ = std::move(cuts);
    return true;
}

void Aggregator::on_context_totals(const filter::FieldContext& ctx, const ContextTotals& t, bool internal) {
    if (internal && !view_.internal_events) return;
    if (t.context >= memo_.size()) memo_.resize(std::max<size_t>(t.context + 1, memo_.size() * 2));
    ContextMemo& m = memo_[t.context];
    if (!m.known) fill_memo(ctx, m);
    if (scope_ && (scope_memo_ ? !m.in_scope : !scope_->matches(ctx))) return;
    if (!m.row_decided) {
        bool refused = false;
        m.row = row_of(ctx, refused);
        m.row_decided = true;
    }
    if (m.row == UINT32_MAX) return;
    TableRow& row = rows_[m.row];
    const size_t ncol = columns_.size();
    if (picks_.size() < rows_.size() * ncol) picks_.resize(rows_.size() * ncol);
    if (label_picks_.size() < rows_.size()) label_picks_.resize(rows_.size());
    if (m.label >= 0) {
        LabelPick& lp = label_picks_[m.row];
        if (lp.label < 0 || t.last > lp.last) lp = LabelPick{t.last, m.label};
    }
    const double count = static_cast<double>(t.count);
    filter::FieldValue field_tmp, per_tmp, latency_value;
    for (size_t i = 0; i < ncol; ++i) {
        const BoundColumn& col = columns_[i];
        Accumulator& acc = row.acc[i];
        const Aggregation aggregation = view_.columns[i].aggregation;
        if (col.when) {
            const uint64_t bit = i < 64 ? uint64_t{1} << i : 0;
            if ((m.when_known & bit) ? !(m.when_true & bit) : !col.when->matches(ctx)) continue;
        }
        if (!col.field.def) {
            acc.sum += count;
            acc.n += t.count;
            continue;
        }
        if (aggregation == Aggregation::First && acc.claimed) continue;
        acc.claimed = true;
        const bool latency = is_latency(*col.field.def);
        // The value of the group's first event (the context's, or the first latency).
        const filter::FieldValue* value = nullptr;
        const int64_t slot_at = field_slot_[i] >= 0 ? int64_t{slot_index(m, i)} : -1;
        const MemoSlot* slot = slot_at >= 0 ? &memo_slots_[static_cast<size_t>(slot_at)] : nullptr;
        if (slot && !slot->several) {
            value = slot_value(*slot, field_tmp);
        } else {
            values_.clear();
            col.field.def->extract(ctx, col.field.arg, values_);
            if (!values_.empty()) {
                field_tmp = values_[0];
                value = &field_tmp;
            }
        }
        const auto per = [&]() -> const filter::FieldValue* {
            const MemoSlot* ps = per_slot_[i] >= 0 ? &memo_slots_[m.first_slot + per_slot_[i]] : nullptr;
            if (ps && !ps->several) return slot_value(*ps, per_tmp);
            values_.clear();
            col.per.def->extract(ctx, col.per.arg, values_);
            if (values_.empty()) return nullptr;
            per_tmp = values_[0];
            return &per_tmp;
        };
        if (aggregation == Aggregation::First) {
            // One event: the row's first (as accumulate takes it).
            if (!value) {
                if (acc.is_text) ++acc.n;
            } else if (acc.is_text) {
                render_cached(*col.field.def, *value, acc.text, acc.text_source);
                ++acc.n;
            } else {
                const double v = number_of(*value);
                add_number(acc, aggregation, v);
                const filter::FieldValue* per_value = col.per.def ? per() : nullptr;
                if (per_value) {
                    auto [it, fresh] = acc.per.try_emplace(number_of(*per_value));
                    it->second.max = fresh ? v : std::max(it->second.max, v);
                    it->second.sum += v;
                    ++it->second.n;
                }
            }
            continue;
        }
        if (!value) continue;  // no value in any event of the group (it is the context's)
        Pick& pick = picks_[m.row * ncol + i];
        const bool later = !pick.set || t.last > pick.last;
        if (acc.is_text) {
            acc.n += t.count;
            if (later) {
                pick.set = true;
                pick.last = t.last;
                pick.slot = slot && !slot->several ? slot_at : -1;
                if (pick.slot < 0) {
                    render_buf_.clear();
                    filter::render_value(*col.field.def, *value, render_buf_, true);
                    pick.text.assign(render_buf_.data(), render_buf_.size());
                }
            }
            continue;
        }
        const double v = number_of(*value);
        const double lo = latency ? static_cast<double>(t.min) : v;
        const double hi = latency ? static_cast<double>(t.max) : v;
        const double total = latency ? static_cast<double>(t.sum) : v * count;
        switch (aggregation) {
            case Aggregation::Last:
                if (later) {
                    pick.set = true;
                    pick.last = t.last;
                    pick.number = latency ? static_cast<double>(t.last_latency) : v;
                }
                break;
            case Aggregation::Count: acc.sum += count; break;
            case Aggregation::Distinct:
                acc.per.try_emplace(v);
                acc.sum = static_cast<double>(acc.per.size());
                break;
            default: acc.sum += total; break;
        }
        acc.min = std::min(acc.min, lo);
        acc.max = std::max(acc.max, hi);
        acc.n += t.count;
        if (col.per.def) {
            if (const filter::FieldValue* per_value = per()) {
                auto [it, fresh] = acc.per.try_emplace(number_of(*per_value));
                Accumulator::PerValue& pv = it->second;
                pv.max = fresh ? hi : std::max(pv.max, hi);
                pv.sum += total;
                pv.n += t.count;
            }
        }
    }
}

void Aggregator::finish_totals() {
    const size_t ncol = columns_.size();
    filter::FieldValue tmp;
    for (size_t r = 0; r < rows_.size(); ++r) {
        TableRow& row = rows_[r];
        if (r < label_picks_.size() && label_picks_[r].label >= 0) {
            row.label = memo_labels_[static_cast<size_t>(label_picks_[r].label)];
        }
        for (size_t i = 0; i < ncol && r * ncol + i < picks_.size(); ++i) {
            const Pick& pick = picks_[r * ncol + i];
            if (!pick.set) continue;
            Accumulator& acc = row.acc[i];
            if (!acc.is_text) {
                acc.sum = pick.number;
            } else if (pick.slot >= 0) {
                render_cached(*columns_[i].field.def, *slot_value(memo_slots_[static_cast<size_t>(pick.slot)], tmp),
                              acc.text, acc.text_source);
            } else {
                acc.text = pick.text;
                acc.text_source.clear();
            }
        }
    }
    std::vector<Pick>().swap(picks_);
    std::vector<LabelPick>().swap(label_picks_);
}

}  // namespace tracetop::analysis
