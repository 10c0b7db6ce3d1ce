// ScapReader against the shared real captures and hand-made files covering
// every block type and version of scap-format.md, plus damaged input.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <set>

#include <zlib.h>

#include "capture/scap_reader.h"
#include "capture_test_util.h"

using namespace capture_test;
using tracetop::capture::ReadStatus;
using tracetop::capture::ScapReader;
using tracetop::event::FdRecordType;

namespace {

const std::string kCurl = "curl_google.scap";
const std::string kIpv6 = "single_ipv6_conn.scap";

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A minimal valid capture around the given blocks: SHB, blocks, then one close_e event.
Bytes with_one_event(const Bytes& header_blocks) {
    return concat({shb(), header_blocks, event_block(0x216, 0, event_bytes(4, 100, 1, {u64le(3)}))});
}

ReadAll read_bytes(const TempDir& dir, const Bytes& bytes, const std::string& name = "t.scap") {
    write_file(dir.file(name), bytes);
    return read_all(dir.file(name));
}

// What a shared capture's first header holds, in counts.
struct HeaderCounts {
    uint16_t major, minor;
    std::string hostname;
    uint32_t cpus;
    size_t threads;  // and as many fd lists, one per thread
    size_t interfaces, users, groups;
};

void check_header_counts(const ReadAll& r, const HeaderCounts& want) {
    REQUIRE_FALSE(r.open_error);
    const auto& h = r.headers.at(0);
    CHECK(h.major_version == want.major);
    CHECK(h.minor_version == want.minor);
    REQUIRE(h.machine);
    CHECK(h.machine->hostname == want.hostname);
    CHECK(h.machine->num_cpus == want.cpus);
    CHECK(h.threads.size() == want.threads);
    CHECK(h.fd_lists.size() == want.threads);
    CHECK(h.interfaces.size() == want.interfaces);
    CHECK(h.users.size() == want.users);
    CHECK(h.groups.size() == want.groups);
}

}  // namespace

TEST_CASE("curl_google: v1 header blocks and 1536 v1 events") {
    const auto r = read_all(shared_capture(kCurl));
    REQUIRE(r.headers.size() == 1);
    const auto& h = r.headers[0];
    check_header_counts(r, {1, 0, "ip-10-0-0-79", 1, 54, 5, 31, 55});

    const auto* bash = find_thread(h, 3200);
    REQUIRE(bash != nullptr);
    CHECK(bash->pid == 3200);
    CHECK(bash->ptid == 3199);
    CHECK(bash->comm == "bash");
    CHECK(bash->exe == "-bash");
    CHECK(bash->cwd == "/home/ubuntu");
    CHECK(bash->root == "/");  // PL v5 has root
    CHECK(bash->loginuid == 0xFFFFFFFF);  // no v9 tail: missing

    const auto* kmsg = find_fd(h, 1, 3);
    REQUIRE(kmsg != nullptr);
    CHECK(kmsg->type == FdRecordType::File);
    CHECK(kmsg->name == "/dev/kmsg");
    const auto* pipe = find_fd(h, 1, 65);
    REQUIRE(pipe != nullptr);
    CHECK(pipe->type == FdRecordType::Fifo);
    CHECK(pipe->name == "pipe:[8764]");
    const auto* sshd_listen = find_fd(h, 1397, 3);
    REQUIRE(sshd_listen != nullptr);
    CHECK(sshd_listen->type == FdRecordType::Ipv4ServSock);
    CHECK(sshd_listen->sport == 22);

    CHECK(r.last == ReadStatus::End);
    CHECK_FALSE(r.error);
    REQUIRE(r.events.size() == 1536);
    for (size_t i = 0; i < r.events.size(); ++i) CHECK(r.events[i].num == i + 1);
    CHECK(r.stats.events == 1536);
    CHECK(r.stats.skipped_unknown == 0);
    CHECK(r.stats.bytes_total == fs::file_size(shared_capture(kCurl)));
    CHECK(r.stats.bytes_read == r.stats.bytes_total);
}

TEST_CASE("single_ipv6_conn: v2 header blocks, PL v9 and 1728 v2 events") {
    const auto r = read_all(shared_capture(kIpv6));
    const auto& h = r.headers.at(0);
    check_header_counts(r, {1, 2, "ubuntu", 2, 154, 13, 42, 72});

    const auto* cron = find_thread(h, 885);
    REQUIRE(cron != nullptr);
    CHECK(cron->comm == "cron");
    CHECK(cron->exe == "/usr/sbin/cron");
    CHECK(cron->cwd == "/var/spool/cron");
    const auto* timesync = find_thread(h, 1446);  // a secondary thread of VBoxService
    REQUIRE(timesync != nullptr);
    CHECK(timesync->pid == 1444);

    const auto* devnull = find_fd(h, 1, 0);
    REQUIRE(devnull != nullptr);
    CHECK(devnull->type == FdRecordType::FileV2);
    CHECK(devnull->name == "/dev/null");
    CHECK_FALSE(devnull->dev.has_value());  // entries end after the name (§8)

    CHECK(r.last == ReadStatus::End);
    REQUIRE(r.events.size() == 1728);
    CHECK(r.events.back().num == 1728);
    CHECK(r.stats.skipped_unknown == 0);
}

