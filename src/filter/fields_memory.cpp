// Memory fields: proc.vm* (what the kernel last reported for the event's
// thread, which is the process's memory: sinsp reads it off the thread, not
// its main thread) and thread.vm* (the main thread only; sysdig gives other
// threads 0, so summing a column of threads counts each process once). Values are in kB as the kernel reports
// them; the .b variants are bytes, for columns that format sizes.
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::filter {
namespace {

using state::ThreadInfo;

const ThreadInfo* thread_of(const FieldContext& c) { return c.state.thread_known ? c.state.thread : nullptr; }

using KbMember = uint64_t ThreadInfo::*;

template <KbMember member>
void x_proc_kb(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->*member));
}

// The event's own thread: its value when it is the main thread, else 0.
template <KbMember member, uint64_t unit>
void x_thread_mem(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    out.push(FieldValue::of_uint(t->is_main_thread() ? t->*member * unit : 0));
}

// tracetop's own: thread.vmrss as a percentage of the machine's memory
// (MemTotal live, the capture's machine record offline), htop's MEM%.
void x_thread_mem_pct(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    const uint64_t total = c.model.machine_memory_bytes();
    if (!t || total == 0) return;
    const double rss = t->is_main_thread() ? static_cast<double>(t->vmrss_kb) * 1024.0 : 0.0;
    out.push(FieldValue::of_double(100.0 * rss / static_cast<double>(total)));
}

constexpr FieldDef kMemoryFields[] = {
    {"proc.vmsize", FieldType::Uint64, ArgKind::None, "total virtual memory of the process (kB)",
     x_proc_kb<&ThreadInfo::vmsize_kb>, FieldDep::Context},
    {"proc.vmrss", FieldType::Uint64, ArgKind::None, "resident (not swapped) memory of the process (kB)",
     x_proc_kb<&ThreadInfo::vmrss_kb>, FieldDep::Context},
    {"proc.vmswap", FieldType::Uint64, ArgKind::None, "swapped memory of the process (kB)",
     x_proc_kb<&ThreadInfo::vmswap_kb>, FieldDep::Context},
    {"thread.vmsize", FieldType::Uint64, ArgKind::None,
     "total virtual memory of the process on its main thread, 0 on other threads (kB)",
     x_thread_mem<&ThreadInfo::vmsize_kb, 1>, FieldDep::Context},
    {"thread.vmrss", FieldType::Uint64, ArgKind::None,
     "resident memory of the process on its main thread, 0 on other threads (kB)",
     x_thread_mem<&ThreadInfo::vmrss_kb, 1>, FieldDep::Context},
    {"thread.vmsize.b", FieldType::Uint64, ArgKind::None, "thread.vmsize in bytes",
     x_thread_mem<&ThreadInfo::vmsize_kb, 1024>, FieldDep::Context},
    {"thread.vmrss.b", FieldType::Uint64, ArgKind::None, "thread.vmrss in bytes",
     x_thread_mem<&ThreadInfo::vmrss_kb, 1024>, FieldDep::Context},
    {"thread.mempct", FieldType::Double, ArgKind::None,
     "thread.vmrss as a percentage of the machine's memory (htop's MEM%; tracetop's own, named so that sysdig "
     "refuses it rather than reading thread.vmrss and text)",
     x_thread_mem_pct, FieldDep::Context},  // the machine's memory: a lookup of the section (issue 15, procsfast)
};

}  // namespace

std::span<const FieldDef> memory_fields() { return kMemoryFields; }

}  // namespace tracetop::filter
