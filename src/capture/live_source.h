// Live capture through the BPF probe (kmod/): the same Source interface as a
// capture file, fed by per-CPU ring buffers and a /proc scan at start.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "capture/source.h"

namespace tracetop::capture {

struct LiveOptions {
    uint32_t snaplen = 80;       // bytes of each I/O buffer copied (-s)
    uint32_t buffer_mb = 8;      // per-CPU ring buffer size (--buffer-mb)
    bool context_switches = false;  // also trace sched_switch (loud)
    // The interest set: by native x86_64 system-call number, nonzero for the
    // calls whose events are wanted; empty wants every call. The probe
    // attaches to a small set's own tracepoints, so the rest of the machine's
    // calls run no program (engine/syscall_interest.h computes it).
    std::vector<uint8_t> syscall_interest;
};

// Loads and attaches the probe. Errors explain what is missing (privileges,
// BTF, a kernel too old) in one line a user can act on.
Result<std::unique_ptr<Source>> open_live(const LiveOptions& options);

}  // namespace tracetop::capture