TEST_CASE("gzip and raw files read the same") {
    TempDir dir;
    for (const auto& name : {kCurl, kIpv6}) {
        CAPTURE(name);
        const Bytes raw = gunzip_file(shared_capture(name));
        write_file(dir.file("raw.scap"), raw);
        const auto gz = read_all(shared_capture(name));
        const auto plain = read_all(dir.file("raw.scap"));
        REQUIRE_FALSE(plain.open_error);
        check_same_header(gz.headers.at(0), plain.headers.at(0));
        CHECK(gz.events == plain.events);
        CHECK(plain.stats.bytes_read == raw.size());
    }
}

TEST_CASE("open errors: missing, directory, empty, not a capture, unreadable") {
    TempDir dir;
    auto missing = ScapReader::open(dir.file("nope.scap"));
    REQUIRE_FALSE(missing);
    CHECK(contains(missing.error().message, "nope.scap"));
    CHECK(contains(missing.error().message, "No such file"));

    auto directory = ScapReader::open(dir.path().string());
    REQUIRE_FALSE(directory);
    CHECK(contains(directory.error().message, "directory"));

    write_file(dir.file("empty.scap"), {});
    auto empty = ScapReader::open(dir.file("empty.scap"));
    REQUIRE_FALSE(empty);
    CHECK(contains(empty.error().message, "empty"));

    for (const std::string text : {"abc", "hello, this is a text file and not a capture\n"}) {
        write_file(dir.file("text.scap"), Bytes(text.begin(), text.end()));
        auto not_capture = ScapReader::open(dir.file("text.scap"));
        REQUIRE_FALSE(not_capture);
        CHECK(contains(not_capture.error().message, "not a scap capture"));
    }
    write_gzip(dir.file("text.gz"), Bytes(100, 'x'));
    auto gz_text = ScapReader::open(dir.file("text.gz"));
    REQUIRE_FALSE(gz_text);
    CHECK(contains(gz_text.error().message, "not a scap capture"));

    if (geteuid() != 0) {  // root reads anything
        write_file(dir.file("locked.scap"), read_file(shared_capture(kCurl)));
        chmod(dir.file("locked.scap").c_str(), 0);
        auto locked = ScapReader::open(dir.file("locked.scap"));
        REQUIRE_FALSE(locked);
        CHECK(contains(locked.error().message, "Permission denied"));
    }
}

TEST_CASE("section header: bad magic, newer major, options skipped") {
    TempDir dir;
    auto bad_magic = read_bytes(dir, concat({shb(1, 2, 0x4D3C2B1A), event_block(0x216, 0, event_bytes(4, 1, 1, {u64le(3)}))}));
    REQUIRE(bad_magic.open_error);
    CHECK(contains(bad_magic.open_error->message, "not a scap capture"));

    auto major2 = read_bytes(dir, concat({shb(2, 0), event_block(0x216, 0, event_bytes(4, 1, 1, {u64le(3)}))}));
    REQUIRE(major2.open_error);
    CHECK(contains(major2.open_error->message, "version 2.0"));

    // pcapng options after the 16 fixed bytes: comment + user application + end.
    const Bytes raw = gunzip_file(shared_capture(kIpv6));
    Builder body = shb_fields(1, 2);
    body.u16(1).u16(7).raw(Bytes{'e', 'd', 'i', 't', 'c', 'a', 'p'}).u8(0);
    body.u16(4).u16(8).raw(Bytes{'w', 'i', 'r', 'e', 's', 'h', 'a', 'r'});
    body.u16(0).u16(0);
    Bytes with_options = block(tracetop::capture::detail::kShbType, body.b);
    with_options.insert(with_options.end(), raw.begin() + 28, raw.end());  // the original SHB is 28 bytes
    const auto opt = read_bytes(dir, with_options);
    REQUIRE_FALSE(opt.open_error);
    const auto orig = read_all(shared_capture(kIpv6));
    check_same_header(opt.headers.at(0), orig.headers.at(0));
    CHECK(opt.events == orig.events);
}

TEST_CASE("a file without events is refused") {
    TempDir dir;
    Builder mi;
    mi.u32(4).u64(1 << 30).u64(0).zeros(128 + 32);
    auto r = read_bytes(dir, concat({shb(), block(0x201, mi.b)}));
    REQUIRE(r.open_error);
    CHECK(contains(r.open_error->message, "no events in file"));
    auto only_shb = read_bytes(dir, shb());
    REQUIRE(only_shb.open_error);
    CHECK(contains(only_shb.open_error->message, "no events in file"));
}

