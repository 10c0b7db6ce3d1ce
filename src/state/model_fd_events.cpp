// Events that open, name, duplicate and close fds: files, pipes, the other
// anonymous fd kinds, and sockets (socket, bind, connect, accept, and the
// tuples that sendto/recvfrom/sendmsg/recvmsg reveal).
#include <algorithm>
#include <cstring>
#include <optional>
#include <span>

#include "state/event_codes.h"
#include "state/model.h"
#include "state/param_access.h"
#include "state/path_resolution.h"
#include "state/socket_names.h"

namespace tracetop::state {
namespace {

using event::EventView;

// Native socket constants carried by socket()'s type/protocol (not PPM values).
constexpr uint32_t kSockStream = 1;
constexpr uint32_t kSockDgram = 2;
constexpr uint32_t kSockRaw = 3;
constexpr uint32_t kProtoIp = 0;
constexpr uint32_t kProtoIcmp = 1;
constexpr uint32_t kProtoTcp = 6;
constexpr uint32_t kProtoUdp = 17;
constexpr uint32_t kProtoRaw = 255;
constexpr int64_t kEinprogress = -115;

uint32_t ipv4_value(const std::array<uint8_t, 16>& a) { return event::load_le<uint32_t>(a.data()); }

void set_ipv4(std::array<uint8_t, 16>& a, const uint8_t* ip4) {
    a = {};
    std::memcpy(a.data(), ip4, 4);
}

void set_ipv6(std::array<uint8_t, 16>& a, const uint8_t* ip16) { std::memcpy(a.data(), ip16, 16); }

// sinsp reads an IPv6 socket's ports through its IPv4 view of the same bytes
// when guessing roles: the "ports" are bytes 8..11 of the source address.
uint16_t ipv4_view_sport(const FdEntry& e) {
    return e.type == FdType::Ipv6Socket ? event::load_le<uint16_t>(e.socket.sip.data() + 8) : e.socket.sport;
}
uint16_t ipv4_view_dport(const FdEntry& e) {
    return e.type == FdType::Ipv6Socket ? event::load_le<uint16_t>(e.socket.sip.data() + 10) : e.socket.dport;
}

// Address slots hold 16 bytes; IPv4 uses the first 4 (the rest zero).
size_t addr_size(FdType type) { return type == FdType::Ipv6Socket ? 16 : 4; }
bool same_addr(const std::array<uint8_t, 16>& a, const uint8_t* ip, size_t n) {
    return std::memcmp(a.data(), ip, n) == 0;
}
void set_addr(std::array<uint8_t, 16>& a, const uint8_t* ip, size_t n) {
    if (n == 4) set_ipv4(a, ip);
    else set_ipv6(a, ip);
}
bool addr_unset(const std::array<uint8_t, 16>& a, size_t n) {
    return std::all_of(a.begin(), a.begin() + static_cast<ptrdiff_t>(n), [](uint8_t b) { return b == 0; });
}

// An IPv4 or IPv6 socket address parameter (family, address, port); an
// IPv4-mapped IPv6 address counts as IPv4. Nothing for other families.
struct InetAddr {
    const uint8_t* ip;
    uint16_t port;
    bool v6;
};
std::optional<InetAddr> parse_inet_addr(std::span<const uint8_t> addr) {
    if (addr.empty()) return std::nullopt;
    if (addr[0] == kFamilyInet && addr.size() >= 7) {
        return InetAddr{addr.data() + 1, event::load_le<uint16_t>(addr.data() + 5), false};
    }
    if (addr[0] != kFamilyInet6 || addr.size() < 19) return std::nullopt;
    const uint16_t port = event::load_le<uint16_t>(addr.data() + 17);
    if (is_ipv4_mapped(addr.data() + 1)) return InetAddr{addr.data() + 13, port, false};
    return InetAddr{addr.data() + 1, port, true};
}

// Stores a connection's ends (addresses of `type`'s family) the way sinsp
// does: the source end is replaced, the destination only filled in while
// unknown. False when nothing changed.
bool store_ends(FdEntry& e, FdType type, const uint8_t* sip, uint16_t sport, const uint8_t* dip, uint16_t dport) {
    SocketEnds& s = e.socket;
    const size_t n = addr_size(type);
    if (e.type == type) {
        const bool same = same_addr(s.sip, sip, n) && sport == s.sport && same_addr(s.dip, dip, n) && dport == s.dport;
        const bool reversed =
            same_addr(s.sip, dip, n) && dport == s.sport && same_addr(s.dip, sip, n) && sport == s.dport;
        if (same || reversed) return false;
    }
    bool changed = false;
    if (!same_addr(s.sip, sip, n)) {
        set_addr(s.sip, sip, n);
        changed = true;
    }
    if (s.sport != sport) {
        s.sport = sport;
        changed = true;
    }
    if (addr_unset(s.dip, n)) {
        set_addr(s.dip, dip, n);
        changed = true;
    }
    if (s.dport == 0) {
        s.dport = dport;
        changed = true;
    }
    return changed;
}

// Stores a tuple's ends, treating IPv4-mapped IPv6 tuples as IPv4.
bool store_tuple_ends(FdEntry& e, const TupleView& t) {
    const bool mapped = t.family != kFamilyInet && is_ipv4_mapped(t.sip) && is_ipv4_mapped(t.dip);
    const size_t skip = mapped ? 12 : 0;
    e.type = t.family == kFamilyInet || mapped ? FdType::Ipv4Socket : FdType::Ipv6Socket;
    return store_ends(e, e.type, t.sip + skip, t.sport, t.dip + skip, t.dport);
}

void swap_ends(FdEntry& e) {
    std::swap(e.socket.sip, e.socket.dip);
    std::swap(e.socket.sport, e.socket.dport);
}

bool is_accept_exit(event::EventType type) {
    return type == codes::kAcceptOldX || type == codes::kAccept4OldX || type == codes::kAcceptX ||
           type == codes::kAccept4X || type == codes::kAccept4NewX;
}

// The fd kind an anonymous-fd creating call yields, or Unknown.
FdType simple_fd_kind(event::EventType type) {
    switch (type) {
        case codes::kEventfdX:
        case codes::kEventfd2X: return FdType::Event;
        case codes::kSignalfdX:
        case codes::kSignalfd4X: return FdType::SignalFd;
        case codes::kTimerfdCreateX: return FdType::TimerFd;
        case codes::kInotifyInitX:
        case codes::kInotifyInit1X: return FdType::Inotify;
        case codes::kEpollCreateX:
        case codes::kEpollCreate1X: return FdType::EventPoll;
        default: return FdType::Unknown;
    }
}

// The enter param holding a path is used when it is present and not "(NULL)".
bool usable_enter_path(const EventView& enter, uint32_t i) {
    return !enter.param(i).empty() && string_param(enter, i) != "(NULL)";
}

// sysdig's guess of fd.typechar for a call that left no fd entry.
char creator_typechar(event::EventType type) {
    switch (type & ~1u) {
        case codes::kOpenE:
        case codes::kOpenatOldE:
        case codes::kOpenatE:
        case codes::kOpenat2E:
        case codes::kCreatE: return 'f';
        case codes::kSocketE:
        case codes::kAcceptOldX & ~1u:
        case codes::kAccept4OldX & ~1u:
        case codes::kAcceptX & ~1u:
        case codes::kAccept4X & ~1u: return '4';
        case codes::kPipeX & ~1u: return 'p';
        case codes::kEventfdX & ~1u: return 'e';
        case codes::kSignalfdX & ~1u: return 's';
        case codes::kTimerfdCreateX & ~1u: return 't';
        case codes::kInotifyInitX & ~1u: return 'i';
        default: return 'o';
    }
}

}  // namespace

FdEntry* Model::add_fd(ThreadInfo& thread, Fd fd, FdEntry entry) {
    thread.last_event_fd = fd;
    return fd_table(thread).put(fd, std::move(entry));
}

std::string_view Model::directory_for(const ThreadInfo& thread, std::string_view path, Fd dirfd) {
    if (!path.empty() && path[0] == '/') return ".";
    if (dirfd == kAtFdCwd) {
        const ThreadInfo* main = main_thread_of(thread);
        return main != nullptr ? main->cwd.view() : std::string_view{};
    }
    // sinsp leaves the directory's entry as the event's fd (seen when the open fails).
    event_fd_entry_ = thread.fds ? thread.fds->find(dirfd) : nullptr;
    if (event_fd_entry_ == nullptr) return "<UNKNOWN>";
    event_fd_name_before_ = event_fd_entry_->name.identity();
    dir_scratch_.assign(event_fd_entry_->name.view());
    dir_scratch_.push_back('/');
    return dir_scratch_;
}

void Model::handle_file_event(const EventView& ev, ThreadInfo& thread) {
    const event::EventType type = ev.type;
    switch (type) {
        case codes::kOpenX:
        case codes::kCreatX:
        case codes::kOpenatOldX:
        case codes::kOpenatX:
        case codes::kOpenat2X: {
            const Fd fd = int_param(ev, 0, -1);
            const EventView* enter = current_enter_;
            std::string_view name;
            uint32_t flags = 0;
            uint32_t dev = 0;
            std::string_view dir;
            if (type == codes::kOpenX || type == codes::kCreatX) {
                name = string_param(ev, 1);
                if (type == codes::kOpenX) {
                    flags = static_cast<uint32_t>(uint_param(ev, 2));
                    if (ev.nparams() > 4) dev = static_cast<uint32_t>(uint_param(ev, 4));
                    if (enter != nullptr && enter->nparams() >= 2 && usable_enter_path(*enter, 0)) {
                        name = string_param(*enter, 0);
                        flags = static_cast<uint32_t>(uint_param(*enter, 1));
                    }
                } else {
                    if (ev.nparams() > 3) dev = static_cast<uint32_t>(uint_param(ev, 3));
                    if (enter != nullptr && enter->nparams() >= 1 && usable_enter_path(*enter, 0)) {
                        name = string_param(*enter, 0);
                    }
                }
                const ThreadInfo* main = main_thread_of(thread);
                dir = main != nullptr ? main->cwd.view() : std::string_view{};
            } else if (type == codes::kOpenatOldX) {
                if (enter == nullptr || enter->nparams() < 3) return;
                name = string_param(*enter, 1);
                flags = static_cast<uint32_t>(uint_param(*enter, 2));
                dir = directory_for(thread, name, int_param(*enter, 0));
            } else {
                name = string_param(ev, 2);
                flags = static_cast<uint32_t>(uint_param(ev, 3));
                Fd dirfd = int_param(ev, 1);
                if (type == codes::kOpenatX && ev.nparams() > 5) dev = static_cast<uint32_t>(uint_param(ev, 5));
                if (enter != nullptr && enter->nparams() >= 3 && usable_enter_path(*enter, 1)) {
                    name = string_param(*enter, 1);
                    flags = static_cast<uint32_t>(uint_param(*enter, 2));
                    dirfd = int_param(*enter, 0);
                }
                dir = directory_for(thread, name, dirfd);
            }
            if (fd < 0) return;
            join_paths(dir, name, path_scratch_);
            FdEntry e;
            e.type = (flags & codes::kOpenDirectory) != 0 ? FdType::Directory : FdType::File;
            e.open_flags = flags;
            e.dev = dev;
            e.dev_known = true;
            e.name = strings_.intern(path_scratch_);
            event_fd_entry_ = add_fd(thread, fd, std::move(e));
            return;
        }
        case codes::kCloseX:
            if (int_param(ev, 0, -1) >= 0 && event_fd_entry_ != nullptr) {
                pending_fd_tid_ = thread.tid;
                pending_fd_removals_.push_back(thread.last_event_fd);
            }
            return;
        case codes::kDupX:
        case codes::kDup1X:
        case codes::kDup2X:
        case codes::kDup3X: {
            const Fd res = int_param(ev, 0, -1);
            if (res < 0 || event_fd_entry_ == nullptr) return;
            FdEntry copy = *event_fd_entry_;
            event_fd_entry_ = add_fd(thread, res, std::move(copy));
            return;
        }
        case codes::kFcntlX: {
            int64_t cmd = -1;
            if (current_enter_ != nullptr) {
                cmd = static_cast<int64_t>(uint_param(*current_enter_, 1));
            } else if (ev.nparams() >= 3) {
                cmd = static_cast<int64_t>(uint_param(ev, 2));
            }
            if (cmd != codes::kFcntlDupFd && cmd != codes::kFcntlDupFdCloexec) return;
            const Fd res = int_param(ev, 0, -1);
            if (res < 0 || event_fd_entry_ == nullptr) return;
            FdEntry copy = *event_fd_entry_;
            event_fd_entry_ = add_fd(thread, res, std::move(copy));
            return;
        }
        case codes::kPipeX:
        case codes::kPipe2X: {
            if (int_param(ev, 0, -1) < 0 || ev.nparams() < 4) return;
            FdEntry e;
            e.type = FdType::Fifo;
            e.ino = uint_param(ev, 3);
            add_fd(thread, int_param(ev, 1), e);
            event_fd_entry_ = add_fd(thread, int_param(ev, 2), e);
            return;
        }
        default: {
            const FdType kind = simple_fd_kind(type);
            if (kind == FdType::Unknown) return;
            const Fd fd = int_param(ev, 0, -1);
            if (fd < 0) return;
            FdEntry e;
            e.type = kind;
            event_fd_entry_ = add_fd(thread, fd, std::move(e));
            return;
        }
    }
}

void Model::add_socket(ThreadInfo& thread, Fd fd, uint32_t domain, uint32_t type, uint32_t protocol) {
    FdEntry e;
    if (domain == kFamilyUnix) {
        e.type = FdType::Unix;
    } else if (domain == kFamilyInet || domain == kFamilyInet6) {
        e.type = domain == kFamilyInet ? FdType::Ipv4Socket : FdType::Ipv6Socket;
        L4Proto l4 = L4Proto::Unknown;
        // sinsp compares the whole type (flags included) with SOCK_RAW.
        if (protocol == kProtoTcp) {
            l4 = type == kSockRaw ? L4Proto::Raw : L4Proto::Tcp;
        } else if (protocol == kProtoUdp) {
            l4 = type == kSockRaw ? L4Proto::Raw : L4Proto::Udp;
        } else if (protocol == kProtoIp) {
            if ((type & 0xFF) == kSockStream) l4 = L4Proto::Tcp;
            if ((type & 0xFF) == kSockDgram) l4 = L4Proto::Udp;
        } else if (protocol == kProtoIcmp) {
            l4 = type == kSockRaw ? L4Proto::Raw : L4Proto::Icmp;
        } else if (protocol == kProtoRaw) {
            l4 = L4Proto::Raw;
        }
        e.socket.l4proto = l4;
    } else if (domain == kFamilyNetlink) {
        e.type = FdType::Netlink;
    } else {
        return;  // sinsp does not track sockets of other families
    }
    event_fd_entry_ = add_fd(thread, fd, std::move(e));
}

void Model::infer_local_ipv4(FdEntry& entry) const {
    if (entry.type != FdType::Ipv4Socket) return;
    SocketEnds& s = entry.socket;
    const uint32_t sip = ipv4_value(s.sip);
    const uint32_t dip = ipv4_value(s.dip);
    if (sip != 0 && dip != 0) return;
    // Which local interface address would talk to `peer`.
    auto infer = [this](uint32_t peer) -> uint32_t {
        for (const auto& itf : ipv4_interfaces_) {
            if (event::load_le<uint32_t>(itf.data()) == peer) return peer;
        }
        for (const auto& itf : ipv4_interfaces_) {
            const uint32_t addr = event::load_le<uint32_t>(itf.data());
            const uint32_t mask = event::load_le<uint32_t>(itf.data() + 4);
            if ((addr & mask) == (peer & mask)) return addr;
        }
        constexpr std::array<uint8_t, 4> kLoopback{127, 0, 0, 1};
        for (const auto& itf : ipv4_interfaces_) {
            if (!std::equal(kLoopback.begin(), kLoopback.end(), itf.begin())) {
                return event::load_le<uint32_t>(itf.data());
            }
        }
        return 0;
    };
    const uint32_t known = sip == 0 ? dip : sip;
    const uint32_t guessed = infer(known);
    if (guessed == known && s.sport == s.dport) return;
    std::array<uint8_t, 4> bytes{};
    std::memcpy(bytes.data(), &guessed, 4);
    set_ipv4(sip == 0 ? s.sip : s.dip, bytes.data());
}

// The IPv6 side of the same guess (sinsp 0.29's, for a tuple with one end
// unknown, "::"): an interface with the peer's address, else one in the
// peer's /64 (sinsp keeps no prefix length), else the first that is not
// ::1; "::" when nothing fits.
void Model::infer_local_ipv6(FdEntry& entry) const {
    if (entry.type != FdType::Ipv6Socket) return;
    SocketEnds& s = entry.socket;
    constexpr std::array<uint8_t, 16> kUnset{};
    if (s.sip != kUnset && s.dip != kUnset) return;
    const auto infer = [this](const std::array<uint8_t, 16>& peer) -> std::array<uint8_t, 16> {
        for (const auto& itf : ipv6_interfaces_) {
            if (itf == peer) return itf;
        }
        for (const auto& itf : ipv6_interfaces_) {
            if (std::equal(itf.begin(), itf.begin() + 8, peer.begin())) return itf;
        }
        constexpr std::array<uint8_t, 16> kLoopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        for (const auto& itf : ipv6_interfaces_) {
            if (itf != kLoopback) return itf;
        }
        return {};
    };
    const bool source_unset = s.sip == kUnset;
    const std::array<uint8_t, 16>& known = source_unset ? s.dip : s.sip;
    const std::array<uint8_t, 16> guessed = infer(known);
    if (guessed == known && s.sport == s.dport) return;
    (source_unset ? s.sip : s.dip) = guessed;
}

void Model::rename_socket(FdEntry& entry) {
    scratch_.clear();
    append_socket_name(entry, scratch_);
    entry.name = intern_buffer();
}

bool Model::update_socket_from_tuple(FdEntry& entry, std::span<const uint8_t> raw) {
    TupleView t;
    if (!parse_tuple(raw, t)) return false;
    if (t.family == kFamilyInet || t.family == kFamilyInet6) {
        if (!store_tuple_ends(entry, t)) return false;
    } else if (t.family == kFamilyUnix) {
        entry.type = FdType::Unix;
        entry.socket.unix_source = t.unix_source;
        entry.socket.unix_dest = t.unix_dest;
        return true;
    }
    // A datagram socket sinsp knew nothing about is assumed to be UDP.
    if (entry.is_ip_socket() && entry.socket.l4proto == L4Proto::Unknown) entry.socket.l4proto = L4Proto::Udp;
    infer_local_ipv4(entry);
    infer_local_ipv6(entry);
    return true;
}

void Model::guess_role(ThreadInfo& thread, FdEntry& entry, bool incoming) {
    const FdTable& table = fd_table(thread);
    const uint16_t remote_port = ipv4_view_dport(entry);
    const uint16_t local_port = ipv4_view_sport(entry);
    bool bound = false;
    bool uses_client_port = false;
    for (const auto& [fd, e] : table.entries()) {
        if (e.type == FdType::Ipv4Socket && e.socket.dport == remote_port) bound = true;
        if (e.type == FdType::Ipv4Server && e.socket.sport == remote_port) bound = true;
        if (e.type == FdType::Ipv4Socket && e.socket.sport == local_port) uses_client_port = true;
    }
    if (!bound) {
        entry.role = SocketRole::Client;
    } else if (!uses_client_port) {
        entry.role = SocketRole::Server;
    } else if (entry.role == SocketRole::None) {
        // No better clue: a server usually starts by reading, a client by writing.
        entry.role = incoming ? SocketRole::Server : SocketRole::Client;
    }
}

// The name bind gives a socket bound to `ip` (4 or 16 bytes) and `port`:
// bind's sockaddr as sysdig renders it.
void Model::append_bound_name(bool v6, const uint8_t* ip, uint16_t port) {
    uint8_t raw[19] = {};
    raw[0] = v6 ? kFamilyInet6 : kFamilyInet;
    const size_t ip_len = v6 ? 16 : 4;
    if (ip != nullptr) std::memcpy(raw + 1, ip, ip_len);
    std::memcpy(raw + 1 + ip_len, &port, 2);
    scratch_.clear();
    append_sockaddr_param(std::span<const uint8_t>(raw, 1 + ip_len + 2), scratch_);
}

// A socket bound to port 0 and not connected learns its port from the local
// end of a tuple the probe read from the kernel socket (outbound tuples put
// it first; unconnected, its address is the bound one).
void Model::learn_bound_port(FdEntry& entry, std::span<const uint8_t> tuple, bool inbound) {
    TupleView t;
    if (!entry.bound_port_unknown || !parse_tuple(tuple, t)) return;
    if (t.family != kFamilyInet && t.family != kFamilyInet6) return;
    const uint16_t port = inbound ? t.dport : t.sport;
    if (port == 0) return;
    entry.bound_port_unknown = false;
    append_bound_name(t.family == kFamilyInet6, inbound ? t.dip : t.sip, port);
    entry.name = intern_buffer();
}

// sysdig's accept events do not name the listener: the accepted connection's
// local end gives its port to the one unconnected TCP socket of the process
// that bind named with that address (or the any address) and port 0; with
// several such sockets nothing is learnt. It becomes what a bind to that
// port would have made it.
void Model::learn_listener_port(ThreadInfo& thread, const TupleView& accepted) {
    const bool v6 = accepted.family == kFamilyInet6;
    if (accepted.dport == 0) return;
    append_bound_name(v6, accepted.dip, 0);
    const std::string on_address(scratch_.data(), scratch_.size());
    append_bound_name(v6, nullptr, 0);
    const std::string on_any(scratch_.data(), scratch_.size());
    FdEntry* listener = nullptr;
    bool any = false;
    for (auto& [fd, e] : fd_table(thread).entries()) {
        if (!e.bound_port_unknown || e.socket.l4proto != L4Proto::Tcp) continue;
        if (e.type != (v6 ? FdType::Ipv6Socket : FdType::Ipv4Socket)) continue;
        const std::string_view name = e.name.view();
        if (name != on_address && name != on_any) continue;
        if (listener != nullptr) return;
        listener = &e;
        any = name == on_any;
    }
    if (listener == nullptr) return;
    listener->type = v6 ? FdType::Ipv6Server : FdType::Ipv4Server;
    listener->role = SocketRole::Server;
    listener->bound_port_unknown = false;
    listener->socket.sip = {};
    if (!any) std::memcpy(listener->socket.sip.data(), accepted.dip, v6 ? 16 : 4);
    listener->socket.sport = accepted.dport;
    append_bound_name(v6, listener->socket.sip.data(), accepted.dport);
    listener->name = intern_buffer();
}

void Model::name_socket_after_io(const EventView& ev, ThreadInfo& thread, std::span<const uint8_t> tuple,
                                 bool incoming) {
    (void)ev;
    FdEntry& entry = *event_fd_entry_;
    if (!entry.name.empty() && entry.is_ipv4_tcp()) return;
    if (!update_socket_from_tuple(entry, tuple)) return;
    entry.bound_port_unknown = false;
    if (entry.is_ip_socket()) {
        if (entry.role == SocketRole::None) guess_role(thread, entry, incoming);
        // Name it client->server: a client reading or a server writing sees the tuple reversed.
        if (incoming ? entry.role == SocketRole::Client : entry.role == SocketRole::Server) swap_ends(entry);
        rename_socket(entry);
    } else {
        scratch_.clear();
        append_tuple_param(tuple, scratch_);
        entry.name = intern_buffer();
    }
}

void Model::handle_socket_event(const EventView& ev, ThreadInfo& thread) {
    const event::EventType type = ev.type;
    switch (type) {
        case codes::kSendtoE:
        case codes::kSendmsgE: {
            if (event_fd_entry_ != nullptr) {
                learn_bound_port(*event_fd_entry_, ev.param(2), false);
                return;
            }
            // A sendto on an fd never seen created: sinsp assumes a UDP socket.
            if (type != codes::kSendtoE) return;
            const Fd fd = int_param(ev, 0, -1);
            const auto tuple = ev.param(2);
            if (fd < 0 || tuple.empty()) return;
            if (tuple[0] == kFamilyInet || tuple[0] == kFamilyInet6) add_socket(thread, fd, tuple[0], kSockDgram, kProtoUdp);
            return;
        }
        case codes::kSocketX: {
            const Fd fd = int_param(ev, 0, -1);
            if (fd < 0) return;
            const EventView* src = current_enter_;
            uint32_t first = 0;
            if (src == nullptr && ev.nparams() >= 4) {
                src = &ev;  // current layouts repeat domain/type/proto in the exit
                first = 1;
            }
            if (src == nullptr || src->nparams() < first + 3) return;
            add_socket(thread, fd, static_cast<uint32_t>(uint_param(*src, first)),
                       static_cast<uint32_t>(uint_param(*src, first + 1)),
                       static_cast<uint32_t>(uint_param(*src, first + 2)));
            return;
        }
        case codes::kBindX: {
            if (event_fd_entry_ == nullptr || int_param(ev, 0, -1) < 0) return;
            const auto addr = ev.param(1);
            if (addr.empty()) return;
            FdEntry& e = *event_fd_entry_;
            if (const auto a = parse_inet_addr(addr)) {
                if (a->port > 0) {
                    e.type = a->v6 ? FdType::Ipv6Server : FdType::Ipv4Server;
                    set_addr(e.socket.sip, a->ip, a->v6 ? 16 : 4);
                    e.socket.sport = a->port;
                    e.role = SocketRole::Server;
                } else {
                    // Port 0: the kernel picks one; later events may tell it.
                    // (An IPv4-mapped address on an IPv6 socket is not tracked.)
                    e.bound_port_unknown = e.type == (a->v6 ? FdType::Ipv6Socket : FdType::Ipv4Socket);
                }
            }
            scratch_.clear();
            append_sockaddr_param(addr, scratch_);
            e.name = intern_buffer();
            return;
        }
        case codes::kConnectE: {
            if (event_fd_entry_ != nullptr) event_fd_entry_->bound_port_unknown = false;  // named by its tuple now
            if (event_fd_entry_ == nullptr || ev.nparams() < 2) return;
            const auto addr = ev.param(1);
            if (addr.empty()) return;
            FdEntry& e = *event_fd_entry_;
            if (const auto a = parse_inet_addr(addr)) {
                e.type = a->v6 ? FdType::Ipv6Socket : FdType::Ipv4Socket;
                set_addr(e.socket.dip, a->ip, a->v6 ? 16 : 4);
                e.socket.dport = a->port;
            } else {
                scratch_.clear();
                append_sockaddr_param(addr, scratch_);
                e.name = intern_buffer();
            }
            return;
        }
        case codes::kConnectX: {
            if (event_fd_entry_ == nullptr) return;
            const int64_t res = int_param(ev, 0, -1);
            if (res < 0 && res != kEinprogress) return;
            event_fd_entry_->connected = true;  // before the tuple, as sinsp: a connect without one still connects
            const auto raw = ev.param(1);
            TupleView t;
            if (!parse_tuple(raw, t)) return;
            FdEntry& e = *event_fd_entry_;
            if (t.family == kFamilyInet || t.family == kFamilyInet6) {
                const bool changed = store_tuple_ends(e, t);
                if (changed && e.role == SocketRole::Server && e.is_ipv4_udp()) swap_ends(e);
                rename_socket(e);
            } else {
                scratch_.clear();
                append_tuple_param(raw, scratch_);
                e.name = intern_buffer();
                e.socket.unix_source = t.unix_source;
                e.socket.unix_dest = t.unix_dest;
            }
            if (e.role == SocketRole::None) e.role = SocketRole::Client;
            return;
        }
        case codes::kSocketpairX: {
            if (int_param(ev, 0, -1) < 0 || ev.nparams() < 5) return;
            FdEntry e;
            e.type = FdType::Unix;
            e.socket.unix_source = uint_param(ev, 3);
            e.socket.unix_dest = uint_param(ev, 4);
            event_fd_entry_ = add_fd(thread, int_param(ev, 1), e);
            add_fd(thread, int_param(ev, 2), e);
            // sinsp's event keeps pointing at the first fd; fd.num is the second.
            return;
        }
        case codes::kRecvfromX:
        case codes::kRecvmsgX: {
            if (event_fd_entry_ == nullptr || int_param(ev, 0, -1) < 0) return;
            mark_connected_by_io(*event_fd_entry_);
            name_socket_after_io(ev, thread, ev.param(type == codes::kRecvfromX ? 2 : 3), true);
            return;
        }
        case codes::kSendtoX:
        case codes::kSendmsgX: {
            if (event_fd_entry_ == nullptr || int_param(ev, 0, -1) < 0) return;
            mark_connected_by_io(*event_fd_entry_);
            if (!event_fd_entry_->name.empty() && event_fd_entry_->is_ipv4_tcp()) return;
            std::span<const uint8_t> tuple;
            if (current_enter_ != nullptr) {
                tuple = current_enter_->param(2);
            } else if (ev.nparams() >= 5) {
                tuple = ev.param(4);  // current layouts carry the tuple in the exit
            } else {
                return;
            }
            name_socket_after_io(ev, thread, tuple, false);
            return;
        }
        default:
            break;
    }

    if (is_accept_exit(type)) {
        const Fd fd = int_param(ev, 0, -1);
        if (fd < 0) return;
        thread.last_event_fd = fd;
        const auto raw = ev.param(1);
        TupleView t;
        if (!parse_tuple(raw, t)) return;
        FdEntry e;
        if (t.family == kFamilyInet || t.family == kFamilyInet6) {
            learn_listener_port(thread, t);
            store_tuple_ends(e, t);
            e.socket.l4proto = L4Proto::Tcp;
        } else if (t.family == kFamilyUnix) {
            e.type = FdType::Unix;
            e.socket.unix_source = t.unix_source;
            e.socket.unix_dest = t.unix_dest;
        } else {
            return;
        }
        scratch_.clear();
        append_tuple_param(raw, scratch_);
        e.name = intern_buffer();
        e.role = SocketRole::Server;
        e.connected = true;
        event_fd_entry_ = add_fd(thread, fd, std::move(e));
    }
}

void Model::compute_fallback_fd_name(const EventView& ev, const ThreadInfo& thread) {
    const event::EventType type = ev.type;
    ctx_.fallback_typechar = creator_typechar(type);
    if (event::is_enter(type)) return;  // sysdig has no name to offer before the exit
    fallback_name_.clear();
    scratch_.clear();
    if (type == codes::kOpenX || type == codes::kCreatX) {
        const std::string_view name = string_param(ev, 1);
        const ThreadInfo* main = main_thread_of(thread);
        if (!name.empty() && name[0] != '/' && !name.starts_with(kUnknownName)) {
            join_paths(main != nullptr ? main->cwd.view() : std::string_view{}, name, fallback_name_);
        } else {
            for (char c : name) {
                const auto u = static_cast<unsigned char>(c);
                fallback_name_.push_back(u >= 0x20 && u < 0x7F ? c : '.');
            }
        }
    } else if (is_accept_exit(type) || type == codes::kConnectX) {
        append_tuple_param(ev.param(1), scratch_);
        fallback_name_.assign(scratch_.data(), scratch_.size());
    } else if (type == codes::kOpenatOldX || type == codes::kOpenatX || type == codes::kOpenat2X) {
        const EventView* src = type == codes::kOpenatOldX ? current_enter_ : &ev;
        if (src == nullptr) return;
        const uint32_t name_index = type == codes::kOpenatOldX ? 1 : 2;
        const uint32_t dirfd_index = type == codes::kOpenatOldX ? 0 : 1;
        const std::string_view name = string_param(*src, name_index);
        const std::string_view dir = directory_for(thread, name, int_param(*src, dirfd_index));
        join_paths(dir, name, fallback_name_);
    }
    ctx_.has_fallback_name = true;
    ctx_.fallback_name = fallback_name_;
}

}  // namespace tracetop::state
