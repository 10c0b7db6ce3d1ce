#include "engine/model_header.h"

namespace tracetop::engine {
namespace {

event::FdRecordType record_type_of(state::FdType type) {
    using R = event::FdRecordType;
    using T = state::FdType;
    switch (type) {
        case T::File: return R::FileV2;  // keeps the open flags and the device
        case T::Directory: return R::Directory;
        case T::Ipv4Socket: return R::Ipv4Sock;
        case T::Ipv6Socket: return R::Ipv6Sock;
        case T::Ipv4Server: return R::Ipv4ServSock;
        case T::Ipv6Server: return R::Ipv6ServSock;
        case T::Fifo: return R::Fifo;
        case T::Unix: return R::UnixSock;
        case T::Event: return R::Event;
        case T::Unsupported: return R::Unsupported;
        case T::SignalFd: return R::SignalFd;
        case T::EventPoll: return R::EventPoll;
        case T::Inotify: return R::Inotify;
        case T::TimerFd: return R::TimerFd;
        case T::Netlink: return R::Netlink;
        case T::Bpf: return R::Bpf;
        case T::UserFaultFd: return R::UserFaultFd;
        case T::IoUring: return R::IoUring;
        case T::MemFd: return R::MemFd;
        case T::PidFd: return R::PidFd;
        default: return R::Unknown;
    }
}

event::ThreadRecord thread_record(const state::ThreadInfo& t) {
    event::ThreadRecord r;
    r.tid = t.tid;
    r.pid = t.pid;
    r.ptid = t.ptid;
    r.sid = t.sid;
    r.vpgid = t.vpgid;
    r.comm = std::string(t.comm.view());
    r.exe = std::string(t.exe.view());
    r.exepath = std::string(t.exepath.view());
    r.args = std::string(t.args.view());
    r.env = std::string(t.env.view());
    r.cwd = std::string(t.cwd.view());
    r.cgroups = std::string(t.cgroups.view());
    r.root = std::string(t.root.view());
    r.fdlimit = t.fdlimit;
    r.flags = t.flags;
    r.uid = t.uid;
    r.gid = t.gid;
    r.loginuid = t.loginuid;
    r.vmsize_kb = t.vmsize_kb;
    r.vmrss_kb = t.vmrss_kb;
    r.vmswap_kb = t.vmswap_kb;
    r.pfmajor = t.pfmajor;
    r.pfminor = t.pfminor;
    r.vtid = t.vtid;
    r.vpid = t.vpid;
    return r;
}

event::FdRecord fd_record(state::Fd fd, const state::FdEntry& e) {
    event::FdRecord r;
    r.fd = fd;
    r.ino = e.ino;
    r.type = record_type_of(e.type);
    r.open_flags = e.open_flags;
    r.name = std::string(e.name.view());
    r.sip = e.socket.sip;
    r.dip = e.socket.dip;
    r.sport = e.socket.sport;
    r.dport = e.socket.dport;
    // The model keeps a connection as client->server, and loading names it
    // from its ends in that order: the name read back is the same. (The
    // server's own side reads back as a client's: loading knows only the
    // listening ports still open.)
    r.l4proto = static_cast<uint8_t>(e.socket.l4proto);
    r.unix_source = e.socket.unix_source;
    r.unix_dest = e.socket.unix_dest;
    if (e.type == state::FdType::File && e.dev_known) r.dev = e.dev;
    return r;
}

}  // namespace

event::CaptureHeader header_from_model(const state::Model& model, const event::CaptureHeader& base) {
    event::CaptureHeader out;
    out.major_version = base.major_version;
    out.minor_version = base.minor_version;
    out.machine = base.machine;
    out.interfaces = base.interfaces;
    out.users = base.users;
    out.groups = base.groups;
    for (const auto& [tid, t] : model.threads().threads()) {
        out.threads.push_back(thread_record(*t));
        // Threads sharing their files read them from the main thread's list.
        const bool shares = !t->is_main_thread() && (t->flags & state::kCloneFiles) != 0;
        if (shares || !t->fds || t->fds->size() == 0) continue;
        event::ThreadFdList list;
        list.tid = t->tid;
        for (const auto& [fd, e] : t->fds->entries()) {
            if (e.type == state::FdType::Unknown) continue;
            list.fds.push_back(fd_record(fd, e));
        }
        out.fd_lists.push_back(std::move(list));
    }
    return out;
}

}  // namespace tracetop::engine