TEST_CASE("machine info, legacy codes and unknown header blocks") {
    TempDir dir;
    Builder mi;
    mi.u32(8).u64(16ull << 30).u64(4194304);
    Bytes host(128, 0);
    std::string name = "testhost";
    std::copy(name.begin(), name.end(), host.begin());
    mi.raw(host).u64(1700000000000000000ull).u64(5).zeros(16);
    for (const uint32_t code : {0x201u, 0x8002ABCDu}) {
        auto r = read_bytes(dir, with_one_event(concat({block(0x7777, Bytes(10, 0xEE)), block(code, mi.b)})));
        REQUIRE_FALSE(r.open_error);
        const auto& m = r.headers.at(0).machine;
        REQUIRE(m);
        CHECK(m->num_cpus == 8);
        CHECK(m->memory_bytes == 16ull << 30);
        CHECK(m->max_pid == 4194304);
        CHECK(m->hostname == "testhost");
        CHECK(m->boot_ts_epoch == 1700000000000000000ull);
        CHECK(m->flags == 5);
        CHECK(r.events.size() == 1);
    }
    auto short_mi = read_bytes(dir, with_one_event(block(0x201, Bytes(40, 0))));
    REQUIRE(short_mi.open_error);
    CHECK(short_mi.open_error->offset == 28);
    CHECK(contains(short_mi.open_error->message, "offset 28"));
}

TEST_CASE("interface lists v1 and v2") {
    TempDir dir;
    auto v4_entry = [](Builder& b, uint16_t type, const std::string& name) {
        b.u16(type).u16(static_cast<uint16_t>(name.size())).raw({10, 0, 0, 1}).raw({255, 0, 0, 0}).raw({10, 255, 255, 255});
        if (type == 1) b.u64(1000);
        b.raw(Bytes(name.begin(), name.end()));
    };
    auto v6_entry = [](Builder& b, uint16_t type, const std::string& name) {
        Bytes addr(16, 0);
        addr[15] = 1;
        b.u16(type).u16(static_cast<uint16_t>(name.size())).raw(addr).raw(Bytes(16, 0xFF)).raw(Bytes(16, 0));
        if (type == 2) b.u64(10);
        b.raw(Bytes(name.begin(), name.end()));
    };
    Builder v1;
    v4_entry(v1, 1, "eth0");
    v6_entry(v1, 2, "lo");
    v4_entry(v1, 3, "tun0");
    v6_entry(v1, 4, "tun1");
    for (const uint32_t code : {0x205u, 0x8011ABCDu}) {
        auto r = read_bytes(dir, with_one_event(block(code, v1.b)));
        REQUIRE_FALSE(r.open_error);
        const auto& ifs = r.headers.at(0).interfaces;
        REQUIRE(ifs.size() == 4);
        CHECK(ifs[0].name == "eth0");
        CHECK(ifs[0].addr[0] == 10);
        CHECK(ifs[0].linkspeed == 1000);
        CHECK(ifs[1].is_ipv6());
        CHECK(ifs[1].addr[15] == 1);
        CHECK(ifs[1].linkspeed == 10);
        CHECK(ifs[2].type == 3);
        CHECK(ifs[2].name == "tun0");
        CHECK(ifs[3].name == "tun1");
    }
    // v2: a length that counts the bytes after itself, trailing extra bytes
    // skipped, unknown types skipped.
    Builder v2;
    Builder e1;
    v4_entry(e1, 1, "eth0");
    e1.raw({0xAA, 0xBB});
    v2.u32(static_cast<uint32_t>(e1.b.size())).raw(e1.b);
    v2.u32(6).u16(99).u16(0).u16(0);
    Builder e2;
    v6_entry(e2, 2, "lo");
    v2.u32(static_cast<uint32_t>(e2.b.size())).raw(e2.b);
    auto r = read_bytes(dir, with_one_event(block(0x219, v2.b)));
    REQUIRE_FALSE(r.open_error);
    const auto& ifs = r.headers.at(0).interfaces;
    REQUIRE(ifs.size() == 2);
    CHECK(ifs[0].name == "eth0");
    CHECK(ifs[1].name == "lo");

    Builder bad;
    bad.u16(42).u16(0).zeros(8);
    auto unknown_v1 = read_bytes(dir, with_one_event(block(0x205, bad.b)));
    REQUIRE(unknown_v1.open_error);
    CHECK(contains(unknown_v1.open_error->message, "unknown type 42"));
}

TEST_CASE("user lists v1 and v2") {
    TempDir dir;
    auto user = [](Builder& b) { b.u8(0).u32(1000).u32(100).str16("alice").str16("/home/alice").str16("/bin/sh"); };
    auto group = [](Builder& b) { b.u8(1).u32(100).str16("users"); };
    Builder v1;
    user(v1);
    group(v1);
    for (const uint32_t code : {0x206u, 0x8012ABCDu}) {
        auto r = read_bytes(dir, with_one_event(block(code, v1.b)));
        REQUIRE_FALSE(r.open_error);
        const auto& h = r.headers.at(0);
        REQUIRE(h.users.size() == 1);
        CHECK(h.users[0].uid == 1000);
        CHECK(h.users[0].gid == 100);
        CHECK(h.users[0].name == "alice");
        CHECK(h.users[0].home == "/home/alice");
        CHECK(h.users[0].shell == "/bin/sh");
        REQUIRE(h.groups.size() == 1);
        CHECK(h.groups[0].name == "users");
    }
    Builder v2;
    Builder u;
    user(u);
    u.raw({1, 2, 3});  // a field from a newer writer
    v2.u32(static_cast<uint32_t>(u.b.size() + 4)).raw(u.b);
    Builder g;
    group(g);
    v2.u32(static_cast<uint32_t>(g.b.size() + 4)).raw(g.b);
    auto r = read_bytes(dir, with_one_event(block(0x220, v2.b)));
    REQUIRE_FALSE(r.open_error);
    CHECK(r.headers.at(0).users.at(0).shell == "/bin/sh");
    CHECK(r.headers.at(0).groups.at(0).gid == 100);

    Builder overlong;
    overlong.u32(400).raw(u.b);
    auto bad = read_bytes(dir, with_one_event(block(0x220, overlong.b)));
    REQUIRE(bad.open_error);
    CHECK(bad.open_error->offset == 28);
}

