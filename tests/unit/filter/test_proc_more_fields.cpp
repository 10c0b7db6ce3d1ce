// fields_proc_more.cpp's fields on built events (tests/unit/common/field_harness.h).
#include <doctest/doctest.h>

#include "../common/field_harness.h"
#include "state/event_codes.h"

using namespace std::string_literals;
using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::test::FieldHarness;

namespace {

// A session: systemd (1) started zsh (50, the session leader, sid 50), which
// started bash (100), which started curl (200, with a second thread 201).
event::CaptureHeader session() {
    event::ThreadRecord systemd = thread_record(1, 1, "systemd");
    systemd.ptid = 0;
    systemd.sid = 1;
    systemd.args = "";
    event::ThreadRecord zsh = thread_record(50, 50, "zsh");
    zsh.sid = 50;
    event::ThreadRecord bash = thread_record(100, 100, "bash");
    bash.ptid = 50;
    bash.sid = 50;
    event::ThreadRecord curl = thread_record(200, 200, "curl");
    curl.ptid = 100;
    curl.sid = 50;
    curl.vpgid = 200;
    curl.vpid = 7;
    curl.exe_writable = 1;
    curl.loginuid = 1000;
    curl.gid = 1000;
    curl.exe = "/usr/bin/curl";
    curl.env = "HOME=/home/ubuntu\0TERM=xterm\0\0\0"s;
    event::ThreadRecord second = thread_record(201, 200, "curl", "/home/ubuntu", kThreadFlags);
    second.ptid = 200;
    second.sid = 50;
    event::CaptureHeader h;
    h.threads = {systemd, zsh, bash, curl, second};
    h.users = {{1000, 1000, "ubuntu", "/home/ubuntu", "/bin/bash"}};
    h.groups = {{1000, "staff"}};
    h.fd_lists = {{200, {file_fd(3, "/etc/hosts"), file_fd(4, "/etc/passwd")}}};
    return h;
}

// Feeds a close by thread `tid` as event `num`, then asks `filter` of it.
bool after_close(FieldHarness& h, int64_t tid, uint64_t num, std::string_view filter) {
    const BuiltEvent ev(num * 10, tid, kCloseE, {i64(3)});
    h.feed(ev, num);
    return h.matches(filter);
}

}  // namespace

TEST_CASE("ids of the process list: vpid, sid, vpgid, tty, nchilds") {
    FieldHarness h(session());
    // sysdig 0.29.3 reads no terminal from the process list.
    CHECK(after_close(h, 200, 1, "proc.vpid=7 and proc.sid=50 and proc.vpgid=200 and proc.tty=0"));
    CHECK(after_close(h, 200, 2, "proc.nchilds=1 and proc.is_exe_writable=true"));
    // The count is the thread's own: a secondary thread has none.
    CHECK(after_close(h, 201, 3, "proc.nchilds=0 and proc.is_exe_writable=false and proc.tty=0"));
}

TEST_CASE("a made-up thread: no vpid, sid and vpgid -1, loginuid -1") {
    FieldHarness h(session());
    CHECK(after_close(h, 999, 1, "not proc.vpid exists and proc.sid=-1 and proc.vpgid=-1 and user.loginuid=-1"));
    CHECK_FALSE(h.matches("user.homedir exists or group.name exists or user.loginname exists"));
}

TEST_CASE("command lines: exeline, pcmdline, env from the main thread") {
    FieldHarness h(session());
    CHECK(after_close(h, 200, 1, "proc.exeline='/usr/bin/curl -v --now' and proc.pcmdline='bash -v --now'"));
    // The zero padding after the last variable is no variable.
    CHECK(h.matches("proc.env='HOME=/home/ubuntu TERM=xterm'"));
    CHECK(after_close(h, 201, 2, "proc.env='HOME=/home/ubuntu TERM=xterm' and proc.pcmdline='curl -v --now'"));
    // Without arguments the space after argv[0] stays, as sysdig prints it.
    CHECK(after_close(h, 1, 3, "proc.exeline='systemd '"));
}

