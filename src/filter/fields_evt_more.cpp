// More of sysdig 0.29.3's evt.* fields: the ones its users reach for that
// the first tables did not have, each printing what sysdig prints.
#include <algorithm>
#include <ctime>
#include <string>
#include <string_view>
#include <unordered_map>

#include "event/arg_format.h"
#include "event/event_table.h"
#include "filter/fd_type_of.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "filter/result_param.h"
#include "state/fd_table.h"
#include "state/path_resolution.h"

namespace tracetop::filter {
namespace {

using state::FdType;

constexpr uint64_t kNsPerSecond = 1000000000ULL;

// Type codes as the capture format numbers them, for the calls sysdig
// singles out by code rather than by a flag.
namespace code {
constexpr event::EventType kOpenX = 3;
constexpr event::EventType kConnectX = 23;
constexpr event::EventType kAcceptOldX = 27;
constexpr event::EventType kAccept4OldX = 57;
constexpr event::EventType kCreatX = 59;
constexpr event::EventType kOpenatOldE = 102;
constexpr event::EventType kOpenatOldX = 103;
constexpr event::EventType kAcceptX = 247;
constexpr event::EventType kAccept4X = 249;
constexpr event::EventType kOpenatX = 307;
constexpr event::EventType kOpenat2X = 327;
constexpr event::EventType kOpenByHandleAtX = 337;
constexpr event::EventType kLinkatOldE = 106;
constexpr event::EventType kUnlinkatOldE = 110;
constexpr event::EventType kRenameatX = 177;
constexpr event::EventType kSymlinkatX = 181;
constexpr event::EventType kUnlinkatX = 303;
constexpr event::EventType kMkdiratX = 305;
constexpr event::EventType kLinkatX = 311;
constexpr event::EventType kFchmodatX = 313;
constexpr event::EventType kRenameat2X = 319;
}  // namespace code

std::string_view scratch_view(const FieldContext& c) { return {c.scratch->data(), c.scratch->size()}; }

// ---- time -----------------------------------------------------------------

// sysdig's clock strings: local time of day, optionally with the date in
// front and the nanoseconds after (evt.time is the date-less, ns variant).
void push_clock_text(const FieldContext& c, bool with_date, bool with_ns, FieldValues& out) {
    const std::time_t t = static_cast<std::time_t>(c.ev.ts / kNsPerSecond);
    std::tm tm{};
    localtime_r(&t, &tm);
    c.scratch->clear();
    auto it = std::back_inserter(*c.scratch);
    if (with_date) fmt::format_to(it, "{:04}-{:02}-{:02} ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    fmt::format_to(it, "{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (with_ns) fmt::format_to(it, ".{:09}", c.ev.ts % kNsPerSecond);
    out.push(FieldValue::of_string(scratch_view(c)));
}

template <bool with_date, bool with_ns>
void x_clock(const FieldContext& c, const BoundArg&, FieldValues& out) {
    push_clock_text(c, with_date, with_ns, out);
}

// ISO 8601 is always UTC in sysdig, whatever the local zone.
void x_time_iso8601(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const std::time_t t = static_cast<std::time_t>(c.ev.ts / kNsPerSecond);
    std::tm tm{};
    gmtime_r(&t, &tm);
    c.scratch->clear();
    fmt::format_to(std::back_inserter(*c.scratch), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}+0000", tm.tm_year + 1900,
                   tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, c.ev.ts % kNsPerSecond);
    out.push(FieldValue::of_string(scratch_view(c)));
}

// A duration whole, its whole seconds, or the nanoseconds left over.
enum class Part { Whole, Seconds, Nanoseconds };

constexpr uint64_t part_of(uint64_t ns, Part part) {
    switch (part) {
        case Part::Seconds: return ns / kNsPerSecond;
        case Part::Nanoseconds: return ns % kNsPerSecond;
        case Part::Whole: break;
    }
    return ns;
}

template <Part part>
void x_rawtime_part(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_uint(part_of(c.ev.ts, part)));
}

// As evt.reltime (fields_evt.cpp): time since the capture's first event.
template <Part part>
void x_reltime_part(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_uint(part_of(c.ev.ts >= c.first_ts ? c.ev.ts - c.first_ts : 0, part)));
}

// Time since the previous event this use of the field saw (FieldMemory);
// 0 on its first. A filter's use sees every event the filter is asked
// about, a format's use only the events printed.
template <Part part>
void x_deltatime_part(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (!c.memory) return;
    uint64_t& last = c.memory->last[&arg];
    // Unsigned as in sysdig: an event older than the last one wraps around.
    const uint64_t delta = last == 0 ? 0 : c.ev.ts - last;
    last = c.ev.ts;
    out.push(FieldValue::of_uint(part_of(delta, part)));
}

// ---- latency ----------------------------------------------------------------

// sysdig has no latency for internal events of threads it knows (procinfo,
// like evt.latency), and 0 for events of threads it does not know.
bool latency_of(const FieldContext& c, uint64_t& ns) {
    if (c.state.thread_known && event::is_internal(c.ev.type)) return false;
    ns = c.state.thread_known ? c.state.latency : 0;
    return true;
}

template <Part part>
void x_latency_part(const FieldContext& c, const BoundArg&, FieldValues& out) {
    uint64_t ns = 0;
    if (latency_of(c, ns)) out.push(FieldValue::of_uint(part_of(ns, part)));
}

// A duration the way sysdig's tables show it: "835ns", "3.43us", "27us",
// "1.25ms", "12ms", "2.05s", "3:7" (minutes unpadded), "01:02:03" (digits cut,
// never rounded).
void append_human_duration(uint64_t ns, fmt::memory_buffer& out) {
    constexpr uint64_t us = 1000, ms = 1000 * us, s = kNsPerSecond, minute = 60 * s, hour = 60 * minute;
    auto it = std::back_inserter(out);
    if (ns >= hour) {
        fmt::format_to(it, "{:02}:{:02}:{:02}", ns / hour, (ns / minute) % 60, (ns / s) % 60);
    } else if (ns >= minute) {
        fmt::format_to(it, "{}:{}", ns / minute, (ns / s) % 60);
    } else if (ns >= s) {
        fmt::format_to(it, "{}.{:02}s", ns / s, (ns % s) / (10 * ms));
    } else if (ns >= 10 * ms) {
        fmt::format_to(it, "{}ms", ns / ms);
    } else if (ns >= ms) {
        fmt::format_to(it, "{}.{:02}ms", ns / ms, (ns % ms) / (10 * us));
    } else if (ns >= 10 * us) {
        fmt::format_to(it, "{}us", ns / us);
    } else if (ns >= us) {
        fmt::format_to(it, "{}.{:02}us", ns / us, (ns % us) / 10);
    } else {
        fmt::format_to(it, "{}ns", ns);
    }
}

// For an event of a thread sysdig does not know, it repeats the text this use
// of the field made last (empty at first): FieldMemory keeps that latency.
void x_latency_human(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    c.scratch->clear();
    if (c.state.thread_known) {
        if (event::is_internal(c.ev.type)) return;
        append_human_duration(c.state.latency, *c.scratch);
        if (c.memory) c.memory->last[&arg] = c.state.latency;
    } else if (c.memory) {
        const auto last = c.memory->last.find(&arg);
        if (last != c.memory->last.end()) append_human_duration(last->second, *c.scratch);
    }
    out.push(FieldValue::of_string(scratch_view(c)));
}

// ---- what the event is ----------------------------------------------------

const event::EventInfo* info_of(const FieldContext& c) { return c.ev.info(); }

// sysdig's "reads from / writes to an fd" flags. They follow the I/O
// categories except for a few calls: copy_file_range (a file call that does
// both), sendfile and sendmmsg/recvmmsg (I/O calls without the flags).
struct IoFlags {
    bool reads = false;
    bool writes = false;
};

IoFlags io_flags(const FieldContext& c) {
    const event::EventInfo* info = info_of(c);
    if (!info) return {};
    if (info->name == "copy_file_range") return {true, true};
    if (info->name == "sendfile" || info->name == "sendmmsg" || info->name == "recvmmsg") return {};
    const uint32_t cls = info->category & event::kCategoryClassMask;
    return {cls == event::kCatIoRead, cls == event::kCatIoWrite};
}

bool waits(const FieldContext& c) {
    const event::EventInfo* info = info_of(c);
    return info && (info->flags & event::kFlagWaits) != 0;
}

void x_io_dir(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const IoFlags io = io_flags(c);
    if (io.writes) {
        out.push(FieldValue::of_string("write"));
    } else if (io.reads) {
        out.push(FieldValue::of_string("read"));
    }
}

void x_is_wait(const FieldContext& c, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_bool(waits(c))); }

