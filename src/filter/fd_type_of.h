// fd.type without a field extraction: the type of the event's fd entry, as
// fd.type renders it (fields_fd.cpp). The aggregator's when plans key on it
// at every I/O event (issue 15, session 12); a text compare per event was
// most of the key's cost.
#pragma once

#include <optional>

#include "filter/field_context.h"
#include "state/fd_table.h"

namespace tracetop::filter {

// The fd entry the fd.* fields read: the event's, when its fd is one
// (fd_related), else none.
inline const state::FdEntry* related_fd_entry(const FieldContext& c) {
    return c.state.fd_related ? c.state.fd_entry : nullptr;
}

// The event's fd type, when fd.type has a value (state::fd_type_name of it).
std::optional<state::FdType> fd_type_of(const FieldContext& c);

}  // namespace tracetop::filter
