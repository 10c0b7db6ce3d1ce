#include "capture/header_block_writers.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "capture/block_codes.h"

namespace tracetop::capture::detail {
namespace {

// Readers refuse longer strings (libscap's fixed buffers, §7, §6).
constexpr size_t kMaxPathLen = 1024;
constexpr size_t kMaxListLen = 4096;
constexpr size_t kMaxCredentialLen = 255;
constexpr size_t kHostnameSize = 128;

std::string_view capped(std::string_view s, size_t cap) { return s.substr(0, std::min(s.size(), cap)); }

// A NUL-separated list cut to whole items when it is too long.
std::string_view capped_list(std::string_view s, size_t cap) {
    if (s.size() <= cap) return s;
    const size_t last_nul = s.substr(0, cap).rfind('\0');
    return last_nul == std::string_view::npos ? s.substr(0, cap) : s.substr(0, last_nul + 1);
}

event::MachineInfo running_machine() {
    event::MachineInfo mi;
    char host[kHostnameSize] = {};
    if (gethostname(host, sizeof host - 1) == 0) mi.hostname = host;
    const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page_size = sysconf(_SC_PAGESIZE);
    mi.num_cpus = cpus > 0 ? static_cast<uint32_t>(cpus) : 0;
    if (pages > 0 && page_size > 0) mi.memory_bytes = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);
    return mi;
}

// Entry v1 layout (the part after IL v2's length field).
void put_interface(ByteSink& out, const event::InterfaceRecord& rec) {
    const std::string_view name = capped(rec.name, kMaxPathLen);
    const size_t addr_len = rec.is_ipv6() ? 16 : 4;
    out.u16(rec.type);
    out.u16(static_cast<uint16_t>(name.size()));
    out.raw(rec.addr.data(), addr_len);
    out.raw(rec.netmask.data(), addr_len);
    out.raw(rec.bcast.data(), addr_len);
    if (rec.type == 1 || rec.type == 2) out.u64(rec.linkspeed);
    out.raw(name.data(), name.size());
}

void put_fd_payload(ByteSink& out, const event::FdRecord& f) {
    using T = event::FdRecordType;
    switch (f.type) {
        case T::Ipv4Sock:
        case T::Ipv6Sock: {
            const size_t n = f.type == T::Ipv4Sock ? 4 : 16;
            out.raw(f.sip.data(), n);
            out.raw(f.dip.data(), n);
            out.u16(f.sport);
            out.u16(f.dport);
            out.u8(f.l4proto);
            return;
        }
        case T::Ipv4ServSock:
        case T::Ipv6ServSock:
            out.raw(f.sip.data(), f.type == T::Ipv4ServSock ? 4 : 16);
            out.u16(f.sport);
            out.u8(f.l4proto);
            return;
        case T::UnixSock:
            out.u64(f.unix_source);
            out.u64(f.unix_dest);
            out.str16(capped(f.name, kMaxPathLen));
            return;
        case T::FileV2:
            out.u32(f.open_flags);
            out.str16(capped(f.name, kMaxPathLen));
            if (f.dev) out.u32(*f.dev);
            return;
        default:
            out.str16(capped(f.name, kMaxPathLen));
            return;
    }
}

}  // namespace

void write_section_header_block(ByteSink& out) {
    const size_t start = out.begin_block(kShbType);
    out.u32(kShbMagic);
    out.u16(1);  // major
    out.u16(2);  // minor: the version current writers use with v2 event blocks
    out.u64(UINT64_MAX);  // section length unknown
    out.end_block(start);
}

void write_machine_info_block(ByteSink& out, const std::optional<event::MachineInfo>& machine) {
    const event::MachineInfo mi = machine ? *machine : running_machine();
    const size_t start = out.begin_block(kMiType);
    out.u32(mi.num_cpus);
    out.u64(mi.memory_bytes);
    out.u64(mi.max_pid);
    char host[kHostnameSize] = {};  // NUL-padded; one byte kept for the terminator
    const std::string_view name = capped(mi.hostname, kHostnameSize - 1);
    std::copy(name.begin(), name.end(), host);
    out.raw(host, sizeof host);
    out.u64(mi.boot_ts_epoch);
    out.u64(mi.flags);
    out.u64(0);  // two reserved fields
    out.u64(0);
    out.end_block(start);
}

