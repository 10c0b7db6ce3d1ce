#include "engine/event_list.h"

#include <fmt/format.h>

#include "event/arg_format.h"
#include "event/event_table.h"
#include "event/param_type.h"

namespace tracetop::engine {

void print_event_list(std::FILE* out) {
    fmt::memory_buffer text;
    auto it = std::back_inserter(text);
    // sysdig lists the codes it knows, with the parameters it knew: codes
    // and parameters added since would not be sysdig's list.
    for (uint32_t code = 0; code < event::kEventCodesKnownToSysdig0293; ++code) {
        const auto type = static_cast<event::EventType>(code);
        const event::EventInfo* info = event::event_info(type);
        if (info == nullptr || (info->flags & event::kFlagUnused) != 0) continue;
        // Where the schema marks what 0.29.3 listed, the mark decides.
        const int listed = event::sysdig_0293_listed(type);
        // Left out as sysdig does: meta-events, and old layouts of a call
        // (the schema marks enters old whose parameters moved to the exit
        // since 0.29.3: a pair counts as old when both halves are).
        if (listed < 0) {
            if ((info->category & event::kCatInternal) != 0) continue;
            const event::EventInfo* other = event::event_info(static_cast<event::EventType>(code ^ 1u));
            const bool old = (info->flags & event::kFlagOld) != 0 &&
                             (other == nullptr || (other->flags & event::kFlagOld) != 0);
            if (old) continue;
        }
        fmt::format_to(it, "{} {}(", event::is_enter(type) ? '>' : '<', info->name);
        const uint32_t n = std::min<uint32_t>(
            listed >= 0 ? static_cast<uint32_t>(listed) : event::sysdig_param_count(type), info->params.size());
        for (uint32_t i = 0; i < n; ++i) {
            const event::ParamInfo& p = info->params[i];
            // sysdig names PT_DYN "DYNAMIC".
            const std::string_view type_name = p.type == event::ParamType::Dyn
                                                   ? std::string_view("DYNAMIC")
                                                   : event::kParamTypeNames[static_cast<size_t>(p.type)];
            fmt::format_to(it, "{}{} {}", i ? ", " : "", type_name, p.name);
        }
        text.append(std::string_view(")\n"));
    }
    std::fwrite(text.data(), 1, text.size(), out);
}

}  // namespace tracetop::engine
