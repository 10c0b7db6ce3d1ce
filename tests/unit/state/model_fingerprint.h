// Everything a Model holds, as text, so that two models fed the same events
// in different ways (on_event, apply) can be compared whole.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "state/model.h"

namespace tracetop::state::test {

inline std::string hex(std::span<const uint8_t> bytes) {
    std::string out;
    for (uint8_t b : bytes) out += fmt::format("{:02x}", b);
    return out;
}

inline std::string fingerprint(const FdEntry& e) {
    return fmt::format("type={} name='{}' flags={} ino={} dev={} sip={} dip={} sport={} dport={} l4={} unix={}/{} role={}",
                       static_cast<int>(e.type), e.name.view(), e.open_flags, e.ino, e.dev, hex(e.socket.sip),
                       hex(e.socket.dip), e.socket.sport, e.socket.dport, static_cast<int>(e.socket.l4proto),
                       e.socket.unix_source, e.socket.unix_dest, static_cast<int>(e.role));
}

inline std::string fingerprint(const ThreadInfo& t, const Model& model) {
    std::string out = fmt::format(
        "tid={} pid={} ptid={} sid={} vpgid={} vtid={} vpid={} comm='{}' exe='{}' exepath='{}' args='{}' env='{}' "
        "cgroups='{}' root='{}' cwd='{}' fdlimit={} flags={:#x} uid={} gid={} loginuid={} vm={}/{}/{} pf={}/{} "
        "clone_ts={} nchilds={} exited={} last_fd={} latency={} last_enter={} procinfo={}/{}",
        t.tid, t.pid, t.ptid, t.sid, t.vpgid, t.vtid, t.vpid, t.comm.view(), t.exe.view(), t.exepath.view(),
        t.args.view(), t.env.view(), t.cgroups.view(), t.root.view(), t.cwd.view(), t.fdlimit, t.flags, t.uid, t.gid,
        t.loginuid, t.vmsize_kb, t.vmrss_kb, t.vmswap_kb, t.pfmajor, t.pfminor, t.clone_ts, t.nchilds, t.exited,
        t.last_event_fd, t.latency, t.pairing.last_enter_type(), t.has_procinfo, t.last_procinfo_ticks);
    if (!t.fds) return out + " fds=null";
    // Shared tables are named by the lowest tid sharing them.
    Tid owner = t.tid;
    for (const auto& [tid, other] : model.threads().threads()) {
        if (other->fds == t.fds) owner = std::min(owner, tid);
    }
    out += fmt::format(" fds-of={}", owner);
    std::map<Fd, std::string> fds;
    for (const auto& [fd, e] : t.fds->entries()) fds[fd] = fingerprint(e);
    for (const auto& [fd, text] : fds) out += fmt::format("\n    fd {}: {}", fd, text);
    return out;
}

inline std::string fingerprint(const Model& model) {
    std::map<Tid, std::string> threads;
    for (const auto& [tid, t] : model.threads().threads()) threads[tid] = fingerprint(*t, model);
    std::string out;
    for (const auto& [tid, text] : threads) out += text + "\n";
    return out;
}

// What the field layer reads of an event's context, as text.
inline std::string fingerprint(const EventContext& c) {
    std::string_view name;
    const bool has_name = c.fd_name(name);
    std::string out = fmt::format(
        "thread={} known={} main={} fd_related={} fd={} entry={} name={} typechar={} latency={} procinfo={}",
        c.thread != nullptr ? c.thread->tid : -1, c.thread_known, c.main_thread != nullptr ? c.main_thread->tid : -1,
        c.fd_related, c.fd, c.fd_entry != nullptr ? fingerprint(*c.fd_entry) : "-",
        has_name ? std::string(name) : "<NA>", c.fallback_typechar, c.latency, c.procinfo_cpu_delta);
    if (c.enter != nullptr) {
        out += fmt::format(" enter={}:{}", c.enter->type, hex(c.enter->body()));
    } else {
        out += " enter=-";
    }
    return out;
}

}  // namespace tracetop::state::test
