#include "filter/thread_fields.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

// By name, checked against each extractor: a field belongs here only when it
// reads nothing but ctx.state.thread, ctx.state.main_thread,
// ctx.state.thread_known and the model's tables (never ctx.ev, the fd, the
// latency or thread.cpu's procinfo delta). thread.tid is left out: it reads
// the event's tid, which differs from the thread's for unknown threads.
constexpr std::array<std::string_view, 33> kThreadOnly = {
    "proc.pid",        "proc.ppid",       "proc.name",       "proc.pname",     "proc.exe",
    "proc.exepath",    "proc.args",       "proc.cmdline",    "proc.cwd",       "proc.nthreads",
    "proc.fdlimit",    "thread.ismain",   "thread.vtid",     "user.uid",       "user.name",
    "proc.vmsize",     "proc.vmrss",      "proc.vmswap",     "thread.vmsize",  "thread.vmrss",
    "thread.vmsize.b", "thread.vmrss.b",  "thread.mempct",   "container.id",   "container.name",
    "container.image", "container.image.id", "container.type", "container.privileged", "container.ip",
    "container.label", "k8s.pod.name",    "k8s.ns.name",
};

// Of those, the ones whose extractor reads ThreadInfo::vmsize_kb, vmrss_kb
// or vmswap_kb (fields_memory.cpp).
constexpr std::array<std::string_view, 8> kMemory = {
    "proc.vmsize",   "proc.vmrss",      "proc.vmswap",    "thread.vmsize",
    "thread.vmrss",  "thread.vmsize.b", "thread.vmrss.b", "thread.mempct",
};

constexpr std::array<std::string_view, 5> kTypeOnly = {
    "evt.type", "evt.dir", "evt.is_io", "evt.is_io_read", "evt.is_io_write",
};

}  // namespace

bool reads_only_type(const FieldDef& def) {
    return std::find(kTypeOnly.begin(), kTypeOnly.end(), def.name) != kTypeOnly.end();
}

bool reads_only_thread(const FieldDef& def) {
    return std::find(kThreadOnly.begin(), kThreadOnly.end(), def.name) != kThreadOnly.end();
}

bool reads_only_tid(const FieldDef& def) { return def.name == "thread.tid"; }

bool reads_thread_memory(const FieldDef& def) {
    return std::find(kMemory.begin(), kMemory.end(), def.name) != kMemory.end();
}

int32_t only_type(const FieldDef& def) {
    // fields_proc.cpp: x_thread_cpu returns at once on any other type.
    if (def.name == "thread.cpu") return state::codes::kProcInfoE;
    return -1;
}

}  // namespace tracetop::filter
