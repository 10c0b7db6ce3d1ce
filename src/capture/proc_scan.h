// The machine as it is when live capture starts, read from /proc and /etc:
// threads, their fds (sockets named from /proc/net), users and groups, the
// machine and its interfaces. The result has the shape of a capture file's
// header blocks, so the model loads it, and -w writes it, through the same
// code as a file's. Everything read is untrusted: every read is bounded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "event/header_records.h"

namespace tracetop::capture {

struct ProcScanLimits {
    size_t max_threads = 200'000;
    size_t max_fds_per_process = 65'536;
    size_t max_file_bytes = 16u << 20;  // /proc/net tables on a busy server
    size_t max_small_file_bytes = 64u << 10;
};

event::CaptureHeader scan_proc(const ProcScanLimits& limits);

// Memory of one process now, from /proc/PID/status (kB, as in a process
// list); nullopt when the process is gone or the file unreadable. The live
// explorer refreshes VIRT/RES/MEM% with it at every refresh.
// Not bounded to the capture format's 32 bits: it goes to the model only.
struct ProcMemory {
    uint64_t vmsize_kb = 0;
    uint64_t vmrss_kb = 0;
    uint64_t vmswap_kb = 0;
};
std::optional<ProcMemory> read_proc_memory(const std::string& proc_root, int64_t pid);

}  // namespace tracetop::capture