// The thread's latest latency, for exits of calls that wait.
void x_wait_latency(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!waits(c) || event::is_enter(c.ev.type)) return;
    out.push(FieldValue::of_uint(c.state.thread_known ? c.state.latency : 0));
}

bool is_file_fd(FdType t) { return t == FdType::File || t == FdType::Directory; }
bool is_net_fd(FdType t) {
    return t == FdType::Ipv4Socket || t == FdType::Ipv6Socket || t == FdType::Ipv4Server || t == FdType::Ipv6Server;
}
bool is_ipc_fd(FdType t) {
    return t == FdType::Fifo || t == FdType::Unix || t == FdType::Event || t == FdType::SignalFd ||
           t == FdType::Inotify || t == FdType::UserFaultFd;
}

// I/O calls are named after what their fd is; unknown fds and fds of other
// kinds (epoll, timerfd, ...) are "unknown".
std::string_view io_category_name(const FieldContext& c) {
    const state::FdEntry* fd = related_fd_entry(c);
    if (!fd) return "unknown";
    if (is_file_fd(fd->type)) return "file";
    if (is_net_fd(fd->type)) return "net";
    if (is_ipc_fd(fd->type)) return "ipc";
    return "unknown";
}

// sysdig 0.29.3's category of each system call it knows by code (the PPM_SC
// numbering of event::syscall_name; code 0, a call it has no code for, is
// "other"): what a generic event is.
constexpr uint16_t kSyscallCategories[] = {
    event::kCatOther, event::kCatSystem, event::kCatProcess, event::kCatIoRead, event::kCatIoWrite,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatTime, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatProcess,
    event::kCatFile, event::kCatOther, event::kCatTime, event::kCatFile, event::kCatWait, event::kCatTime,
    event::kCatFile, event::kCatIoOther, event::kCatIpc, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatIoOther, event::kCatIpc, event::kCatTime, event::kCatMemory, event::kCatProcess, event::kCatIoOther,
    event::kCatWait, event::kCatProcess, event::kCatProcess, event::kCatIpc, event::kCatFile, event::kCatIoOther,
    event::kCatProcess, event::kCatProcess, event::kCatProcess, event::kCatSystem, event::kCatProcess,
    event::kCatProcess, event::kCatTime, event::kCatTime, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatProcess, event::kCatProcess, event::kCatSystem, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatFile, event::kCatProcess, event::kCatProcess, event::kCatFile, event::kCatFile,
    event::kCatSystem, event::kCatTime, event::kCatTime, event::kCatSystem, event::kCatOther, event::kCatWait,
    event::kCatSystem, event::kCatSystem, event::kCatIoOther, event::kCatSystem, event::kCatSystem,
    event::kCatMemory, event::kCatSystem, event::kCatSystem, event::kCatSystem, event::kCatProcess, event::kCatFile,
    event::kCatSystem, event::kCatProcess, event::kCatFile, event::kCatWait, event::kCatFile, event::kCatIoOther,
    event::kCatIoRead, event::kCatIoWrite, event::kCatProcess, event::kCatIoOther, event::kCatMemory,
    event::kCatMemory, event::kCatMemory, event::kCatMemory, event::kCatProcess, event::kCatProcess,
    event::kCatProcess, event::kCatProcess, event::kCatSleep, event::kCatProcess, event::kCatProcess,
    event::kCatProcess, event::kCatSleep, event::kCatFile, event::kCatWait, event::kCatProcess, event::kCatSignal,
    event::kCatSignal, event::kCatSignal, event::kCatSignal, event::kCatSignal, event::kCatSignal, event::kCatFile,
    event::kCatProcess, event::kCatProcess, event::kCatFile, event::kCatProcess, event::kCatFile, event::kCatUser,
    event::kCatUser, event::kCatUser, event::kCatUser, event::kCatUser, event::kCatUser, event::kCatUser,
    event::kCatUser, event::kCatFile, event::kCatUser, event::kCatUser, event::kCatUser, event::kCatUser,
    event::kCatFile, event::kCatUser, event::kCatUser, event::kCatUser, event::kCatUser, event::kCatProcess,
    event::kCatMemory, event::kCatMemory, event::kCatProcess, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatSignal, event::kCatIpc, event::kCatProcess,
    event::kCatProcess, event::kCatProcess, event::kCatProcess, event::kCatIoOther, event::kCatIoOther,
    event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatWait, event::kCatWait,
    event::kCatWait, event::kCatFile, event::kCatProcess, event::kCatTime, event::kCatTime, event::kCatTime,
    event::kCatTime, event::kCatTime, event::kCatTime, event::kCatTime, event::kCatTime, event::kCatSleep,
    event::kCatSignal, event::kCatFile, event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatIpc,
    event::kCatIpc, event::kCatIpc, event::kCatSystem, event::kCatWait, event::kCatSystem, event::kCatSystem,
    event::kCatSystem, event::kCatProcess, event::kCatProcess, event::kCatIpc, event::kCatIpc, event::kCatIpc,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatWait, event::kCatWait, event::kCatProcess, event::kCatProcess, event::kCatProcess, event::kCatIpc,
    event::kCatIpc, event::kCatIpc, event::kCatProcess, event::kCatWait, event::kCatFile, event::kCatSignal,
    event::kCatTime, event::kCatIpc, event::kCatTime, event::kCatTime, event::kCatSignal, event::kCatIpc,
    event::kCatWait, event::kCatIoOther, event::kCatIpc, event::kCatIpc, event::kCatIoRead, event::kCatIoWrite,
    event::kCatOther, event::kCatOther, event::kCatIpc, event::kCatProcess, event::kCatOther, event::kCatFile,
    event::kCatProcess, event::kCatIpc, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet,
    event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet,
    event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet, event::kCatNet,
    event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatIpc,
    event::kCatIpc, event::kCatIpc, event::kCatIpc, event::kCatFile, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatProcess, event::kCatOther, event::kCatSignal, event::kCatIpc, event::kCatNet,
    event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatFile, event::kCatWait,
    event::kCatSignal, event::kCatSignal, event::kCatSignal, event::kCatSystem, event::kCatFile, event::kCatSignal,
    event::kCatProcess, event::kCatTime, event::kCatFile, event::kCatWait, event::kCatIoRead, event::kCatIoWrite,
    event::kCatProcess, event::kCatIpc, event::kCatSignal, event::kCatIoOther, event::kCatIoOther,
    event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther,
    event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther,
    event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatSystem, event::kCatOther,
    event::kCatOther, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther, event::kCatFile, event::kCatFile,
    event::kCatFile, event::kCatFile, event::kCatSystem, event::kCatSystem, event::kCatFile, event::kCatProcess,
    event::kCatProcess, event::kCatFile, event::kCatIoOther, event::kCatIoOther, event::kCatIoOther,
    event::kCatMemory, event::kCatUser, event::kCatSystem,
};

