// Loading the capture header: threads from the process list, fds from the fd
// lists, users and groups, and sinsp's fix-ups of /proc-sourced sockets.
#include <algorithm>

#include "event/event_view.h"
#include "state/model.h"
#include "state/path_resolution.h"
#include "state/socket_names.h"

namespace tracetop::state {
namespace {

FdType fd_type_of(event::FdRecordType type) {
    using R = event::FdRecordType;
    switch (type) {
        case R::File:
        case R::FileV2: return FdType::File;
        case R::Directory: return FdType::Directory;
        case R::Ipv4Sock: return FdType::Ipv4Socket;
        case R::Ipv6Sock: return FdType::Ipv6Socket;
        case R::Ipv4ServSock: return FdType::Ipv4Server;
        case R::Ipv6ServSock: return FdType::Ipv6Server;
        case R::Fifo: return FdType::Fifo;
        case R::UnixSock: return FdType::Unix;
        case R::Event: return FdType::Event;
        case R::Unsupported: return FdType::Unsupported;
        case R::SignalFd: return FdType::SignalFd;
        case R::EventPoll: return FdType::EventPoll;
        case R::Inotify: return FdType::Inotify;
        case R::TimerFd: return FdType::TimerFd;
        case R::Netlink: return FdType::Netlink;
        case R::Bpf: return FdType::Bpf;
        case R::UserFaultFd: return FdType::UserFaultFd;
        case R::IoUring: return FdType::IoUring;
        case R::MemFd: return FdType::MemFd;
        case R::PidFd: return FdType::PidFd;
        default: return FdType::Unknown;
    }
}

}  // namespace

void Model::reset_state() {
    threads_touched();
    pending_fd_removals_.clear();
    has_pending_thread_removal_ = false;
    ctx_ = EventContext{};
    event_fd_entry_ = nullptr;
    current_enter_ = nullptr;
    threads_.clear();
    users_.clear();
    ipv4_interfaces_.clear();
    ipv6_interfaces_.clear();
    server_ports_.clear();
    containers_.clear();
}

// Sockets read from /proc are named "local->remote" whatever their protocol.
void Model::name_from_proc(FdEntry& entry) {
    scratch_.clear();
    const SocketEnds& s = entry.socket;
    if (entry.type == FdType::Ipv4Socket || entry.type == FdType::Ipv6Socket) {
        const bool v6 = entry.type == FdType::Ipv6Socket;
        append_connection({s.sip.data(), s.sport, s.dip.data(), s.dport, v6}, true, scratch_);
    } else {
        append_socket_name(entry, scratch_);
    }
    entry.name = intern_buffer();
}

void Model::load_header(const event::CaptureHeader& header) {
    reset_state();
    machine_memory_bytes_ = header.machine ? header.machine->memory_bytes : 0;
    users_.load(header.users, header.groups);
    for (const auto& itf : header.interfaces) {
        if (itf.is_ipv6()) {
            ipv6_interfaces_.push_back(itf.addr);
            continue;
        }
        std::array<uint8_t, 8> a{};
        std::copy_n(itf.addr.begin(), 4, a.begin());
        std::copy_n(itf.netmask.begin(), 4, a.begin() + 4);
        ipv4_interfaces_.push_back(a);
    }

    for (const auto& rec : header.threads) {
        auto t = std::make_unique<ThreadInfo>();
        t->tid = rec.tid;
        t->pid = rec.pid;
        t->ptid = rec.ptid;
        t->sid = rec.sid;
        t->vpgid = rec.vpgid;
        t->comm = strings_.intern(rec.comm);
        t->exe = strings_.intern(rec.exe);
        t->exepath = strings_.intern(rec.exepath);
        t->args = strings_.intern(rec.args);
        t->cgroups = strings_.intern(rec.cgroups);
        bind_container(*t);
        t->root = strings_.intern(rec.root);
        if (t->is_main_thread()) {
            t->env = strings_.intern(rec.env);
            join_cwd({}, rec.cwd, path_scratch_);
            t->cwd = strings_.intern(path_scratch_);
        }
        t->fdlimit = rec.fdlimit;
        t->flags = rec.flags | kCloneActive;
        t->uid = rec.uid;
        t->gid = rec.gid;
        t->loginuid = rec.loginuid;
        t->exe_writable = rec.exe_writable != 0;
        t->vmsize_kb = rec.vmsize_kb;
        t->vmrss_kb = rec.vmrss_kb;
        t->vmswap_kb = rec.vmswap_kb;
        t->pfmajor = rec.pfmajor;
        t->pfminor = rec.pfminor;
        t->vtid = rec.vtid;
        t->vpid = rec.vpid;
        t->fds = std::make_shared<FdTable>();
        threads_.put(std::move(t));
    }

    // Fds are recorded on the thread whose list carries them (the main thread).
    for (const auto& list : header.fd_lists) {
        ThreadInfo* t = threads_.find(list.tid);
        if (t == nullptr) continue;
        for (const auto& rec : list.fds) {
            FdEntry e;
            e.type = fd_type_of(rec.type);
            if (e.type == FdType::Unknown) continue;
            e.ino = rec.ino;
            e.open_flags = rec.open_flags;
            e.dev = rec.dev.value_or(0);
            e.dev_known = rec.dev.has_value();
            e.socket.sip = rec.sip;
            e.socket.dip = rec.dip;
            e.socket.sport = rec.sport;
            e.socket.dport = rec.dport;
            e.socket.l4proto = static_cast<L4Proto>(rec.l4proto);
            // sinsp takes a TCP connection found open as connected (fd.connected).
            e.connected = e.is_ip_socket() && e.socket.l4proto == L4Proto::Tcp;
            switch (e.type) {
                case FdType::Ipv4Socket:
                    infer_local_ipv4(e);
                    name_from_proc(e);
                    break;
                case FdType::Ipv6Socket:
                    if (is_ipv4_mapped(rec.sip.data()) && is_ipv4_mapped(rec.dip.data())) {
                        e.type = FdType::Ipv4Socket;
                        e.socket.sip = {};
                        e.socket.dip = {};
                        std::copy_n(rec.sip.begin() + 12, 4, e.socket.sip.begin());
                        std::copy_n(rec.dip.begin() + 12, 4, e.socket.dip.begin());
                        infer_local_ipv4(e);
                    }
                    name_from_proc(e);
                    break;
                case FdType::Ipv4Server:
                case FdType::Ipv6Server:
                    // Every listening port anywhere: used below to orient connections.
                    server_ports_.insert(rec.sport);
                    name_from_proc(e);
                    break;
                case FdType::Unix:
                    e.socket.unix_source = rec.unix_source;
                    e.socket.unix_dest = rec.unix_dest;
                    e.name = strings_.intern(rec.name);
                    e.role = rec.name.empty() ? SocketRole::Client : SocketRole::Server;
                    break;
                default:
                    e.name = strings_.intern(rec.name);
                    break;
            }
            t->fds->put(rec.fd, std::move(e));
        }
    }

    // Secondary threads count on their main thread and share its files; a
    // main thread missing from the list is made up, as sinsp does.
    std::vector<ThreadInfo*> secondaries;
    for (const auto& [tid, t] : threads_.threads()) {
        if ((t->flags & kCloneThread) != 0 && t->pid != t->tid) secondaries.push_back(t.get());
    }
    for (ThreadInfo* t : secondaries) {
        ThreadInfo* main = find_or_make_placeholder(t->pid);
        if (main == nullptr) continue;
        ++main->nchilds;
        if ((t->flags & kCloneFiles) != 0) t->fds = main->fds;
    }

    // /proc lists a connection from the local end; sinsp turns the ones whose
    // local port is a listening port around so they read client->server.
    for (const auto& [tid, t] : threads_.threads()) {
        if (!t->is_main_thread() && (t->flags & kCloneFiles) != 0) continue;
        for (auto& [fd, e] : t->fds->entries()) {
            if (e.type != FdType::Ipv4Socket) continue;
            if (server_ports_.contains(e.socket.sport)) {
                std::swap(e.socket.sip, e.socket.dip);
                std::swap(e.socket.sport, e.socket.dport);
                scratch_.clear();
                append_connection({e.socket.sip.data(), e.socket.sport, e.socket.dip.data(), e.socket.dport, false},
                                  true, scratch_);
                e.name = intern_buffer();
                e.role = SocketRole::Server;
            } else {
                e.role = SocketRole::Client;
            }
        }
    }
}

}  // namespace tracetop::state