namespace {

// One process-list entry laid out as version `v` (§7 field table).
Bytes pl_entry(int v, const Bytes& tail = {}) {
    Builder b;
    b.u64(42).u64(40).u64(1);
    if (v >= 6) b.u64(7);
    if (v >= 8) b.u64(8);
    b.str16("comm").str16("exe");
    if (v >= 7) b.str16("/usr/bin/exe");
    b.str16(std::string("a\0b\0", 4)).str16("/cwd").u64(1024).u32(0x2001).u32(1000).u32(1001);
    if (v >= 2) b.u32(11).u32(12).u32(13).u64(14).u64(15);
    if (v >= 3) b.str16(std::string("HOME=/\0", 7));
    if (v >= 4) b.u64(2).u64(3).str16(std::string("cpu=/\0", 6));
    if (v >= 5) b.str16("/root");
    b.raw(tail);
    if (v < 9) return b.b;
    Builder with_len;
    with_len.u32(static_cast<uint32_t>(b.b.size() + 4)).raw(b.b);
    return with_len.b;
}

}  // namespace

TEST_CASE("process lists v1 to v9, with both v9 tail layouts") {
    TempDir dir;
    const std::vector<std::pair<uint32_t, int>> codes = {
        {0x202, 1}, {0x8000ABCD, 1}, {0x207, 2}, {0x8013ABCD, 2}, {0x209, 3}, {0x8014ABCD, 3}, {0x210, 4},
        {0x211, 5}, {0x212, 6}, {0x213, 7}, {0x214, 8}, {0x215, 9}};
    for (const auto& [code, v] : codes) {
        const int version = v;  // clang 14 lambdas (CAPTURE) cannot capture structured bindings
        CAPTURE(version);
        auto r = read_bytes(dir, with_one_event(block(code, concat({pl_entry(v), pl_entry(v)}))));
        REQUIRE_FALSE(r.open_error);
        const auto& ts = r.headers.at(0).threads;
        REQUIRE(ts.size() == 2);
        const auto& t = ts[1];
        CHECK(t.tid == 42);
        CHECK(t.pid == 40);
        CHECK(t.ptid == 1);
        CHECK(t.sid == (v >= 6 ? 7 : -1));
        CHECK(t.vpgid == (v >= 8 ? 8 : -1));
        CHECK(t.comm == "comm");
        CHECK(t.exe == "exe");
        CHECK(t.exepath == (v >= 7 ? "/usr/bin/exe" : ""));
        CHECK(t.args == std::string("a\0b\0", 4));
        CHECK(t.cwd == "/cwd");
        CHECK(t.fdlimit == 1024);
        CHECK(t.flags == 0x2001);
        CHECK(t.uid == 1000);
        CHECK(t.gid == 1001);
        CHECK(t.vmsize_kb == (v >= 2 ? 11u : 0u));
        CHECK(t.pfminor == (v >= 2 ? 15u : 0u));
        CHECK(t.env == (v >= 3 ? std::string("HOME=/\0", 7) : ""));
        CHECK(t.vtid == (v >= 4 ? 2 : 0));
        CHECK(t.vpid == (v >= 4 ? 3 : 0));
        CHECK(t.cgroups == (v >= 4 ? std::string("cpu=/\0", 6) : ""));
        CHECK(t.root == (v >= 5 ? "/root" : ""));
        CHECK(t.loginuid == 0xFFFFFFFF);
    }

    SUBCASE("old v9 tail: loginuid, exe_writable (+ capabilities)") {
        for (const size_t caps : {0, 24}) {
            Builder tail;
            tail.u32(1000).u8(1).zeros(caps);
            auto r = read_bytes(dir, with_one_event(block(0x215, pl_entry(9, tail.b))));
            REQUIRE_FALSE(r.open_error);
            CHECK(r.headers.at(0).threads.at(0).loginuid == 1000);
            CHECK(r.headers.at(0).threads.at(0).exe_writable == 1);
        }
    }
    SUBCASE("current v9 tail: 76 bytes starting with pidns_init_start_ts, tty") {
        Builder tail;
        tail.u64(123456789).u32(34816).u32(1001).u8(1).u64(0).u64(0).u64(0).u8(0).u64(0).u64(0).u64(0).u8(0).u8(0).u64(9);
        REQUIRE(tail.b.size() == 76);
        auto r = read_bytes(dir, with_one_event(block(0x215, pl_entry(9, tail.b))));
        REQUIRE_FALSE(r.open_error);
        CHECK(r.headers.at(0).threads.at(0).loginuid == 1001);
        CHECK(r.headers.at(0).threads.at(0).exe_writable == 1);
    }
    SUBCASE("an entry that runs past the block is corruption") {
        Bytes entry = pl_entry(5);
        entry.erase(entry.end() - 3, entry.end());
        auto r = read_bytes(dir, with_one_event(block(0x211, entry)));
        REQUIRE(r.open_error);
        CHECK(contains(r.open_error->message, "offset 28"));
    }
}

