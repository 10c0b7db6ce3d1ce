// Threads, files and enter/exit pairing of state::Model, from hand-built
// header records and v2 events.
#include <doctest.h>

#include <string>

#include "event/header_records.h"
#include "event_builder.h"
#include "model_queries.h"
#include "state/model.h"
#include "state/model_arg_context.h"

using namespace tracetop;
using namespace tracetop::state;
using namespace tracetop::state::test;

namespace {

// Event type codes used below (scap-format.md §11).
constexpr uint16_t kOpenE = 2, kOpenX = 3, kCloseE = 4, kCloseX = 5, kReadE = 6, kReadX = 7;
constexpr uint16_t kOpenatE = 306, kOpenatX = 307, kCloneX = 223, kProcExit = 186, kSwitch = 152;
constexpr uint16_t kChdirE = 94, kChdirX = 95, kFstatE = 70, kFstatX = 71;

event::ThreadRecord thread_record(int64_t tid, int64_t pid, std::string comm, std::string cwd = "/home/ubuntu",
                                  uint32_t flags = 0) {
    event::ThreadRecord t;
    t.tid = tid;
    t.pid = pid;
    t.ptid = 1;
    t.comm = comm;
    t.exe = comm;
    t.args = std::string("-v\0--now\0", 9);
    t.cwd = std::move(cwd);
    t.fdlimit = 1024;
    t.flags = flags;
    t.uid = 1000;
    t.vtid = tid;
    t.vpid = pid;
    return t;
}

event::FdRecord file_fd(int64_t fd, std::string name) {
    event::FdRecord r;
    r.fd = fd;
    r.type = event::FdRecordType::File;
    r.name = std::move(name);
    return r;
}

// A capture with bash (100), curl (200) and curl's second thread (201).
event::CaptureHeader sample_header() {
    event::CaptureHeader h;
    h.users.push_back({1000, 1000, "ubuntu", "/home/ubuntu", "/bin/bash"});
    h.threads.push_back(thread_record(100, 100, "bash"));
    h.threads.push_back(thread_record(200, 200, "curl", "/tmp"));
    h.threads.push_back(thread_record(201, 200, "curl", "", 0x2001));
    h.fd_lists.push_back({200, {file_fd(3, "/etc/passwd")}});
    h.fd_lists.push_back({201, {}});
    return h;
}

}  // namespace

TEST_CASE("the process list gives threads, per-process cwd and shared fd tables") {
    Model model;
    model.load_header(sample_header());
    const ThreadInfo* curl = model.thread(200);
    const ThreadInfo* worker = model.thread(201);
    REQUIRE(curl != nullptr);
    REQUIRE(worker != nullptr);
    CHECK(curl->comm.view() == "curl");
    CHECK(curl->cwd.view() == "/tmp/");
    CHECK(curl->nchilds == 1);  // proc.nthreads = 2
    CHECK(model.main_thread_of(*worker) == curl);
    CHECK(worker->fds == curl->fds);
    CHECK(model.find_fd(201, 3) != nullptr);
    CHECK(model.user(curl->uid)->name == "ubuntu");

    event::OutBuffer args;
    append_cmdline(*curl, args);
    CHECK(std::string(args.data(), args.size()) == "curl -v --now");
}

TEST_CASE("open resolves relative names against the process cwd; close removes the fd after its exit") {
    Model model;
    model.load_header(sample_header());
    model.on_event(BuiltEvent(10, 201, kOpenE, {str("notes.txt"), u32(1), u32(0)}).view());
    const EventContext& opened = model.on_event(BuiltEvent(20, 201, kOpenX, {i64(4), str("notes.txt"), u32(1), u32(0)}).view());
    CHECK(opened.fd == 4);
    REQUIRE(opened.fd_entry != nullptr);
    CHECK(opened.fd_entry->type == FdType::File);
    CHECK(name_of(opened) == "/tmp/notes.txt");
    CHECK(opened.latency == 10);
    REQUIRE(opened.enter != nullptr);
    CHECK(opened.enter->type == kOpenE);
    CHECK(describe(model, 200, 4) == "<f>/tmp/notes.txt");

    model.on_event(BuiltEvent(30, 200, kCloseE, {i64(4)}).view());
    const EventContext& closed = model.on_event(BuiltEvent(40, 200, kCloseX, {i64(0)}).view());
    CHECK(closed.fd == 4);
    CHECK(name_of(closed) == "/tmp/notes.txt");  // the close exit still names what it closed
    model.on_event(BuiltEvent(50, 200, kFstatE, {i64(4)}).view());
    CHECK(model.find_fd(200, 4) == nullptr);
}

TEST_CASE("a failed open is named from its own parameters") {
    Model model;
    model.load_header(sample_header());
    model.on_event(BuiltEvent(10, 200, kOpenE, {str("missing"), u32(1), u32(0)}).view());
    const EventContext& ctx = model.on_event(BuiltEvent(20, 200, kOpenX, {i64(-2), str("missing"), u32(1), u32(0)}).view());
    CHECK(ctx.fd == -1);
    CHECK(ctx.fd_entry == nullptr);
    CHECK(name_of(ctx) == "/tmp/missing");
    CHECK(ctx.fallback_typechar == 'f');
}

