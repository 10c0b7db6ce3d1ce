// sysdig's names and moments for rotating a -w capture (-C, -W, -G, -e).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tracetop::engine {

struct RotationPolicy {
    uint64_t max_bytes = 0;     // -C MB: a new file before an event once this many are written (10^6 per MB)
    uint64_t max_events = 0;    // -e N: N events per file
    uint64_t max_seconds = 0;   // -G S: a new file every S seconds of capture time
    uint32_t file_limit = 0;    // -W N: a ring of N files (-C/-e), or at most N files (-G with a time format)

    bool active() const { return max_bytes || max_events || max_seconds; }
};

// The name of file number `index` (from 0), opened at `ts_ns` (epoch ns),
// as sysdig names it: with -G and a '%' in the name, the name through
// strftime(3) at that time; else the name with a number appended, counting
// in a ring of -W files when -W is given.
std::string rotated_file_name(const std::string& base, const RotationPolicy& policy, uint64_t index, uint64_t ts_ns);

// With -G, -W and a time format, sysdig stops after -W files.
bool rotation_exhausted(const std::string& base, const RotationPolicy& policy, uint64_t files_opened);

}  // namespace tracetop::engine
