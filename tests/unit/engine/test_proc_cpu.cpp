#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_map>

#include "engine/proc_cpu.h"

using namespace tracetop::engine;

namespace {

// A stat line as the kernel writes it: pid (comm) state ppid ... with utime,
// stime and starttime at fields 14, 15 and 22.
std::string stat_line(const std::string& comm, uint64_t utime, uint64_t stime, uint64_t start) {
    return "4242 (" + comm + ") R 1 4242 4242 0 -1 4194304 100 0 0 0 " + std::to_string(utime) + " " +
           std::to_string(stime) + " 0 0 20 0 1 0 " + std::to_string(start) +
           " 2445312 123 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
}

}  // namespace

TEST_CASE("stat lines: utime+stime and the start time") {
    auto t = parse_stat(stat_line("bash", 150, 25, 987654));
    REQUIRE(t);
    CHECK(t->ticks == 175);
    CHECK(t->start_ticks == 987654);
}

TEST_CASE("stat lines: a comm with spaces and parentheses does not shift the fields") {
    for (const char* comm : {"my app", "a) (b", "((", "))) R 1 2 3", ") 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9", ""}) {
        CAPTURE(comm);
        auto t = parse_stat(stat_line(comm, 7, 3, 55));
        REQUIRE(t);
        CHECK(t->ticks == 10);
        CHECK(t->start_ticks == 55);
    }
}

TEST_CASE("stat lines: malformed ones are refused") {
    CHECK_FALSE(parse_stat(""));
    CHECK_FALSE(parse_stat("4242 bash R 1"));
    CHECK_FALSE(parse_stat("4242 (bash) R 1 2 3"));                      // cut short
    CHECK_FALSE(parse_stat("4242 (bash"));                               // no ')'
    CHECK_FALSE(parse_stat("1 (x) R 1 1 1 0 -1 4194304 100 0 0 0 1z 2 0 0 20 0 1 0 3 0 0"));  // a letter in utime
    std::string cut = stat_line("bash", 150, 25, 987654);
    CHECK_FALSE(parse_stat(cut.substr(0, cut.find("987654"))));         // no starttime
}

TEST_CASE("delta math: ticks since the previous reading") {
    const StatTimes prev{100, 5};
    CHECK(ticks_used(&prev, StatTimes{130, 5}, true) == 30);
    CHECK(ticks_used(&prev, StatTimes{100, 5}, true) == 0);
    CHECK(ticks_used(&prev, StatTimes{90, 5}, true) == 0);     // never negative
    CHECK(ticks_used(&prev, StatTimes{12, 6}, true) == 12);    // tid reused: a new thread
    CHECK(ticks_used(nullptr, StatTimes{40, 7}, true) == 40);  // started since the last sample
    CHECK(ticks_used(nullptr, StatTimes{40, 7}, false) == 0);  // first sample: no baseline
    CHECK(ticks_used(&prev, StatTimes{130, 5}, false) == 0);
}

TEST_CASE("delta math: clock ticks to hundredths of a second") {
    CHECK(ticks_to_centis(37, 100) == 37);
    CHECK(ticks_to_centis(250, 250) == 100);
    CHECK(ticks_to_centis(1000, 1000) == 100);
    CHECK(ticks_to_centis(5, 1000) == 1);  // rounded
}

TEST_CASE("sampler: the first sample is the baseline, later ones give each thread's delta") {
    CpuSampler s("/nonexistent");
    CHECK(s.sample_from({{1, {100, 1}}, {2, {50, 2}}}).empty());
    auto used = s.sample_from({{1, {160, 1}}, {2, {50, 2}}, {3, {20, 3}}});
    std::unordered_map<int64_t, uint64_t> by_tid;
    for (const ThreadCpu& t : used) by_tid[t.tid] = t.centis;
    const long hz = sysconf(_SC_CLK_TCK);
    CHECK(by_tid.size() == 2);  // thread 2 used nothing: left out
    CHECK(by_tid[1] == ticks_to_centis(60, hz));
    CHECK(by_tid[3] == ticks_to_centis(20, hz));  // new since the baseline
    // Thread 1 gone, then back with another start time: counted from zero.
    CHECK(s.sample_from({{3, {20, 3}}}).empty());
    used = s.sample_from({{1, {4, 9}}, {3, {20, 3}}});
    REQUIRE(used.size() == 1);
    CHECK(used[0].centis == ticks_to_centis(4, hz));
}

TEST_CASE("sampler: reads every thread of every process under a proc root") {
    char tmpl[] = "/tmp/tt_proc_XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    const std::string root = tmpl;
    auto write = [&](const std::string& pid, const std::string& tid, uint64_t ticks) {
        mkdir((root + "/" + pid).c_str(), 0755);
        mkdir((root + "/" + pid + "/task").c_str(), 0755);
        mkdir((root + "/" + pid + "/task/" + tid).c_str(), 0755);
        std::ofstream(root + "/" + pid + "/task/" + tid + "/stat") << stat_line("w (x)", ticks, 0, 1);
    };
    write("10", "10", 5);
    write("10", "11", 7);
    write("20", "20", 1);
    mkdir((root + "/self").c_str(), 0755);  // not a pid: ignored
    CpuSampler s(root);
    CHECK(s.sample().empty());
    write("10", "11", 17);
    write("20", "20", 4);
    auto used = s.sample();
    std::unordered_map<int64_t, uint64_t> by_tid;
    for (const ThreadCpu& t : used) by_tid[t.tid] = t.centis;
    const long hz = sysconf(_SC_CLK_TCK);
    CHECK(by_tid.size() == 2);
    CHECK(by_tid[11] == ticks_to_centis(10, hz));
    CHECK(by_tid[20] == ticks_to_centis(3, hz));
    std::system(("rm -rf " + root).c_str());
}

TEST_CASE("sampler: the real /proc has this very thread") {
    CpuSampler s;
    s.sample();
    volatile uint64_t x = 0;
    for (uint64_t i = 0; i < 400'000'000ULL; ++i) x = x + i;  // ~0.1-0.3 s of CPU
    bool found = false;
    for (const ThreadCpu& t : s.sample()) found |= t.tid == gettid();
    CHECK(found);
}
