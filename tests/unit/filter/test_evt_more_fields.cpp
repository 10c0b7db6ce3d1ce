// fields_evt_more.cpp's fields on built events (tests/unit/common/field_harness.h).
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "../common/field_harness.h"
#include "filter/output_format.h"
#include "state/event_codes.h"

using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::test::FieldHarness;

namespace {

constexpr uint16_t kWriteE = 8, kWriteX = 9, kBrkE = 158, kBrkX = 159, kNanosleepE = 134, kNanosleepX = 135;
constexpr uint16_t kCreatX = 59, kMkdiratX = 305, kRenameatX = 177;
constexpr uint32_t kORdonly = 1, kOWronly = 2, kOCreat = 4;

// 2018-08-17 17:35:48.514632619 UTC, the first event of curl_google.scap.
constexpr uint64_t kTs = 1534527348514632619ULL;

// Time strings are local time: the tests read them in UTC.
struct UtcZone {
    UtcZone() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

// curl (200) with /etc/passwd open on 3, /tmp as directory fd 5, a TCP
// connection on 4 and the syslog socket on 6.
event::CaptureHeader header() {
    event::CaptureHeader h = bash_and_curl("/home/ubuntu/");
    event::ThreadFdList curl;
    curl.tid = 200;
    curl.fds = {file_fd(3, "/etc/passwd"), tcp4_fd(4, {10, 0, 0, 1}, 40000, {10, 0, 0, 2}, 80), dir_fd(5, "/tmp"),
                named_fd(6, event::FdRecordType::UnixSock, "/dev/log")};
    h.fd_lists = {curl};
    return h;
}

// `format` ("*" prepended: "<NA>" for missing values), compiled once: the
// state a field keeps per use (evt.deltatime) belongs to this compiled use.
filter::OutputFormat compile_format(std::string_view format) {
    auto compiled = filter::OutputFormat::compile(fmt::format("*{}", format));
    REQUIRE(compiled);
    return std::move(*compiled);
}

// A compiled format rendered for the harness's current event.
std::string render(const FieldHarness& h, const filter::OutputFormat& format, filter::FieldMemory* clocks = nullptr) {
    filter::FieldContext ctx = h.fields();
    ctx.memory = clocks;
    fmt::memory_buffer out;
    format.render(ctx, out);
    return fmt::to_string(out);
}

// `format` compiled for this one rendering (fields that keep no state).
std::string render(const FieldHarness& h, std::string_view format, filter::FieldMemory* clocks = nullptr) {
    return render(h, compile_format(format), clocks);
}

}  // namespace

TEST_CASE("evt.time.s, evt.time.iso8601, evt.datetime(.s): the event's clock as sysdig writes it") {
    UtcZone utc;
    FieldHarness h(header());
    const BuiltEvent ev(kTs, 200, kCloseE, {i64(3)});
    h.feed(ev, 1);
    CHECK(render(h, "%evt.time.s") == "17:35:48");
    CHECK(render(h, "%evt.time.iso8601") == "2018-08-17T17:35:48.514632619+0000");
    CHECK(render(h, "%evt.datetime") == "2018-08-17 17:35:48.514632619");
    CHECK(render(h, "%evt.datetime.s") == "2018-08-17 17:35:48");
    CHECK(h.matches("evt.datetime.s = '2018-08-17 17:35:48' and evt.time.s contains 35:48"));
    // Nanoseconds keep their leading zeros.
    const BuiltEvent early(kTs - 514632619 + 1000 * 1000 + 7, 200, kCloseX, {i64(0)});
    h.feed(early, 2);
    CHECK(render(h, "%evt.datetime") == "2018-08-17 17:35:48.001000007");
    CHECK(render(h, "%evt.time.iso8601") == "2018-08-17T17:35:48.001000007+0000");
}

TEST_CASE("evt.rawtime.s/.ns and evt.reltime.s/.ns split the time; the .ns parts print 9 digits") {
    FieldHarness h(header());
    const BuiltEvent first(kTs, 200, kCloseE, {i64(3)});
    h.feed(first, 1);
    CHECK(render(h, "%evt.rawtime.s %evt.rawtime.ns %evt.reltime.s %evt.reltime.ns") ==
          "1534527348 514632619 0 000000000");
    // 2.000001234 s later: a fraction with leading zeros.
    const BuiltEvent later(kTs - 514632619 + 2000001234 + 1000000000, 200, kCloseX, {i64(0)});
    h.feed(later, 2);
    CHECK(render(h, "%evt.rawtime.s %evt.rawtime.ns") == "1534527351 000001234");
    CHECK(render(h, "%evt.reltime.s %evt.reltime.ns") == "2 485368615");
    CHECK(h.matches("evt.rawtime.s = 1534527351 and evt.rawtime.ns = 1234 and evt.reltime.s > 1"));
}

TEST_CASE("evt.latency.s/.ns/.human: the call's duration, split and in words") {
    FieldHarness h(header());
    const BuiltEvent enter(1000, 200, kReadE, {i64(3), u32(100)});
    h.feed(enter, 1);
    CHECK(render(h, "%evt.latency.s %evt.latency.ns %evt.latency.human") == "0 000000000 0ns");
    const BuiltEvent exit(1000 + 3435, 200, kReadX, {i64(10), Bytes(10, 'x')});
    h.feed(exit, 2);
    CHECK(render(h, "%evt.latency.s %evt.latency.ns %evt.latency.human") == "0 000003435 3.43us");
    CHECK(h.matches("evt.latency.ns = 3435 and evt.latency.human = 3.43us"));
    // An internal event: none for a thread sysdig knows, 0 for one it does not.
    const BuiltEvent known(5000, 200, state::codes::kProcInfoE, {u64(1), u64(1)});
    h.feed(known, 3);
    CHECK(render(h, "%evt.latency.s %evt.latency.ns %evt.latency.human") == "<NA> <NA> <NA>");
    const BuiltEvent unknown(6000, 999, state::codes::kProcInfoE, {u64(1), u64(1)});
    h.feed(unknown, 4);
    CHECK(render(h, "%evt.latency.s %evt.latency.ns") == "0 000000000");
}

TEST_CASE("evt.latency.human: a thread sysdig does not know repeats the use's last text") {
    FieldHarness h(header());
    filter::FieldMemory memory;
    const filter::OutputFormat human = compile_format("%evt.latency.human");
    // Threads sysdig makes up for system calls are known; procinfo's are not.
    const BuiltEvent unknown_first(10, 999, state::codes::kProcInfoE, {u64(1), u64(1)});
    h.feed(unknown_first, 1);
    CHECK(render(h, human, &memory) == "");
    const BuiltEvent enter(100, 200, kCloseE, {i64(3)});
    h.feed(enter, 2);
    const BuiltEvent exit(100 + 2500, 200, kCloseX, {i64(0)});
    h.feed(exit, 3);
    CHECK(render(h, human, &memory) == "2.50us");
    const BuiltEvent unknown_later(3000, 998, state::codes::kProcInfoE, {u64(1), u64(1)});
    h.feed(unknown_later, 4);
    CHECK(render(h, human, &memory) == "2.50us");
}

TEST_CASE("evt.latency.human: sysdig's units and cut digits at every scale") {
    FieldHarness h(header());
    const struct {
        uint64_t ns;
        std::string_view text;
    } cases[] = {
        {999, "999ns"},        {1000, "1.00us"},      {27'999, "27us"},          {1'259'999, "1.25ms"},
        {12'999'999, "12ms"},  {2'059'000'000, "2.05s"}, {187'000'000'000, "3:7"}, {3'723'000'000'000, "01:02:03"},
    };
    uint64_t ts = 1000;
    uint64_t num = 1;
    for (const auto& c : cases) {
        const BuiltEvent enter(ts, 200, kNanosleepE, {u64(c.ns)});
        h.feed(enter, num++);
        ts += c.ns;
        const BuiltEvent exit(ts, 200, kNanosleepX, {i64(0)});
        h.feed(exit, num++);
        CHECK(render(h, "%evt.latency.human") == c.text);
    }
}

TEST_CASE("evt.deltatime: since the previous event the same use of the field saw") {
    FieldHarness h(header());
    filter::FieldMemory clocks;
    const filter::OutputFormat deltas = compile_format("%evt.deltatime %evt.deltatime.s %evt.deltatime.ns");
    const BuiltEvent first(kTs, 200, kCloseE, {i64(3)});
    h.feed(first, 1);
    CHECK(render(h, deltas, &clocks) == "0 0 000000000");
    const BuiltEvent second(kTs + 1'500'000'123, 200, kCloseX, {i64(0)});
    h.feed(second, 2);
    CHECK(render(h, deltas, &clocks) == "1500000123 1 500000123");
    // Another use (another format) starts its own clock.
    CHECK(render(h, "%evt.deltatime", &clocks) == "0");
    // Without clocks (a view, a chisel) there is nothing to measure from.
    CHECK(render(h, "%evt.deltatime") == "<NA>");
}

TEST_CASE("evt.is_open_read/_write/_exec: the open flags and the created file's mode") {
    FieldHarness h(header());
    const BuiltEvent read_only(10, 200, kOpenX, {i64(7), str("/etc/hosts"), u32(kORdonly), u32(0)});
    h.feed(read_only, 1);
    CHECK(h.matches("evt.is_open_read = true and evt.is_open_write = false and evt.is_open_exec = false"));
    const BuiltEvent create_exec(20, 200, kOpenatX,
                                 {i64(8), i64(-100), str("run.sh"), u32(kOWronly | kOCreat), u32(0755)});
    h.feed(create_exec, 2);
    CHECK(h.matches("evt.is_open_read = false and evt.is_open_write = true and evt.is_open_exec = true"));
    const BuiltEvent creat_plain(30, 200, kCreatX, {i64(9), str("notes.txt"), u32(0644)});
    h.feed(creat_plain, 3);
    CHECK(h.matches("evt.is_open_exec = false and evt.is_open_write = false"));
    // A read is no open.
    const BuiltEvent read(40, 200, kReadX, {i64(1), Bytes(1, 'x')});
    h.feed(read, 4);
    CHECK(render(h, "%evt.is_open_read %evt.is_open_exec") == "false false");
}

TEST_CASE("evt.is_wait, evt.wait_latency, evt.io_dir: what kind of call it is") {
    FieldHarness h(header());
    const BuiltEvent sleep_enter(1000, 200, kNanosleepE, {u64(500)});
    h.feed(sleep_enter, 1);
    CHECK(render(h, "%evt.is_wait %evt.wait_latency %evt.io_dir") == "true <NA> <NA>");
    const BuiltEvent sleep_exit(1700, 200, kNanosleepX, {i64(0)});
    h.feed(sleep_exit, 2);
    CHECK(render(h, "%evt.wait_latency") == "700");
    const BuiltEvent write(1800, 200, kWriteX, {i64(3), Bytes(3, 'x')});
    h.feed(write, 3);
    CHECK(render(h, "%evt.is_wait %evt.wait_latency %evt.io_dir") == "false <NA> write");
    const BuiltEvent read(1900, 200, kReadX, {i64(3), Bytes(3, 'x')});
    h.feed(read, 4);
    CHECK(h.matches("evt.io_dir = read"));
}

TEST_CASE("evt.category: the table's category; I/O calls by the kind of their fd") {
    FieldHarness h(header());
    const auto category_of_read = [&h](int64_t fd, uint64_t num) {
        const BuiltEvent enter(num * 10, 200, kReadE, {i64(fd), u32(10)});
        h.feed(enter, num);
        const BuiltEvent exit(num * 10 + 1, 200, kReadX, {i64(1), Bytes(1, 'x')});
        h.feed(exit, num + 1);
        return render(h, "%evt.category");
    };
    CHECK(category_of_read(3, 1) == "file");
    CHECK(category_of_read(4, 3) == "net");
    CHECK(category_of_read(6, 5) == "ipc");
    CHECK(category_of_read(42, 7) == "unknown");
    const BuiltEvent brk(100, 200, kBrkE, {u64(0)});
    h.feed(brk, 9);
    CHECK(render(h, "%evt.category") == "memory");
    const BuiltEvent sleep(110, 200, kNanosleepE, {u64(1)});
    h.feed(sleep, 10);
    CHECK(h.matches("evt.category = sleep"));
}

TEST_CASE("evt.category of a generic event: its system call's; no fd kind for I/O calls") {
    FieldHarness h(header());
    constexpr uint16_t kScMprotect = 75, kScSync = 24;  // PPM_SC codes
    const BuiltEvent mprotect(10, 200, kGenericE, {u16(kScMprotect), u16(10)});
    h.feed(mprotect, 1);
    CHECK(render(h, "%evt.type %evt.category") == "mprotect memory");
    const BuiltEvent sync(20, 200, kGenericX, {u16(kScSync)});
    h.feed(sync, 2);
    CHECK(render(h, "%evt.type %evt.category") == "sync unknown");
    // Code 0: a call sysdig has no code for.
    const BuiltEvent uncoded(30, 200, kGenericE, {u16(0), u16(15)});
    h.feed(uncoded, 3);
    CHECK(render(h, "%evt.category") == "other");
}

TEST_CASE("evt.type.is.NAME: 1 for both halves of the type named, 0 otherwise; .N for one code") {
    FieldHarness h(header());
    const BuiltEvent open(10, 200, kOpenX, {i64(7), str("/etc/hosts"), u32(kORdonly), u32(0)});
    h.feed(open, 1);
    CHECK(render(h, "%evt.type.is.open %evt.type.is.read %evt.type.is.3 %evt.type.is.2") == "1 0 1 0");
    CHECK(h.matches("evt.type.is.open = 1"));
    const BuiltEvent read(20, 200, kReadE, {i64(3), u32(10)});
    h.feed(read, 2);
    CHECK(render(h, "%evt.type.is.open %evt.type.is.read %evt.type.is.nosuchcall") == "0 1 0");
}

TEST_CASE("evt.count.*: 1 for what is counted, missing for the rest") {
    FieldHarness h(header());
    const std::string all =
        "%evt.count %evt.count.exit %evt.count.error %evt.count.error.file %evt.count.error.net "
        "%evt.count.error.memory %evt.count.error.other";
    const BuiltEvent enter(10, 200, kOpenE, {str("/nope"), u32(kORdonly), u32(0)});
    h.feed(enter, 1);
    CHECK(render(h, all) == "1 <NA> <NA> <NA> <NA> <NA> <NA>");
    const BuiltEvent failed_open(20, 200, kOpenX, {i64(-2), str("/nope"), u32(kORdonly), u32(0)});
    h.feed(failed_open, 2);
    CHECK(render(h, all) == "1 1 1 1 <NA> <NA> <NA>");
    // A failed read on the socket: a network error, by its fd.
    const BuiltEvent read_enter(30, 200, kReadE, {i64(4), u32(10)});
    h.feed(read_enter, 3);
    const BuiltEvent failed_read(40, 200, kReadX, {i64(-104), Bytes()});
    h.feed(failed_read, 4);
    CHECK(render(h, all) == "1 1 1 <NA> 1 <NA> <NA>");
    // On a unix socket: sysdig counts it with the network's.
    const BuiltEvent unix_enter(42, 200, kReadE, {i64(6), u32(10)});
    h.feed(unix_enter, 41);
    const BuiltEvent unix_failed(44, 200, kReadX, {i64(-104), Bytes()});
    h.feed(unix_failed, 42);
    CHECK(render(h, all) == "1 1 1 <NA> 1 <NA> <NA>");
    const BuiltEvent connect_enter(50, 200, kConnectE, {i64(9), Bytes()});
    h.feed(connect_enter, 5);
    const BuiltEvent failed_connect(60, 200, kConnectX, {i64(-111), Bytes()});
    h.feed(failed_connect, 6);
    CHECK(h.matches("evt.count.error.net = 1 and not evt.count.error.other exists"));
    const BuiltEvent failed_sleep(70, 200, kNanosleepX, {i64(-4)});
    h.feed(failed_sleep, 7);
    CHECK(render(h, all) == "1 1 1 <NA> <NA> <NA> 1");
    const BuiltEvent ok_sleep(80, 200, kNanosleepX, {i64(0)});
    h.feed(ok_sleep, 8);
    CHECK(render(h, all) == "1 1 <NA> <NA> <NA> <NA> <NA>");
}

TEST_CASE("evt.count.error.memory: failed memory calls") {
    FieldHarness h(header());
    // brk reports failure as no result at all: mmap's negative result is one.
    constexpr uint16_t kMmapX = 161;
    const BuiltEvent failed_mmap(10, 200, kMmapX, {i64(-12), u32(0), u32(0), u32(0)});
    h.feed(failed_mmap, 1);
    CHECK(render(h, "%evt.count.error.memory %evt.count.error.other") == "1 <NA>");
}

TEST_CASE("evt.abspath: a dirfd and a relative path made absolute") {
    FieldHarness h(header());
    const BuiltEvent in_cwd(10, 200, kOpenatX, {i64(7), i64(-100), str("a/../b.txt"), u32(kORdonly), u32(0)});
    h.feed(in_cwd, 1);
    CHECK(render(h, "%evt.abspath") == "/home/ubuntu/b.txt");
    const BuiltEvent in_dir(20, 200, kMkdiratX, {i64(0), i64(5), str("new"), u32(0755)});
    h.feed(in_dir, 2);
    CHECK(render(h, "%evt.abspath") == "/tmp/new");
    const BuiltEvent absolute(30, 200, kMkdiratX, {i64(0), i64(99), str("/var/x"), u32(0755)});
    h.feed(absolute, 3);
    CHECK(render(h, "%evt.abspath") == "/var/x");
    const BuiltEvent unknown_dir(40, 200, kMkdiratX, {i64(0), i64(99), str("x"), u32(0755)});
    h.feed(unknown_dir, 4);
    CHECK(render(h, "%evt.abspath") == "<UNKNOWN>/x");
    const BuiltEvent rename(50, 200, kRenameatX, {i64(0), i64(5), str("old"), i64(-100), str("new")});
    h.feed(rename, 5);
    CHECK(render(h, "%evt.abspath %evt.abspath.src %evt.abspath.dst") == "/tmp/old /tmp/old /home/ubuntu/new");
    CHECK(h.matches("evt.abspath.dst = /home/ubuntu/new"));
    const BuiltEvent close(60, 200, kCloseE, {i64(3)});
    h.feed(close, 6);
    CHECK(render(h, "%evt.abspath") == "<NA>");
}

TEST_CASE("evt.is_syslog: writes to /dev/log") {
    FieldHarness h(header());
    const BuiltEvent to_log_enter(10, 200, kWriteE, {i64(6), u32(5)});
    h.feed(to_log_enter, 1);
    CHECK(h.matches("evt.is_syslog = true"));  // sysdig's flag is the type's: the enter too
    const BuiltEvent to_log(20, 200, kWriteX, {i64(5), Bytes(5, 'x')});
    h.feed(to_log, 2);
    CHECK(h.matches("evt.is_syslog = true"));
    const BuiltEvent to_file_enter(30, 200, kWriteE, {i64(3), u32(5)});
    h.feed(to_file_enter, 3);
    const BuiltEvent to_file(40, 200, kWriteX, {i64(5), Bytes(5, 'x')});
    h.feed(to_file, 4);
    CHECK(h.matches("evt.is_syslog = false"));
}

TEST_CASE("evt.info: the arguments of the default line") {
    FieldHarness h(header());
    const BuiltEvent close(10, 200, kCloseE, {i64(3)});
    h.feed(close, 1);
    CHECK(render(h, "%evt.info") == "fd=3(<f>/etc/passwd) ");
    CHECK(h.matches("evt.info contains /etc/passwd"));
}
