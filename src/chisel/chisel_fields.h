// The fields a chisel requests (chisel.request_field): tracetop's field
// registry first, then the few sysdig fields the shipped chisels read that
// only chisels use so far (evt.count, evt.time.s, proc.aname[N], ...).
#pragma once

#include <span>
#include <string_view>

#include "event/result.h"
#include "filter/field_registry.h"

namespace tracetop::chisel {

// "fd.name", "evt.arg.data", "proc.aname[2]" (a trailing [N] is the argument).
Result<filter::BoundField> resolve_chisel_field(std::string_view name);

// The chisel-only fields (for tests and -l readers).
std::span<const filter::FieldDef> chisel_only_fields();

}  // namespace tracetop::chisel
