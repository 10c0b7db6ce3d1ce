// ScapWriter: the §14 layout, roundtrips of the shared captures, event block
// types, header edge cases, and write errors reported by close().
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "capture_test_util.h"

using namespace capture_test;
using tracetop::capture::ReadStatus;
using tracetop::capture::ScapReader;
using tracetop::capture::ScapWriter;
using tracetop::capture::WriterOptions;
namespace ev = tracetop::event;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Copies `src` to `dst` through ScapReader and ScapWriter.
uint64_t rewrite(const std::string& src, const std::string& dst, WriterOptions options) {
    auto reader = ScapReader::open(src);
    REQUIRE(reader);
    auto writer = ScapWriter::create(dst, reader.value()->header(), options);
    REQUIRE(writer);
    ev::EventView e;
    while (reader.value()->next(e) == ReadStatus::Event) writer.value()->write(e);
    auto closed = writer.value()->close();
    REQUIRE(closed);
    return closed.value();
}

struct BlockSummary {
    uint32_t type;
    uint32_t length;
    size_t offset;
};

std::vector<BlockSummary> blocks_of(const Bytes& raw) {
    std::vector<BlockSummary> out;
    const auto offs = block_offsets(raw);
    for (size_t i = 0; i + 1 < offs.size(); ++i) {
        uint32_t type = 0;
        uint32_t len = 0;
        std::memcpy(&type, raw.data() + offs[i], 4);
        std::memcpy(&len, raw.data() + offs[i] + 4, 4);
        out.push_back({type, len, offs[i]});
    }
    return out;
}

// An EventView over a v2 event kept alive in `storage`.
ev::EventView view_of(Bytes& storage, uint16_t cpu = 0, uint32_t flags = 0) {
    auto parsed = ev::EventView::parse_v2(storage.data(), storage.size());
    REQUIRE(parsed);
    ev::EventView v = parsed.value();
    v.cpu = cpu;
    v.block_flags = flags;
    return v;
}

// Writes `header` and one small event (tid `tid`) to `out`, then reads the
// file back; the file must open.
ReadAll write_one_event(const std::string& out, const ev::CaptureHeader& header, uint64_t tid = 1) {
    Bytes e = event_bytes(4, 1, tid, {u64le(3)});
    {
        auto w = ScapWriter::create(out, header);
        REQUIRE(w);
        w.value()->write(view_of(e));
        REQUIRE(w.value()->close());
    }
    ReadAll r = read_all(out);
    REQUIRE_FALSE(r.open_error);
    return r;
}

ev::CaptureHeader small_header() {
    ev::CaptureHeader h;
    ev::ThreadRecord main_thread;
    main_thread.tid = 100;
    main_thread.pid = 100;
    main_thread.comm = "app";
    main_thread.exe = "/usr/bin/app";
    main_thread.cwd = "/";
    ev::ThreadRecord worker = main_thread;
    worker.tid = 101;
    h.threads = {main_thread, worker};
    ev::FdRecord f;
    f.fd = 3;
    f.type = ev::FdRecordType::File;
    f.name = "/etc/passwd";
    h.fd_lists = {{100, {f}}, {101, {f}}};  // the worker's copy must not be written
    return h;
}

}  // namespace

TEST_CASE("roundtrip of the shared captures keeps header records and event bytes") {
    TempDir dir;
    for (const std::string name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        for (const bool gzip : {false, true}) {
            CAPTURE(name);
            CAPTURE(gzip);
            const std::string out = dir.file("out.scap");
            const auto original = read_all(shared_capture(name));
            CHECK(rewrite(shared_capture(name), out, {.gzip = gzip}) == original.events.size());
            const auto again = read_all(out);
            REQUIRE_FALSE(again.open_error);
            check_same_header(original.headers.at(0), again.headers.at(0));
            CHECK(again.headers.at(0).minor_version == 2);
            REQUIRE(again.events.size() == original.events.size());
            CHECK(again.events == original.events);
            CHECK(again.last == ReadStatus::End);
            const Bytes head = read_file(out);
            const bool is_gzip = head.size() > 2 && head[0] == 0x1f && head[1] == 0x8b;
            CHECK(is_gzip == gzip);
        }
    }
}

