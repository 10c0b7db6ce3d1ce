// More of sysdig 0.29.3's proc.*, thread.*, user.* and group.* fields: the ones its users reach for that
// the first tables did not have, each printing what sysdig prints.
#include <algorithm>
#include <string_view>

#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

using state::ThreadInfo;

std::string_view scratch_view(const FieldContext& c) { return {c.scratch->data(), c.scratch->size()}; }
void push_text(FieldValues& out, std::string_view s) { out.push(FieldValue::of_string(s)); }

// The event's thread and its process's main thread, when sysdig knows them
// (as in fields_proc.cpp).
const ThreadInfo* thread_of(const FieldContext& c) { return c.state.thread_known ? c.state.thread : nullptr; }
const ThreadInfo* main_of(const FieldContext& c) {
    if (!c.state.thread_known) return nullptr;
    return c.state.main_thread ? c.state.main_thread : c.state.thread;
}
// The main thread as sysdig's ancestor fields start from it: none when a
// secondary thread's main thread is unknown.
const ThreadInfo* process_of(const FieldContext& c) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return nullptr;
    return t->is_main_thread() ? t : c.model.main_thread_of(*t);
}
const ThreadInfo* parent_of(const FieldContext& c, const ThreadInfo& t) { return c.model.thread(t.ptid); }

// Threads sysdig made up for a tid it never saw created (no uid): their
// virtual ids are unknown.
bool made_up(const ThreadInfo& t) { return t.uid == state::kNoId; }

// Calls `visit` on each ancestor of `start` (parent first) while it returns
// true. Parent links read from a capture may loop: like sysdig, the walk
// runs a second cursor at twice the speed and stops where the two meet or a
// thread is its own parent.
template <class Visit>
void for_each_ancestor(const FieldContext& c, const ThreadInfo& start, Visit visit) {
    const ThreadInfo* slow = parent_of(c, start);
    const ThreadInfo* fast = slow ? parent_of(c, *slow) : nullptr;
    while (slow && slow->tid != -1) {
        if (!visit(*slow)) return;
        slow = parent_of(c, *slow);
        for (int step = 0; step < 2; ++step) {
            if (fast) fast = parent_of(c, *fast);
            if (slow && (slow == fast || slow->tid == slow->ptid)) return;
        }
    }
}

// NUL-terminated items joined by spaces, up to where only NULs are left
// (sysdig's environment: a zero-padded tail is no variable).
void append_items_until_padding(std::string_view items, fmt::memory_buffer& out) {
    bool first = true;
    while (!items.empty()) {
        if (items.find_first_not_of('\0') == std::string_view::npos) return;
        const size_t nul = items.find('\0');
        if (!first) out.push_back(' ');
        out.append(items.substr(0, nul));
        first = false;
        if (nul == std::string_view::npos) return;
        items.remove_prefix(nul + 1);
    }
}
// NUL-terminated items joined by spaces, every one (argv).
void append_all_items(std::string_view items, fmt::memory_buffer& out) {
    bool first = true;
    while (!items.empty()) {
        const size_t nul = items.find('\0');
        if (!first) out.push_back(' ');
        out.append(items.substr(0, nul));
        first = false;
        if (nul == std::string_view::npos) return;
        items.remove_prefix(nul + 1);
    }
}

// proc.* ------------------------------------------------------------------

