#include "engine/serve_run.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "engine/http_endpoint.h"
#include "engine/metrics_board.h"
#include "engine/metrics_registry.h"
#include "engine/proc_sampler.h"
#include "engine/signal_stop.h"
#include "engine/source_factory.h"
#include "engine/syscall_interest.h"
#include "engine/view_pipeline.h"
#include "filter/compiled_filter.h"

namespace tracetop::engine {
namespace {

// Events between looks at the board: a scrape waits for the end of the
// batch under way, which on a busy machine (50,000 events/s) is 10 ms here
// against 160 ms with the explorer's batch.
constexpr uint64_t kServeBatch = 512;

double own_cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return sec(ru.ru_utime) + sec(ru.ru_stime);
}

uint64_t own_resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident)) return 0;
    return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

int run_serve(const Options& options) {
    auto address = parse_serve_address(*options.serve);
    if (!address) {
        fmt::print(stderr, "tracetop: {}\n", address.error().message);
        return 2;
    }
    std::string token;
    if (options.serve_token_file) {
        auto read = read_serve_token(*options.serve_token_file);
        if (!read) {
            fmt::print(stderr, "tracetop: {}\n", read.error().message);
            return 2;
        }
        token = std::move(*read);
    }
    // The user's filter narrows what is counted, as it narrows --json's view.
    std::optional<filter::CompiledFilter> user_filter;
    if (!options.filter.empty()) {
        auto compiled = filter::CompiledFilter::compile(options.filter);
        if (!compiled) {
            fmt::print(stderr, "tracetop: {}\n", filter::describe_filter_error(options.filter, compiled.error()));
            return 2;
        }
        user_filter = std::move(*compiled);
    }
    const filter::CompiledFilter* narrowing = user_filter ? &*user_filter : nullptr;

    MetricsLimits limits;
    limits.max_processes = options.serve_max_processes;
    limits.grace = std::chrono::duration_cast<MetricsRegistry::Clock::duration>(
        std::chrono::duration<double>(options.serve_grace_s));
    MetricsRegistry registry(limits);
    MetricsBoard board;

    auto opened = open_source(options, syscall_interest_for(options, narrowing));
    if (!opened) {
        report_error(options.read_file.value_or("live capture"), opened.error());
        return 1;
    }
    ViewPipeline pipe(std::move(opened->source), opened->name, opened->live);
    pipe.set_observer([&](const filter::FieldContext& ctx, bool internal) {
        if (narrowing && !narrowing->matches(ctx)) return;
        registry.on_event(ctx, internal);
    });

    auto endpoint = HttpEndpoint::start(*address, std::move(token), board);
    if (!endpoint) {
        fmt::print(stderr, "tracetop: {}\n", endpoint.error().message);
        return 1;
    }
    fmt::print(stderr, "tracetop: serving metrics on http://{}{}{}:{}/metrics\n", address->host.find(':') != std::string::npos ? "[" : "",
               address->host, address->host.find(':') != std::string::npos ? "]" : "", address->port);

    using Clock = MetricsRegistry::Clock;
    std::optional<Clock::time_point> stop_at;
    if (options.duration_s) {
        stop_at = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*options.duration_s));
    }
    // Live CPU time from /proc, read by the explorer's sampler on its own
    // thread (the first reading is the baseline). It arrives as process-info
    // events, so the user's filter narrows it as it narrows the rest.
    std::optional<ProcSampler> proc;
    if (pipe.live() && !options.remote) proc.emplace();  // issue 17: not a remote host's /proc
    // Reading every thread's /proc stat takes tens of milliseconds on a
    // machine with thousands of threads: asked at most every kCpuEvery, not
    // at each scrape.
    constexpr auto kCpuEvery = std::chrono::seconds(5);
    std::optional<Clock::time_point> cpu_asked;
    auto collect_cpu = [&] {
        if (!proc) return;
        if (std::optional<ProcSample> got = proc->take()) pipe.feed_cpu(got->cpu);
        if (!cpu_asked || Clock::now() - *cpu_asked >= kCpuEvery) {
            cpu_asked = Clock::now();
            proc->request({});
        }
    };
    auto publish = [&] {
        collect_cpu();
        const capture::SourceStats stats = pipe.stats();
        MetricsHealth health;
        health.events = pipe.events();
        health.drops = stats.drops;
        health.drops_per_cpu = stats.drops_per_cpu;
        health.malformed = stats.malformed;
        health.cpu_seconds = own_cpu_seconds();
        health.resident_bytes = own_resident_bytes();
        health.scrapes = board.scrapes();
        board.publish(registry.render(health, true));
    };
    publish();  // the first scrape has something to read at once

    int status = 0;
    bool input_done = false;
    auto last_sweep = Clock::now();
    while (!stop_requested()) {
        if (!input_done) {
            const uint64_t budget = options.max_events
                                        ? *options.max_events - std::min(*options.max_events, pipe.events())
                                        : kServeBatch;
            const ViewPipeline::Step step =
                budget == 0 ? ViewPipeline::Step::End : pipe.run(std::min<uint64_t>(budget, kServeBatch));
            if (step == ViewPipeline::Step::Failed) {
                report_error(pipe.name(), pipe.error().value_or(Error("read failed")));
                status = 1;
                break;
            }
            // Offline (or after -n) the totals stay served until a signal.
            if (step == ViewPipeline::Step::End) {
                input_done = true;
                publish();
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const auto now = Clock::now();
        if (now - last_sweep >= std::chrono::seconds(1)) {
            if (pipe.live()) pipe.sweep_gone_threads(now);
            registry.sweep(pipe.model(), now);
            collect_cpu();
            last_sweep = now;
        }
        if (board.wanted()) publish();
        if (stop_at && now >= *stop_at) break;
    }
    return status;
}

}  // namespace tracetop::engine
