// CompiledFilter against hand-built events run through the model: each
// operator, the value types, and/or/not precedence, and the errors a user
// can make (with the column they point at).
#include <doctest/doctest.h>

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "../common/field_harness.h"
#include "filter/compiled_filter.h"

using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::filter::CompiledFilter;
using tracetop::test::FieldHarness;

namespace {

// bash (100) and curl (200) of user ubuntu, curl run as "curl -6 http://example.com".
event::CaptureHeader header() {
    event::CaptureHeader h;
    h.users.push_back({1000, 1000, "ubuntu", "/home/ubuntu", "/bin/bash"});
    event::ThreadRecord curl = thread_record(200, 200, "curl");
    curl.ptid = 100;
    curl.args = std::string("-6\0http://example.com\0", 22);
    h.threads = {thread_record(100, 100, "bash"), curl};
    return h;
}

// Every filter of `accepted` matches the harness's current event; none of
// `refused` does.
void check_filters(const FieldHarness& h, std::initializer_list<std::string_view> accepted,
                   std::initializer_list<std::string_view> refused = {}) {
    for (const std::string_view f : accepted) CHECK_MESSAGE(h.matches(f), "should match: ", f);
    for (const std::string_view f : refused) CHECK_MESSAGE(!h.matches(f), "should not match: ", f);
}

// The 1-based column a compile error points at, or -1 when `text` compiles.
int error_column(std::string_view text) {
    auto compiled = CompiledFilter::compile(text);
    if (compiled) return -1;
    return compiled.error().offset ? static_cast<int>(*compiled.error().offset) + 1 : 0;
}

// curl (200) connects fd 5 from 10.0.0.5:51000 to 93.184.216.34:80, then
// reads 4 bytes from it. The events outlive the questions asked about them.
struct ConnectedSocket {
    BuiltEvent sock_e{1, 200, kSocketE, {u32(2), u32(1), u32(6)}};
    BuiltEvent sock_x{2, 200, kSocketX, {i64(5)}};
    BuiltEvent conn_e{3, 200, kConnectE, {i64(5), cat({u8(2), Bytes{93, 184, 216, 34}, u16(80)})}};
    BuiltEvent conn_x{4, 200, kConnectX, {i64(0), ipv4_tuple({10, 0, 0, 5}, 51000, {93, 184, 216, 34}, 80)}};
    BuiltEvent read_e{5, 200, kReadE, {i64(5), u32(100)}};
    BuiltEvent read_x{9, 200, kReadX, {i64(4), cat({Bytes{'H', 'T', 'T', 'P'}})}};
    void connect(FieldHarness& h) const {
        for (const BuiltEvent* ev : {&sock_e, &sock_x, &conn_e, &conn_x}) h.feed(*ev);
    }
    void read(FieldHarness& h) const {
        h.feed(read_e);
        h.feed(read_x);
    }
};

}  // namespace

TEST_CASE("a successful open: names, directories, results and the seed's example") {
    FieldHarness h(header());
    const BuiltEvent enter(10, 200, kOpenE, {str("/etc/passwd"), u32(1), u32(0)});
    const BuiltEvent exit(250, 200, kOpenX, {i64(3), str("/etc/passwd"), u32(1), u32(0)});
    h.feed(enter, 1);
    CHECK(h.matches("evt.dir=>"));
    CHECK_FALSE(h.matches("evt.res exists"));
    h.feed(exit, 2);

    check_filters(h, {"evt.type=open and proc.name=curl and file.name contains /etc"},
                  {"evt.type=open and proc.name=evilproc and file.name contains /etc"});
    // Names and the string operators; pmatch takes path prefixes, not text prefixes.
    check_filters(h,
                  {"fd.name=/etc/passwd", "fd.name==/etc/passwd", "fd.name!=/etc/shadow",
                   "fd.directory=/etc and file.directory=/etc and fd.filename=passwd", "fd.name icontains /ETC/PASS",
                   "fd.name startswith /etc/ and fd.name endswith wd", "fd.name glob '/e?c/*d'",
                   "fd.name pmatch (/usr, /etc)", "fd.name regex '^/etc/(passwd|group)$'",
                   "fd.name regex 'pa[*+s]{2}w'", "fd.name regex '^/etc/[a-z]+$'",
                   "fd.typechar=f and fd.type=file and fd.num=3"},
                  {"fd.name pmatch (/et)", "fd.name regex '[*+]'", "fd.name regex '^etc'"});
    // Numbers, results, arguments, the process and user, sets.
    check_filters(h,
                  {"evt.num=2 and evt.num>1 and evt.num>=2 and evt.num<3 and evt.num<=2",
                   "evt.res=SUCCESS and evt.rawres=3 and evt.failed=false",
                   "evt.latency=240 and evt.latency>239 and evt.latency<241",
                   "evt.rawarg.flags=1 and evt.arg.name=/etc/passwd",
                   "proc.pname=bash and proc.ppid=100 and user.name=ubuntu and user.uid=1000",
                   "proc.args contains example and proc.cmdline startswith 'curl -6'",
                   "evt.type in (close, open) and not evt.type in (read)"},
                  {"fd.ip exists or fd.port exists"});
}

