// Native x86_64 system-call names by number (the live probe's numbering).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "event/x86_64_syscalls.h"

namespace tracetop::capture {

// The names by number live with the events (event/x86_64_syscalls.h).
using event::x86_64_syscall_name;

// The PPM_SC code of every native system call (TRACETOP_SYSCALL_SLOTS
// entries, 0 for "unknown"): what its generic events carry.
std::vector<uint16_t> x86_64_ppm_sc_codes();

// The name of the events the probe's own filler writes for `nr` (evt.type,
// "open" for open), "" for the calls that get the generic events.
std::string_view x86_64_filler_event(uint32_t nr);

}  // namespace tracetop::capture
