// Fields whose value is a function of the event's thread alone: what the
// model knows of the thread, its process's main thread, and the thread,
// user and container tables; nothing of the event itself (type, parameters,
// fd, result, time). While state::Model::thread_epoch() stays the same, such
// a field gives the same value for every event of the same thread, which
// lets the aggregator keep what it extracted instead of extracting again.
#pragma once

#include "filter/field_registry.h"

namespace tracetop::filter {

bool reads_only_thread(const FieldDef& def);

}  // namespace tracetop::filter