TEST_CASE("fd lists v1 and v2, every payload layout") {
    TempDir dir;
    auto entries = [](bool v2) {
        std::vector<Bytes> out;
        auto add = [&](int64_t fd, uint8_t type, const Bytes& payload) {
            Builder e;
            e.u64(static_cast<uint64_t>(fd)).u64(77).u8(type).raw(payload);
            if (!v2) {
                out.push_back(e.b);
                return;
            }
            Builder l;
            l.u32(static_cast<uint32_t>(e.b.size() + 4)).raw(e.b);
            out.push_back(l.b);
        };
        add(0, 1, Builder().str16("/dev/null").b);
        add(1, 2, Builder().str16("/etc").b);
        add(2, 3, Builder().raw({10, 0, 0, 1}).raw({8, 8, 8, 8}).u16(40000).u16(53).u8(3).b);
        add(3, 4, Builder().raw(Bytes(16, 1)).raw(Bytes(16, 2)).u16(1).u16(2).u8(2).b);
        add(4, 5, Builder().raw({0, 0, 0, 0}).u16(22).u8(2).b);
        add(5, 6, Builder().raw(Bytes(16, 0)).u16(80).u8(2).b);
        add(6, 7, Builder().str16("pipe:[1]").b);
        add(7, 8, Builder().u64(0).u64(0xffff88003c420800).str16("/run/x.sock\n").b);
        add(8, 12, Builder().str16("").b);
        add(9, 21, Builder().str16("pidfd").b);
        if (v2) {
            add(10, 16, Builder().u32(4097).str16("/lib/x.so").b);
            add(11, 16, Builder().u32(1).str16("/dev/tty").u32(0x8800).b);
            add(12, 200, Builder().raw({1, 2, 3}).b);  // unknown type: skipped by length
        }
        return out;
    };
    for (const auto& [code, v2] : std::vector<std::pair<uint32_t, bool>>{{0x203, false}, {0x8001ABCD, false}, {0x218, true}}) {
        const uint32_t block_code = code;  // clang 14 lambdas (CAPTURE) cannot capture structured bindings
        CAPTURE(block_code);
        Builder body;
        body.u64(4242);
        for (const auto& e : entries(v2)) body.raw(e);
        auto r = read_bytes(dir, with_one_event(concat({block(code, body.b), block(code, Builder().u64(4243).b)})));
        REQUIRE_FALSE(r.open_error);
        const auto& h = r.headers.at(0);
        REQUIRE(h.fd_lists.size() == 2);
        CHECK(h.fd_lists[1].tid == 4243);
        CHECK(h.fd_lists[1].fds.empty());
        const auto& fds = h.fd_lists[0].fds;
        REQUIRE(fds.size() == (v2 ? 13u : 10u));
        CHECK(fds[0].name == "/dev/null");
        CHECK(fds[0].ino == 77);
        CHECK(fds[1].type == FdRecordType::Directory);
        CHECK(fds[2].type == FdRecordType::Ipv4Sock);
        CHECK(fds[2].dip[0] == 8);
        CHECK(fds[2].sport == 40000);
        CHECK(fds[2].dport == 53);
        CHECK(fds[2].l4proto == 3);
        CHECK(fds[3].sip[15] == 1);
        CHECK(fds[3].dip[0] == 2);
        CHECK(fds[4].type == FdRecordType::Ipv4ServSock);
        CHECK(fds[4].sport == 22);
        CHECK(fds[5].sport == 80);
        CHECK(fds[6].name == "pipe:[1]");
        CHECK(fds[7].unix_dest == 0xffff88003c420800);
        CHECK(fds[7].name == "/run/x.sock\n");
        CHECK(fds[8].type == FdRecordType::EventPoll);
        CHECK(fds[9].name == "pidfd");
        if (v2) {
            CHECK(fds[10].type == FdRecordType::FileV2);
            CHECK(fds[10].open_flags == 4097);
            CHECK_FALSE(fds[10].dev.has_value());
            CHECK(fds[11].dev == 0x8800u);
            CHECK(fds[12].type == FdRecordType::Unsupported);
        }
    }
    Builder unknown_v1;
    unknown_v1.u64(1).u64(3).u64(0).u8(200).zeros(8);
    auto r = read_bytes(dir, with_one_event(block(0x203, unknown_v1.b)));
    REQUIRE(r.open_error);
    CHECK(contains(r.open_error->message, "unknown fd type 200"));
}

