// evt.* fields: what the event itself says.
#include <ctime>
#include <string_view>

#include "event/errno_names.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "filter/result_param.h"
#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

using event::ParamType;

std::string_view scratch_view(const FieldContext& c) { return {c.scratch->data(), c.scratch->size()}; }

// The index of the parameter an evt.arg/evt.rawarg argument names, or -1.
int64_t param_index(const FieldContext& c, const BoundArg& arg) {
    const event::EventInfo* info = c.ev.info();
    if (arg.index >= 0) return arg.index < static_cast<int64_t>(c.ev.nparams()) ? arg.index : -1;
    if (!info) return -1;
    const uint32_t n = std::min<uint32_t>(c.ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        if (info->params[i].name == arg.name) return i;
    }
    return -1;
}

const event::ParamInfo* param_info(const FieldContext& c, int64_t i) {
    const event::EventInfo* info = c.ev.info();
    if (!info || i < 0 || static_cast<size_t>(i) >= info->params.size()) return nullptr;
    return &info->params[static_cast<size_t>(i)];
}

// The return value of an exit event, where it has one (result_param.h).
bool result_of(const FieldContext& c, int64_t& res) { return event_result(c.ev, res); }

bool is_io_category(uint32_t category) {
    const uint32_t cls = category & event::kCategoryClassMask;
    return cls == event::kCatIoRead || cls == event::kCatIoWrite;
}

uint32_t category_of(const FieldContext& c) {
    const event::EventInfo* info = c.ev.info();
    return info ? (info->category & event::kCategoryClassMask) : 0;
}

void x_num(const FieldContext& c, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_uint(c.ev.num)); }

void x_time(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const std::time_t t = static_cast<std::time_t>(c.ev.ts / 1000000000ULL);
    std::tm tm{};
    localtime_r(&t, &tm);
    c.scratch->clear();
    fmt::format_to(std::back_inserter(*c.scratch), "{:02}:{:02}:{:02}.{:09}", tm.tm_hour, tm.tm_min, tm.tm_sec,
                   c.ev.ts % 1000000000ULL);
    out.push(FieldValue::of_string(scratch_view(c)));
}

void x_rawtime(const FieldContext& c, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_uint(c.ev.ts)); }

void x_reltime(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_uint(c.ev.ts >= c.first_ts ? c.ev.ts - c.first_ts : 0));
}

void x_cpu(const FieldContext& c, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_int(c.ev.cpu)); }

void x_dir(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_string(event::is_enter(c.ev.type) ? ">" : "<"));
}

void x_type(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_string(event::display_type_name(c.ev, c.state.enter)));
}

void x_args(const FieldContext& c, const BoundArg&, FieldValues& out) {
    c.scratch->clear();
    event::format_args(c.ev, c.args, *c.scratch);
    out.push(FieldValue::of_string(scratch_view(c)));
}

// Types whose rendering is "value(resolved)"; evt.arg shows the resolved part
// ("ENOENT" for -2(ENOENT), "<f>/etc/passwd" for an fd) as sysdig does.
bool has_resolved_part(ParamType t) {
    switch (t) {
        case ParamType::Errno: case ParamType::Fd: case ParamType::Pid:
        case ParamType::Flags8: case ParamType::Flags16: case ParamType::Flags32:
        case ParamType::EnumFlags8: case ParamType::EnumFlags16: case ParamType::EnumFlags32:
        case ParamType::SigType: case ParamType::Uid: case ParamType::Gid:
            return true;
        default:
            return false;
    }
}

