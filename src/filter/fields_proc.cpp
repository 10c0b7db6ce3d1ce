// proc.*, thread.* and user.* fields: the process and thread behind the event.
#include <string_view>

#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

using state::ThreadInfo;

std::string_view scratch_view(const FieldContext& c) { return {c.scratch->data(), c.scratch->size()}; }

// The event's thread and its process's main thread, when sysdig knows them.
const ThreadInfo* thread_of(const FieldContext& c) { return c.state.thread_known ? c.state.thread : nullptr; }
const ThreadInfo* main_of(const FieldContext& c) {
    if (!c.state.thread_known) return nullptr;
    return c.state.main_thread ? c.state.main_thread : c.state.thread;
}

void push_text(FieldValues& out, std::string_view s) { out.push(FieldValue::of_string(s)); }

void x_pid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_int(t->pid));
}
void x_ppid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* m = main_of(c)) out.push(FieldValue::of_int(m->ptid));
}
void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) push_text(out, t->comm.view());
}
// Unlike proc.ppid (the main thread's parent), sysdig's proc.pname names the
// parent of the event's own thread: for a secondary thread, its process.
void x_pname(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    if (const ThreadInfo* parent = c.model.thread(t->ptid)) push_text(out, parent->comm.view());
}
void x_exe(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) push_text(out, t->exe.view());
}
void x_exepath(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) push_text(out, t->exepath.view());
}
// Text the model renders for the thread (arguments, command line).
template <class Render>
void push_rendered(const FieldContext& c, FieldValues& out, Render render) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    c.scratch->clear();
    render(*t, *c.scratch);
    push_text(out, scratch_view(c));
}
void x_args(const FieldContext& c, const BoundArg&, FieldValues& out) { push_rendered(c, out, state::append_args); }
void x_cmdline(const FieldContext& c, const BoundArg&, FieldValues& out) {
    push_rendered(c, out, state::append_cmdline);
}
void x_cwd(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* m = main_of(c)) push_text(out, m->cwd.view());
}
void x_nthreads(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* m = main_of(c)) out.push(FieldValue::of_uint(m->nchilds + (m->exited ? 0 : 1)));
}
void x_fdlimit(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* m = main_of(c)) out.push(FieldValue::of_int(m->fdlimit));
}
void x_tid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_int(static_cast<int64_t>(c.ev.tid)));
}
// Threads sysdig made up for a tid it never saw created have no vtid (<NA>);
// they are the ones without a uid (every process-list or clone record has one).
bool made_up(const ThreadInfo& t) { return t.uid == state::kNoId; }

void x_ismain(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_bool(t->is_main_thread()));
}
void x_vtid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (t && !made_up(*t)) out.push(FieldValue::of_int(t->vtid));
}
// Only procinfo events carry CPU time; sysdig's thread.cpu is the ticks used
// since the thread's previous procinfo (about one second apart), so it reads
// as a percentage of one CPU.
// It is a double in sysdig ("0.0"), present on every procinfo event of a
// thread it knows.
void x_thread_cpu(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.ev.type != state::codes::kProcInfoE || !c.state.thread_known) return;
    out.push(FieldValue::of_double(static_cast<double>(c.state.procinfo_cpu_delta)));
}
// A made-up thread's uid prints as sysdig stores it: (uint32_t)-1.
void x_uid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->uid));
}
void x_user_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t || t->uid == state::kNoId) return;
    if (const event::UserRecord* u = c.model.user(t->uid)) push_text(out, u->name);
}

constexpr FieldDef kProcFields[] = {
    {"proc.pid", FieldType::Int64, ArgKind::None, "id of the process", x_pid, FieldDep::Context},
    {"proc.ppid", FieldType::Int64, ArgKind::None, "id of the parent process", x_ppid, FieldDep::Context},
    {"proc.name", FieldType::String, ArgKind::None, "name of the process (its comm)", x_name, FieldDep::Context},
    {"proc.pname", FieldType::String, ArgKind::None, "name of the parent process", x_pname},
    {"proc.exe", FieldType::String, ArgKind::None, "first command-line argument (argv[0])", x_exe, FieldDep::Context},
    {"proc.exepath", FieldType::String, ArgKind::None, "full path of the executable", x_exepath, FieldDep::Context},
    {"proc.args", FieldType::String, ArgKind::None, "command-line arguments after argv[0], space separated",
     x_args, FieldDep::Context},
    {"proc.cmdline", FieldType::String, ArgKind::None, "name and arguments: the whole command line",
     x_cmdline, FieldDep::Context},
    {"proc.cwd", FieldType::String, ArgKind::None, "current working directory of the process",
     x_cwd, FieldDep::Context},
    {"proc.nthreads", FieldType::Uint64, ArgKind::None, "number of threads of the process",
     x_nthreads, FieldDep::Context},
    {"proc.fdlimit", FieldType::Int64, ArgKind::None, "maximum number of fds the process may open",
     x_fdlimit, FieldDep::Context},
    {"thread.tid", FieldType::Int64, ArgKind::None, "id of the thread", x_tid, FieldDep::Context},
    {"thread.ismain", FieldType::Bool, ArgKind::None, "true on the process's main thread (tid = pid)",
     x_ismain, FieldDep::Context},
    {"thread.vtid", FieldType::Int64, ArgKind::None, "id of the thread inside its pid namespace",
     x_vtid, FieldDep::Context},
    {"thread.cpu", FieldType::Double, ArgKind::None,
     "on process-info events, the CPU ticks the thread used since the previous one (percent of a CPU)",
     x_thread_cpu, FieldDep::Context},
    {"user.uid", FieldType::Uint64, ArgKind::None, "user id of the thread", x_uid, FieldDep::Context},
    // Context: the user table is the section header's, which the contexts' lookup models keep (issue 15, procsfast).
    {"user.name", FieldType::String, ArgKind::None, "user name of the thread", x_user_name, FieldDep::Context},
};

}  // namespace

std::span<const FieldDef> proc_fields() { return kProcFields; }

}  // namespace tracetop::filter