TEST_CASE("a failed open: error names, raw results and failure") {
    FieldHarness h(header());
    const BuiltEvent enter(10, 200, kOpenE, {str("/nope"), u32(1), u32(0)});
    const BuiltEvent exit(20, 200, kOpenX, {i64(-2), str("/nope"), u32(1), u32(0)});
    h.feed(enter, 1);
    h.feed(exit, 2);
    CHECK(h.matches("evt.failed=true and evt.res=ENOENT and evt.rawres=-2 and evt.rawres<0"));
    CHECK(h.matches("evt.rawarg.fd<0 and evt.rawarg.fd=-2"));
    CHECK(h.matches("fd.name=/nope"));  // named from the event's own parameters
    CHECK(h.matches("evt.res!=SUCCESS"));
}

TEST_CASE("a connected IPv4 socket: addresses, networks, ports and services") {
    FieldHarness h(header());
    const ConnectedSocket conn;
    conn.connect(h);

    // Ports (a service name too), addresses, networks; != on an address is
    // true only when neither end is it (sysdig).
    check_filters(h,
                  {"evt.type=connect and fd.port=80", "fd.sport=http", "fd.ip=10.0.0.5 and fd.ip=93.184.216.34",
                   "fd.cip=10.0.0.5 and fd.sip=93.184.216.34 and fd.cport=51000",
                   "fd.net=10.0.0.0/8 and fd.net=93.184.216.0/24 and fd.ip=93.184.0.0/16", "fd.ip!=192.168.1.1",
                   "fd.l4proto=tcp and fd.sockfamily=ip and fd.typechar=4",
                   "fd.name='10.0.0.5:51000->93.184.216.34:80'"},
                  {"fd.net=192.168.0.0/16", "fd.ip!=10.0.0.5"});

    conn.read(h);
    CHECK(h.matches("evt.is_io=true and evt.is_io_read=true and evt.is_io_write=false"));
    CHECK(h.matches("evt.buflen=4 and evt.buffer contains HTTP and evt.rawres=4"));
}

TEST_CASE("sendmmsg and recvmmsg count their size as bytes, not their message count") {
    FieldHarness h(header());
    constexpr uint16_t kSendmmsgE = 50, kSendmmsgX = 51, kRecvmmsgE = 54, kRecvmmsgX = 55;
    const Bytes tuple = ipv4_tuple({127, 0, 0, 1}, 40001, {127, 0, 0, 1}, 40002);
    // The harness reads the events it was fed: they live to the end.
    const BuiltEvent sock_e(1, 200, kSocketE, {u32(2), u32(2), u32(0)});
    const BuiltEvent sock_x(2, 200, kSocketX, {i64(5)});
    const BuiltEvent send_e(3, 200, kSendmmsgE, {});
    const BuiltEvent send_x(4, 200, kSendmmsgX, {i64(2), i64(5), u32(70), cat({Bytes{'h', 'i'}}), tuple});
    const BuiltEvent recv_e(5, 200, kRecvmmsgE, {});
    const BuiltEvent recv_x(6, 200, kRecvmmsgX, {i64(3), i64(5), u32(120), cat({Bytes{'h', 'i'}}), tuple, Bytes{}});
    const BuiltEvent fail_e(7, 200, kRecvmmsgE, {});
    const BuiltEvent fail_x(8, 200, kRecvmmsgX, {i64(-11), i64(5), u32(0), Bytes{}, Bytes{}, Bytes{}});
    for (const BuiltEvent* ev : {&sock_e, &sock_x, &send_e, &send_x}) h.feed(*ev);
    CHECK(h.matches("evt.rawres=2 and evt.buflen=70 and evt.is_io_write=true"));
    h.feed(recv_e);
    h.feed(recv_x);
    CHECK(h.matches("evt.rawres=3 and evt.buflen=120 and evt.is_io_read=true"));
    h.feed(fail_e);
    h.feed(fail_x);
    CHECK_FALSE(h.matches("evt.buflen>=0"));  // a failure moved nothing
}

