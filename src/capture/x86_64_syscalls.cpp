// The native x86_64 system calls (their names are event-level facts,
// event/x86_64_syscalls.h) mapped to the PPM_SC codes the generic syscall
// events carry and to the probe's fillers.
#include "capture/x86_64_syscalls.h"

#include "capture/bpf_probe.h"
#include "event/event_table.h"
#include "tracetop_shared.h"

namespace tracetop::capture {

std::vector<uint16_t> x86_64_ppm_sc_codes() {
    std::vector<uint16_t> codes(TRACETOP_SYSCALL_SLOTS, 0);
    for (uint32_t nr = 0; nr < codes.size(); ++nr) {
        const std::string_view name = x86_64_syscall_name(nr);
        if (name.empty()) continue;
        // Later calls are recorded as code 0 ("unknown"); the enter event
        // still carries the native number.
        for (uint32_t code = 1; code < event::kPpmScCodesKnownToSysdig0293; ++code) {
            if (event::syscall_name(static_cast<uint16_t>(code)) == name) {
                codes[nr] = static_cast<uint16_t>(code);
                break;
            }
        }
    }
    return codes;
}

std::string_view x86_64_filler_event(uint32_t nr) {
    const char* name = tt_probe_filler_of(nr);
    return name != nullptr ? std::string_view(name) : std::string_view{};
}

}  // namespace tracetop::capture