// A generic event's category is its system call's; others have the table's.
uint32_t category_of(const FieldContext& c) {
    constexpr uint32_t unknown = event::kCatUnknown;
    if (!event::has_dynamic_type_name(c.ev.type)) {
        const event::EventInfo* info = info_of(c);
        return info ? info->category : unknown;
    }
    if (c.ev.nparams() == 0 || c.ev.param(0).size() != sizeof(uint16_t)) return unknown;
    const uint64_t sc = event::param_as_uint(c.ev.param(0), event::ParamType::Uint16);
    return sc < std::size(kSyscallCategories) ? kSyscallCategories[sc] : unknown;
}

std::string_view category_name(const FieldContext& c) {
    switch (category_of(c)) {
        case event::kCatOther: return "other";
        case event::kCatFile: return "file";
        case event::kCatNet: return "net";
        case event::kCatIpc: return "IPC";
        case event::kCatMemory: return "memory";
        case event::kCatProcess: return "process";
        case event::kCatSleep: return "sleep";
        case event::kCatSystem: return "system";
        case event::kCatSignal: return "signal";
        case event::kCatUser: return "user";
        case event::kCatTime: return "time";
        case event::kCatProcessing: return "processing";
        // Generic events have no fd: theirs are "unknown" too.
        case event::kCatIoRead: case event::kCatIoWrite: case event::kCatIoOther: return io_category_name(c);
        case event::kCatWait: return "wait";
        case event::kCatScheduler: return "scheduler";
        default: return "unknown";  // internal events too: sysdig names no such category
    }
}