TEST_CASE("ancestors: aname[N], apid[N], loginshellid, sname") {
    FieldHarness h(session());
    CHECK(after_close(h, 201, 1,
                      "proc.aname[0]=curl and proc.aname[1]=bash and proc.aname[2]=zsh and proc.aname[3]=systemd"));
    CHECK(h.matches("proc.apid[0]=200 and proc.apid[1]=100 and proc.apid[3]=1"));
    CHECK_FALSE(h.matches("proc.aname[5] exists or proc.apid[5] exists"));
    // The eldest shell: zsh, not bash.
    CHECK(h.matches("proc.loginshellid=50 and proc.sname=zsh"));
    CHECK(after_close(h, 1, 2, "not proc.loginshellid exists and proc.sname=systemd"));
}

// sysdig takes an ancestor only by number in brackets; .NAME or a word
// would name none and match nothing, silently (tracetop -l said .NAME).
TEST_CASE("proc.aname and proc.apid take only [N]; name-only fields say .NAME") {
    for (const char* bad : {"proc.aname.foo", "proc.aname", "proc.apid.1"}) {
        auto r = tracetop::filter::resolve_field(bad, std::nullopt);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("needs a number in brackets") != std::string::npos);
    }
    CHECK_FALSE(tracetop::filter::resolve_field("proc.aname", std::string("x")).ok());
    auto two = tracetop::filter::resolve_field("proc.apid", std::string("2"));
    REQUIRE(two.ok());
    CHECK(two->arg.index == 2);
    auto type_is = tracetop::filter::resolve_field("evt.type.is", std::nullopt);
    REQUIRE_FALSE(type_is.ok());
    CHECK(type_is.error().message == "field 'evt.type.is' needs an argument: evt.type.is.NAME");
    CHECK(tracetop::filter::resolve_field("evt.type.is.open", std::nullopt).ok());
    CHECK(tracetop::filter::resolve_field("container.label", std::string("com.example.x")).ok());
}

TEST_CASE("sname once the session leader is gone: the eldest ancestor of the session") {
    event::CaptureHeader hdr = session();
    // bash started session 77, whose leader is gone; zsh above it is in another session.
    hdr.threads[2].sid = 77;
    hdr.threads[3].sid = 77;
    FieldHarness h(hdr);
    CHECK(after_close(h, 200, 1, "proc.sname=bash and proc.loginshellid=50"));
    hdr.threads.erase(hdr.threads.begin() + 1);  // zsh gone too: the walk ends at bash
    FieldHarness without_zsh(hdr);
    CHECK(after_close(without_zsh, 200, 1, "proc.sname=bash and proc.loginshellid=100"));
}

TEST_CASE("a loop in the parent links ends the walk") {
    event::CaptureHeader hdr;
    event::ThreadRecord a = thread_record(300, 300, "ash");
    a.ptid = 301;
    event::ThreadRecord b = thread_record(301, 301, "dash");
    b.ptid = 300;
    hdr.threads = {a, b};
    FieldHarness h(hdr);
    CHECK(after_close(h, 300, 1, "proc.loginshellid=301 and proc.aname[4]=ash"));
}

TEST_CASE("fds: open count and usage of the process") {
    FieldHarness h(session());
    CHECK(after_close(h, 201, 1, "proc.fdopencount=2 and proc.fdusage>0.19 and proc.fdusage<0.2"));
    CHECK(after_close(h, 100, 2, "proc.fdopencount=0 and proc.fdusage=0"));
}

TEST_CASE("users and groups: home, shell, login user, group name") {
    FieldHarness h(session());
    CHECK(after_close(h, 200, 1,
                      "user.homedir=/home/ubuntu and user.shell=/bin/bash and user.loginuid=1000 and "
                      "user.loginname=ubuntu and group.name=staff"));
    CHECK(after_close(h, 100, 2, "user.loginuid=-1 and not user.loginname exists and not group.name exists"));
}

