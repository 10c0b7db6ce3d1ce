#include "state/fd_table.h"

namespace tracetop::state {

L4Proto FdEntry::reported_l4proto() const {
    switch (type) {
        case FdType::Ipv4Socket:
        case FdType::Ipv6Socket:
            if (socket.l4proto == L4Proto::Raw) return L4Proto::Raw;
            if (role == SocketRole::None) return L4Proto::NotApplicable;
            return socket.l4proto;
        case FdType::Ipv4Server:
        case FdType::Ipv6Server:
            return socket.l4proto;
        default:
            return L4Proto::NotApplicable;
    }
}

char fd_type_char(FdType type) {
    switch (type) {
        case FdType::File: return 'f';
        case FdType::Directory: return 'd';
        case FdType::Ipv4Socket:
        case FdType::Ipv4Server: return '4';
        case FdType::Ipv6Socket:
        case FdType::Ipv6Server: return '6';
        case FdType::Fifo: return 'p';
        case FdType::Unix: return 'u';
        case FdType::Event: return 'e';
        case FdType::Unknown: return 'o';
        case FdType::Unsupported: return 'X';
        case FdType::SignalFd: return 's';
        case FdType::EventPoll: return 'l';
        case FdType::Inotify: return 'i';
        case FdType::TimerFd: return 't';
        case FdType::Netlink: return 'n';
        default: return '?';
    }
}

std::string_view fd_type_name(FdType type) {
    switch (type) {
        case FdType::File: return "file";
        case FdType::Directory: return "directory";
        case FdType::Ipv4Socket:
        case FdType::Ipv4Server: return "ipv4";
        case FdType::Ipv6Socket:
        case FdType::Ipv6Server: return "ipv6";
        case FdType::Unix: return "unix";
        case FdType::Fifo: return "pipe";
        case FdType::Event: return "event";
        case FdType::SignalFd: return "signalfd";
        case FdType::EventPoll: return "eventpoll";
        case FdType::Inotify: return "inotify";
        case FdType::TimerFd: return "timerfd";
        case FdType::Netlink: return "netlink";
        default: return "";
    }
}

char l4proto_char(L4Proto proto) {
    switch (proto) {
        case L4Proto::Tcp: return 't';
        case L4Proto::Udp: return 'u';
        case L4Proto::Icmp: return 'i';
        case L4Proto::Raw: return 'r';
        default: return 0;
    }
}

std::string_view l4proto_name(L4Proto proto) {
    switch (proto) {
        case L4Proto::Tcp: return "tcp";
        case L4Proto::Udp: return "udp";
        case L4Proto::Icmp: return "icmp";
        case L4Proto::Raw: return "raw";
        default: return "";
    }
}

const FdEntry* FdTable::find(Fd fd) const {
    auto it = entries_.find(fd);
    return it == entries_.end() ? nullptr : &it->second;
}

FdEntry* FdTable::find(Fd fd) {
    Found& f = found_[static_cast<uint64_t>(fd) & (kFound - 1)];
    if (f.entry != nullptr && f.fd == fd) return f.entry;
    auto it = entries_.find(fd);
    if (it == entries_.end()) return nullptr;
    f = {fd, &it->second};
    return &it->second;
}

FdEntry* FdTable::put(Fd fd, FdEntry entry) {
    auto [it, inserted] = entries_.insert_or_assign(fd, std::move(entry));
    return &it->second;
}

}  // namespace tracetop::state
