// Model::apply() against Model::on_event(): the state-only path must leave
// exactly the state the full one leaves, for every event type of the table.
// on_event() runs every handler whatever the type, apply() skips them for the
// types event_effects.cpp calls state-neutral, so a type wrongly called
// neutral (or an exit that reads its enter and is not marked so) shows up
// here as a difference.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "event/event_table.h"
#include "event_builder.h"
#include "model_fingerprint.h"
#include "state/event_effects.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::state;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;

namespace {

// curl (200) with a second thread (201) sharing its files: fd 3 a file, fd 4
// a TCP connection, fd 5 a directory.
event::CaptureHeader sample_header() {
    event::CaptureHeader h = bash_and_curl();
    h.fd_lists.push_back(
        {200, {file_fd(3, "/etc/passwd"), tcp4_fd(4, {10, 0, 0, 1}, 40000, {10, 0, 0, 2}, 80), dir_fd(5, "/var/log")}});
    return h;
}

// A plausible value of each parameter type: fds that exist, a success
// result that is a new fd, paths, addresses. Enters and exits carry
// different text so that an exit reading its enter's copy is seen.
Bytes value_of(const event::ParamInfo& p, size_t index, bool enter) {
    using T = event::ParamType;
    switch (p.type) {
        case T::Int8:
        case T::Uint8:
        case T::Flags8:
        case T::EnumFlags8:
        case T::SigType:
        case T::L4Proto:
        case T::SockFamily:
        case T::Bool: return u8(1);
        case T::Int16:
        case T::Uint16:
        case T::Flags16:
        case T::EnumFlags16:
        case T::Port:
        case T::SyscallId: return u16(1);
        case T::Int32:
        case T::Uint32:
        case T::Flags32:
        case T::EnumFlags32:
        case T::Mode:
        case T::Uid:
        case T::Gid:
        case T::Fd32:
        case T::Pid32:
        case T::SigSet:
        case T::Ipv4Addr: return u32(index == 0 && !enter ? 7 : 3);
        case T::Errno: return i64(index == 0 && !enter ? 7 : 0);  // a result: fd 7
        case T::Fd: return i64(index == 0 && !enter ? 7 : 3);
        case T::Pid: return i64(index == 0 && !enter ? 7 : 200);
        case T::Int64:
        case T::Uint64:
        case T::RelTime:
        case T::AbsTime:
        case T::Double: return i64(index == 0 && !enter ? 7 : 3);
        case T::CharBuf:
        case T::FsPath:
        case T::FsRelPath: return str(enter ? "enter/name.txt" : "/tmp/exit.txt");
        case T::ByteBuf: return str("hello");
        case T::CharBufArray:
        case T::CharBufPairArray: return cat({str("a"), str("b")});
        case T::SockAddr: return cat({u8(2), Bytes{10, 0, 0, 9}, u16(enter ? 443 : 8080)});
        case T::SockTuple: return ipv4_tuple({10, 0, 0, 1}, 50000, {10, 0, 0, enter ? uint8_t{8} : uint8_t{9}}, 53);
        case T::FdList: return cat({u16(1), i64(3), u16(1)});
        default: return u64(1);
    }
}

BuiltEvent build(uint64_t ts, uint64_t tid, event::EventType type) {
    const event::EventInfo* info = event::event_info(type);
    std::vector<Bytes> params;
    for (size_t i = 0; i < info->params.size(); ++i) params.push_back(value_of(info->params[i], i, event::is_enter(type)));
    return BuiltEvent(ts, tid, type, params, 0, (info->flags & event::kFlagLargePayload) != 0);
}

// Feeds `types` (in order, thread `tid`) to a model through on_event() and
// to another through apply() (exits never described) and checks that both
// hold the same state after each event.
void check_same_state(std::initializer_list<event::EventType> types, uint64_t tid) {
    Model full, state_only;
    full.run_every_handler(true);
    full.load_header(sample_header());
    state_only.load_header(sample_header());
    uint64_t ts = 1000;
    std::vector<event::EventType> sequence(types);
    // A neutral event at the end shows the deferred removals (close, procexit).
    sequence.push_back(kFstatE);
    for (event::EventType type : sequence) {
        if (event::event_info(type) == nullptr) continue;
        const BuiltEvent ev = build(ts += 100, tid, type);
        full.on_event(ev.view());
        state_only.apply(ev.view(), false);
        const std::string want = fingerprint(full);
        const std::string got = fingerprint(state_only);
        CHECK_MESSAGE(want == got, "after ", event::event_info(type)->name, event::is_enter(type) ? " >" : " <",
                      " (type ", type, ") on thread ", tid);
        if (want != got) return;
    }
}

}  // namespace