TEST_CASE("thread.cpu.user and thread.cpu.system: ticks since the previous procinfo") {
    FieldHarness h(session());
    const BuiltEvent first(10, 200, state::codes::kProcInfoE, {u64(10), u64(5)});
    h.feed(first, 1);
    CHECK(h.matches("thread.cpu.user=0 and thread.cpu.system=0"));
    const BuiltEvent second(20, 200, state::codes::kProcInfoE, {u64(30), u64(6)});
    h.feed(second, 2);
    CHECK(h.matches("thread.cpu.user=20 and thread.cpu.system=1"));
    const BuiltEvent third(30, 200, state::codes::kProcInfoE, {u64(500), u64(6)});
    h.feed(third, 3);
    CHECK(h.matches("thread.cpu.user=100 and thread.cpu.system=0"));
    CHECK(after_close(h, 200, 4, "not thread.cpu.user exists"));
}

TEST_CASE("a clone: duration since it, page faults, what the child inherits") {
    FieldHarness h(session());
    // res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm,
    // cgroups, flags, uid, gid, vtid, vpid
    const BuiltEvent clone(1, 200, kCloneX,
                           {i64(300), str("curl"), Bytes{}, i64(200), i64(200), i64(100), str(""), i64(1024), u64(3),
                            u64(40), u32(0), u32(0), u32(0), str("curl"), Bytes{}, u32(0), u32(1000), u32(1000),
                            i64(200), i64(200)});
    h.feed(clone, 1);
    CHECK(after_close(h, 300, 2, "proc.duration=19 and thread.pfmajor=3 and thread.pfminor=40"));
    CHECK(h.matches("proc.is_exe_writable=true and proc.sid=50 and user.loginuid=1000"));
    CHECK(after_close(h, 200, 3, "not proc.duration exists"));
}

TEST_CASE("an execve: terminal, process group, login user and writable executable from its exit") {
    FieldHarness h(session());
    // res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm,
    // cgroups, env, tty, pgid, loginuid, flags
    const BuiltEvent execve(10, 100, state::codes::kExecve19X,
                            {i64(0), str("/bin/ls"), Bytes{}, i64(100), i64(100), i64(50), str(""), i64(1024),
                             u64(0), u64(0), u32(0), u32(0), u32(0), str("ls"), Bytes{}, Bytes{}, u32(34816),
                             i64(100), u32(1000), u32(1)});
    h.feed(execve, 1);
    CHECK(h.matches("proc.tty=34816 and proc.vpgid=100 and user.loginuid=1000 and proc.is_exe_writable=true"));
    CHECK(h.matches("proc.exeline='/bin/ls ' and proc.env=''"));
    // What a clone child inherits from it.
    const BuiltEvent clone(20, 100, kCloneX,
                           {i64(300), str("ls"), Bytes{}, i64(100), i64(100), i64(50), str(""), i64(1024), u64(0),
                            u64(0), u32(0), u32(0), u32(0), str("ls"), Bytes{}, u32(0), u32(1000), u32(1000),
                            i64(100), i64(100)});
    h.feed(clone, 2);
    CHECK(after_close(h, 300, 3, "proc.tty=34816 and proc.is_exe_writable=true and proc.pname=ls"));
}

TEST_CASE("a child of a made-up thread: no session, login user 0 as sinsp leaves it") {
    FieldHarness h(session());
    CHECK(after_close(h, 999, 1, "user.loginuid=-1"));
    const BuiltEvent clone(20, 999, kCloneX,
                           {i64(400), str("sh"), Bytes{}, i64(999), i64(999), i64(1), str(""), i64(1024), u64(0),
                            u64(0), u32(0), u32(0), u32(0), str("sh"), Bytes{}, u32(0), u32(1000), u32(1000),
                            i64(999), i64(999)});
    h.feed(clone, 2);
    CHECK(after_close(h, 400, 3, "user.loginuid=0 and proc.sid=-1 and proc.vpgid=-1 and proc.tty=0"));
}
