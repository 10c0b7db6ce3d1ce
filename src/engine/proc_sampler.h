// Live CPU time and memory from /proc, read on a worker thread of its own so
// that the drain thread never waits on /proc (a /proc read can block for as
// long as the kernel holds a process's mm lock). The drain thread asks at an
// interval boundary and takes, at the next one, what the worker has read
// since; nothing it calls waits for the worker's reading.
//
//   ProcSampler s;                       // starts the worker
//   at each boundary:
//     if (auto got = s.take()) apply(*got);
//     s.request(pids_to_read_memory_of);
//
// The explorer, --json and --serve all read /proc through it, so the three
// show the same CPU time for the same seconds.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "capture/proc_scan.h"
#include "engine/proc_cpu.h"

namespace tracetop::engine {

struct ProcSample {
    // What each thread used between two readings, summed over every reading
    // not taken yet, and the time those readings span: the rate is
    // centis / span, whatever interval the taker applies it to.
    std::vector<ThreadCpu> cpu;
    double span_seconds = 0;
    // The newest memory of each pid asked for that could be read.
    std::vector<std::pair<int64_t, capture::ProcMemory>> memory;

    // Rescales the CPU time to `seconds`: the readings span about that long,
    // not exactly, and the same rate over the taker's own interval is what
    // its CPU% divides by. Nothing when either span is unknown.
    void scale_to(double seconds);
};

class ProcSampler {
public:
    explicit ProcSampler(std::string proc_root = "/proc");
    ~ProcSampler();
    ProcSampler(const ProcSampler&) = delete;
    ProcSampler& operator=(const ProcSampler&) = delete;

    // Asks for one reading (every thread's CPU time, and the memory of
    // `pids`); a request made while one is being read replaces the waiting
    // one. Returns at once.
    void request(std::vector<int64_t> pids);
    // What was read since the last take; nullopt when nothing was. Returns at once.
    std::optional<ProcSample> take();
    // Asks for a reading and waits for it: everything not taken yet, this
    // reading included. For the end of a run, where nothing waits on it.
    std::optional<ProcSample> read_now(std::vector<int64_t> pids);
    // Waits until no request is waiting or being read (for tests).
    void wait_idle();

private:
    void run();

    std::string root_;
    CpuSampler cpu_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::optional<std::vector<int64_t>> asked_;  // the waiting request
    bool busy_ = false;
    bool stop_ = false;
    std::optional<ProcSample> ready_;
    std::thread worker_;
};

}  // namespace tracetop::engine
