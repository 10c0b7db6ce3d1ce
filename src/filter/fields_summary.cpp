// Fields that summarize for the views: the class of I/O an fd carries (the
// I/O by Type view's six buckets) and how a process ended (Executed Commands).
#include <string_view>

#include "event/flag_tables.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

using state::FdType;

void x_ioclass(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.fd_related || !c.state.fd_entry) return;
    std::string_view cls = "other";
    switch (c.state.fd_entry->type) {
        case FdType::File:
        case FdType::Directory: cls = "file"; break;
        case FdType::Ipv4Socket:
        case FdType::Ipv4Server: cls = "ipv4"; break;
        case FdType::Ipv6Socket:
        case FdType::Ipv6Server: cls = "ipv6"; break;
        case FdType::Unix: cls = "unix"; break;
        case FdType::Fifo: cls = "pipe"; break;
        default: break;
    }
    out.push(FieldValue::of_string(cls));
}

// procexit's status is the wait status (exit code << 8 | signal | core bit);
// secondary threads end too, but only the main thread's end is the process's.
void x_exit_status(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (c.ev.type != state::codes::kProcExitE) return;
    if (!c.state.thread_known || !c.state.thread->is_main_thread()) return;
    const auto raw = c.ev.param(0);
    if (raw.empty()) return;
    const int64_t status = event::param_as_int(raw, event::ParamType::Errno);
    const int sig = static_cast<int>(status & 0x7f);
    c.scratch->clear();
    if (sig != 0) {
        const std::string_view name = event::signal_name(static_cast<uint8_t>(sig));
        if (name.empty()) {
            fmt::format_to(std::back_inserter(*c.scratch), "signal {}", sig);
        } else {
            fmt::format_to(std::back_inserter(*c.scratch), "{}", name);
        }
        if (status & 0x80) fmt::format_to(std::back_inserter(*c.scratch), " (core)");
    } else {
        fmt::format_to(std::back_inserter(*c.scratch), "{}", (status >> 8) & 0xff);
    }
    out.push(FieldValue::of_string({c.scratch->data(), c.scratch->size()}));
}

constexpr FieldDef kSummaryFields[] = {
    {"fd.ioclass", FieldType::String, ArgKind::None,
     "class of the fd's I/O: file, ipv4, ipv6, unix, pipe or other", x_ioclass},
    {"proc.exit_status", FieldType::String, ArgKind::None,
     "on a process's exit: its exit code, or the signal that ended it (SIGTERM)", x_exit_status},
};

}  // namespace

std::span<const FieldDef> summary_fields() { return kSummaryFields; }

}  // namespace tracetop::filter
