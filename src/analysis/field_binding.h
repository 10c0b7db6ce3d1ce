// Field names as views write them ("proc.pid", "evt.arg[0]", "evt.arg.fd"),
// bound through the filter layer's registry so views read exactly the
// values filters and -p formats read.
#pragma once

#include <string_view>

#include "event/result.h"
#include "filter/field_registry.h"

namespace tracetop::analysis {

Result<filter::BoundField> bind_field(std::string_view name);

}  // namespace tracetop::analysis