TEST_CASE("evt.type of a call without a PPM_SC code is its native name, enter and exit") {
    FieldHarness h(header());
    // rseq (x86_64 334): code 0 and the native number on enter, code 0 on exit.
    const BuiltEvent enter(1, 200, 0, {u16(0), u16(334)});
    const BuiltEvent exit(2, 200, 1, {u16(0)});
    h.feed(enter);
    CHECK(h.matches("evt.type=rseq"));
    CHECK_FALSE(h.matches("evt.type=openat or evt.type=read"));
    h.feed(exit);
    CHECK(h.matches("evt.type=rseq and evt.dir=<"));
    CHECK_FALSE(h.matches("evt.type in (openat, read)"));
    CHECK(h.matches("evt.type!=openat"));
}

TEST_CASE("and binds tighter than or, not tighter than and; brackets override") {
    FieldHarness h(header());
    const BuiltEvent enter(10, 200, kOpenE, {str("/etc/passwd"), u32(1), u32(0)});
    h.feed(enter, 7);
    // true or (false and false)
    CHECK(h.matches("evt.num=7 or evt.num=8 and evt.num=9"));
    // (true or false) and false
    CHECK_FALSE(h.matches("(evt.num=7 or evt.num=8) and evt.num=9"));
    CHECK(h.matches("not evt.num=8 and evt.num=7"));
    CHECK_FALSE(h.matches("not (evt.num=8 or evt.num=7)"));
    CHECK(h.matches("not not evt.num=7"));
    CHECK(h.matches("((evt.num=7))"));
    // A field without a value satisfies no comparison, not even !=.
    CHECK_FALSE(h.matches("fd.ip!=1.2.3.4"));
    CHECK(h.matches("not fd.ip exists"));
}

TEST_CASE("bad filters fail to compile, pointing at the column at fault") {
    CHECK(error_column("evt.tipe=open") == 1);                     // unknown field
    CHECK(error_column("evt.type=open and file.nam=x") == 19);    // unknown field, later
    CHECK(error_column("proc.name=") == 11);                       // missing value
    CHECK(error_column("proc.name") == 10);                        // missing operator
    CHECK(error_column("(evt.type=open") == 1);                    // unbalanced (
    CHECK(error_column("evt.type=open)") == 14);                   // unbalanced )
    CHECK(error_column("fd.name regex 'a(b'") == 15);              // bad regex
    CHECK(error_column("fd.name regex 'x**'") == 15);              // PCRE2 refuses a repeated '*'
    CHECK(error_column("fd.name regex '*a'") == 15);               // nothing to repeat
    CHECK(error_column("fd.net=10.0.0.0/33") == 8);                // bad CIDR
    CHECK(error_column("fd.net=2001:db8::/129") == 8);
    CHECK(error_column("fd.ip=10.0.0.300") == 7);                  // bad address
    CHECK(error_column("evt.num>abc") == 9);                       // bad number
    CHECK(error_column("evt.failed=maybe") == 12);                 // bad boolean
    CHECK(error_column("evt.num contains 3") == 1);                // text operator on a number
    CHECK(error_column("evt.arg=3") == 1);                         // missing argument

    auto compiled = CompiledFilter::compile("evt.num>abc");
    REQUIRE_FALSE(compiled);
    const std::string shown = filter::describe_filter_error("evt.num>abc", compiled.error());
    CHECK(shown == "bad filter at column 9: 'abc' is not a number for evt.num\n  evt.num>abc\n          ^");
}

