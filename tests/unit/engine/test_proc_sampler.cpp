// issue 16 (ui16): live /proc readings on the sampler's own thread. A
// status file that blocks (a FIFO nobody writes yet) holds the worker, and
// the drain thread's calls still return at once.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <unordered_map>

#include "engine/proc_sampler.h"

using namespace tracetop::engine;
using namespace std::chrono_literals;

namespace {

std::string stat_line(uint64_t utime) {
    return "10 (w) R 1 10 10 0 -1 4194304 100 0 0 0 " + std::to_string(utime) +
           " 0 0 0 20 0 1 0 1 2445312 123 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
}

struct FakeProc {
    std::string root;
    FakeProc() {
        char tmpl[] = "/tmp/tt_sampler_XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        root = tmpl;
        mkdir((root + "/10").c_str(), 0755);
        mkdir((root + "/10/task").c_str(), 0755);
        mkdir((root + "/10/task/10").c_str(), 0755);
        ticks(5);
    }
    ~FakeProc() { std::system(("rm -rf " + root).c_str()); }
    void ticks(uint64_t t) const { std::ofstream(root + "/10/task/10/stat") << stat_line(t); }
    void status(uint32_t rss_kb) const {
        std::ofstream(root + "/10/status") << "Name:\tw\nVmSize:\t  9000 kB\nVmRSS:\t  " << rss_kb << " kB\n";
    }
};

}  // namespace

TEST_CASE("proc sampler: memory of the pids asked for, CPU time between readings") {
    FakeProc proc;
    proc.status(1234);
    ProcSampler s(proc.root);
    CHECK_FALSE(s.take());
    s.request({10, 99});  // 99: no such process, left out
    s.wait_idle();
    auto first = s.take();
    REQUIRE(first);
    CHECK(first->cpu.empty());  // the baseline
    REQUIRE(first->memory.size() == 1);
    CHECK(first->memory[0].first == 10);
    CHECK(first->memory[0].second.vmrss_kb == 1234);
    CHECK(first->memory[0].second.vmsize_kb == 9000);
    CHECK_FALSE(s.take());  // taken once

    proc.ticks(25);
    s.request({10});
    s.wait_idle();
    auto second = s.take();
    REQUIRE(second);
    REQUIRE(second->cpu.size() == 1);
    CHECK(second->cpu[0].tid == 10);
    CHECK(second->cpu[0].centis == ticks_to_centis(20, sysconf(_SC_CLK_TCK)));
    CHECK(second->span_seconds > 0);
}

TEST_CASE("proc sampler: readings not taken add up") {
    FakeProc proc;
    ProcSampler s(proc.root);
    s.request({});
    s.wait_idle();
    proc.ticks(15);
    s.request({});
    s.wait_idle();
    proc.ticks(45);
    s.request({});
    s.wait_idle();
    auto got = s.take();
    REQUIRE(got);
    REQUIRE(got->cpu.size() == 1);
    CHECK(got->cpu[0].centis == ticks_to_centis(40, sysconf(_SC_CLK_TCK)));
}

TEST_CASE("proc sampler: a /proc read that blocks never holds the caller") {
    FakeProc proc;
    const std::string fifo = proc.root + "/10/status";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    ProcSampler s(proc.root);
    s.request({10});  // the worker now waits in open() for a writer
    std::this_thread::sleep_for(50ms);
    // take() and request() from another thread, with a deadline: they must
    // not wait for the worker's reading.
    auto calls = std::async(std::launch::async, [&] {
        const bool nothing = !s.take();
        s.request({10});
        return nothing;
    });
    const bool answered = calls.wait_for(2s) == std::future_status::ready;
    // Let the worker go, whatever happened: a writer opens the FIFO each time
    // a reader has it open (O_NONBLOCK fails with ENXIO while none has),
    // until both requests are read.
    std::atomic<bool> done{false};
    std::thread writer([&] {
        const std::string text = "VmSize:\t 100 kB\nVmRSS:\t 50 kB\n";
        while (!done) {
            const int fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) {
                if (write(fd, text.data(), text.size()) < 0) {}
                close(fd);
            }
            std::this_thread::sleep_for(5ms);
        }
    });
    CHECK(answered);
    CHECK(calls.get());
    s.wait_idle();
    done = true;
    writer.join();
    CHECK(s.take());
}

// tidy (session 6): --json and --serve read /proc through the same sampler.
TEST_CASE("proc sampler: read_now returns the baseline, then what was used since") {
    FakeProc proc;
    proc.status(77);
    ProcSampler s(proc.root);
    auto baseline = s.read_now({});
    REQUIRE(baseline);
    CHECK(baseline->cpu.empty());
    CHECK(baseline->memory.empty());  // no pid asked for
    proc.ticks(35);
    auto end = s.read_now({10});
    REQUIRE(end);
    REQUIRE(end->cpu.size() == 1);
    CHECK(end->cpu[0].centis == ticks_to_centis(30, sysconf(_SC_CLK_TCK)));
    REQUIRE(end->memory.size() == 1);
    CHECK(end->memory[0].second.vmrss_kb == 77);
    CHECK_FALSE(s.take());
}

TEST_CASE("proc sample: CPU time rescaled to the taker's interval") {
    ProcSample got;
    got.cpu = {{10, 40}, {11, 3}};
    got.span_seconds = 2.0;
    got.scale_to(1.0);  // the same rate over half the time
    CHECK(got.cpu[0].centis == 20);
    CHECK(got.cpu[1].centis == 2);  // 1.5 rounds up
    got.span_seconds = 0;  // a baseline: no span to scale from
    got.scale_to(5.0);
    CHECK(got.cpu[0].centis == 20);
}

// tidy (session 6): the model holds /proc's sizes in 64 bits.
TEST_CASE("proc sampler: memory above 4 TiB of kB is read whole") {
    FakeProc proc;
    std::ofstream(proc.root + "/10/status") << "Name:\tw\nVmSize:\t21474836480 kB\nVmRSS:\t  5000 kB\n";
    ProcSampler s(proc.root);
    auto got = s.read_now({10});
    REQUIRE(got);
    REQUIRE(got->memory.size() == 1);
    CHECK(got->memory[0].second.vmsize_kb == uint64_t{20} << 30);
    CHECK(got->memory[0].second.vmrss_kb == 5000);
}