void x_vpid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (t && !made_up(*t) && t->vpid != -1) out.push(FieldValue::of_int(t->vpid));
}
void x_sid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_int(t->sid));
}
void x_vpgid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_int(t->vpgid));
}
void x_tty(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_int(t->tty));
}
// The session leader is the thread whose tid is the session id; once it has
// exited, sysdig names the eldest ancestor still in the same session.
void x_sname(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    if (const ThreadInfo* leader = c.model.thread(t->sid)) {
        push_text(out, leader->comm.view());
        return;
    }
    const ThreadInfo* eldest = t->is_main_thread() ? t : c.model.main_thread_of(*t);
    if (!eldest) return;
    const int64_t sid = eldest->sid;
    for_each_ancestor(c, *eldest, [&](const ThreadInfo& a) {
        if (a.sid != sid) return false;
        eldest = &a;
        return true;
    });
    push_text(out, eldest->comm.view());
}
// The thread's own count: only a main thread has secondary threads.
void x_nchilds(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->nchilds));
}
void x_pcmdline(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    const ThreadInfo* parent = parent_of(c, *t);
    if (!parent) return;
    c.scratch->clear();
    state::append_cmdline(*parent, *c.scratch);
    push_text(out, scratch_view(c));
}
// argv[0] and the arguments; the space after argv[0] is there even without arguments.
void x_exeline(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    c.scratch->clear();
    c.scratch->append(t->exe.view());
    c.scratch->push_back(' ');
    append_all_items(t->args.view(), *c.scratch);
    push_text(out, scratch_view(c));
}
// The process's environment lives on its main thread.
void x_env(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* m = main_of(c);
    if (!m) return;
    c.scratch->clear();
    append_items_until_padding(m->env.view(), *c.scratch);
    push_text(out, scratch_view(c));
}
// proc.aname[N] / proc.apid[N]: the process N generations up (0: itself).
const ThreadInfo* ancestor(const FieldContext& c, const BoundArg& arg) {
    if (arg.index < 0) return nullptr;  // sysdig takes only [N]
    const ThreadInfo* a = process_of(c);
    for (int64_t up = 0; a && up < arg.index; ++up) a = parent_of(c, *a);
    return a;
}
void x_aname(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (const ThreadInfo* a = ancestor(c, arg)) push_text(out, a->comm.view());
}
// Ids beyond 32 bits are no real pid (gVisor's): sysdig hides them.
bool printable_pid(int64_t pid) { return pid >= -1 && pid <= int64_t{UINT32_MAX}; }
void x_apid(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const ThreadInfo* a = ancestor(c, arg);
    if (a && printable_pid(a->pid)) out.push(FieldValue::of_int(a->pid));
}
// The eldest shell (a name ending in "sh") among the process and its ancestors.
void x_loginshellid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* m = process_of(c);
    if (!m) return;
    const ThreadInfo* shell = nullptr;
    auto note_shell = [&](const ThreadInfo& p) {
        if (p.comm.view().ends_with("sh")) shell = &p;
        return true;
    };
    note_shell(*m);
    for_each_ancestor(c, *m, note_shell);
    if (shell) out.push(FieldValue::of_int(shell->pid));
}
// Only threads seen being cloned have a start time.
void x_duration(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (t && t->clone_ts != 0) out.push(FieldValue::of_uint(c.ev.ts - t->clone_ts));
}
uint64_t open_fds(const ThreadInfo& main) { return main.fds ? main.fds->size() : 0; }
void x_fdopencount(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* m = main_of(c)) out.push(FieldValue::of_uint(open_fds(*m)));
}
// Percent of the fd limit in use; 0 without a limit, 100 past it.
void x_fdusage(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* m = main_of(c);
    if (!m) return;
    double pct = 0;
    if (m->fdlimit > 0) {
        const uint64_t open = open_fds(*m);
        const auto limit = static_cast<uint64_t>(m->fdlimit);
        pct = open <= limit ? static_cast<double>(open) * 100 / static_cast<double>(limit) : 100;
    }
    out.push(FieldValue::of_double(pct));
}
void x_is_exe_writable(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_bool(t->exe_writable));
}

// thread.* -----------------------------------------------------------------

