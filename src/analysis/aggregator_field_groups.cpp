// issue 15 (session 12): a field read by several columns of a view, or by
// a column and another's `when` (evt.buflen in four I/O columns of
// Processes, evt.latency in three columns and a `when` of System Calls),
// is extracted once per event and its values shared.
#include <algorithm>

#include "analysis/aggregator.h"

namespace tracetop::analysis {

namespace {

// Values of these types are numbers, booleans or addresses held in the
// value itself: kept past the next extraction, they stay right.
bool holds_no_text(filter::FieldType t) {
    return t != filter::FieldType::String && t != filter::FieldType::CharBuf && t != filter::FieldType::Dynamic;
}

bool same_field(const filter::BoundField& a, const filter::BoundField& b) {
    return a.def == b.def && a.arg.name == b.arg.name && a.arg.index == b.arg.index;
}

}  // namespace

int16_t Aggregator::field_group_of(const filter::BoundField& f) {
    if (!f.def || !holds_no_text(f.def->type)) return -1;
    for (size_t g = 0; g < field_groups_.size(); ++g) {
        if (same_field(field_groups_[g].field, f)) return static_cast<int16_t>(g);
    }
    if (field_groups_.size() >= 64) return -1;  // more distinct fields than a view has
    field_groups_.push_back(FieldGroup{f, 0, {}});
    return static_cast<int16_t>(field_groups_.size() - 1);
}

void Aggregator::group_shared_fields() {
    // The fields each column reads per event: its own, and its `when`'s when that is one check.
    std::vector<const filter::BoundField*> reads;
    for (const BoundColumn& col : columns_) {
        if (col.field.def) reads.push_back(&col.field);
        if (col.when && col.when->single_check()) reads.push_back(col.when->single_check());
    }
    const auto shared = [&](const filter::BoundField& f) {
        return std::count_if(reads.begin(), reads.end(), [&](const filter::BoundField* r) { return same_field(*r, f); }) > 1;
    };
    for (BoundColumn& col : columns_) {
        if (col.field.def && shared(col.field)) col.field_group = field_group_of(col.field);
        if (col.when && col.when->single_check() && shared(*col.when->single_check())) {
            col.when_group = field_group_of(*col.when->single_check());
        }
    }
}

const filter::FieldValues& Aggregator::column_values(int16_t group, const filter::BoundField& f,
                                                     const filter::FieldContext& ctx) {
    if (group < 0) {
        values_.clear();
        f.def->extract(ctx, f.arg, values_);
        return values_;
    }
    FieldGroup& g = field_groups_[static_cast<size_t>(group)];
    if (g.serial != event_serial_) {
        g.values.clear();
        g.field.def->extract(ctx, g.field.arg, g.values);
        g.serial = event_serial_;
    }
    return g.values;
}

bool Aggregator::when_passes(const BoundColumn& col, const filter::FieldContext& ctx) {
    const int8_t by_type = col.when->type_verdict(ctx.ev.type);
    if (by_type != filter::kTypeDynamic) return by_type != 0;
    if (col.when_group < 0) return col.when->matches(ctx);
    return col.when->check_values(column_values(col.when_group, *col.when->single_check(), ctx));
}

}  // namespace tracetop::analysis