void x_category(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_string(category_name(c)));
}

// evt.type.is.NAME: the first type code of that name in the table and the
// one after it (an enter and its exit); evt.type.is.N: code N alone.
struct TypeCodes {
    int64_t first = -1;
    int64_t second = -1;
};

TypeCodes codes_named(std::string_view name) {
    static const std::unordered_map<std::string_view, event::EventType> first_code_of_name = [] {
        std::unordered_map<std::string_view, event::EventType> m;
        for (event::EventType t = 0; t < event::event_table_size(); ++t) {
            if (const event::EventInfo* info = event::event_info(t)) m.emplace(info->name, t);
        }
        return m;
    }();
    if (!name.empty() && name.size() <= 9 && std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        return {std::stoll(std::string(name)), -1};
    }
    const auto found = first_code_of_name.find(name);
    if (found == first_code_of_name.end()) return {};
    return {found->second, found->second + 1};
}

void x_type_is(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const TypeCodes codes = codes_named(arg.name);
    const int64_t type = c.ev.type;
    out.push(FieldValue::of_uint(type == codes.first || type == codes.second ? 1 : 0));
}

// ---- open flags ---------------------------------------------------------------

constexpr uint32_t kOpenRead = 1u << 0;
constexpr uint32_t kOpenWrite = 1u << 1;
constexpr uint32_t kOpenCreate = 1u << 2;
constexpr uint32_t kOpenTmpFile = 1u << 13;
constexpr uint32_t kModeAnyExec = (1u << 6) | (1u << 3) | (1u << 0);  // S_IXUSR | S_IXGRP | S_IXOTH

