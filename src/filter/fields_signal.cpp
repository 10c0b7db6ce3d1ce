// signal.* fields: who signals whom, with what, and what became of it.
//
// Two kinds of event carry a signal: the exit of kill/tkill/tgkill (sent by
// the event's process; the target and signal are arguments of the enter
// event, which the exit of older drivers does not repeat) and signaldeliver
// (the kernel hands a signal to the event's thread; spid names the sender,
// 0 when the kernel itself raised it). Enter events carry none, so a view
// counting signal events counts each signal once per kind.
#include <string_view>

#include "event/errno_names.h"
#include "event/flag_tables.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::filter {
namespace {

constexpr event::EventType kSignalDeliverE = 232;

enum class Kind { None, Syscall, Deliver };

Kind kind_of(const FieldContext& c) {
    if (c.ev.type == kSignalDeliverE) return Kind::Deliver;
    if (event::is_enter(c.ev.type)) return Kind::None;
    const std::string_view name = event::display_type_name(c.ev);
    if (name == "kill" || name == "tkill" || name == "tgkill") return Kind::Syscall;
    return Kind::None;
}

// Parameter `name` of `ev` as an integer, if the event has it.
bool param_named(const event::EventView& ev, std::string_view name, int64_t& out) {
    const event::EventInfo* info = ev.info();
    if (!info) return false;
    const uint32_t n = std::min<uint32_t>(ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        if (info->params[i].name != name) continue;
        const auto raw = ev.param(i);
        if (raw.empty()) return false;
        out = event::param_as_int(raw, info->params[i].type);
        return true;
    }
    return false;
}

// An argument of a signalling system call: from its enter event when paired,
// else from the exit (newer drivers repeat the arguments there).
bool syscall_arg(const FieldContext& c, std::string_view name, int64_t& out) {
    if (c.state.enter && param_named(*c.state.enter, name, out)) return true;
    return param_named(c.ev, name, out);
}

bool signal_number(const FieldContext& c, int64_t& sig) {
    switch (kind_of(c)) {
        case Kind::Deliver: return param_named(c.ev, "sig", sig);
        case Kind::Syscall: return syscall_arg(c, "sig", sig);
        case Kind::None: return false;
    }
    return false;
}

// The process a pid or tid belongs to: kill names a process (or a group,
// when negative), tkill a thread; both rows must meet under one process id.
int64_t process_of(const FieldContext& c, int64_t id) {
    if (id <= 0) return id;
    const state::ThreadInfo* t = c.model.thread(id);
    return t ? t->pid : id;
}

bool source_pid(const FieldContext& c, int64_t& pid) {
    switch (kind_of(c)) {
        case Kind::Deliver: {
            int64_t spid = 0;
            if (!param_named(c.ev, "spid", spid)) return false;
            pid = process_of(c, spid);
            return true;
        }
        case Kind::Syscall:
            if (!c.state.thread_known) return false;
            pid = c.state.thread->pid;
            return true;
        case Kind::None: return false;
    }
    return false;
}

bool target_pid(const FieldContext& c, int64_t& pid) {
    switch (kind_of(c)) {
        case Kind::Deliver:
            if (c.state.thread_known) {
                pid = c.state.thread->pid;
                return true;
            }
            return param_named(c.ev, "dpid", pid);
        case Kind::Syscall: {
            // tgkill names the process first; kill its pid; tkill only a tid.
            int64_t id = 0;
            if (syscall_arg(c, "pid", id) || syscall_arg(c, "tid", id)) {
                pid = process_of(c, id);
                return true;
            }
            return false;
        }
        case Kind::None: return false;
    }
    return false;
}

void push_name_of(const FieldContext& c, int64_t pid, FieldValues& out) {
    if (pid == 0) {
        out.push(FieldValue::of_string("<kernel>"));
        return;
    }
    if (const state::ThreadInfo* t = c.model.thread(pid)) {
        if (!t->is_placeholder()) out.push(FieldValue::of_string(t->comm.view()));
    }
}

// The name of the event's own thread.
void push_own_name(const FieldContext& c, FieldValues& out) {
    out.push(FieldValue::of_string(c.state.thread->comm.view()));
}

void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t sig = 0;
    if (!signal_number(c, sig)) return;
    const std::string_view name = event::signal_name(static_cast<uint8_t>(sig));
    if (!name.empty() && sig >= 0 && sig < 256) {
        out.push(FieldValue::of_string(name));
    } else {
        c.scratch->clear();
        fmt::format_to(std::back_inserter(*c.scratch), "SIG{}", sig);
        out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
    }
}
void x_num(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t sig = 0;
    if (signal_number(c, sig)) out.push(FieldValue::of_int(sig));
}
// One end of a signal event (source_pid or target_pid): false when the
// event carries no signal or not that end.
bool signal_end(const FieldContext& c, bool (*end_of)(const FieldContext&, int64_t&), int64_t& pid) {
    int64_t sig = 0;
    return signal_number(c, sig) && end_of(c, pid);
}
void push_end_pid(const FieldContext& c, bool (*end_of)(const FieldContext&, int64_t&), FieldValues& out) {
    int64_t pid = 0;
    if (signal_end(c, end_of, pid)) out.push(FieldValue::of_int(pid));
}
void x_source_pid(const FieldContext& c, const BoundArg&, FieldValues& out) { push_end_pid(c, source_pid, out); }
void x_target_pid(const FieldContext& c, const BoundArg&, FieldValues& out) { push_end_pid(c, target_pid, out); }
void x_source_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t pid = 0;
    if (!signal_end(c, source_pid, pid)) return;
    // The sender's own system call names its sender; a delivery names it by pid.
    if (kind_of(c) == Kind::Syscall) push_own_name(c, out);
    else push_name_of(c, pid, out);
}
void x_target_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t pid = 0;
    if (!signal_end(c, target_pid, pid)) return;
    if (kind_of(c) == Kind::Deliver && c.state.thread_known) push_own_name(c, out);
    else if (pid > 0) push_name_of(c, pid, out);  // a process group (pid < 0) has no one name
}
// The system call that sent the signal, or "kernel" for a delivery nobody
// sent; a delivery of a signal some process sent says nothing here, so a
// table's last value stays the system call's name.
void x_via(const FieldContext& c, const BoundArg&, FieldValues& out) {
    switch (kind_of(c)) {
        case Kind::Syscall: out.push(FieldValue::of_string(event::display_type_name(c.ev))); return;
        case Kind::Deliver: {
            int64_t spid = -1;
            if (param_named(c.ev, "spid", spid) && spid == 0) out.push(FieldValue::of_string("kernel"));
            return;
        }
        case Kind::None: return;
    }
}
void x_delivered(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Kind k = kind_of(c);
    if (k != Kind::None) out.push(FieldValue::of_bool(k == Kind::Deliver));
}
// "sent", the error a failed send returned, or "delivered".
void x_result(const FieldContext& c, const BoundArg&, FieldValues& out) {
    switch (kind_of(c)) {
        case Kind::Deliver: out.push(FieldValue::of_string("delivered")); return;
        case Kind::Syscall: {
            int64_t res = 0;
            if (!param_named(c.ev, "res", res)) return;
            const std::string_view err = res < 0 ? event::errno_name(-res) : std::string_view{};
            out.push(FieldValue::of_string(res >= 0 ? "sent" : err.empty() ? "failed" : err));
            return;
        }
        case Kind::None: return;
    }
}