void x_pfmajor(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->pfmajor));
}
void x_pfminor(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->pfminor));
}
// On procinfo events, the ticks of one kind since the thread's previous
// procinfo, capped at 100 (percent of a CPU); 0 when that one had none.
void push_cpu_delta(const FieldContext& c, FieldValues& out, uint64_t now, uint64_t before) {
    constexpr uint64_t kMaxPercent = 100;
    if (c.ev.type != state::codes::kProcInfoE || !c.state.thread_known) return;
    const uint64_t delta = before != 0 ? std::min(now - before, kMaxPercent) : 0;
    out.push(FieldValue::of_double(static_cast<double>(delta)));
}
void x_cpu_user(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) push_cpu_delta(c, out, t->procinfo_user, t->prev_procinfo_user);
}
void x_cpu_system(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) push_cpu_delta(c, out, t->procinfo_system, t->prev_procinfo_system);
}

// user.* and group.* ---------------------------------------------------------

// The thread's user record from the capture's user list (none for made-up threads).
const event::UserRecord* user_of(const FieldContext& c) {
    const ThreadInfo* t = thread_of(c);
    if (!t || t->uid == state::kNoId) return nullptr;
    return c.model.user(t->uid);
}
void x_homedir(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const event::UserRecord* u = user_of(c)) push_text(out, u->home);
}
void x_shell(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const event::UserRecord* u = user_of(c)) push_text(out, u->shell);
}
// The audit uid is signed in sysdig: "no login user" prints as -1.
void x_loginuid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_int(static_cast<int32_t>(t->loginuid)));
}
void x_loginname(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    if (const event::UserRecord* u = c.model.user(t->loginuid)) push_text(out, u->name);
}
// sysdig 0.29.3 prints the gid with memory it never set above it (the
// thread's child count times 2^32); this is the gid alone.
void x_gid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (const ThreadInfo* t = thread_of(c)) out.push(FieldValue::of_uint(t->gid));
}

void x_group_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t || t->gid == state::kNoId) return;
    if (const event::GroupRecord* g = c.model.group(t->gid)) push_text(out, g->name);
}

// thread.exectime: on a context switch, the time since the previous switch on
// the same CPU that this use of the field saw, which is the CPU time of the
// thread leaving it; 0 on a CPU's first switch and on every other event.
// Without a FieldMemory (views) no use keeps a time: 0.
uint64_t exectime_of(const FieldContext& c, const BoundArg& arg) {
    const event::EventType type = c.ev.type;
    if (type != state::codes::kSwitchE && type != state::codes::kSwitchOldE) return 0;
    if (!c.memory) return 0;
    std::vector<uint64_t>& last = c.memory->switch_ts[&arg];
    if (last.size() <= c.ev.cpu) last.resize(size_t{c.ev.cpu} + 1, 0);
    uint64_t& previous = last[c.ev.cpu];
    const uint64_t spent = previous != 0 ? c.ev.ts - previous : 0;
    previous = c.ev.ts;
    return spent;
}

void x_exectime(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    out.push(FieldValue::of_uint(exectime_of(c, arg)));
}

// thread.totexectime: the event thread's thread.exectime summed by this use
// of the field, so far; missing for a thread the model does not know.
void x_totexectime(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const uint64_t spent = exectime_of(c, arg);
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    if (!c.memory) {
        out.push(FieldValue::of_uint(0));
        return;
    }
    FieldMemory::ThreadTotal& sum = c.memory->thread_totals[&arg][t->tid];
    if (sum.clone_ts != t->clone_ts) sum = {t->clone_ts, 0};
    sum.total += spent;
    out.push(FieldValue::of_uint(sum.total));
}

