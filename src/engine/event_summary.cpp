#include "engine/event_summary.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "event/event_table.h"

namespace tracetop::engine {
namespace {

// The size of sysdig 0.29.3's summary table: PPM_EVENT_MAX event rows, then
// an enter and an exit row per PPM_SC code. Ties are ordered by where their
// rows start, through std::sort, so these must be sysdig's numbers.
constexpr size_t kSysdigEventRows = event::kEventCodesKnownToSysdig0293;
constexpr size_t kSysdigSyscallRows = 2 * size_t{event::kPpmScCodesKnownToSysdig0293};

struct Row {
    uint32_t index;
    uint64_t count;
};

// Generic system-call events count under their system call.
size_t row_of(const event::EventView& ev) {
    if (!event::has_dynamic_type_name(ev.type)) return ev.type;
    const auto code = static_cast<size_t>(event::param_as_uint(ev.param(0), event::ParamType::Uint16));
    return kSysdigEventRows + code * 2 + (event::is_enter(ev.type) ? 0 : 1);
}

}  // namespace

EventSummary::EventSummary() : counts_(kSysdigEventRows + kSysdigSyscallRows, 0) {}

void EventSummary::count(const event::EventView& ev) {
    const size_t row = row_of(ev);
    // Codes past sysdig's table (later kernels' events) get rows of their own.
    if (row >= counts_.size()) counts_.resize(row + 1, 0);
    ++counts_[row];
}

void EventSummary::append(event::OutBuffer& out) const {
    std::vector<Row> rows(counts_.size());
    for (size_t i = 0; i < counts_.size(); ++i) rows[i] = {static_cast<uint32_t>(i), counts_[i]};
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.count > b.count; });
    out.append(std::string_view("----------------------\nEvent           #Calls\n----------------------\n"));
    // sysdig prints the 100 busiest rows and leaves the rest out.
    constexpr size_t kRowsShown = 100;
    for (size_t shown = 0; shown < std::min(rows.size(), kRowsShown); ++shown) {
        const Row& row = rows[shown];
        if (row.count == 0) break;
        const bool syscall_row = row.index >= kSysdigEventRows && row.index < kSysdigEventRows + kSysdigSyscallRows;
        const size_t code = syscall_row ? (row.index - kSysdigEventRows) : row.index;
        std::string name;
        if (syscall_row) {
            name = std::string(event::syscall_name(static_cast<uint16_t>(code / 2)));
            // Code 0 holds the calls sysdig has no code for (rseq, rt_sigreturn, ...).
            if (name.empty()) name = "<unknown>";
        } else {
            const event::EventInfo* info = event::event_info(static_cast<event::EventType>(code));
            name = info != nullptr ? std::string(info->name) : std::string("NA");
        }
        // sysdig pads the name to 16 and cuts longer ones there.
        name.resize(16, ' ');
        fmt::format_to(std::back_inserter(out), "{} ", code % 2 == 0 ? '>' : '<');
        event::append_sanitized(name, out);
        fmt::format_to(std::back_inserter(out), "{}\n", row.count);
    }
}

}  // namespace tracetop::engine