TEST_CASE("apply() leaves the state on_event() leaves, for every event type") {
    const size_t n = event::event_table_size();
    for (size_t t = 0; t < n; t += 2) {
        const auto enter = static_cast<event::EventType>(t);
        const auto exit = static_cast<event::EventType>(t + 1);
        for (uint64_t tid : {200u, 201u, 300u}) {  // main thread, second thread, unknown thread
            check_same_state({enter, exit}, tid);  // a paired call
            check_same_state({exit}, tid);         // an exit whose enter was lost
            check_same_state({enter, kFstatE, exit}, tid);  // another call's enter in between
        }
    }
}

TEST_CASE("the state-neutral types are exactly those no handler acts on") {
    // By name and direction, independently of event_effects.cpp's codes:
    // every type the model's handlers change state for.
    const std::set<std::pair<std::string_view, bool>> acting = {
        // files (exits)
        {"open", false}, {"creat", false}, {"openat", false}, {"openat2", false}, {"close", false},
        {"dup", false}, {"dup2", false}, {"dup3", false}, {"fcntl", false}, {"pipe", false}, {"pipe2", false},
        {"eventfd", false}, {"eventfd2", false}, {"signalfd", false}, {"signalfd4", false},
        {"timerfd_create", false}, {"inotify_init", false}, {"inotify_init1", false}, {"epoll_create", false},
        {"epoll_create1", false},
        // sockets
        {"sendto", true}, {"connect", true}, {"socket", false}, {"bind", false}, {"connect", false},
        {"socketpair", false}, {"recvfrom", false}, {"recvmsg", false}, {"sendto", false}, {"sendmsg", false},
        {"accept", false}, {"accept4", false}, {"sendmsg", true},
        // threads and processes
        {"clone", false}, {"fork", false}, {"vfork", false}, {"clone3", false}, {"execve", false},
        {"execveat", false}, {"procexit", true}, {"chdir", false}, {"fchdir", false}, {"getcwd", false},
        {"switch", true}, {"procinfo", true},
        // memory after the call
        {"brk", false}, {"mmap", false}, {"mmap2", false}, {"munmap", false},
    };
    const size_t n = event::event_table_size();
    for (size_t t = 0; t < n; ++t) {
        const auto type = static_cast<event::EventType>(t);
        const event::EventInfo* info = event::event_info(type);
        if (info == nullptr) continue;
        const EventEffect effect = event_traits(type).effect;
        if (effect == EventEffect::Meta) continue;  // sinsp's unpaired meta-events: nothing to act on
        const bool acts = acting.count({info->name, event::is_enter(type)}) > 0;
        CHECK_MESSAGE(acts == (effect != EventEffect::None), info->name, event::is_enter(type) ? " >" : " <",
                      " (type ", t, ")");
    }
}

TEST_CASE("an exit that is only applied releases its enter, as a described one does") {
    // A generic enter kept for its exit (which the caller might describe),
    // the exit only applied, then another exit of the same kind whose enter
    // was lost: no enter may be offered for it.
    Model full, state_only;
    full.run_every_handler(true);
    full.load_header(sample_header());
    state_only.load_header(sample_header());
    const BuiltEvent enter(100, 200, kGenericE, {u16(1)});
    const BuiltEvent exit(200, 200, kGenericX, {i64(0), u16(1)});
    const BuiltEvent lost(300, 200, kGenericX, {i64(0), u16(1)});
    full.on_event(enter.view());
    full.on_event(exit.view());
    state_only.apply(enter.view(), true);
    state_only.apply(exit.view(), false);
    const std::string want = fingerprint(full.on_event(lost.view()));
    const std::string got = fingerprint(state_only.on_event(lost.view()));
    CHECK(want == got);
    CHECK(got.find("enter=-") != std::string::npos);
}
