// sysdig's -L: every event type with its parameters, as sysdig 0.29.3 lists
// them ("> open(FSPATH name, FLAGS32 flags, UINT32 mode)"), from the schema.
#pragma once

#include <cstdio>

namespace tracetop::engine {

void print_event_list(std::FILE* out);

}  // namespace tracetop::engine
