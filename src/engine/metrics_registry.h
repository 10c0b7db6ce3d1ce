// The figures of the views kept as ever-growing counters for --serve: per
// process (system calls, errors by errno, file and network bytes, CPU), per
// system call (calls, errors, latency histogram), connections by server
// port, signals by name, and tracetop's own health. The drain thread feeds
// events; render() writes them as OpenMetrics text.
//
// Memory is bounded: at most `max_processes` processes get series of their
// own (first come, first served; the rest are summed into one pid="other"
// series and counted in tracetop_series_overflow_total), and a process that
// exited leaves its series `grace` after the model saw it go. System calls,
// ports and signals have caps of their own.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/model.h"

namespace tracetop::engine {

// Latency histogram bounds in seconds (1 µs to 10 s).
inline constexpr std::array<double, 15> kLatencyBounds = {1e-6, 5e-6, 1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 5e-3,
                                                          1e-2, 5e-2, 0.1,  0.5,  1,    5,    10};

struct MetricsLimits {
    size_t max_processes = 1000;
    std::chrono::steady_clock::duration grace = std::chrono::seconds(30);
    size_t max_syscalls = 1024;
    size_t max_ports = 1000;
    size_t max_signals = 128;
};

// What the source and the process itself report at render time.
struct MetricsHealth {
    uint64_t events = 0;
    uint64_t drops = 0;
    std::vector<uint64_t> drops_per_cpu;
    uint64_t malformed = 0;
    double cpu_seconds = 0;     // tracetop's own user + system time
    uint64_t resident_bytes = 0;
    uint64_t scrapes = 0;
};

class MetricsRegistry {
public:
    using Clock = std::chrono::steady_clock;
    explicit MetricsRegistry(MetricsLimits limits = {});

    // Every event the model has seen (same arguments as Aggregator::on_event).
    // Live CPU time from /proc comes as process-info events too
    // (ViewPipeline::feed_cpu).
    void on_event(const filter::FieldContext& ctx, bool internal);
    // Notes which processes the model no longer knows and drops those gone
    // for longer than the grace time.
    void sweep(const state::Model& model, Clock::time_point now);

    std::string render(const MetricsHealth& health, bool openmetrics) const;
    size_t process_series() const { return processes_.size(); }

private:
    struct ErrnoCount {
        std::string name;
        uint64_t count = 0;
    };
    struct Process {
        std::string name;
        std::string user;
        uint32_t uid = state::kNoId;
        uint64_t syscalls = 0;
        uint64_t file_in = 0, file_out = 0, net_in = 0, net_out = 0;
        double cpu_seconds = 0;
        std::vector<ErrnoCount> errors;  // few per process: a vector beats a map
        std::optional<Clock::time_point> gone_since;
    };
    struct Syscall {
        uint64_t calls = 0;
        uint64_t errors = 0;
        std::array<uint64_t, kLatencyBounds.size() + 1> buckets{};
        double latency_sum = 0;
    };

    Process* process_of(const filter::FieldContext& ctx);
    Process* process_for(const state::ThreadInfo& thread, const state::Model& model);
    static void count_error(Process& p, std::string_view name);

    MetricsLimits limits_;
    filter::CompiledFilter exit_filter_;
    filter::BoundField type_, error_name_, latency_, buflen_, fd_type_, io_read_, io_write_, sport_,
        signal_name_, thread_cpu_, fd_typechar_;
    std::unordered_map<int64_t, Process> processes_;
    Process other_;
    bool other_used_ = false;
    uint64_t overflow_ = 0;   // processes summed into "other"
    std::unordered_set<int64_t> overflow_pids_;  // those alive
    static constexpr size_t kMaxOverflowPids = 1'000'000;
    uint64_t expired_ = 0;    // series dropped after their process exited
    std::map<std::string, Syscall, std::less<>> syscalls_;
    std::map<std::pair<std::string, std::string>, uint64_t> connections_;  // (direction, port)
    std::map<std::pair<std::string, std::string>, uint64_t> signals_;      // (kind, signal)
    mutable filter::FieldValues values_;
};

}  // namespace tracetop::engine