// A 32-bit parameter, when the event carries it whole.
bool u32_param(const FieldContext& c, uint32_t i, uint32_t& value) {
    if (i >= c.ev.nparams()) return false;
    const auto raw = c.ev.param(i);
    if (raw.size() != sizeof(uint32_t)) return false;
    value = static_cast<uint32_t>(event::param_as_uint(raw, event::ParamType::Uint32));
    return true;
}

// Where the open calls keep their flags and mode: (flags, mode) indexes,
// mode -1 where there is none. Only the layouts sysdig reads.
struct OpenLayout {
    int flags = -1;
    int mode = -1;
};

OpenLayout open_layout(event::EventType type) {
    switch (type) {
        case code::kOpenX: case code::kOpenatOldE: return {2, 3};
        case code::kOpenatX: case code::kOpenat2X: return {3, 4};
        case code::kOpenByHandleAtX: return {2, -1};
        default: return {};
    }
}

void x_is_open_read(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const OpenLayout at = open_layout(c.ev.type);
    uint32_t flags = 0;
    out.push(FieldValue::of_bool(at.flags >= 0 && u32_param(c, at.flags, flags) && (flags & kOpenRead) != 0));
}

void x_is_open_write(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const OpenLayout at = open_layout(c.ev.type);
    uint32_t flags = 0;
    out.push(FieldValue::of_bool(at.flags >= 0 && u32_param(c, at.flags, flags) && (flags & kOpenWrite) != 0));
}

// A file created (O_CREAT or O_TMPFILE; creat always) with an execute bit.
bool opens_executable(const FieldContext& c) {
    uint32_t mode = 0;
    if (c.ev.type == code::kCreatX) return u32_param(c, 2, mode) && (mode & kModeAnyExec) != 0;
    const OpenLayout at = open_layout(c.ev.type);
    uint32_t flags = 0;
    if (at.mode < 0 || !u32_param(c, at.flags, flags) || (flags & (kOpenCreate | kOpenTmpFile)) == 0) return false;
    return u32_param(c, at.mode, mode) && (mode & kModeAnyExec) != 0;
}

void x_is_open_exec(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_bool(opens_executable(c)));
}

// ---- counts ---------------------------------------------------------------------

void x_count(const FieldContext&, const BoundArg&, FieldValues& out) { out.push(FieldValue::of_uint(1)); }

void x_count_exit(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!event::is_enter(c.ev.type)) out.push(FieldValue::of_uint(1));
}

// 1 for a failed call, nothing otherwise (sysdig counts with these).
void push_error_count(const FieldContext& c, FieldValues& out) {
    if (event_failed(c.ev)) out.push(FieldValue::of_uint(1));
}

void x_count_error(const FieldContext& c, const BoundArg&, FieldValues& out) { push_error_count(c, out); }

bool opens_file(event::EventType t) {
    return t == code::kOpenX || t == code::kCreatX || t == code::kOpenatOldX || t == code::kOpenatX ||
           t == code::kOpenat2X || t == code::kOpenByHandleAtX;
}

bool opens_connection(event::EventType t) {
    return t == code::kAcceptOldX || t == code::kAcceptX || t == code::kAccept4OldX || t == code::kAccept4X ||
           t == code::kConnectX;
}

bool is_memory_call(const FieldContext& c) {
    const event::EventInfo* info = info_of(c);
    return info && info->category == event::kCatMemory;
}

