#include "capture/header_block_parsers.h"

#include <cstring>
#include <span>
#include <string_view>

#include <fmt/format.h>

#include "capture/byte_cursor.h"

namespace tracetop::capture::detail {
namespace {

using event::CaptureHeader;
using event::FdRecord;
using event::FdRecordType;
using event::InterfaceRecord;
using event::ThreadRecord;

// Lists are entries back to back; fewer than 4 bytes left is block padding.
constexpr size_t kPaddingSlack = 4;

constexpr size_t kMachineInfoMinSize = 4 + 8 + 8 + 128;  // up to and including hostname

ParseError parse_machine_info(ByteCursor c, CaptureHeader& header) {
    if (c.remaining() < kMachineInfoMinSize) {
        return fmt::format("machine info block of {} bytes, need {}", c.remaining(), kMachineInfoMinSize);
    }
    event::MachineInfo mi;
    mi.num_cpus = c.u32();
    mi.memory_bytes = c.u64();
    mi.max_pid = c.u64();
    char host[128];
    c.bytes(reinterpret_cast<uint8_t*>(host), sizeof host);
    mi.hostname.assign(host, strnlen(host, sizeof host));
    // boot_ts and flags were reserved fields in 2022 writers: zero there.
    if (c.remaining() >= 8) mi.boot_ts_epoch = c.u64();
    if (c.remaining() >= 8) mi.flags = c.u64();
    header.machine = std::move(mi);
    return std::nullopt;
}

// One v1 interface entry; false when its type is unknown (its size is then unknown too).
bool read_interface(ByteCursor& c, InterfaceRecord& rec) {
    rec.type = c.u16();
    const uint16_t namelen = c.u16();
    size_t addr_len = 0;
    bool has_speed = false;
    switch (rec.type) {
        case 1: addr_len = 4; has_speed = true; break;
        case 2: addr_len = 16; has_speed = true; break;
        case 3: addr_len = 4; break;
        case 4: addr_len = 16; break;
        default: return false;
    }
    c.bytes(rec.addr.data(), addr_len);
    c.bytes(rec.netmask.data(), addr_len);
    c.bytes(rec.bcast.data(), addr_len);
    if (has_speed) rec.linkspeed = c.u64();
    rec.name = c.str(namelen);
    return true;
}

// A v2 entry whose u32 length counts itself (UL, PL, FDL): its bytes, or an
// error naming entry `index` of the list (`what`: "user", "process", "fd").
ParseError take_entry(ByteCursor& c, std::string_view what, size_t index, ByteCursor& entry) {
    const uint32_t len = c.u32();
    if (len < 4) return fmt::format("{} entry {}: length {} too small", what, index, len);
    entry = c.sub(len - 4);
    if (!c.ok()) return fmt::format("{} entry {} of length {} runs past the block", what, index, len);
    return std::nullopt;
}

ParseError parse_interface_list(ByteCursor c, int version, CaptureHeader& header) {
    for (size_t index = 0; c.remaining() >= kPaddingSlack; ++index) {
        InterfaceRecord rec;
        if (version == 1) {
            if (!read_interface(c, rec)) return fmt::format("interface entry {}: unknown type {}", index, rec.type);
            if (!c.ok()) return fmt::format("interface entry {} runs past the block", index);
        } else {
            // v2: the length counts the bytes after itself (unlike UL/PL/FDL v2).
            const uint32_t len = c.u32();
            ByteCursor entry = c.sub(len);
            if (!c.ok()) return fmt::format("interface entry {} of length {} runs past the block", index, len);
            if (!read_interface(entry, rec)) continue;  // an unknown type: its length lets us skip it
            if (!entry.ok()) return fmt::format("interface entry {} is shorter than its fields", index);
        }
        header.interfaces.push_back(std::move(rec));
    }
    return std::nullopt;
}

// One user or group entry (kind u8 first); false on an unknown kind.
bool read_user_entry(ByteCursor& c, CaptureHeader& header, uint8_t& kind) {
    kind = c.u8();
    if (kind == 0) {
        event::UserRecord u;
        u.uid = c.u32();
        u.gid = c.u32();
        u.name = c.str16();
        u.home = c.str16();
        u.shell = c.str16();
        if (c.ok()) header.users.push_back(std::move(u));
        return true;
    }
    if (kind == 1) {
        event::GroupRecord g;
        g.gid = c.u32();
        g.name = c.str16();
        if (c.ok()) header.groups.push_back(std::move(g));
        return true;
    }
    return false;
}

ParseError parse_user_list(ByteCursor c, int version, CaptureHeader& header) {
    for (size_t index = 0; c.remaining() >= kPaddingSlack; ++index) {
        uint8_t kind = 0;
        if (version == 1) {
            if (!read_user_entry(c, header, kind)) return fmt::format("user entry {}: unknown kind {}", index, kind);
            if (!c.ok()) return fmt::format("user entry {} runs past the block", index);
        } else {
            ByteCursor entry{std::span<const uint8_t>{}};
            if (ParseError bad = take_entry(c, "user", index, entry)) return bad;
            if (!read_user_entry(entry, header, kind)) continue;  // unknown kind: skipped by length
            if (!entry.ok()) return fmt::format("user entry {} is shorter than its fields", index);
        }
    }
    return std::nullopt;
}

// The v9 tail (§7): two layouts told apart by their size.
void read_thread_tail(ByteCursor& c, ThreadRecord& t) {
    constexpr size_t kOldTailMax = 29;
    if (c.remaining() <= kOldTailMax) {
        if (c.remaining() >= 4) t.loginuid = c.u32();
        if (c.remaining() >= 1) t.exe_writable = c.u8();
        return;
    }
    c.skip(8 + 4);  // pidns_init_start_ts, tty: not kept
    t.loginuid = c.u32();
    t.exe_writable = c.u8();
}

// The fields every PL version shares, in order, with those a version added.
void read_thread_fields(ByteCursor& c, int version, ThreadRecord& t) {
    t.tid = c.i64();
    t.pid = c.i64();
    t.ptid = c.i64();
    if (version >= 6) t.sid = c.i64();
    if (version >= 8) t.vpgid = c.i64();
    t.comm = c.str16();
    t.exe = c.str16();
    if (version >= 7) t.exepath = c.str16();
    t.args = c.str16();
    t.cwd = c.str16();
    t.fdlimit = c.i64();
    t.flags = c.u32();
    t.uid = c.u32();
    t.gid = c.u32();
    if (version >= 2) {
        t.vmsize_kb = c.u32();
        t.vmrss_kb = c.u32();
        t.vmswap_kb = c.u32();
        t.pfmajor = c.u64();
        t.pfminor = c.u64();
    }
    if (version >= 3) t.env = c.str16();
    if (version >= 4) {
        t.vtid = c.i64();
        t.vpid = c.i64();
        t.cgroups = c.str16();
    }
    if (version >= 5) t.root = c.str16();
}

ParseError parse_process_list(ByteCursor c, int version, CaptureHeader& header) {
    for (size_t index = 0; c.remaining() >= kPaddingSlack; ++index) {
        ThreadRecord t;
        if (version < 9) {
            read_thread_fields(c, version, t);
            if (!c.ok()) return fmt::format("process entry {} runs past the block", index);
        } else {
            ByteCursor entry{std::span<const uint8_t>{}};
            if (ParseError bad = take_entry(c, "process", index, entry)) return bad;
            read_thread_fields(entry, version, t);
            if (!entry.ok()) return fmt::format("process entry {} is shorter than its fields", index);
            read_thread_tail(entry, t);
        }
        header.threads.push_back(std::move(t));
    }
    return std::nullopt;
}

// The payload after fd, ino and type; false for a type whose size is unknown.
bool read_fd_payload(ByteCursor& c, FdRecord& f, uint8_t raw_type) {
    switch (raw_type) {
        case 3:
        case 4: {
            const size_t n = raw_type == 3 ? 4 : 16;
            c.bytes(f.sip.data(), n);
            c.bytes(f.dip.data(), n);
            f.sport = c.u16();
            f.dport = c.u16();
            f.l4proto = c.u8();
            return true;
        }
        case 5:
        case 6:
            // A listening socket has one end: kept in sip/sport.
            c.bytes(f.sip.data(), raw_type == 5 ? 4 : 16);
            f.sport = c.u16();
            f.l4proto = c.u8();
            return true;
        case 8:
            f.unix_source = c.u64();
            f.unix_dest = c.u64();
            f.name = c.str16();
            return true;
        case 16:
            f.open_flags = c.u32();
            f.name = c.str16();
            return true;
        case 1: case 2: case 7: case 9: case 10: case 11: case 12: case 13:
        case 14: case 15: case 17: case 18: case 19: case 20: case 21:
            f.name = c.str16();
            return true;
        default:
            return false;
    }
}

ParseError parse_fd_list(ByteCursor c, int version, CaptureHeader& header) {
    event::ThreadFdList list;
    list.tid = c.i64();
    if (!c.ok()) return std::string("fd list block shorter than its thread id");
    for (size_t index = 0; c.remaining() >= kPaddingSlack; ++index) {
        FdRecord f;
        if (version == 1) {
            f.fd = c.i64();
            f.ino = c.u64();
            const uint8_t raw_type = c.u8();
            if (!c.ok()) return fmt::format("fd entry {} runs past the block", index);
            // v1 entries carry no length: an unknown type cannot be stepped over.
            if (!read_fd_payload(c, f, raw_type)) return fmt::format("fd entry {}: unknown fd type {}", index, raw_type);
            if (!c.ok()) return fmt::format("fd entry {} runs past the block", index);
            f.type = static_cast<FdRecordType>(raw_type);
        } else {
            ByteCursor entry{std::span<const uint8_t>{}};
            if (ParseError bad = take_entry(c, "fd", index, entry)) return bad;
            f.fd = entry.i64();
            f.ino = entry.u64();
            const uint8_t raw_type = entry.u8();
            if (read_fd_payload(entry, f, raw_type)) {
                f.type = static_cast<FdRecordType>(raw_type);
                if (raw_type == 16 && entry.remaining() >= 4) f.dev = entry.u32();
            } else {
                f.type = FdRecordType::Unsupported;  // current readers do the same (§8)
            }
            if (!entry.ok()) return fmt::format("fd entry {} is shorter than its fields", index);
        }
        list.fds.push_back(std::move(f));
    }
    header.fd_lists.push_back(std::move(list));
    return std::nullopt;
}

}  // namespace

SectionHeaderError parse_section_header(std::span<const uint8_t> body, event::CaptureHeader& header) {
    using Kind = SectionHeaderError::Kind;
    ByteCursor c(body);
    const uint32_t magic = c.u32();
    const uint16_t major = c.u16();
    const uint16_t minor = c.u16();
    c.u64();  // section length: -1 (unknown) in every writer
    if (!c.ok()) return {Kind::Malformed, fmt::format("section header body of {} bytes, need 16", body.size())};
    // Readers never swap bytes: another magic is another byte order or no capture at all.
    if (magic != kShbMagic) return {Kind::BadMagic, fmt::format("bad byte-order magic {:#010x}", magic)};
    if (major > 1) return {Kind::UnsupportedVersion, fmt::format("unsupported scap version {}.{}", major, minor)};
    header.major_version = major;
    header.minor_version = minor;
    return {};  // pcapng options may follow; nothing in them is needed
}

ParseError parse_header_block(const BlockInfo& info, std::span<const uint8_t> body, event::CaptureHeader& header) {
    ByteCursor c(body);
    switch (info.kind) {
        case BlockKind::MachineInfo: return parse_machine_info(c, header);
        case BlockKind::InterfaceList: return parse_interface_list(c, info.version, header);
        case BlockKind::UserList: return parse_user_list(c, info.version, header);
        case BlockKind::ProcessList: return parse_process_list(c, info.version, header);
        case BlockKind::FdList: return parse_fd_list(c, info.version, header);
        default: return std::nullopt;
    }
}

}  // namespace tracetop::capture::detail