TEST_CASE("verdicts before any field is read: by type, and by system call for generic events") {
    using filter::kTypeDynamic;
    // The code of a system call that has only generic events.
    uint16_t clock_gettime = 0;
    for (size_t code = 0; code < event::syscall_name_count(); ++code) {
        if (event::syscall_name(static_cast<uint16_t>(code)) == "clock_gettime") clock_gettime = static_cast<uint16_t>(code);
    }
    REQUIRE(clock_gettime != 0);
    // Generic events carry the system call first, then its native number.
    const BuiltEvent generic_enter(10, 200, 0, {u16(clock_gettime), u16(228)});
    const BuiltEvent generic_exit(20, 200, 1, {u16(clock_gettime), u16(228)});
    const BuiltEvent generic_other(30, 200, 1, {u16(static_cast<uint16_t>(clock_gettime + 1)), u16(0)});
    const BuiltEvent connect_exit(40, 200, kConnectX, {i64(0)});
    using V = std::array<int, 4>;
    const auto verdicts = [&](std::string_view text) {
        auto f = CompiledFilter::compile(text);
        REQUIRE(f);
        return V{f->event_verdict(generic_enter.view()), f->event_verdict(generic_exit.view()),
                 f->event_verdict(generic_other.view()), f->event_verdict(connect_exit.view())};
    };
    CHECK(verdicts("evt.type=connect and fd.port=80") == V{0, 0, 0, kTypeDynamic});
    CHECK(verdicts("evt.type=clock_gettime") == V{1, 1, 0, 0});
    CHECK(verdicts("not evt.type=clock_gettime") == V{0, 0, 1, 1});
    CHECK(verdicts("evt.type=clock_gettime and evt.dir=<") == V{0, 1, 0, 0});
    CHECK(verdicts("evt.type=clock_gettime or proc.name=curl") == V{1, 1, kTypeDynamic, kTypeDynamic});
    CHECK(verdicts("proc.name=curl") == V{kTypeDynamic, kTypeDynamic, kTypeDynamic, kTypeDynamic});
    CHECK(verdicts("evt.dir=>") == V{1, 0, 0, 0});
    // The exit of the call an enter begins: same system call, other direction.
    auto exits_only = CompiledFilter::compile("evt.type=clock_gettime and evt.dir=<");
    CHECK(exits_only->exit_verdict(generic_enter.view()) == 1);
    auto other_only = CompiledFilter::compile("evt.type=connect");
    CHECK(other_only->exit_verdict(generic_enter.view()) == 0);

    // Whatever the verdict says, matches() agrees with it once the fields are read.
    FieldHarness h(header());
    for (const BuiltEvent* ev : {&generic_enter, &generic_exit, &generic_other, &connect_exit}) {
        h.feed(*ev);
        for (std::string_view text : {"evt.type=connect and fd.port=80", "evt.type=clock_gettime",
                                      "not evt.type=clock_gettime", "evt.type=clock_gettime or proc.name=curl"}) {
            auto f = CompiledFilter::compile(text);
            const int v = f->event_verdict(h.fields().ev);
            if (v != kTypeDynamic) CHECK_MESSAGE(v == (h.matches(text) ? 1 : 0), text);
        }
    }
}

// issue 15 (perf): checks on the call's result are decided by type for every
// type without one (enters, exits whose first parameter is no result), and
// stay per event where there is a result; matching agrees with the verdict.
TEST_CASE("result fields are decided by type where the type carries no result") {
    using filter::kTypeDynamic;
    const BuiltEvent open_enter(10, 200, kOpenE, {str("/nope"), u32(1), u32(0)});
    const BuiltEvent open_exit(20, 200, kOpenX, {i64(-2), str("/nope"), u32(1), u32(0)});
    FieldHarness h(header());
    for (std::string_view text : {"evt.failed=true", "evt.failed=false", "evt.res=ENOENT", "evt.rawres<0",
                                  "not evt.rawres exists", "evt.failed=true or proc.name=curl"}) {
        auto f = CompiledFilter::compile(text);
        REQUIRE(f);
        CHECK_MESSAGE(f->event_verdict(open_exit.view()) == kTypeDynamic, text);
    }
    CHECK(CompiledFilter::compile("evt.failed=true")->event_verdict(open_enter.view()) == 0);
    CHECK(CompiledFilter::compile("evt.failed=false")->event_verdict(open_enter.view()) == 1);
    CHECK(CompiledFilter::compile("evt.res exists")->event_verdict(open_enter.view()) == 0);
    CHECK(CompiledFilter::compile("not evt.rawres exists")->event_verdict(open_enter.view()) == 1);
    h.feed(open_enter, 1);
    CHECK(h.matches("evt.failed=false and not evt.res exists and not evt.rawres exists"));
    h.feed(open_exit, 2);
    CHECK(h.matches("evt.failed=true and evt.res=ENOENT and evt.rawres=-2"));
}

