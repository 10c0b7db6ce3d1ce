#include "chisel/chisel_fields.h"

#include <ctime>
#include <iterator>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "filter/field_context.h"

namespace tracetop::chisel {
namespace {

using filter::ArgKind;
using filter::BoundArg;
using filter::FieldContext;
using filter::FieldType;
using filter::FieldValue;
using filter::FieldValues;
using state::ThreadInfo;

const ThreadInfo* main_of(const FieldContext& c) {
    if (!c.state.thread_known) return nullptr;
    return c.state.main_thread ? c.state.main_thread : c.state.thread;
}

// The Nth ancestor of the event's process (0: the process itself), walking
// parent threads as sysdig does (proc.apid, proc.aname).
const ThreadInfo* ancestor(const FieldContext& c, int64_t n) {
    const ThreadInfo* t = main_of(c);
    for (int64_t i = 0; t != nullptr && i < n; ++i) t = c.model.thread(t->ptid);
    return t;
}

// Always 1: chisels sum it to count events.
void x_count(const FieldContext&, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_uint(1)); }

// The event's local wall-clock time: HH:MM:SS, the date in front when
// `with_date`, the nanoseconds after when `with_ns`.
void push_local_time(const FieldContext& c, bool with_date, bool with_ns, FieldValues& out) {
    const std::time_t t = static_cast<std::time_t>(c.ev.ts / 1000000000ULL);
    std::tm tm{};
    localtime_r(&t, &tm);
    c.scratch->clear();
    auto it = std::back_inserter(*c.scratch);
    if (with_date) fmt::format_to(it, "{:04}-{:02}-{:02} ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    fmt::format_to(it, "{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (with_ns) fmt::format_to(it, ".{:09}", c.ev.ts % 1000000000ULL);
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

// evt.time without the nanoseconds.
void x_time_s(const FieldContext& c, const BoundArg&, FieldValues& out) { push_local_time(c, false, false, out); }

// evt.time with the date in front, as sysdig's evt.datetime.
void x_datetime(const FieldContext& c, const BoundArg&, FieldValues& out) { push_local_time(c, true, true, out); }

// The registry's value of `name` for this event, true when it is true.
bool registry_flag(const FieldContext& c, std::string_view name) {
    auto bound = filter::resolve_field(name, std::nullopt);
    if (!bound) return false;
    FieldValues values;
    bound->def->extract(c, bound->arg, values);
    return !values.empty() && values[0].kind == FieldValue::Kind::Bool && values[0].u != 0;
}

// "write" or "read" for I/O calls (writes first, as sysdig asks).
void x_io_dir(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (registry_flag(c, "evt.is_io_write")) {
        out.push(FieldValue::of_string("write"));
    } else if (registry_flag(c, "evt.is_io_read")) {
        out.push(FieldValue::of_string("read"));
    }
}

// proc.exe, a space, then the arguments joined by spaces.
void x_exeline(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.thread_known) return;
    const ThreadInfo& t = *c.state.thread;
    c.scratch->clear();
    c.scratch->append(t.exe.view());
    c.scratch->push_back(' ');
    std::string_view items = t.args.view();
    bool first = true;
    while (!items.empty()) {
        const size_t end = items.find('\0');
        if (!first) c.scratch->push_back(' ');
        c.scratch->append(items.substr(0, end));
        first = false;
        if (end == std::string_view::npos) break;
        items.remove_prefix(end + 1);
    }
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

// The container's id, ':', then fd.name; outside containers the id is empty.
void x_fd_containername(const FieldContext& c, const BoundArg&, FieldValues& out) {
    std::string_view name;
    if (!c.state.fd_name(name)) return;
    c.scratch->clear();
    c.scratch->push_back(':');
    c.scratch->append(name);
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

// evt.buffer's raw bytes; lua_api renders them (render_buffer).
void x_buffer_raw(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_string(raw_buffer(c)));
}

// CPU time of the thread a context switch takes off the CPU; 0 on every
// other event (sysdig). Without switch events it never counts.
void x_exectime(const FieldContext&, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_uint(0)); }

void x_vpid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.state.thread_known) out.push(FieldValue::of_int(c.state.thread->vpid));
}

void x_apid(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (const ThreadInfo* t = ancestor(c, arg.index < 0 ? 0 : arg.index)) out.push(FieldValue::of_int(t->pid));
}

void x_aname(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (const ThreadInfo* t = ancestor(c, arg.index < 0 ? 0 : arg.index)) out.push(FieldValue::of_string(t->comm.view()));
}

// The pid of the outermost ancestor (the process included) whose name ends
// in "sh": the login shell, by sysdig's rule.
void x_loginshellid(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = main_of(c);
    std::optional<int64_t> shell;
    // Bounded: a made-up parent chain must not loop forever.
    for (int hops = 0; t != nullptr && hops < 4096; ++hops) {
        const std::string_view comm = t->comm.view();
        if (comm.size() >= 2 && comm.substr(comm.size() - 2) == "sh") shell = t->pid;
        if (t->ptid == t->tid) break;
        t = c.model.thread(t->ptid);
    }
    if (shell) out.push(FieldValue::of_int(*shell));
}

// Nanoseconds since the thread was created, when that is known.
void x_duration(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.thread_known || c.state.thread->clone_ts == 0) return;
    out.push(FieldValue::of_int(static_cast<int64_t>(c.ev.ts - c.state.thread->clone_ts)));
}

