// The identifiers the state model speaks in. Aliases rather than wrappers:
// they come straight out of event parameters and go straight into fields.
#pragma once

#include <cstdint>

namespace tracetop::state {

using Tid = int64_t;           // host thread id
using Pid = int64_t;           // host process id (the main thread's tid)
using Fd = int64_t;            // file descriptor number; negative = none / -errno
using Nanoseconds = uint64_t;  // event timestamps and latencies

constexpr Fd kNoFd = -1;
constexpr Fd kAtFdCwd = -100;  // AT_FDCWD as the *at system calls carry it

// sinsp's "unknown" marker for uid/gid/loginuid.
constexpr uint32_t kNoId = 0xFFFFFFFF;

// The name sysdig gives to threads and programs it knows nothing about.
inline constexpr const char* kUnknownName = "<NA>";

}  // namespace tracetop::state