TEST_CASE("event blocks: EV/EVF v1 and v2, LARGE, legacy code, cpu and flags") {
    TempDir dir;
    const Bytes close_v1 = event_bytes(4, 10, 7, {u64le(3)}, false);
    const Bytes close_v2 = event_bytes(4, 11, 7, {u64le(3)});
    const Bytes json = cstr("{\"container\":{}}");
    const Bytes container = event_bytes(324, 12, 0, {json}, true, true);
    const Bytes bytes = concat({shb(), event_block(0x204, 1, close_v1), event_block(0x8010ABCD, 2, close_v1),
                                event_block(0x208, 3, close_v1, 1u), event_block(0x216, 4, close_v2),
                                event_block(0x217, 5, close_v2, 1u), event_block(0x221, 6, container),
                                event_block(0x222, 7, container, 1u)});
    auto r = read_bytes(dir, bytes);
    REQUIRE_FALSE(r.open_error);
    REQUIRE(r.events.size() == 7);
    for (size_t i = 0; i < 7; ++i) {
        CAPTURE(i);
        CHECK(r.events[i].num == i + 1);
        CHECK(r.events[i].cpu == i + 1);
    }
    CHECK(r.events[0].flags == 0);
    CHECK(r.events[2].flags == 1);
    CHECK(r.events[4].flags == 1);
    CHECK(r.events[0].nparams == 1);  // inferred for v1
    CHECK(r.events[0].body == r.events[3].body);
    CHECK(r.events[5].type == 324);
    CHECK(r.events[5].nparams == 1);
    CHECK(r.events[6].flags == 1);
    // The LARGE event's body is its u32 length then the JSON.
    CHECK(r.events[5].body == concat({Builder().u32(static_cast<uint32_t>(json.size())).b, json}));
    CHECK(r.last == ReadStatus::End);
}

TEST_CASE("files larger than the read chunk: blocks across chunks, a block larger than a chunk, unknown blocks") {
    TempDir dir;
    // Events of many sizes so that block boundaries fall everywhere relative
    // to the reader's 1 MiB chunks; a 3 MiB LARGE event and a 2 MiB unknown
    // block in the middle (larger than a chunk).
    std::vector<Bytes> parts{shb()};
    std::vector<size_t> sizes;
    for (uint32_t i = 0; i < 40000; ++i) {
        const size_t n = 1 + (i * 7919u) % 251u;
        sizes.push_back(n);
        parts.push_back(event_block(0x216, 0, event_bytes(4, i, 1, {Bytes(n, static_cast<uint8_t>(i))})));
        if (i == 20000) {
            parts.push_back(event_block(0x221, 0, event_bytes(324, i, 0, {Bytes(3u << 20, 'x')}, true, true)));
            parts.push_back(block(0x7777, Bytes(2u << 20, 0x55)));
        }
    }
    Bytes bytes;
    for (const Bytes& part : parts) bytes.insert(bytes.end(), part.begin(), part.end());
    REQUIRE(bytes.size() > (8u << 20));
    const auto r = read_bytes(dir, bytes);
    REQUIRE_FALSE(r.open_error);
    CHECK(r.last == ReadStatus::End);
    REQUIRE(r.events.size() == 40001);
    for (size_t i = 0, e = 0; i < 40000; ++i, ++e) {
        if (i == 20001) {
            CHECK(r.events[e].type == 324);
            CHECK(r.events[e].body.size() == 4 + (3u << 20));
            ++e;
        }
        if (r.events[e].body.size() != 2 + sizes[i]) {
            CHECK(r.events[e].body.size() == 2 + sizes[i]);  // reported once, not 40000 times
            break;
        }
    }
    CHECK(r.stats.bytes_read == bytes.size());

    // The same file through gzip reads the same events.
    const std::string gz_path = dir.file("t.scap.gz");
    {
        gzFile out = gzopen(gz_path.c_str(), "wb1");
        REQUIRE(out != nullptr);
        REQUIRE(gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
        gzclose(out);
    }
    const auto z = read_all(gz_path);
    REQUIRE_FALSE(z.open_error);
    CHECK(z.last == ReadStatus::End);
    CHECK(z.events == r.events);

    // Cut inside a block that spans the first chunk boundary: everything
    // before it, then "truncated" at that block's offset.
    const auto offs = block_offsets(bytes);
    const size_t spanning = *std::prev(std::upper_bound(offs.begin(), offs.end(), size_t{1} << 20));
    const size_t cut = (size_t{1} << 20) + 1;
    REQUIRE(spanning < (size_t{1} << 20));
    const auto t = read_bytes(dir, Bytes(bytes.begin(), bytes.begin() + static_cast<long>(cut)));
    REQUIRE(t.last == ReadStatus::Failed);
    CHECK(t.error->offset == spanning);
    CHECK(contains(t.error->message, "truncated"));
    CHECK(t.events.size() == static_cast<size_t>(std::lower_bound(offs.begin(), offs.end(), spanning) - offs.begin()) - 1);
}

TEST_CASE("events of unknown types are skipped, counted, and still numbered") {
    TempDir dir;
    const Bytes bytes = concat({shb(), event_block(0x216, 0, event_bytes(4, 1, 1, {u64le(3)})),
                                event_block(0x216, 0, event_bytes(1000, 2, 1, {u64le(1), u64le(2)})),
                                event_block(0x204, 0, event_bytes(60000, 3, 1, {u64le(1)}, false)),
                                event_block(0x7654, 0, Bytes(20, 1)),  // unknown block after events: skipped
                                event_block(0x216, 0, event_bytes(4, 4, 1, {u64le(3)}))});
    auto r = read_bytes(dir, bytes);
    REQUIRE_FALSE(r.open_error);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].num == 1);
    CHECK(r.events[1].num == 4);
    CHECK(r.stats.skipped_unknown == 2);
    CHECK(r.last == ReadStatus::End);
}