void write_interface_list_block(ByteSink& out, std::span<const event::InterfaceRecord> interfaces) {
    const size_t start = out.begin_block(kIlV2Type);
    // Writers list IPv4 entries first (§5); order within a family is kept.
    for (const bool want_v6 : {false, true}) {
        for (const auto& rec : interfaces) {
            if (rec.is_ipv6() != want_v6) continue;
            const size_t len_at = out.begin_entry();
            put_interface(out, rec);
            out.end_entry(len_at, ByteSink::EntryLength::AfterItself);  // IL v2's counts the bytes after itself
        }
    }
    out.end_block(start);
}

void write_user_list_block(ByteSink& out, std::span<const event::UserRecord> users,
                           std::span<const event::GroupRecord> groups) {
    const size_t start = out.begin_block(kUlV2Type);
    for (const auto& u : users) {
        const size_t len_at = out.begin_entry();
        out.u8(0);
        out.u32(u.uid);
        out.u32(u.gid);
        out.str16(capped(u.name, kMaxCredentialLen));
        out.str16(capped(u.home, kMaxPathLen));
        out.str16(capped(u.shell, kMaxPathLen));
        out.end_entry(len_at);
    }
    for (const auto& g : groups) {
        const size_t len_at = out.begin_entry();
        out.u8(1);
        out.u32(g.gid);
        out.str16(capped(g.name, kMaxCredentialLen));
        out.end_entry(len_at);
    }
    out.end_block(start);
}

void write_process_list_block(ByteSink& out, std::span<const event::ThreadRecord> threads) {
    const size_t start = out.begin_block(kPlV9Type);
    for (const auto& t : threads) {
        const size_t len_at = out.begin_entry();
        // Runs of same-width fields, in the PL v9 order (scap-format.md §6).
        for (const int64_t id : {t.tid, t.pid, t.ptid, t.sid, t.vpgid}) out.i64(id);
        for (const std::string* path : {&t.comm, &t.exe, &t.exepath}) out.str16(capped(*path, kMaxPathLen));
        out.str16(capped_list(t.args, kMaxListLen));
        out.str16(capped(t.cwd, kMaxPathLen));
        out.i64(t.fdlimit);
        for (const uint32_t v : {t.flags, t.uid, t.gid, t.vmsize_kb, t.vmrss_kb, t.vmswap_kb}) out.u32(v);
        out.u64(t.pfmajor);
        out.u64(t.pfminor);
        out.str16(capped_list(t.env, kMaxListLen));
        out.i64(t.vtid);
        out.i64(t.vpid);
        out.str16(capped_list(t.cgroups, kMaxListLen));
        out.str16(capped(t.root, kMaxPathLen));
        // The short (pre-0.10) tail: read right by sysdig 0.29.3 and current libs alike.
        out.u32(t.loginuid);
        out.u8(t.exe_writable);
        out.end_entry(len_at);
    }
    out.end_block(start);
}

void write_fd_list_block(ByteSink& out, int64_t tid, std::span<const event::FdRecord> fds) {
    const size_t start = out.begin_block(kFdlV2Type);
    out.i64(tid);
    for (const auto& f : fds) {
        const size_t len_at = out.begin_entry();
        out.i64(f.fd);
        out.u64(f.ino);
        // Type 0 is not a valid on-disk type: call it unsupported.
        const auto type = f.type == event::FdRecordType::Unknown ? event::FdRecordType::Unsupported : f.type;
        out.u8(static_cast<uint8_t>(type));
        put_fd_payload(out, f);
        out.end_entry(len_at);
    }
    out.end_block(start);
}

}  // namespace tracetop::capture::detail