// Errors are told apart by the event's fd when it has one, else by the call.
enum class ErrorClass { File, Net, Memory, Other };

ErrorClass file_or_net_class(const FieldContext& c) {
    if (const state::FdEntry* fd = related_fd_entry(c)) {
        if (is_file_fd(fd->type)) return ErrorClass::File;
        if (is_net_fd(fd->type) || fd->type == FdType::Unix) return ErrorClass::Net;
        return ErrorClass::Other;
    }
    if (opens_file(c.ev.type)) return ErrorClass::File;
    if (opens_connection(c.ev.type)) return ErrorClass::Net;
    return ErrorClass::Other;
}

template <ErrorClass wanted>
void x_count_error_class(const FieldContext& c, const BoundArg&, FieldValues& out) {
    bool counts = false;
    switch (wanted) {
        case ErrorClass::File: counts = file_or_net_class(c) == ErrorClass::File; break;
        case ErrorClass::Net: counts = file_or_net_class(c) == ErrorClass::Net; break;
        case ErrorClass::Memory: counts = is_memory_call(c); break;
        // Other: neither file nor net; without an fd, not memory either.
        case ErrorClass::Other:
            counts = file_or_net_class(c) == ErrorClass::Other && (related_fd_entry(c) != nullptr || !is_memory_call(c));
            break;
    }
    if (counts) push_error_count(c, out);
}

// ---- the event's text -------------------------------------------------------------

// The arguments of sysdig's default line (what --print shows after the
// type): evt.args, since tracetop decodes no protocol on the way.
void x_info(const FieldContext& c, const BoundArg&, FieldValues& out) {
    c.scratch->clear();
    event::format_args(c.ev, c.args, *c.scratch);
    out.push(FieldValue::of_string(scratch_view(c)));
}

// A write to the syslog socket (an fd whose name has /dev/log in it).
void x_is_syslog(const FieldContext& c, const BoundArg&, FieldValues& out) {
    std::string_view name;
    const bool syslog = io_flags(c).writes && related_fd_entry(c) != nullptr && c.state.fd_name(name) &&
                        name.find("/dev/log") != std::string_view::npos;
    out.push(FieldValue::of_bool(syslog));
}

// ---- evt.abspath ----------------------------------------------------------------

// Which path of a two-path call (rename, link) evt.abspath means.
enum class Which { Default, Src, Dst };

// The names of the (dirfd, path) parameters the call's path is made of, or
// nulls for calls sysdig does not resolve.
struct PathParams {
    std::string_view dirfd;
    std::string_view path;
};

PathParams path_params(event::EventType type, Which which) {
    const bool dst = which == Which::Dst;
    switch (type) {
        case code::kRenameatX: case code::kRenameat2X:
            return dst ? PathParams{"newdirfd", "newpath"} : PathParams{"olddirfd", "oldpath"};
        case code::kLinkatOldE: case code::kLinkatX:
            return dst ? PathParams{"newdir", "newpath"} : PathParams{"olddir", "oldpath"};
        case code::kSymlinkatX: return {"linkdirfd", "linkpath"};
        case code::kOpenatOldE: case code::kOpenatX: case code::kOpenat2X:
        case code::kUnlinkatOldE: case code::kUnlinkatX:
            return {"dirfd", "name"};
        case code::kMkdiratX: return {"dirfd", "path"};
        case code::kFchmodatX: return {"dirfd", "filename"};
        default: return {};
    }
}

