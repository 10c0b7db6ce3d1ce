// Threads, files and enter/exit pairing of state::Model, from hand-built
// header records and v2 events.
#include <doctest/doctest.h>

#include <string>

#include "event/header_records.h"
#include "event_builder.h"
#include "model_queries.h"
#include "state/model.h"
#include "state/model_arg_context.h"

// Inside the builders' namespace, so the model's and the builders' names
// need no qualification.
namespace tracetop::state::test {
using namespace event_codes;

namespace {

// A capture with bash (100), curl (200) and curl's second thread (201).
// The second thread has no cwd of its own: the process's is used.
event::CaptureHeader sample_header() {
    event::CaptureHeader h = bash_and_curl("/tmp", "");
    h.users.push_back({1000, 1000, "ubuntu", "/home/ubuntu", "/bin/bash"});
    h.fd_lists = {{200, {file_fd(3, "/etc/passwd")}}, {201, {}}};
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
    feed(model, 10, 201, kOpenE, {str("notes.txt"), u32(1), u32(0)});
    const EventContext& opened = feed(model, 20, 201, kOpenX, {i64(4), str("notes.txt"), u32(1), u32(0)});
    CHECK(opened.fd == 4);
    REQUIRE(opened.fd_entry != nullptr);
    CHECK(opened.fd_entry->type == FdType::File);
    CHECK(name_of(opened) == "/tmp/notes.txt");
    CHECK(opened.latency == 10);
    REQUIRE(opened.enter != nullptr);
    CHECK(opened.enter->type == kOpenE);
    CHECK(describe(model, 200, 4) == "<f>/tmp/notes.txt");

    feed(model, 30, 200, kCloseE, {i64(4)});
    const EventContext& closed = feed(model, 40, 200, kCloseX, {i64(0)});
    CHECK(closed.fd == 4);
    CHECK(name_of(closed) == "/tmp/notes.txt");  // the close exit still names what it closed
    feed(model, 50, 200, kFstatE, {i64(4)});
    CHECK(model.find_fd(200, 4) == nullptr);
}

TEST_CASE("a failed open is named from its own parameters") {
    Model model;
    model.load_header(sample_header());
    feed(model, 10, 200, kOpenE, {str("missing"), u32(1), u32(0)});
    const EventContext& ctx = feed(model, 20, 200, kOpenX, {i64(-2), str("missing"), u32(1), u32(0)});
    CHECK(ctx.fd == -1);
    CHECK(ctx.fd_entry == nullptr);
    CHECK(name_of(ctx) == "/tmp/missing");
    CHECK(ctx.fallback_typechar == 'f');
}

TEST_CASE("openat resolves against its directory fd") {
    Model model;
    auto h = sample_header();
    h.fd_lists[0].fds.push_back(dir_fd(5, "/var/log"));
    model.load_header(h);
    feed(model, 10, 200, kOpenatE, {i64(5), str("syslog"), u32(1), u32(0)});
    const EventContext& ctx =
        feed(model, 20, 200, kOpenatX, {i64(6), i64(5), str("syslog"), u32(1), u32(0), u32(0)});
    CHECK(name_of(ctx) == "/var/log/syslog");
}

TEST_CASE("an exit pairs with its enter across context switches; latency is exit - enter") {
    Model model;
    model.load_header(sample_header());
    feed(model, 100, 200, kReadE, {i64(3), u32(64)});
    feed(model, 150, 200, kSwitch, {i64(0), u64(0), u64(0), u32(0), u32(0), u32(0)});
    const EventContext& ctx = feed(model, 400, 200, kReadX, {i64(5), str("hello")});
    CHECK(ctx.fd == 3);
    REQUIRE(ctx.fd_entry != nullptr);
    CHECK(name_of(ctx) == "/etc/passwd");
    CHECK(ctx.latency == 300);
}

TEST_CASE("an exit without its enter does not resolve the fd") {
    Model model;
    model.load_header(sample_header());
    feed(model, 100, 200, kFstatE, {i64(3)});
    feed(model, 110, 200, kFstatX, {i64(0)});
    const EventContext& ctx = feed(model, 400, 200, kReadX, {i64(5), str("hello")});
    CHECK(ctx.enter == nullptr);
}

TEST_CASE("unknown tids get a <NA> placeholder with pid = tid; switches do not make one up") {
    Model model;
    model.load_header(sample_header());
    const EventContext& sw = feed(model, 1, 777, kSwitch, {i64(0), u64(0), u64(0), u32(0), u32(0), u32(0)});
    CHECK_FALSE(sw.thread_known);
    REQUIRE(sw.thread != nullptr);
    const EventContext& ctx = feed(model, 2, 777, kReadE, {i64(3), u32(1)});
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
    feed(model, 10, 100, kCloneX, params);
    const ThreadInfo* child = model.thread(300);
    REQUIRE(child != nullptr);
    CHECK(child->pid == 300);
    CHECK(child->ptid == 100);
    CHECK(child->comm.view() == "bash");
    CHECK(child->cwd.view() == "/home/ubuntu/");
    CHECK(child->fds != model.thread(100)->fds);

    const EventContext& ctx = feed(model, 20, 300, kProcExit, {i64(0), i64(0), u8(0), u8(0)});
    CHECK(ctx.thread_known);
    CHECK(ctx.thread->tid == 300);
    feed(model, 30, 100, kReadE, {i64(0), u32(1)});
    CHECK(model.thread(300) == nullptr);
}

TEST_CASE("chdir moves the cwd of the whole process") {
    Model model;
    model.load_header(sample_header());
    feed(model, 1, 201, kChdirE, {});
    feed(model, 2, 201, kChdirX, {i64(0), str("../var")});
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

// issue 15 (session 11): readers keep what they took of a thread while its
// memory_version holds; a switch reporting the memory the last one did must
// not move it (every reader would check the thread again), one reporting
// other memory must.
TEST_CASE("a context switch moves the process's memory version only when its memory changed") {
    Model model;
    model.load_header(sample_header());
    const auto version = [&] { return feed(model, 1, 200, kReadE, {i64(3), u32(1)}).main_thread->memory_version; };
    feed(model, 10, 200, kSwitch, {i64(0), u64(1), u64(2), u32(5000), u32(300), u32(0)});
    const uint32_t first = version();
    feed(model, 20, 200, kSwitch, {i64(0), u64(3), u64(9), u32(5000), u32(300), u32(0)});
    CHECK(version() == first);  // only the page faults moved: no field reads them
    feed(model, 30, 200, kSwitch, {i64(0), u64(3), u64(9), u32(5000), u32(304), u32(0)});
    const uint32_t second = version();
    CHECK(second != first);
    const EventContext& ctx = feed(model, 40, 200, kReadE, {i64(3), u32(1)});
    CHECK(ctx.main_thread->vmrss_kb == 304);
    feed(model, 50, 200, kSwitch, {i64(0), u64(3), u64(9), u32(5004), u32(304), u32(0)});
    CHECK(version() != second);
}

}  // namespace tracetop::state::test
