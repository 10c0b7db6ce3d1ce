// The --serve registry fed curl_google.scap: its per-process figures are
// those of the Processes view (tracetop -r curl_google.scap --json -v procs:
// curl made 597 system calls, 43 failed, read 32114 file bytes, and moved
// 11562 / 110 bytes over the network), and the series cap and the grace
// time bound what it keeps.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "../common/shared_captures.h"
#include "engine/metrics_registry.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"

using namespace tracetop::engine;

namespace {

struct Replay {
    std::unique_ptr<ViewPipeline> pipe;
    std::string text;
};

Replay replay_curl(MetricsRegistry& registry) {
    Options o;
    o.read_file = tracetop::test::shared_capture("curl_google.scap");
    auto opened = open_source(o);
    REQUIRE(opened);
    Replay r;
    r.pipe = std::make_unique<ViewPipeline>(std::move(opened->source), opened->name, false);
    r.pipe->set_observer([&](const tracetop::filter::FieldContext& ctx, bool internal) { registry.on_event(ctx, internal); });
    while (r.pipe->run(ViewPipeline::kBatch) == ViewPipeline::Step::More) {
    }
    r.text = registry.render(MetricsHealth{}, true);
    return r;
}

bool has_line(const std::string& text, const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; }

}  // namespace

TEST_CASE("curl_google.scap: curl's figures are the Processes view's") {
    MetricsRegistry registry;
    const std::string text = replay_curl(registry).text;
    const std::string curl = "{pid=\"17497\",name=\"curl\",user=\"ubuntu\"";
    CHECK(has_line(text, "tracetop_process_syscalls_total" + curl + "} 597"));
    CHECK(has_line(text, "tracetop_process_errors_total" + curl + ",errno=\"ENOENT\"} 42"));
    CHECK(has_line(text, "tracetop_process_errors_total" + curl + ",errno=\"EINPROGRESS\"} 1"));
    CHECK(has_line(text, "tracetop_process_file_read_bytes_total" + curl + "} 32114"));
    CHECK(has_line(text, "tracetop_process_file_write_bytes_total" + curl + "} 0"));
    CHECK(has_line(text, "tracetop_process_net_receive_bytes_total" + curl + "} 11562"));
    CHECK(has_line(text, "tracetop_process_net_send_bytes_total" + curl + "} 110"));
    // curl's DNS lookup: one UDP "connection" to port 53.
    CHECK(has_line(text, "tracetop_connections_total{direction=\"opened\",port=\"53\"} 1"));
    CHECK(text.ends_with("\n# EOF\n"));
}

TEST_CASE("curl_google.scap: per system call, calls and a histogram whose +Inf bucket is the count") {
    MetricsRegistry registry;
    const std::string text = replay_curl(registry).text;
    // 39 access calls, every one failing (the dynamic loader's lookups).
    CHECK(has_line(text, "tracetop_syscall_calls_total{syscall=\"access\"} 39"));
    CHECK(has_line(text, "tracetop_syscall_errors_total{syscall=\"access\"} 39"));
    CHECK(has_line(text, "tracetop_syscall_latency_seconds_bucket{syscall=\"access\",le=\"+Inf\"} 39"));
    CHECK(has_line(text, "tracetop_syscall_latency_seconds_count{syscall=\"access\"} 39"));
}

TEST_CASE("the series cap sums the processes past it into pid=\"other\"") {
    MetricsLimits limits;
    limits.max_processes = 1;
    MetricsRegistry registry(limits);
    const std::string text = replay_curl(registry).text;
    CHECK(registry.process_series() == 1);
    CHECK(text.find("pid=\"other\",name=\"other\"") != std::string::npos);
    CHECK(has_line(text, "tracetop_series_overflow_total 1"));
}

TEST_CASE("a process that exited leaves its series after the grace time") {
    MetricsLimits limits;
    limits.grace = std::chrono::seconds(5);
    MetricsRegistry registry(limits);
    Replay r = replay_curl(registry);
    const size_t before = registry.process_series();
    REQUIRE(before == 2);
    const auto t0 = MetricsRegistry::Clock::now();
    registry.sweep(r.pipe->model(), t0);  // notes who is gone
    registry.sweep(r.pipe->model(), t0 + std::chrono::seconds(4));
    CHECK(registry.process_series() == before);
    registry.sweep(r.pipe->model(), t0 + std::chrono::seconds(6));
    // sysdig (the capturing process) is still there at the capture's end; curl exited.
    CHECK(registry.process_series() == 1);
    const std::string text = registry.render(MetricsHealth{}, true);
    CHECK(text.find("name=\"curl\"") == std::string::npos);
    CHECK(has_line(text, "tracetop_series_expired_total 1"));
}