// Containers are not modelled yet: every thread runs on the host, which is
// what sysdig says of threads outside containers (nothing without a thread).
void x_host(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.state.thread_known) out.push(FieldValue::of_string("host"));
}

// Fields whose value a chisel sees differently from a filter.
constexpr filter::FieldDef kChiselOverrides[] = {
    {"evt.buffer", FieldType::String, ArgKind::None, "the I/O buffer, rendered in the buffer format", x_buffer_raw},
};

constexpr filter::FieldDef kChiselFields[] = {
    {"evt.count", FieldType::Uint64, ArgKind::None, "1 for every event (chisels sum it)", x_count},
    {"evt.datetime", FieldType::String, ArgKind::None, "event time, local date and wall clock, with nanoseconds",
     x_datetime},
    {"evt.io_dir", FieldType::String, ArgKind::None, "'read' or 'write' for I/O calls", x_io_dir},
    {"proc.exeline", FieldType::String, ArgKind::None, "proc.exe and the arguments", x_exeline},
    {"fd.containername", FieldType::String, ArgKind::None, "the container id, ':' and fd.name", x_fd_containername},
    {"evt.time.s", FieldType::String, ArgKind::None, "event time, local wall clock, whole seconds", x_time_s},
    {"thread.exectime", FieldType::RelTime, ArgKind::None,
     "on context switches, the CPU time of the thread leaving the CPU", x_exectime},
    {"proc.vpid", FieldType::Int64, ArgKind::None, "process id as seen from its pid namespace", x_vpid},
    {"proc.apid", FieldType::Int64, ArgKind::NameOrIndex, "pid of the Nth ancestor (proc.apid[1]: the parent)", x_apid},
    {"proc.aname", FieldType::String, ArgKind::NameOrIndex, "name of the Nth ancestor", x_aname},
    {"proc.loginshellid", FieldType::Int64, ArgKind::None, "pid of the outermost shell among the ancestors",
     x_loginshellid},
    {"proc.duration", FieldType::Int64, ArgKind::None, "nanoseconds since the process started", x_duration},
    {"container.id", FieldType::String, ArgKind::None, "container id ('host' outside containers)", x_host},
    {"container.name", FieldType::String, ArgKind::None, "container name ('host' outside containers)", x_host},
};

}  // namespace

bool is_buffer_field(const filter::BoundField& field) {
    if (field.def == &kChiselOverrides[0]) return true;
    return field.def != nullptr && field.def->name == "evt.arg" && field.arg.name == "data";
}

std::string_view raw_buffer(const filter::FieldContext& ctx) {
    static auto buffer = filter::resolve_field("evt.buffer", std::nullopt);
    if (!buffer) return {};
    FieldValues values;
    buffer->def->extract(ctx, buffer->arg, values);
    return values.empty() ? std::string_view() : values[0].s;
}

bool print_buffer_field(const filter::BoundField& field, const filter::FieldContext& ctx, const BufferPrinter& print,
                        fmt::memory_buffer& out) {
    if (!is_buffer_field(field) && field.def->name != "evt.buffer") return false;
    const std::string_view raw = raw_buffer(ctx);
    if (raw.data() == nullptr) return false;
    print(raw, out);
    return true;
}

void render_buffer(std::string_view raw, std::string_view format, fmt::memory_buffer& out) {
    const auto printable = [](char c) { return c >= 0x20 && c < 0x7f; };
    if (raw.empty()) return;  // an empty buffer is "" in every format
    if (format != "ascii") {
        for (const char c : raw) out.push_back(printable(c) ? c : '.');
        return;
    }
    out.push_back('\n');
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (printable(c)) {
            out.push_back(c);
        } else if (c == '\r') {
            out.push_back('\n');
        } else if (c == '\n' && i > 0 && raw[i - 1] != '\r') {
            out.push_back(c);
        }
    }
}

std::span<const filter::FieldDef> chisel_only_fields() { return kChiselFields; }

Result<filter::BoundField> resolve_chisel_field(std::string_view name) {
    std::optional<std::string> bracket;
    std::string_view base = name;
    if (!name.empty() && name.back() == ']') {
        const size_t open = name.find('[');
        if (open == std::string_view::npos) return Error(fmt::format("bad field name '{}'", name));
        bracket = std::string(name.substr(open + 1, name.size() - open - 2));
        base = name.substr(0, open);
    }
    for (const filter::FieldDef& def : kChiselOverrides) {
        if (def.name == base && !bracket) return filter::BoundField{&def, {}};
    }
    auto found = filter::resolve_field(base, bracket);
    if (found) return found;
    for (const filter::FieldDef& def : kChiselFields) {
        if (def.name != base) continue;
        filter::BoundField bound{&def, {}};
        if (def.arg == ArgKind::None) {
            if (bracket) return Error(fmt::format("field '{}' takes no argument", base));
            return bound;
        }
        // proc.apid and proc.aname take a number; without one, the process.
        if (bracket) {
            try {
                bound.arg.index = std::stoll(*bracket);
            } catch (...) {
                return Error(fmt::format("field '{}' takes a number in brackets", base));
            }
            if (bound.arg.index < 0) return Error(fmt::format("field '{}' takes a number in brackets", base));
        }
        return bound;
    }
    return found;
}

}  // namespace tracetop::chisel
