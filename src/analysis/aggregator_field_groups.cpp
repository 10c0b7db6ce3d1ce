// issue 15 (session 12): a field several columns of a view read for the
// same event, or a column and another's `when` (evt.latency in three
// columns and a `when` of System Calls, evt.buflen in the columns of Files
// that count all I/O and reads), is extracted once per event and its
// values shared.
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
    // Who reads which field, and for which event types it surely does: a
    // column's field where its `when` passes every event of the type (or it
    // has none), a single-check `when`'s field where the type does not
    // decide it. A field gets a group only where two of them surely read it
    // for the same type: Processes' four evt.buflen columns, whose `when`s
    // never pass the same event, would pay the group's cost for nothing.
    struct Reader {
        const filter::BoundField* field;
        const filter::CompiledFilter* when;
        bool of_when;
    };
    std::vector<Reader> readers;
    for (const BoundColumn& col : columns_) {
        const filter::CompiledFilter* when = col.when ? &*col.when : nullptr;
        if (col.field.def) readers.push_back({&col.field, when, false});
        if (when && when->single_check()) readers.push_back({when->single_check(), when, true});
    }
    const auto sure = [](const Reader& r, event::EventType t) {
        if (r.of_when) return r.when->type_verdict(t) == filter::kTypeDynamic;
        return r.when == nullptr || r.when->type_verdict(t) == 1;
    };
    std::vector<const Reader*> same;
    const auto shared = [&](const filter::BoundField& f) {
        same.clear();
        for (const Reader& r : readers) {
            if (same_field(*r.field, f)) same.push_back(&r);
        }
        if (same.size() < 2) return false;
        for (size_t t = 0; t < event::event_table_size(); ++t) {
            const auto type = static_cast<event::EventType>(t);
            if (std::count_if(same.begin(), same.end(), [&](const Reader* r) { return sure(*r, type); }) > 1) {
                return true;
            }
        }
        return false;
    };
    for (BoundColumn& col : columns_) {
        if (col.field.def && shared(col.field)) col.field_group = field_group_of(col.field);
        if (col.when && col.when->single_check() && shared(*col.when->single_check())) {
            col.when_group = field_group_of(*col.when->single_check());
        }
    }
}

}  // namespace tracetop::analysis