constexpr FieldDef kSignalFields[] = {
    {"signal.name", FieldType::String, ArgKind::None,
     "signal sent (kill, tkill, tgkill exits) or delivered (signaldeliver): SIGTERM, SIGUSR1, ...", x_name},
    {"signal.num", FieldType::Int64, ArgKind::None, "number of the signal", x_num},
    {"signal.source_pid", FieldType::Int64, ArgKind::None,
     "process that sent the signal (0: the kernel)", x_source_pid},
    {"signal.source_name", FieldType::String, ArgKind::None, "name of the process that sent the signal",
     x_source_name},
    {"signal.target_pid", FieldType::Int64, ArgKind::None,
     "process the signal is for (negative: a process group)", x_target_pid},
    {"signal.target_name", FieldType::String, ArgKind::None, "name of the process the signal is for",
     x_target_name},
    {"signal.via", FieldType::String, ArgKind::None,
     "system call that sent the signal (kill, tkill, tgkill), or kernel", x_via},
    {"signal.delivered", FieldType::Bool, ArgKind::None,
     "true for a delivery to the target, false for the sender's system call", x_delivered},
    {"signal.result", FieldType::String, ArgKind::None,
     "sent, the error of a failed send (ESRCH, EPERM), or delivered", x_result},
};

}  // namespace

std::span<const FieldDef> signal_fields() { return kSignalFields; }

}  // namespace tracetop::filter