void x_arg(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const int64_t i = param_index(c, arg);
    if (i < 0) return;
    c.scratch->clear();
    event::format_arg(c.ev, static_cast<uint32_t>(i), c.args, *c.scratch);
    std::string_view text = scratch_view(c);
    const event::ParamInfo* p = param_info(c, i);
    if (p && has_resolved_part(p->type) && !text.empty() && text.back() == ')') {
        const size_t open = text.find('(');
        if (open != std::string_view::npos) text = text.substr(open + 1, text.size() - open - 2);
    } else if (p && (p->type == ParamType::FsPath || p->type == ParamType::FsRelPath) && c.args != nullptr) {
        // A relative path prints as "path(absolute)"; sysdig's evt.arg is the
        // absolute part. The path itself may hold parentheses, so its own
        // length is measured by printing it without the resolution.
        const size_t whole = text.size();
        event::format_arg(c.ev, static_cast<uint32_t>(i), nullptr, *c.scratch);
        const size_t own = c.scratch->size() - whole;
        text = scratch_view(c).substr(0, whole);
        if (whole > own + 2 && text.back() == ')' && text[own] == '(') text = text.substr(own + 1, whole - own - 2);
    }
    out.push(FieldValue::of_string(text));
}

void x_rawarg(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const int64_t i = param_index(c, arg);
    if (i < 0) return;
    const auto raw = c.ev.param(static_cast<uint32_t>(i));
    const event::ParamInfo* p = param_info(c, i);
    const ParamType t = p ? p->type : ParamType::ByteBuf;
    switch (t) {
        case ParamType::CharBuf:
        case ParamType::FsPath:
        case ParamType::FsRelPath:
            out.push(FieldValue::of_string(event::param_as_string(raw)));
            return;
        case ParamType::ByteBuf: {
            // sysdig reads a raw buffer as a C string: it ends at the first NUL.
            const std::string_view bytes(reinterpret_cast<const char*>(raw.data()), raw.size());
            out.push(FieldValue::of_string(bytes.substr(0, bytes.find('\0'))));
            return;
        }
        case ParamType::Int8:
        case ParamType::Int16:
        case ParamType::Int32:
        case ParamType::Int64:
        case ParamType::Errno:
        case ParamType::Fd:
        case ParamType::Pid:
        case ParamType::Fd32:
        case ParamType::Pid32:
            if (raw.empty()) return;
            out.push(FieldValue::of_int(event::param_as_int(raw, t)));
            return;
        default:
            if (raw.empty() || raw.size() > 8) return;
            out.push(FieldValue::of_uint(event::param_as_uint(raw, t)));
            return;
    }
}

void x_res(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t res = 0;
    if (!result_of(c, res)) return;
    if (res >= 0) {
        out.push(FieldValue::of_string("SUCCESS"));
        return;
    }
    push_errno_name(out, -res);
}

void x_rawres(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t res = 0;
    if (result_of(c, res)) out.push(FieldValue::of_int(res));
}

void x_failed(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_bool(event_failed(c.ev)));
}

// sysdig 0.29.3 has no latency (<NA>) for procinfo events of threads it knows.
void x_latency(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.ev.type == state::codes::kProcInfoE && c.state.thread_known) return;
    out.push(FieldValue::of_uint(c.state.latency));
}

void x_is_io(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_bool(is_io_category(category_of(c))));
}
void x_is_io_read(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_bool(category_of(c) == event::kCatIoRead));
}
void x_is_io_write(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_bool(category_of(c) == event::kCatIoWrite));
}

// The bytes an I/O call moved on exit: its non-negative result (the size
// for sendmmsg/recvmmsg, whose result counts messages). sysdig reads it only
// when the call's fd is known (a write to an fd it never saw is <NA>).
void x_buflen(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.fd_related || c.state.fd_entry == nullptr) return;
    const uint32_t cls = category_of(c);
    if (cls != event::kCatIoRead && cls != event::kCatIoWrite && cls != event::kCatIoOther) return;
    uint64_t bytes = 0;
    if (event::exit_byte_count(c.ev, bytes)) out.push(FieldValue::of_uint(bytes));
}

void x_buffer(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const event::EventInfo* info = c.ev.info();
    if (!info) return;
    const uint32_t n = std::min<uint32_t>(c.ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        if (info->params[i].name == "data") {
            const auto raw = c.ev.param(i);
            out.push(FieldValue::of_string({reinterpret_cast<const char*>(raw.data()), raw.size()}));
            return;
        }
    }
}