TEST_CASE("written layout: SHB 1.2, MI, IL v2, UL v2, PL v9, FDL v2 per thread, EV v2") {
    TempDir dir;
    const std::string out = dir.file("out.scap");
    rewrite(shared_capture("curl_google.scap"), out, {});
    const Bytes raw = read_file(out);
    const auto blocks = blocks_of(raw);
    REQUIRE(blocks.size() == 5 + 54 + 1536);
    CHECK(blocks[0].type == 0x0A0D0D0A);
    CHECK(blocks[0].length == 28);  // no options
    uint16_t minor = 0;
    std::memcpy(&minor, raw.data() + 14, 2);
    CHECK(minor == 2);
    CHECK(blocks[1].type == 0x201);
    CHECK(blocks[1].length == 192);
    CHECK(blocks[2].type == 0x219);
    CHECK(blocks[3].type == 0x220);
    CHECK(blocks[4].type == 0x215);
    for (size_t i = 5; i < 5 + 54; ++i) CHECK(blocks[i].type == 0x218);
    for (size_t i = 5 + 54; i < blocks.size(); ++i) CHECK(blocks[i].type == 0x216);
    for (const auto& b : blocks) CHECK(b.length % 4 == 0);

    struct stat st {};
    REQUIRE(stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("PL v9 entries carry the short tail and secondary threads get tid-only fd lists") {
    TempDir dir;
    auto h = small_header();
    h.threads[0].loginuid = 1000;
    h.threads[0].exe_writable = 1;
    h.threads[0].exepath = "/usr/bin/app";
    h.threads[0].sid = 5;
    h.threads[0].vpgid = 6;
    const std::string out = dir.file("small.scap");
    const auto r = write_one_event(out, h, 100);
    const auto& got = r.headers.at(0);
    REQUIRE(got.threads.size() == 2);
    CHECK(got.threads[0].loginuid == 1000);
    CHECK(got.threads[0].exe_writable == 1);
    CHECK(got.threads[0].exepath == "/usr/bin/app");
    CHECK(got.threads[0].sid == 5);
    CHECK(got.threads[0].vpgid == 6);
    CHECK(got.threads[1].loginuid == 0xFFFFFFFF);
    REQUIRE(got.fd_lists.size() == 2);
    CHECK(got.fd_lists[0].fds.size() == 1);
    CHECK(got.fd_lists[1].tid == 101);
    CHECK(got.fd_lists[1].fds.empty());

    // The PL entry is fixed part + 5 tail bytes: check the on-disk length.
    const Bytes raw = read_file(out);
    const auto blocks = blocks_of(raw);
    REQUIRE(blocks[4].type == 0x215);
    uint32_t entry_len = 0;
    std::memcpy(&entry_len, raw.data() + blocks[4].offset + 8, 4);
    const size_t strings = 3 + 12 + 12 + 0 + 1 + 0 + 0 + 0;  // comm, exe, exepath, args, cwd, env, cgroups, root
    // length, 5 ids, 8 string counts + bytes, fdlimit, flags/uid/gid, vm sizes, page faults, vtid/vpid, tail
    CHECK(entry_len == 4 + 5 * 8 + 8 * 2 + strings + 8 + 4 * 3 + 4 * 3 + 8 * 2 + 8 * 2 + 5);
}

TEST_CASE("event block types: flags make EVF, large-payload types make LARGE, cpu kept") {
    TempDir dir;
    const std::string out = dir.file("types.scap");
    Bytes plain = event_bytes(4, 1, 7, {u64le(3)});
    const Bytes json = cstr("{\"container\":{\"id\":\"abc\"}}");
    Bytes large = event_bytes(324, 2, 0, {json}, true, true);
    {
        auto w = ScapWriter::create(out, {});
        REQUIRE(w);
        w.value()->write(view_of(plain, 3));
        w.value()->write(view_of(plain, 4, ev::kEventFlagStateOnly));
        w.value()->write(view_of(large, 5));
        w.value()->write(view_of(large, 6, ev::kEventFlagStateOnly));
        CHECK(w.value()->events_written() == 4);
        auto closed = w.value()->close();
        REQUIRE(closed);
        CHECK(closed.value() == 4);
    }
    const Bytes raw = read_file(out);
    const auto blocks = blocks_of(raw);
    REQUIRE(blocks.size() == 5 + 4);
    CHECK(blocks[5].type == 0x216);
    CHECK(blocks[6].type == 0x217);
    CHECK(blocks[7].type == 0x221);
    CHECK(blocks[8].type == 0x222);
    const auto r = read_all(out);
    REQUIRE_FALSE(r.open_error);
    REQUIRE(r.events.size() == 4);
    CHECK(r.events[0].cpu == 3);
    CHECK(r.events[0].flags == 0);
    CHECK(r.events[1].flags == ev::kEventFlagStateOnly);
    CHECK(r.events[2].cpu == 5);
    CHECK(r.events[2].type == 324);
    CHECK(r.events[3].flags == ev::kEventFlagStateOnly);
    CHECK(r.events[2].body == r.events[3].body);
    CHECK(r.events[0].body == Bytes(plain.begin() + 26, plain.end()));
}

TEST_CASE("a header without machine info gets the running machine's") {
    TempDir dir;
    const auto r = write_one_event(dir.file("nomachine.scap"), {});
    REQUIRE(r.headers.at(0).machine);
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    CHECK(r.headers.at(0).machine->hostname == std::string(host).substr(0, 127));
    CHECK(r.headers.at(0).machine->num_cpus > 0);
}

TEST_CASE("strings longer than readers accept are capped") {
    TempDir dir;
    auto h = small_header();
    h.threads[0].exe = std::string(5000, 'e');
    std::string args;
    for (int i = 0; i < 1000; ++i) args += "argument" + std::string(1, '\0');
    h.threads[0].args = args;
    h.machine = ev::MachineInfo{};
    h.machine->hostname = std::string(300, 'h');
    const auto r = write_one_event(dir.file("caps.scap"), h);
    const auto& t = r.headers.at(0).threads.at(0);
    CHECK(t.exe.size() == 1024);
    CHECK(t.args.size() <= 4096);
    CHECK(t.args.back() == '\0');  // cut at an item boundary
    CHECK(t.args.size() % 9 == 0);
    CHECK(r.headers.at(0).machine->hostname.size() == 127);
}

TEST_CASE("write errors are kept and reported by close()") {
    if (access("/dev/full", W_OK) == 0) {
        for (const bool gzip : {false, true}) {
            CAPTURE(gzip);
            auto w = ScapWriter::create("/dev/full", small_header(), {.gzip = gzip});
            if (!gzip) {
                // Uncompressed, the header is written at once: a full device is refused there.
                REQUIRE_FALSE(w);
                CHECK(contains(w.error().message, "/dev/full"));
                CHECK(contains(w.error().message, "No space left on device"));
                continue;
            }
            REQUIRE(w);
            Bytes e = event_bytes(4, 1, 1, {u64le(3)});
            for (int i = 0; i < 100000; ++i) w.value()->write(view_of(e));
            auto closed = w.value()->close();
            REQUIRE_FALSE(closed);
            CHECK(contains(closed.error().message, "/dev/full"));
            CHECK(contains(closed.error().message, "No space left on device"));
            auto again = w.value()->close();
            CHECK_FALSE(again);
        }
    }
    TempDir dir;
    auto missing_dir = ScapWriter::create(dir.file("no/such/dir.scap"), {});
    REQUIRE_FALSE(missing_dir);
    CHECK(contains(missing_dir.error().message, "No such file or directory"));
}

TEST_CASE("an existing file is truncated") {
    TempDir dir;
    const std::string out = dir.file("existing.scap");
    write_file(out, Bytes(100000, 0x55));
    const auto r = write_one_event(out, small_header());
    CHECK(r.events.size() == 1);
    CHECK(r.last == ReadStatus::End);
}