TEST_CASE("unknown blocks are stepped over by length, trailer checked") {
    TempDir dir;
    for (const size_t size : {size_t{1}, size_t{16383}, size_t{16384}, size_t{16385}, size_t{1} << 20}) {
        CAPTURE(size);
        auto r = read_bytes(dir, with_one_event(block(0x12345, Bytes(size, 0x5A))));
        REQUIRE_FALSE(r.open_error);
        CHECK(r.events.size() == 1);
        Bytes bad = block(0x12345, Bytes(size, 0x5A));
        bad[bad.size() - 2] ^= 1;
        auto broken = read_bytes(dir, with_one_event(bad));
        REQUIRE(broken.open_error);
        CHECK(contains(broken.open_error->message, "trailer"));
        CHECK(broken.open_error->offset == 28);
    }
}

TEST_CASE("an event may be followed by extra bytes inside its block") {
    TempDir dir;
    Bytes ev = event_bytes(4, 1, 1, {u64le(3)});
    const Bytes with_extra = concat({ev, Bytes(46, 0xAB)});  // editcap stores options there
    auto r = read_bytes(dir, concat({shb(), event_block(0x216, 0, with_extra)}));
    REQUIRE_FALSE(r.open_error);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].body.size() == 2 + 8);
}

TEST_CASE("concatenated sections start a new section with their own header") {
    TempDir dir;
    const Bytes a = gunzip_file(shared_capture(kCurl));
    const Bytes b = gunzip_file(shared_capture(kIpv6));
    auto check = [](const ReadAll& r) {
        REQUIRE_FALSE(r.open_error);
        REQUIRE(r.headers.size() == 2);
        CHECK(r.headers[0].machine->hostname == "ip-10-0-0-79");
        CHECK(r.headers[1].machine->hostname == "ubuntu");
        CHECK(r.headers[1].threads.size() == 154);
        CHECK(r.headers[1].minor_version == 2);
        REQUIRE(r.events.size() == 1536 + 1728);
        CHECK(r.events.back().num == 1536 + 1728);
        CHECK(r.last == ReadStatus::End);
    };
    check(read_bytes(dir, concat({a, b})));
    // Two gzip members back to back are one stream to zlib.
    write_file(dir.file("cat.scap.gz"), concat({read_file(shared_capture(kCurl)), read_file(shared_capture(kIpv6))}));
    check(read_all(dir.file("cat.scap.gz")));

    // A section of header blocks only (no events) at the end is a clean end.
    auto trailing = read_bytes(dir, concat({a, shb()}));
    REQUIRE(trailing.headers.size() == 2);
    CHECK(trailing.events.size() == 1536);
    CHECK(trailing.last == ReadStatus::End);
    // A new section without SHB (header blocks straight after events).
    Builder mi;
    mi.u32(2).u64(0).u64(0).raw(cstr("other")).zeros(128 - 6 + 32);
    auto no_shb = read_bytes(dir, concat({a, block(0x201, mi.b), event_block(0x216, 0, event_bytes(4, 1, 1, {u64le(3)}))}));
    REQUIRE(no_shb.headers.size() == 2);
    CHECK(no_shb.headers[1].machine->hostname == "other");
    CHECK(no_shb.headers[1].threads.empty());
    CHECK(no_shb.events.size() == 1537);
}

TEST_CASE("bad block lengths are corruption, found without allocating them") {
    TempDir dir;
    const Bytes good = concat({shb(), event_block(0x216, 0, event_bytes(4, 1, 1, {u64le(3)}))});
    const size_t second = good.size();
    auto bad_len = [&](uint32_t type, uint32_t len) {
        Builder b;
        b.u32(type).u32(len).zeros(64);
        return read_bytes(dir, concat({good, b.b}));
    };
    for (const auto& [type, len] : std::vector<std::pair<uint32_t, uint32_t>>{
             {0x216, 0xFFFFFFF0}, {0x216, 65536 + 64}, {0x221, 0x7FFFFFF0}, {0x215, 0xFFFFFFFC}, {0x216, 4}, {0x216, 0}}) {
        const uint32_t length = len;  // clang 14 lambdas (CAPTURE) cannot capture structured bindings
        CAPTURE(length);
        auto r = bad_len(type, len);
        REQUIRE_FALSE(r.open_error);
        CHECK(r.events.size() == 1);
        REQUIRE(r.last == ReadStatus::Failed);
        REQUIRE(r.error);
        CHECK(r.error->offset == second);
        CHECK(contains(r.error->message, "t.scap"));
        CHECK(contains(r.error->message, "offset " + std::to_string(second)));
    }
    // A trailer that disagrees with the length.
    Bytes wrong_trailer = event_block(0x216, 0, event_bytes(4, 2, 1, {u64le(3)}));
    wrong_trailer.back() ^= 0x10;
    auto r = read_bytes(dir, concat({good, wrong_trailer}));
    CHECK(r.last == ReadStatus::Failed);
    CHECK(contains(r.error->message, "trailer"));
    // An event whose own length exceeds its block.
    Bytes ev = event_bytes(4, 2, 1, {u64le(3)});
    ev[16] = 200;
    auto r2 = read_bytes(dir, concat({good, event_block(0x216, 0, ev)}));
    CHECK(r2.last == ReadStatus::Failed);
    CHECK(r2.error->offset == second);
}

