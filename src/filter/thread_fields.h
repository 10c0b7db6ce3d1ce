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

// The thread-only fields that read the thread's memory (vmsize, vmrss,
// vmswap): those that may change when only ThreadInfo::memory_version moves
// (a memory exit, a context switch). The others change only with the epoch.
bool reads_thread_memory(const FieldDef& def);

// The one type code a field may have a value for (thread.cpu: process-info
// events), or -1 when it may have one for any: on other types it gives
// nothing, so a column of it needs no visit (issue 15, perf).
int32_t only_type(const FieldDef& def);

// Fields whose value is a function of the event's type code alone (its
// table entry), for every type but the generic system-call events, whose
// evt.type is the call they carry (event::has_dynamic_type_name).
bool reads_only_type(const FieldDef& def);

// issue 15 (procs2): thread.tid, whose value is the event's tid alone (not
// the model's thread: it has one for threads the model never knew), so two
// events of the same tid give the same value whatever the model holds.
bool reads_only_tid(const FieldDef& def);

}  // namespace tracetop::filter