TEST_CASE("openat resolves against its directory fd") {
    Model model;
    auto h = sample_header();
    event::FdRecord dir;
    dir.fd = 5;
    dir.type = event::FdRecordType::Directory;
    dir.name = "/var/log";
    h.fd_lists[0].fds.push_back(dir);
    model.load_header(h);
    model.on_event(BuiltEvent(10, 200, kOpenatE, {i64(5), str("syslog"), u32(1), u32(0)}).view());
    const EventContext& ctx =
        model.on_event(BuiltEvent(20, 200, kOpenatX, {i64(6), i64(5), str("syslog"), u32(1), u32(0), u32(0)}).view());
    CHECK(name_of(ctx) == "/var/log/syslog");
}

TEST_CASE("an exit pairs with its enter across context switches; latency is exit - enter") {
    Model model;
    model.load_header(sample_header());
    model.on_event(BuiltEvent(100, 200, kReadE, {i64(3), u32(64)}).view());
    model.on_event(BuiltEvent(150, 200, kSwitch, {i64(0), u64(0), u64(0), u32(0), u32(0), u32(0)}).view());
    const EventContext& ctx = model.on_event(BuiltEvent(400, 200, kReadX, {i64(5), str("hello")}).view());
    CHECK(ctx.fd == 3);
    REQUIRE(ctx.fd_entry != nullptr);
    CHECK(name_of(ctx) == "/etc/passwd");
    CHECK(ctx.latency == 300);
}

TEST_CASE("an exit without its enter does not resolve the fd") {
    Model model;
    model.load_header(sample_header());
    model.on_event(BuiltEvent(100, 200, kFstatE, {i64(3)}).view());
    model.on_event(BuiltEvent(110, 200, kFstatX, {i64(0)}).view());
    const EventContext& ctx = model.on_event(BuiltEvent(400, 200, kReadX, {i64(5), str("hello")}).view());
    CHECK(ctx.enter == nullptr);
}

TEST_CASE("unknown tids get a <NA> placeholder with pid = tid; switches do not make one up") {
    Model model;
    model.load_header(sample_header());
    const EventContext& sw = model.on_event(BuiltEvent(1, 777, kSwitch, {i64(0), u64(0), u64(0), u32(0), u32(0), u32(0)}).view());
    CHECK_FALSE(sw.thread_known);
    REQUIRE(sw.thread != nullptr);
    const EventContext& ctx = model.on_event(BuiltEvent(2, 777, kReadE, {i64(3), u32(1)}).view());
    CHECK(ctx.thread_known);
    CHECK(ctx.thread->comm.view() == "<NA>");
    CHECK(ctx.thread->pid == 777);
    CHECK(ctx.fd_entry == nullptr);  // a placeholder has no fds
}

TEST_CASE("clone in the parent makes the child with a copy of the fds; procexit removes it after the event") {
    Model model;
    model.load_header(sample_header());
    // clone exit in bash (100): res = child tid 300, a new process.
    std::vector<Bytes> params = {i64(300), str("bash"), Bytes{}, i64(100), i64(100), i64(1), str(""), i64(1024),
                                 u64(0), u64(0), u32(0), u32(0), u32(0), str("bash"), Bytes{}, u32(0),
                                 u32(1000), u32(1000), i64(100), i64(100)};
    model.on_event(BuiltEvent(10, 100, kCloneX, params).view());
    const ThreadInfo* child = model.thread(300);
    REQUIRE(child != nullptr);
    CHECK(child->pid == 300);
    CHECK(child->ptid == 100);
    CHECK(child->comm.view() == "bash");
    CHECK(child->cwd.view() == "/home/ubuntu/");
    CHECK(child->fds != model.thread(100)->fds);

    const EventContext& ctx = model.on_event(BuiltEvent(20, 300, kProcExit, {i64(0), i64(0), u8(0), u8(0)}).view());
    CHECK(ctx.thread_known);
    CHECK(ctx.thread->tid == 300);
    model.on_event(BuiltEvent(30, 100, kReadE, {i64(0), u32(1)}).view());
    CHECK(model.thread(300) == nullptr);
}

TEST_CASE("chdir moves the cwd of the whole process") {
    Model model;
    model.load_header(sample_header());
    model.on_event(BuiltEvent(1, 201, kChdirE, {}).view());
    model.on_event(BuiltEvent(2, 201, kChdirX, {i64(0), str("../var")}).view());
    CHECK(model.thread(200)->cwd.view() == "/var/");
}

TEST_CASE("describe_thread names a known tid and declines an unknown one") {
    Model model;
    model.load_header(sample_header());
    ModelArgContext actx(model);
    event::OutBuffer out;
    CHECK(actx.describe_thread(200, out));
    CHECK(std::string(out.data(), out.size()) == "curl");
    CHECK_FALSE(actx.describe_thread(999, out));
    CHECK(describe(model, 200, 99) == "-");
}

TEST_CASE("interned strings are shared and freed with their last holder") {
    StringPool pool;
    {
        InternedString a = pool.intern("/etc/passwd");
        InternedString b = pool.intern("/etc/passwd");
        CHECK(a == b);
        CHECK(pool.size() == 1);
    }
    CHECK(pool.size() == 0);
}
