// What a capture carries besides events (scap-format.md §4–8): the machine,
// its interfaces, users and groups, threads and their fds. Plain structs, so
// a source can produce them and the model consume them without knowing each
// other. Header records are few; they may allocate.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracetop::event {

struct MachineInfo {
    uint32_t num_cpus = 0;
    uint64_t memory_bytes = 0;
    uint64_t max_pid = 0;
    std::string hostname;
    uint64_t boot_ts_epoch = 0;
    uint64_t flags = 0;
};

struct InterfaceRecord {
    uint16_t type = 0;  // 1 IPv4, 2 IPv6, 3/4 the same without linkspeed
    std::string name;
    std::array<uint8_t, 16> addr{};
    std::array<uint8_t, 16> netmask{};
    std::array<uint8_t, 16> bcast{};
    uint64_t linkspeed = 0;

    bool is_ipv6() const { return type == 2 || type == 4; }
};

struct UserRecord {
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::string name;
    std::string home;
    std::string shell;
};

struct GroupRecord {
    uint32_t gid = 0;
    std::string name;
};

// One process-list entry: one thread (§7). Lists (args, env, cgroups) keep
// their on-disk form: NUL-terminated items back to back.
struct ThreadRecord {
    int64_t tid = 0;
    int64_t pid = 0;
    int64_t ptid = 0;
    int64_t sid = -1;  // -1: the list's version has none (as sinsp reads it)
    int64_t vpgid = -1;
    std::string comm;
    std::string exe;
    std::string exepath;
    std::string args;
    std::string cwd;
    int64_t fdlimit = 0;
    uint32_t flags = 0;
    uint32_t uid = 0;
    uint32_t gid = 0;
    uint32_t vmsize_kb = 0;
    uint32_t vmrss_kb = 0;
    uint32_t vmswap_kb = 0;
    uint64_t pfmajor = 0;
    uint64_t pfminor = 0;
    std::string env;
    int64_t vtid = 0;
    int64_t vpid = 0;
    std::string cgroups;
    std::string root;
    uint32_t loginuid = 0xFFFFFFFF;  // missing = none
    uint8_t exe_writable = 0;
};

// fd types of the fd list (§8).
enum class FdRecordType : uint8_t {
    Unknown = 0,
    File = 1,
    Directory = 2,
    Ipv4Sock = 3,
    Ipv6Sock = 4,
    Ipv4ServSock = 5,
    Ipv6ServSock = 6,
    Fifo = 7,
    UnixSock = 8,
    Event = 9,
    Unsupported = 10,
    SignalFd = 11,
    EventPoll = 12,
    Inotify = 13,
    TimerFd = 14,
    Netlink = 15,
    FileV2 = 16,
    Bpf = 17,
    UserFaultFd = 18,
    IoUring = 19,
    MemFd = 20,
    PidFd = 21,
};

struct FdRecord {
    int64_t fd = 0;
    uint64_t ino = 0;
    FdRecordType type = FdRecordType::Unknown;
    uint32_t open_flags = 0;  // FILE_V2 only (PPM_O_*)
    std::string name;         // files, dirs, fifos, unix sockets, the named others
    // Sockets: addresses in network byte order (4 or 16 bytes used), host-order ports.
    std::array<uint8_t, 16> sip{};
    std::array<uint8_t, 16> dip{};
    uint16_t sport = 0;
    uint16_t dport = 0;
    uint8_t l4proto = 0;
    uint64_t unix_source = 0;
    uint64_t unix_dest = 0;
    std::optional<uint32_t> dev;  // FILE_V2 entries long enough to hold it
};

struct ThreadFdList {
    int64_t tid = 0;
    std::vector<FdRecord> fds;
};

// Everything before the first event block of a section.
struct CaptureHeader {
    uint16_t major_version = 1;
    uint16_t minor_version = 2;
    std::optional<MachineInfo> machine;
    std::vector<InterfaceRecord> interfaces;
    std::vector<UserRecord> users;
    std::vector<GroupRecord> groups;
    std::vector<ThreadRecord> threads;
    std::vector<ThreadFdList> fd_lists;
};

}  // namespace tracetop::event
