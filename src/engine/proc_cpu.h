// CPU time of every thread on the machine, read from /proc like htop does,
// and how much each used since the previous sample. The live drain thread
// samples once per refresh interval (ProcSampler's worker, never the drain
// thread or the screen); the pipeline turns
// the deltas into process-info events, so the CPU% column of the Processes
// and Threads views is computed live by the same code as offline.
//
//   CpuSampler cpu;                 // reads /proc once: the baseline
//   ... one refresh interval later ...
//   for (const ThreadCpu& t : cpu.sample()) use(t.tid, t.centis);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracetop::engine {

// The two facts CPU% needs from one /proc/PID/stat (or task/TID/stat) line.
struct StatTimes {
    uint64_t ticks = 0;        // utime + stime, in USER_HZ clock ticks
    uint64_t start_ticks = 0;  // starttime: ticks after boot (tells a reused tid apart)
};

// Parses a stat line. The comm field sits in parentheses and may itself hold
// spaces and parentheses ("(a) (b)"), so fields are counted after the LAST ')'.
// nullopt for anything malformed.
std::optional<StatTimes> parse_stat(std::string_view text);

// What one thread used since the previous sample, in hundredths of a second:
// sysdig's thread.cpu unit, so that a rate over the interval reads as a
// percentage of one CPU.
struct ThreadCpu {
    int64_t tid = 0;
    uint64_t centis = 0;
};

// The delta math. `prev` is the thread's previous reading (null: not seen
// then). A thread not seen at the previous sample started since (all of its
// time is new) unless this is the first sample (no baseline yet: nothing).
// A reused tid (other start time) also counts from zero; a counter that went
// backwards counts nothing.
uint64_t ticks_used(const StatTimes* prev, const StatTimes& now, bool have_baseline);

// USER_HZ ticks as hundredths of a second (USER_HZ is 100 on every Linux we
// know of, but sysconf says).
uint64_t ticks_to_centis(uint64_t ticks, long hz);

struct CpuSamplerLimits {
    size_t max_threads = 200'000;
    size_t max_stat_bytes = 4096;  // a stat line is well under 1 KiB
};

class CpuSampler {
public:
    explicit CpuSampler(std::string proc_root = "/proc", CpuSamplerLimits limits = {});

    // Reads every thread's stat and returns what each used since the previous
    // call (threads that used nothing are left out). The first call only sets
    // the baseline and returns nothing. Valid until the next call.
    const std::vector<ThreadCpu>& sample();

    // The same from readings already made (tid -> times): what sample() does
    // after reading /proc, for tests.
    const std::vector<ThreadCpu>& sample_from(std::unordered_map<int64_t, StatTimes> now);

private:
    void read_all(std::unordered_map<int64_t, StatTimes>& out);

    std::string root_;
    CpuSamplerLimits limits_;
    long hz_;
    bool have_baseline_ = false;
    std::unordered_map<int64_t, StatTimes> prev_;
    std::vector<ThreadCpu> used_;
    std::string buf_;
};

}  // namespace tracetop::engine
