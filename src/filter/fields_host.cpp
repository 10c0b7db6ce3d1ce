// host.* fields (issue 17 items 3-4): which host an event came from when
// several --remote hosts are one capture. sysdig has no such fields; on a
// single machine host.name is the machine's name from the capture header.
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::filter {
namespace {

void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.host && !c.host->name.empty()) out.push(FieldValue::of_string(c.host->name));
}
void x_machine(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.host && !c.host->machine.empty()) out.push(FieldValue::of_string(c.host->machine));
}
void x_state(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.host) out.push(FieldValue::of_string(c.host->gone ? "gone" : c.host->recorded ? "recorded" : "live"));
}
void x_reason(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.host && !c.host->reason.empty()) out.push(FieldValue::of_string(c.host->reason));
}
void x_drops(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.host) out.push(FieldValue::of_uint(c.host->drops));
}

constexpr FieldDef kHostFields[] = {
    {"host.name", FieldType::String, ArgKind::None,
     "the host the event came from: what was given to --remote, else the machine's name (tracetop's own field)",
     x_name},
    {"host.machine", FieldType::String, ArgKind::None, "the hostname the host's capture header gives", x_machine},
    {"host.state", FieldType::String, ArgKind::None,
     "live, or gone once the host's stream ended (connection cut, ssh or its tracetop died); recorded for a file", x_state},
    {"host.reason", FieldType::String, ArgKind::None, "why the host is gone, one line", x_reason},
    {"host.drops", FieldType::Uint64, ArgKind::None, "events the host's kernel ring dropped so far", x_drops},
};

}  // namespace

std::span<const FieldDef> host_fields() { return kHostFields; }

}  // namespace tracetop::filter
