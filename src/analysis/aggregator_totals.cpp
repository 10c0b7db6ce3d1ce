// issue 15 (colwalk): what lets the explorer aggregate a range from the
// first pass's per-event columns (context id, latency) alone.
#include "analysis/aggregator.h"

namespace tracetop::analysis {
namespace {

bool context_or_latency(const filter::FieldDef& d) {
    return d.dep == filter::FieldDep::Context || d.name == "evt.latency";
}
bool walkable(const filter::BoundField& f) { return !f.def || context_or_latency(*f.def); }
bool walkable(const std::optional<filter::CompiledFilter>& f) { return !f || f->reads_only(context_or_latency); }

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

}  // namespace tracetop::analysis
