// One process's open file descriptors, as sysdig's fd.* fields see them.
// Threads of a process that share their files (CLONE_FILES) share one table.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "state/ids.h"
#include "state/interned_string.h"

namespace tracetop::state {

// sysdig's fd types (scap_fd_type); the "file v2" record type is a File here.
enum class FdType : uint8_t {
    Unknown,
    File,
    Directory,
    Ipv4Socket,
    Ipv6Socket,
    Ipv4Server,
    Ipv6Server,
    Fifo,
    Unix,
    Event,
    Unsupported,
    SignalFd,
    EventPoll,
    Inotify,
    TimerFd,
    Netlink,
    Bpf,
    UserFaultFd,
    IoUring,
    MemFd,
    PidFd,
};

// Layer-4 protocol codes as the capture format numbers them (scap-format.md §8).
enum class L4Proto : uint8_t { Unknown = 0, NotApplicable = 1, Tcp = 2, Udp = 3, Icmp = 4, Raw = 5 };

// Which end of a connection this process is; decides how a tuple reads.
enum class SocketRole : uint8_t { None, Client, Server };

// Socket addresses. IPv4 uses the first 4 bytes of an address, in network
// order; ports are host order. A server socket keeps its bound address in
// `sip`/`sport`. Unix sockets keep the kernel socket pointers.
struct SocketEnds {
    std::array<uint8_t, 16> sip{};
    std::array<uint8_t, 16> dip{};
    uint16_t sport = 0;
    uint16_t dport = 0;
    L4Proto l4proto = L4Proto::Unknown;
    uint64_t unix_source = 0;
    uint64_t unix_dest = 0;
};

struct FdEntry {
    FdType type = FdType::Unknown;
    InternedString name;      // sysdig's fd.name
    uint32_t open_flags = 0;  // PPM_O_* of files
    uint64_t ino = 0;
    uint32_t dev = 0;
    SocketEnds socket;
    SocketRole role = SocketRole::None;
    // Bound to port 0 and not connected: the name (bind's argument) shows
    // port 0 until an event's tuple, read from the kernel socket, tells the
    // port the kernel chose.
    bool bound_port_unknown = false;
    // sysdig's fd.connected: set by a connect that succeeded or is under way
    // (EINPROGRESS), on the socket an accept returns, and by a read or write
    // that succeeded on an IP socket; copies keep it.
    bool connected = false;
    // fd.dev has a value: the open is in the capture (an open without the
    // device parameter, as older captures have, gives 0 as in sysdig), or
    // the capture's fd table gave the device.
    bool dev_known = false;

    bool is_ip_socket() const { return type == FdType::Ipv4Socket || type == FdType::Ipv6Socket; }
    bool is_server_socket() const { return type == FdType::Ipv4Server || type == FdType::Ipv6Server; }
    bool is_ipv4_tcp() const { return type == FdType::Ipv4Socket && socket.l4proto == L4Proto::Tcp; }
    bool is_ipv4_udp() const { return type == FdType::Ipv4Socket && socket.l4proto == L4Proto::Udp; }

    // The protocol sysdig reports: a connection whose role is still unknown
    // reports "not applicable" (and so renders without the t/u letter).
    L4Proto reported_l4proto() const;
};

// sysdig's one-letter type code shown in "fd=3(<f>/etc/passwd)"; '?' for
// types sysdig 0.29.3 does not know.
char fd_type_char(FdType type);
// sysdig's fd.type string; "" where sysdig prints <NA>.
std::string_view fd_type_name(FdType type);
// The second letter after the type for IP sockets (t, u, i, r), or 0.
char l4proto_char(L4Proto proto);
// fd.l4proto strings: tcp, udp, icmp, raw, or "" when unknown.
std::string_view l4proto_name(L4Proto proto);

class FdTable {
public:
    using Map = std::unordered_map<Fd, FdEntry>;

    FdTable() = default;
    // A copy has its own entries: the recent lookups are not carried over.
    FdTable(const FdTable& other) : entries_(other.entries_) {}
    FdTable& operator=(const FdTable& other) {
        entries_ = other.entries_;
        forget();
        return *this;
    }

    const FdEntry* find(Fd fd) const;
    // The model's own lookup, per event: the last few fds found are kept
    // (issue 15, session 11: the map's bucket division and node walk were a
    // twentieth of a pass over a steady capture, where a few fds take
    // every call). Only here, not in the const lookup: a table read from
    // several threads is never written.
    FdEntry* find(Fd fd);
    // Adds or replaces the entry for `fd`; the returned pointer stays valid
    // until that fd is erased or replaced.
    FdEntry* put(Fd fd, FdEntry entry);
    void erase(Fd fd) {
        forget();
        entries_.erase(fd);
    }
    void clear() {
        forget();
        entries_.clear();
    }
    size_t size() const { return entries_.size(); }
    const Map& entries() const { return entries_; }
    Map& entries() {
        forget();  // the caller may erase through it
        return entries_;
    }

private:
    struct Found {
        Fd fd = 0;
        FdEntry* entry = nullptr;  // null: empty
    };
    static constexpr size_t kFound = 4;
    void forget() { found_ = {}; }
    Map entries_;
    std::array<Found, kFound> found_{};  // by the fd's low bits
};

}  // namespace tracetop::state