// Context: what reads only the thread and main thread members that
// engine/context_rows.cpp's same_thread() compares, or the user tables.
// Model: other threads (parents, session leaders), fd tables, the event's
// time, and members same_thread() leaves out (tty, page faults, ticks).
constexpr FieldDef kFields[] = {
    {"proc.vpid", FieldType::Int64, ArgKind::None, "id of the process inside its pid namespace", x_vpid,
     FieldDep::Context},
    {"proc.sid", FieldType::Int64, ArgKind::None, "session id of the process", x_sid, FieldDep::Context},
    {"proc.vpgid", FieldType::Int64, ArgKind::None, "process group id of the process inside its pid namespace",
     x_vpgid, FieldDep::Context},
    {"proc.tty", FieldType::Int64, ArgKind::None, "controlling terminal of the process (0: none)", x_tty},
    {"proc.sname", FieldType::String, ArgKind::None, "name of the process's session leader", x_sname},
    {"proc.nchilds", FieldType::Uint64, ArgKind::None, "number of threads of the process besides the main one",
     x_nchilds, FieldDep::Context},
    {"proc.pcmdline", FieldType::String, ArgKind::None, "command line of the parent process", x_pcmdline},
    {"proc.exeline", FieldType::String, ArgKind::None, "argv[0] and the arguments: the command line as typed",
     x_exeline, FieldDep::Context},
    {"proc.env", FieldType::String, ArgKind::None, "environment variables of the process, space separated", x_env,
     FieldDep::Context},
    {"proc.aname", FieldType::String, ArgKind::Index,
     "name of an ancestor process: proc.aname[1] the parent, [2] the grandparent, [0] the process", x_aname},
    {"proc.apid", FieldType::Int64, ArgKind::Index,
     "id of an ancestor process: proc.apid[1] the parent, [2] the grandparent, [0] the process", x_apid},
    {"proc.duration", FieldType::RelTime, ArgKind::None, "nanoseconds since the process was seen starting",
     x_duration},
    {"proc.fdopencount", FieldType::Uint64, ArgKind::None, "number of open fds of the process", x_fdopencount},
    {"proc.fdusage", FieldType::Double, ArgKind::None, "open fds as a percentage of the process's fd limit",
     x_fdusage},
    {"proc.loginshellid", FieldType::Int64, ArgKind::None,
     "id of the eldest shell among the process and its ancestors", x_loginshellid},
    {"proc.is_exe_writable", FieldType::Bool, ArgKind::None,
     "true when the user that started the process may write its executable", x_is_exe_writable},
    {"thread.pfmajor", FieldType::Uint64, ArgKind::None, "major page faults of the thread since it started",
     x_pfmajor},
    {"thread.pfminor", FieldType::Uint64, ArgKind::None, "minor page faults of the thread since it started",
     x_pfminor},
    {"thread.exectime", FieldType::RelTime, ArgKind::None,
     "on context switches, the CPU time of the thread leaving the CPU (since the CPU's previous switch)",
     x_exectime},
    {"thread.totexectime", FieldType::RelTime, ArgKind::None,
     "the thread's CPU time summed over the context switches seen so far", x_totexectime},
    {"thread.cpu.user", FieldType::Double, ArgKind::None,
     "on process-info events, the user CPU ticks the thread used since the previous one", x_cpu_user},
    {"thread.cpu.system", FieldType::Double, ArgKind::None,
     "on process-info events, the system CPU ticks the thread used since the previous one", x_cpu_system},
    // Context: the user and group tables are the section header's (as user.name's).
    {"user.homedir", FieldType::String, ArgKind::None, "home directory of the thread's user", x_homedir,
     FieldDep::Context},
    {"user.shell", FieldType::String, ArgKind::None, "login shell of the thread's user", x_shell, FieldDep::Context},
    {"user.loginuid", FieldType::Int64, ArgKind::None, "audit user id of the thread (-1: none)", x_loginuid,
     FieldDep::Context},
    {"user.loginname", FieldType::String, ArgKind::None, "audit user name of the thread", x_loginname,
     FieldDep::Context},
    {"group.gid", FieldType::Uint64, ArgKind::None, "group id of the thread", x_gid, FieldDep::Context},
    {"group.name", FieldType::String, ArgKind::None, "group name of the thread", x_group_name, FieldDep::Context},
};

}  // namespace

std::span<const FieldDef> proc_more_fields() { return kFields; }

}  // namespace tracetop::filter
