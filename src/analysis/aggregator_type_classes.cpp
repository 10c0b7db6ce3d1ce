// issue 15 (session 12): which event type codes a type-only column cannot
// tell apart. A System Calls row (keyed by evt.type) gets a call's enter and
// exit in turn; by type code they differ, so its name column read and
// rendered evt.type again at every event. By class they are one.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "analysis/aggregator.h"
#include "event/event_table.h"
#include "state/model.h"

namespace tracetop::analysis {

namespace {

// A value in a form that compares equal exactly when the values do.
void append_value(const filter::FieldValue& v, std::string& out) {
    out += static_cast<char>('0' + static_cast<int>(v.kind));
    switch (v.kind) {
        case filter::FieldValue::Kind::Int: out += std::to_string(v.i); break;
        case filter::FieldValue::Kind::Double: out += std::to_string(v.d); break;
        case filter::FieldValue::Kind::String: out.append(v.s); break;
        case filter::FieldValue::Kind::Ip:
            out += v.ip.v6 ? '6' : '4';
            out.append(reinterpret_cast<const char*>(v.ip.bytes.data()), v.ip.bytes.size());
            break;
        default: out += std::to_string(v.u); break;
    }
    out += '\0';
}

}  // namespace

void Aggregator::prepare_type_classes() {
    // What a type-only field gives depends on the type code alone (for the
    // fixed types: generic events are never classed), so an event with
    // nothing but its type answers for every event of the code.
    type_class_.clear();  // no type-only column: nothing reads the classes
    if (std::none_of(columns_.begin(), columns_.end(), [](const BoundColumn& c) { return c.type_only; })) return;
    static const state::Model no_state;
    const state::EventContext no_context;
    std::unordered_map<std::string, uint32_t> class_of;
    std::string signature;
    filter::FieldValues values;
    type_class_.assign(event::event_table_size(), 0);
    for (size_t t = 0; t < type_class_.size(); ++t) {
        const auto type = static_cast<event::EventType>(t);
        if (event::has_dynamic_type_name(type)) continue;
        signature.clear();
        event::EventView ev;
        ev.type = type;
        const filter::FieldContext ctx{ev, no_context, no_state, nullptr, nullptr, 0};
        for (const BoundColumn& col : columns_) {
            if (!col.type_only) continue;
            values.clear();
            col.field.def->extract(ctx, col.field.arg, values);
            signature += static_cast<char>('0' + values.size());
            for (const filter::FieldValue& v : values) append_value(v, signature);
        }
        type_class_[t] = class_of.try_emplace(signature, static_cast<uint32_t>(class_of.size() + 1)).first->second;
    }
}

}  // namespace tracetop::analysis