// syscall.type: evt.type's name, but unset for events that are no system
// call. sysdig 0.29.3 leaves it unset for switch and for the events its table
// marks "skip parse reset": the internal meta-events (procinfo, drop,
// container records, ...) and page_fault. Other tracepoints (procexit,
// signaldeliver) keep their name, so this is deliberately not "category is
// syscall". The exit half of sysdigevent carries no such mark: csysdig's
// sample-end events (one sysdigevent exit per thread) pass `syscall.type
// exists`, and v_syscalls.lua shows a sysdigevent row.
void x_syscall_type(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const event::EventInfo* info = c.ev.info();
    if (!info || (info->category & event::kCatScheduler) != 0) return;
    if ((info->category & event::kCatInternal) != 0 && c.ev.type != state::codes::kSysdigEventX) return;
    if (c.ev.type == state::codes::kPageFaultE || c.ev.type == state::codes::kPageFaultE + 1) return;
    x_type(c, arg, out);
}

constexpr FieldDef kEvtFields[] = {
    {"evt.num", FieldType::Uint64, ArgKind::None, "event number: the event's position in the capture",
     x_num, FieldDep::Event},
    {"evt.time", FieldType::String, ArgKind::None, "event time, local wall clock, with nanoseconds",
     x_time, FieldDep::Event},
    {"evt.rawtime", FieldType::AbsTime, ArgKind::None, "event time in nanoseconds since the epoch",
     x_rawtime, FieldDep::Event},
    {"evt.reltime", FieldType::RelTimePadded, ArgKind::None, "nanoseconds since the first event of the capture",
     x_reltime, FieldDep::Event},
    {"evt.cpu", FieldType::Int64, ArgKind::None, "number of the CPU where the event happened", x_cpu, FieldDep::Event},
    {"evt.dir", FieldType::String, ArgKind::None, "'>' for a system call's entry, '<' for its exit",
     x_dir, FieldDep::Context},
    {"evt.type", FieldType::String, ArgKind::None, "event type: the system call's name (open, connect, ...)",
     x_type, FieldDep::Context},
    {"evt.args", FieldType::String, ArgKind::None, "all the event's arguments, as one string", x_args},
    {"evt.arg", FieldType::String, ArgKind::NameOrIndex,
     "one argument by name (evt.arg.fd) or position (evt.arg[0]), as printed; fds and errors resolved", x_arg},
    {"evt.rawarg", FieldType::Dynamic, ArgKind::NameOrIndex,
     "one argument by name (evt.rawarg.res), as its raw value: numbers compare as numbers", x_rawarg, FieldDep::Event},
    {"evt.res", FieldType::String, ArgKind::None, "the call's result: SUCCESS, or the error's name (ENOENT)",
     x_res, FieldDep::Context},
    {"evt.rawres", FieldType::Int64, ArgKind::None, "the call's result as a number (negative errno on failure)",
     x_rawres, FieldDep::Event},
    {"evt.failed", FieldType::Bool, ArgKind::None, "true for calls that returned an error",
     x_failed, FieldDep::Context},
    {"evt.latency", FieldType::RelTime, ArgKind::None, "for exits, nanoseconds spent in the call",
     x_latency, FieldDep::Event},
    {"evt.is_io", FieldType::Bool, ArgKind::None, "true for calls that read or write data (files, network, pipes)",
     x_is_io, FieldDep::Context},
    {"evt.is_io_read", FieldType::Bool, ArgKind::None, "true for calls that read data",
     x_is_io_read, FieldDep::Context},
    {"evt.is_io_write", FieldType::Bool, ArgKind::None, "true for calls that write data",
     x_is_io_write, FieldDep::Context},
    {"evt.buflen", FieldType::Uint64, ArgKind::None, "for I/O exits, the bytes the call moved",
     x_buflen, FieldDep::Event},
    {"evt.buffer", FieldType::CharBuf, ArgKind::None, "the data buffer of an I/O call (up to the snap length)",
     x_buffer, FieldDep::Event},
    // Last, so -l prints it as its own class after evt.
    {"syscall.type", FieldType::String, ArgKind::None,
     "for system call events, the call's name (open); unset for other events (switch, procinfo)", x_syscall_type},
};

}  // namespace

std::span<const FieldDef> evt_fields() { return kEvtFields; }

}  // namespace tracetop::filter