TEST_CASE("truncation at every block boundary and many offsets inside blocks") {
    TempDir dir;
    for (const auto& name : {kCurl, kIpv6}) {
        CAPTURE(name);
        const Bytes raw = gunzip_file(shared_capture(name));
        const auto full = read_all(shared_capture(name));
        const auto offs = block_offsets(raw);
        REQUIRE(offs.back() == raw.size());
        // Offset of the first event block, and where each event block ends.
        const size_t n_header_blocks = offs.size() - 1 - full.events.size();
        const size_t first_event_end = offs[n_header_blocks + 1];

        // Every header block boundary, a sample of event block boundaries, and
        // a stride through the whole file (each cut writes a file: keep it quick).
        std::set<size_t> cuts;
        for (size_t i = 0; i < offs.size(); ++i) {
            if (i > n_header_blocks + 2 && i % 41 != 0 && i + 1 != offs.size()) continue;
            const size_t o = offs[i];
            for (const long d : {-5, -1, 0, 1, 4, 9}) {
                const long c = static_cast<long>(o) + d;
                if (c > 0 && c < static_cast<long>(raw.size())) cuts.insert(static_cast<size_t>(c));
            }
        }
        for (size_t c = 1; c < raw.size(); c += 1499) cuts.insert(c);
        for (const size_t cut : cuts) {
            CAPTURE(cut);
            const Bytes part(raw.begin(), raw.begin() + static_cast<long>(cut));
            const auto r = read_bytes(dir, part);
            const size_t complete_blocks =
                static_cast<size_t>(std::upper_bound(offs.begin(), offs.end(), cut) - offs.begin()) - 1;
            const bool at_boundary = std::binary_search(offs.begin(), offs.end(), cut);
            // open() reads up to and including the first event block.
            if (cut < first_event_end) {
                REQUIRE(r.open_error);
                if (at_boundary && cut >= 28) {
                    CHECK(contains(r.open_error->message, "no events in file"));
                } else if (cut >= 4) {
                    CHECK(r.open_error->offset == offs[complete_blocks]);
                    CHECK(contains(r.open_error->message, "offset " + std::to_string(offs[complete_blocks])));
                }
                continue;
            }
            REQUIRE_FALSE(r.open_error);
            const size_t expect_events = complete_blocks - n_header_blocks;
            REQUIRE(r.events.size() == expect_events);
            CHECK(std::equal(r.events.begin(), r.events.end(), full.events.begin()));
            if (at_boundary) {
                CHECK(r.last == ReadStatus::End);
            } else {
                REQUIRE(r.last == ReadStatus::Failed);
                CHECK(r.error->offset == offs[complete_blocks]);
                CHECK(contains(r.error->message, "truncated"));
            }
        }
    }
}

TEST_CASE("truncated gzip streams fail with an offset after delivering what they hold") {
    TempDir dir;
    const Bytes gz = read_file(shared_capture(kCurl));
    const auto full = read_all(shared_capture(kCurl));
    for (size_t cut = 64; cut < gz.size(); cut += 211) {
        CAPTURE(cut);
        const auto r = read_bytes(dir, Bytes(gz.begin(), gz.begin() + static_cast<long>(cut)));
        if (r.open_error) continue;  // cut inside the header blocks
        CHECK(r.last == ReadStatus::Failed);
        REQUIRE(r.error);
        CHECK(r.error->offset.has_value());
        CHECK(std::equal(r.events.begin(), r.events.end(), full.events.begin()));
    }
}

TEST_CASE("bit flips never crash; failures name an offset") {
    TempDir dir;
    std::mt19937 rng(1234);
    for (const auto& name : {kCurl, kIpv6}) {
        const Bytes raw = gunzip_file(shared_capture(name));
        const Bytes gz = read_file(shared_capture(name));
        for (int i = 0; i < 150; ++i) {
            Bytes flipped = (i % 3 == 0) ? gz : raw;
            const size_t at = rng() % flipped.size();
            flipped[at] ^= static_cast<uint8_t>(1u << (rng() % 8));
            CAPTURE(at);
            const auto r = read_bytes(dir, flipped);
            if (r.open_error) {
                CHECK_FALSE(r.open_error->message.empty());
                continue;
            }
            if (r.last == ReadStatus::Failed) {
                REQUIRE(r.error);
                CHECK(r.error->offset.has_value());
            }
        }
    }
}

TEST_CASE("progress reports compressed bytes of the file size") {
    std::vector<std::pair<uint64_t, uint64_t>> calls;
    const auto r = read_all(shared_capture(kIpv6), [&](uint64_t done, uint64_t total) { calls.emplace_back(done, total); });
    REQUIRE_FALSE(r.open_error);
    REQUIRE_FALSE(calls.empty());
    const uint64_t size = fs::file_size(shared_capture(kIpv6));
    CHECK(calls.back().first == size);
    for (const auto& [done, total] : calls) {
        CHECK(total == size);
        CHECK(done <= total);
    }
}