// The index of the event's first parameter called `name`, or -1.
int param_named(const FieldContext& c, std::string_view name) {
    const event::EventInfo* info = info_of(c);
    if (!info) return -1;
    const uint32_t n = std::min<uint32_t>(c.ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        if (info->params[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

// The directory a relative path is taken from, with its trailing '/': the
// cwd for AT_FDCWD, else the name of the dirfd ("<UNKNOWN>/" when unknown).
void append_base_dir(const FieldContext& c, int64_t dirfd, std::string& out) {
    if (dirfd == event::kAtFdcwd) {
        out.append(c.state.main_thread->cwd.view());
        return;
    }
    const state::FdEntry* dir = c.model.find_fd(static_cast<state::Tid>(c.ev.tid), dirfd);
    out.append(dir ? dir->name.view() : std::string_view("<UNKNOWN>"));
    out.push_back('/');
}

// sysdig's path buffer: longer results are replaced by this.
constexpr size_t kMaxPath = 1024;

// Joins `base` and the raw path parameter as sysdig does: a parameter that is
// present but empty still counts as relative (the base alone).
void push_joined_path(const FieldContext& c, std::string_view base, std::span<const uint8_t> raw,
                      FieldValues& out) {
    const std::string_view path = event::param_as_string(raw);
    std::string joined;
    if (base.size() + raw.size() + 1 > kMaxPath) {
        joined = "/PATH_TOO_LONG";
    } else if (path.empty() && !raw.empty()) {
        joined = base;
    } else {
        state::join_paths(base, path, joined);
    }
    c.scratch->clear();
    c.scratch->append(joined);
    out.push(FieldValue::of_string(scratch_view(c)));
}

// open_by_handle_at names the file itself, on success.
void push_handle_path(const FieldContext& c, FieldValues& out) {
    if (c.ev.nparams() < 4) return;
    const auto fd = c.ev.param(0);
    if (fd.size() != sizeof(int64_t) || event::param_as_int(fd, event::ParamType::Fd) <= 0) return;
    push_joined_path(c, "", c.ev.param(3), out);
}

template <Which which>
void x_abspath(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (!c.state.thread_known) return;
    if (c.ev.type == code::kOpenByHandleAtX) return push_handle_path(c, out);
    const PathParams names = path_params(c.ev.type, which);
    if (names.path.empty()) return;
    const int dirfd_at = param_named(c, names.dirfd);
    const int path_at = param_named(c, names.path);
    if (dirfd_at < 0 || path_at < 0) return;
    const auto raw_dirfd = c.ev.param(static_cast<uint32_t>(dirfd_at));
    if (raw_dirfd.size() != sizeof(int64_t)) return;
    const auto raw_path = c.ev.param(static_cast<uint32_t>(path_at));
    std::string base;
    if (raw_path.empty() || raw_path[0] != '/') {
        append_base_dir(c, event::param_as_int(raw_dirfd, event::ParamType::Fd), base);
    }
    push_joined_path(c, base, raw_path, out);
}

// evt.around[T]=D (filters): how far the event is from T, in nanoseconds;
// the filter compiles the comparison into "within D milliseconds"
// (compiled_filter.cpp), as sysdig's only form of it.
void x_around(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (arg.index < 0) return;
    const auto t = static_cast<uint64_t>(arg.index);
    out.push(FieldValue::of_uint(c.ev.ts > t ? c.ev.ts - t : t - c.ev.ts));
}

constexpr FieldDef kEvtMoreFields[] = {
    {"evt.around", FieldType::Uint64, ArgKind::Index,
     "filters: evt.around[T]=D takes the events within D milliseconds of T (a time as %evt.rawtime prints it)",
     x_around, FieldDep::Event},
    {"evt.info", FieldType::String, ArgKind::None,
     "the event's arguments as sysdig's default output line shows them (as evt.args)", x_info},
    {"evt.time.s", FieldType::String, ArgKind::None, "event time, local wall clock, whole seconds",
     x_clock<false, false>, FieldDep::Event},
    {"evt.time.iso8601", FieldType::String, ArgKind::None,
     "event time in ISO 8601, UTC, with nanoseconds (2018-08-17T17:35:48.514632619+0000)", x_time_iso8601,
     FieldDep::Event},
    {"evt.datetime", FieldType::String, ArgKind::None, "event date and local time, with nanoseconds",
     x_clock<true, true>, FieldDep::Event},
    {"evt.datetime.s", FieldType::String, ArgKind::None, "event date and local time, whole seconds",
     x_clock<true, false>, FieldDep::Event},
    {"evt.rawtime.s", FieldType::AbsTime, ArgKind::None, "whole seconds of the event time since the epoch",
     x_rawtime_part<Part::Seconds>, FieldDep::Event},
    {"evt.rawtime.ns", FieldType::RelTimePadded, ArgKind::None,
     "nanoseconds part of the event time (0 to 999999999, 9 digits)", x_rawtime_part<Part::Nanoseconds>,
     FieldDep::Event},
    {"evt.reltime.s", FieldType::RelTime, ArgKind::None, "whole seconds since the first event of the capture",
     x_reltime_part<Part::Seconds>, FieldDep::Event},
    {"evt.reltime.ns", FieldType::RelTimePadded, ArgKind::None,
     "nanoseconds part of the time since the first event of the capture (9 digits)",
     x_reltime_part<Part::Nanoseconds>, FieldDep::Event},
    {"evt.latency.s", FieldType::RelTime, ArgKind::None, "whole seconds of evt.latency",
     x_latency_part<Part::Seconds>, FieldDep::Event},
    {"evt.latency.ns", FieldType::RelTimePadded, ArgKind::None, "nanoseconds part of evt.latency (9 digits)",
     x_latency_part<Part::Nanoseconds>, FieldDep::Event},
    {"evt.latency.human", FieldType::String, ArgKind::None, "evt.latency as text with a unit (3.43us, 12ms)",
     x_latency_human, FieldDep::Event},
    {"evt.deltatime", FieldType::RelTime, ArgKind::None,
     "nanoseconds since the previous event printed (in a filter: the previous event filtered)", x_deltatime_part<Part::Whole>},
    {"evt.deltatime.s", FieldType::RelTime, ArgKind::None, "whole seconds of evt.deltatime",
     x_deltatime_part<Part::Seconds>},
    {"evt.deltatime.ns", FieldType::RelTimePadded, ArgKind::None, "nanoseconds part of evt.deltatime (9 digits)",
     x_deltatime_part<Part::Nanoseconds>},
    {"evt.is_open_read", FieldType::Bool, ArgKind::None, "true for opens of a file for reading",
     x_is_open_read, FieldDep::Event},
    {"evt.is_open_write", FieldType::Bool, ArgKind::None, "true for opens of a file for writing",
     x_is_open_write, FieldDep::Event},
    {"evt.is_open_exec", FieldType::Bool, ArgKind::None,
     "true for opens and creats that create a file with execute permission", x_is_open_exec, FieldDep::Event},
    {"evt.is_wait", FieldType::Bool, ArgKind::None, "true for calls that make the thread wait (poll, nanosleep)",
     x_is_wait, FieldDep::Context},
    {"evt.wait_latency", FieldType::RelTime, ArgKind::None,
     "for exits of calls that wait, nanoseconds spent waiting", x_wait_latency, FieldDep::Event},
    {"evt.io_dir", FieldType::String, ArgKind::None, "'read' or 'write' for calls that read or write an fd",
     x_io_dir, FieldDep::Context},
    {"evt.category", FieldType::String, ArgKind::None,
     "the event's category: file, net, memory, process, ...; I/O calls by their fd's kind", x_category,
     FieldDep::Context},
    {"evt.type.is", FieldType::Uint64, ArgKind::Name,
     "1 for events of the type named (evt.type.is.open), else 0", x_type_is, FieldDep::Context},
    {"evt.count", FieldType::Uint64, ArgKind::None, "always 1: counts events", x_count, FieldDep::Context},
    {"evt.count.error", FieldType::Uint64, ArgKind::None, "1 for calls that returned an error",
     x_count_error, FieldDep::Context},
    {"evt.count.error.file", FieldType::Uint64, ArgKind::None, "1 for failed calls on files",
     x_count_error_class<ErrorClass::File>, FieldDep::Context},
    {"evt.count.error.net", FieldType::Uint64, ArgKind::None, "1 for failed calls on network or unix sockets",
     x_count_error_class<ErrorClass::Net>, FieldDep::Context},
    {"evt.count.error.memory", FieldType::Uint64, ArgKind::None, "1 for failed memory calls (brk, mmap)",
     x_count_error_class<ErrorClass::Memory>, FieldDep::Context},
    {"evt.count.error.other", FieldType::Uint64, ArgKind::None, "1 for failed calls that are none of the above",
     x_count_error_class<ErrorClass::Other>, FieldDep::Context},
    {"evt.count.exit", FieldType::Uint64, ArgKind::None, "1 for exit events: counts calls", x_count_exit,
     FieldDep::Context},
    {"evt.abspath", FieldType::String, ArgKind::None,
     "absolute path a call names by a directory fd and a path (openat, mkdirat, unlinkat, renameat's source)",
     x_abspath<Which::Default>},
    {"evt.abspath.src", FieldType::String, ArgKind::None, "evt.abspath: the source path of renameat and linkat",
     x_abspath<Which::Src>},
    {"evt.abspath.dst", FieldType::String, ArgKind::None,
     "evt.abspath: the destination path of renameat and linkat", x_abspath<Which::Dst>},
    {"evt.is_syslog", FieldType::Bool, ArgKind::None, "true for writes to /dev/log", x_is_syslog,
     FieldDep::Context},
};

}  // namespace

std::span<const FieldDef> evt_more_fields() { return kEvtMoreFields; }

}  // namespace tracetop::filter