// issue 15 (session 12): comparisons on integer fields are decided inline
// (CompiledNode::kOrdInt); they must say what the general comparison says:
// every operator, a field with two values, a field with none, signs.
TEST_CASE("integer comparisons: every operator, two values, none, and signed results") {
    FieldHarness h(header());
    const ConnectedSocket conn;
    conn.connect(h);
    check_filters(h,
                  {"fd.sport = 80", "fd.sport = http", "fd.sport in (1, 80)", "fd.sport != 81", "fd.sport < 81",
                   "fd.sport <= 80", "fd.sport > 79", "fd.sport >= 80", "fd.cport > 50000", "fd.cport in (http, 51000)",
                   "evt.rawres = 0", "evt.rawres >= -1", "evt.rawres > -1", "evt.rawres != -2",
                   // fd.port has both ends: one of them passing is enough, but for != (neither may)
                   "fd.port = 51000", "fd.port = 80", "fd.port < 81", "fd.port > 50999", "fd.port != 1"},
                  {"fd.sport != 80", "fd.sport != http", "fd.sport in (1, 2)", "fd.sport < 80", "fd.sport > 80",
                   "fd.cport <= 50000", "evt.rawres < 0", "evt.rawres != 0", "fd.port != 80", "fd.port > 51000",
                   "fd.port < 80", "fd.port in (1, 2)"});
    conn.read(h);
    check_filters(h, {"evt.latency = 4", "evt.latency > 3", "evt.latency <= 4", "evt.latency > -1", "evt.buflen in (3, 4)"},
                  {"evt.latency < 4", "evt.latency != 4", "evt.latency > 4", "evt.buflen = 100"});

    FieldHarness failed(header());
    const BuiltEvent open_e(10, 200, kOpenE, {str("/nope"), u32(1), u32(0)});
    const BuiltEvent open_x(20, 200, kOpenX, {i64(-2), str("/nope"), u32(1), u32(0)});
    failed.feed(open_e);
    failed.feed(open_x);
    // A negative result against negative constants; a field without a value
    // (no port on a file) matches no comparison, not even !=.
    check_filters(failed, {"evt.rawres < 0", "evt.rawres >= -2", "evt.rawres > -3", "evt.rawres in (-1, -2)"},
                  {"evt.rawres > 0", "evt.rawres != -2", "evt.rawres < -2", "fd.sport != 80", "fd.sport < 100",
                   "fd.sport = 0", "fd.sport > 0"});
}

TEST_CASE("a filter of one check names its field; its verdict on given values is matches'") {
    auto one = CompiledFilter::compile("evt.latency > 3");
    REQUIRE(one);
    REQUIRE(one->single_check() != nullptr);
    CHECK(one->single_check()->def->name == "evt.latency");
    filter::FieldValues values;
    CHECK_FALSE(one->check_values(values));  // no value: no comparison holds
    values.push(filter::FieldValue::of_uint(4));
    CHECK(one->check_values(values));
    values.clear();
    values.push(filter::FieldValue::of_uint(3));
    CHECK_FALSE(one->check_values(values));
    for (const char* text : {"evt.latency > 3 and evt.buflen > 0", "not evt.latency > 3", "evt.latency > 3 or evt.failed = true"}) {
        auto f = CompiledFilter::compile(text);
        REQUIRE(f);
        CHECK_MESSAGE(f->single_check() == nullptr, text);
    }
}

TEST_CASE("evt.around[T]=D is the only form of evt.around: within D milliseconds of T") {
    auto within = CompiledFilter::compile("evt.around[1796686293113755310]=5");
    REQUIRE(within);
    REQUIRE(within->single_check() != nullptr);
    filter::FieldValues values;
    values.push(filter::FieldValue::of_uint(5000000));  // the distance, as the field gives it
    CHECK(within->check_values(values));
    values.clear();
    values.push(filter::FieldValue::of_uint(5000001));
    CHECK_FALSE(within->check_values(values));
    for (const char* text : {"evt.around[1]>3", "evt.around[1]!=3", "evt.around=3", "evt.around[1]=-3",
                             "evt.around[99999999999999999999]=3"}) {
        CHECK_MESSAGE(!CompiledFilter::compile(text), text);
    }
}
