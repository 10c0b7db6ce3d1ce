// sysdig 0.29.3's default rendering of event parameters (evt.args /
// evt.info), rebuilt from the format's facts and checked against its output.
// Everything appends into the caller's buffer: nothing here allocates.
#include "event/arg_format.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "event/errno_names.h"
#include "event/flag_tables.h"
#include "event/tracetop_events.h"
#include "event/x86_64_syscalls.h"

namespace tracetop::event {
namespace {

constexpr uint8_t kFamilyUnix = 1;  // PPM_AF_UNIX
constexpr uint8_t kFamilyInet = 2;  // PPM_AF_INET
constexpr uint8_t kFamilyInet6 = 10;  // PPM_AF_INET6

void put(OutBuffer& out, std::string_view s) { out.append(s.data(), s.data() + s.size()); }

template <class Int>
void put_dec(OutBuffer& out, Int v) {
    const fmt::format_int f(v);
    out.append(f.data(), f.data() + f.size());
}

void put_hex(OutBuffer& out, uint64_t v, bool upper) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = digits[v & 0xF];
        v >>= 4;
    } while (v != 0);
    while (n > 0) out.push_back(tmp[--n]);
}

// "%#o": octal with a leading 0, except for 0 itself.
void put_oct(OutBuffer& out, uint64_t v) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + (v & 7));
        v >>= 3;
    } while (v != 0);
    if (tmp[n - 1] != '0') out.push_back('0');
    while (n > 0) out.push_back(tmp[--n]);
}

bool printable(uint8_t c) { return c >= 0x20 && c < 0x7F; }

std::string_view as_text(std::span<const uint8_t> raw) {
    return {reinterpret_cast<const char*>(raw.data()), raw.size()};
}

// Text up to its first NUL with non-printable bytes dropped: how sysdig
// sanitizes paths and unix socket names.
void put_dropping_invalid(OutBuffer& out, std::string_view s) {
    for (char c : s) {
        if (c == '\0') break;
        if (printable(static_cast<uint8_t>(c))) out.push_back(c);
    }
}

// Opens "(...)" after a value; close_paren() keeps it only if something was
// written inside, as sysdig shows the resolved part only when it is non-empty.
size_t open_paren(OutBuffer& out) {
    out.push_back('(');
    return out.size();
}
void close_paren(OutBuffer& out, size_t mark, bool keep) {
    if (keep && out.size() > mark) {
        out.push_back(')');
    } else {
        out.resize(mark - 1);
    }
}

// An integer of `width` bytes printed like sysdig's printf formats do: values
// narrower than 8 bytes go through C's int promotion, so a UINT32 printed as
// decimal shows as a signed int and a negative INT8 in hex has 8 digits.
void put_number(OutBuffer& out, std::span<const uint8_t> raw, bool is_signed, ParamFormat format) {
    const uint64_t bits = param_as_uint(raw, ParamType::Uint64);
    const bool wide = raw.size() == 8;
    int64_t promoted = 0;
    if (wide) {
        promoted = static_cast<int64_t>(bits);
    } else if (is_signed) {
        promoted = param_as_int(raw, ParamType::Int64);
    } else {
        promoted = static_cast<int64_t>(bits);
    }
    const uint64_t as_unsigned = wide ? bits : static_cast<uint32_t>(promoted);
    switch (format) {
        case ParamFormat::Oct: put_oct(out, as_unsigned); break;
        case ParamFormat::Hex: put_hex(out, as_unsigned, true); break;
        case ParamFormat::PaddedDec:
            if (wide) {
                fmt::format_to(fmt::appender(out), "{:09}", promoted);
            } else {
                fmt::format_to(fmt::appender(out), "{:09}", static_cast<int32_t>(promoted));
            }
            break;
        default:
            if (wide) {
                put_dec(out, promoted);
            } else {
                put_dec(out, static_cast<int32_t>(promoted));
            }
    }
}

bool size_fits(std::span<const uint8_t> raw, ParamType type) {
    switch (type) {
        case ParamType::Int8: case ParamType::Uint8: case ParamType::SigType: case ParamType::L4Proto:
        case ParamType::SockFamily: case ParamType::Flags8: case ParamType::EnumFlags8:
            return raw.size() == 1;
        case ParamType::Int16: case ParamType::Uint16: case ParamType::SyscallId: case ParamType::Port:
        case ParamType::Flags16: case ParamType::EnumFlags16:
            return raw.size() == 2;
        case ParamType::Int32: case ParamType::Uint32: case ParamType::Bool: case ParamType::Flags32:
        case ParamType::EnumFlags32: case ParamType::Uid: case ParamType::Gid: case ParamType::SigSet:
        case ParamType::Mode: case ParamType::Fd32: case ParamType::Pid32: case ParamType::Ipv4Addr:
            return raw.size() == 4;
        case ParamType::Int64: case ParamType::Uint64: case ParamType::Errno: case ParamType::Fd:
        case ParamType::Pid: case ParamType::RelTime: case ParamType::AbsTime: case ParamType::Double:
            return raw.size() == 8;
        default:
            return true;
    }
}

// sysdig 0.29.3's flag naming: walk the table in order, naming every entry
// whose bits are all still set (and removing them), until an entry equals the
// whole value, which is named last. A zero entry matches only a zero value.
void put_flag_names(OutBuffer& out, uint32_t value, std::span<const FlagName> names) {
    uint32_t rest = value;
    bool first = true;
    auto name = [&](std::string_view n) {
        if (!first) out.push_back('|');
        put(out, n);
        first = false;
    };
    for (const FlagName& f : names) {
        if (f.value == value) {
            name(f.name);
            return;
        }
        if ((f.value == 0 && value == 0) || (f.value != 0 && rest != 0 && (rest & f.value) == f.value)) {
            name(f.name);
            rest &= ~f.value;
        }
    }
}

void put_enum_name(OutBuffer& out, uint32_t value, std::span<const FlagName> names) {
    for (const FlagName& f : names) {
        if (f.value == value) {
            put(out, f.name);
            return;
        }
    }
}

void put_ipv4(OutBuffer& out, const uint8_t* ip) {
    for (int k = 0; k < 4; ++k) {
        if (k != 0) out.push_back('.');
        put_dec(out, unsigned{ip[k]});
    }
}

bool put_ipv6(OutBuffer& out, const uint8_t* ip) {
    // inet_ntop is what sysdig uses; its compression rules (and the
    // "::ffff:1.2.3.4" form) are easy to get subtly wrong by hand.
    char text[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, ip, text, sizeof text) == nullptr) return false;
    put(out, text);
    return true;
}

void put_port(OutBuffer& out, const uint8_t* p) {
    out.push_back(':');
    put_dec(out, unsigned{load_le<uint16_t>(p)});
}

// sysdig treats an all-zero address like an IPv4-mapped one.
bool ipv4_mapped(const uint8_t* ip) {
    for (int k = 0; k < 10; ++k) {
        if (ip[k] != 0) return false;
    }
    if (ip[10] == 0xFF && ip[11] == 0xFF) return true;
    for (int k = 10; k < 16; ++k) {
        if (ip[k] != 0) return false;
    }
    return true;
}

void put_family(OutBuffer& out, uint8_t family) {
    put(out, "family ");
    put_dec(out, int{static_cast<int8_t>(family)});  // sysdig prints the byte as a signed char
}

void put_sockaddr(OutBuffer& out, std::span<const uint8_t> raw) {
    if (raw.empty()) return put(out, "NULL");
    const uint8_t* p = raw.data();
    switch (p[0]) {
        case kFamilyUnix:
            return put_dropping_invalid(out, as_text(raw.subspan(1)));
        case kFamilyInet:
            if (raw.size() != 1 + 4 + 2) return put(out, "INVALID IPv4");
            put_ipv4(out, p + 1);
            return put_port(out, p + 5);
        case kFamilyInet6:
            if (raw.size() != 1 + 16 + 2) return put(out, "INVALID IPv6");
            put_ipv6(out, p + 1);
            return put_port(out, p + 17);
        default:
            return put_family(out, p[0]);
    }
}

void put_socktuple(OutBuffer& out, std::span<const uint8_t> raw) {
    if (raw.empty()) return put(out, "NULL");
    const uint8_t* p = raw.data();
    switch (p[0]) {
        case kFamilyInet:
            if (raw.size() != 1 + 4 + 2 + 4 + 2) return put(out, "INVALID IPv4");
            put_ipv4(out, p + 1);
            put_port(out, p + 5);
            put(out, "->");
            put_ipv4(out, p + 7);
            return put_port(out, p + 11);
        case kFamilyInet6: {
            if (raw.size() != 1 + 16 + 2 + 16 + 2) return put(out, "INVALID IPv6");
            const uint8_t* sip = p + 1;
            const uint8_t* dip = p + 19;
            if (ipv4_mapped(sip) && ipv4_mapped(dip)) {
                put_ipv4(out, sip + 12);
                put_port(out, p + 17);
                put(out, "->");
                put_ipv4(out, dip + 12);
                return put_port(out, p + 35);
            }
            put_ipv6(out, sip);
            put_port(out, p + 17);
            put(out, "->");
            put_ipv6(out, dip);
            return put_port(out, p + 35);
        }
        case kFamilyUnix: {
            // Two kernel socket addresses (lower-case hex, no 0x), then the path.
            const uint64_t src = raw.size() >= 9 ? load_le<uint64_t>(p + 1) : 0;
            const uint64_t dst = raw.size() >= 17 ? load_le<uint64_t>(p + 9) : 0;
            put_hex(out, src, false);
            put(out, "->");
            put_hex(out, dst, false);
            out.push_back(' ');
            if (raw.size() > 17) put_dropping_invalid(out, as_text(raw.subspan(17)));
            return;
        }
        default:
            return put_family(out, p[0]);
    }
}

// Byte buffers (I/O data, argv/env/cgroups lists): every non-printable byte,
// NULs included, becomes '.', and sysdig cuts the result at 80 characters,
// the last three replaced by "...".
void put_bytebuf(OutBuffer& out, std::span<const uint8_t> raw) {
    const bool cut = raw.size() > kMaxBufferRender;
    const size_t shown = cut ? kMaxBufferRender - 3 : raw.size();
    for (size_t k = 0; k < shown; ++k) {
        const uint8_t c = raw[k];
        out.push_back(printable(c) ? static_cast<char>(c) : '.');
    }
    if (cut) put(out, "...");
}

void put_fd(const EventView& ev, int64_t fd, const ArgContext* ctx, OutBuffer& out) {
    put_dec(out, fd);
    if (fd >= 0) {
        if (ctx == nullptr) return;
        const size_t mark = open_paren(out);
        close_paren(out, mark, ctx->describe_fd(ev, fd, out));
        return;
    }
    // Negative fds are either AT_FDCWD (the *at calls) or a failed call's -errno.
    std::string_view name = fd == kAtFdcwd ? std::string_view("AT_FDCWD")
                                           : sysdig_errno_name(-int64_t{static_cast<int32_t>(fd)});
    if (!name.empty()) {
        out.push_back('(');
        put(out, name);
        out.push_back(')');
    }
}

void put_pid(int64_t pid, const ArgContext* ctx, OutBuffer& out) {
    put_dec(out, pid);
    if (ctx == nullptr) return;
    const size_t mark = open_paren(out);
    close_paren(out, mark, ctx->describe_thread(pid, out));
}

void put_errno(int64_t value, OutBuffer& out) {
    put_dec(out, value);
    if (value >= 0) return;
    // sysdig looks the value up as a 32-bit int.
    const std::string_view name = sysdig_errno_name(-int64_t{static_cast<int32_t>(value)});
    if (name.empty()) return;
    out.push_back('(');
    put(out, name);
    out.push_back(')');
}

void put_id_name(uint32_t id, bool is_user, const ArgContext* ctx, OutBuffer& out) {
    if (id == 0xFFFFFFFFu) return put(out, "-1(<NONE>)");
    put_dec(out, static_cast<int32_t>(id));  // printed with %d, as sysdig does
    if (ctx == nullptr) return;
    // An unknown id is shown bare (checked against sysdig 0.29.3).
    const size_t mark = open_paren(out);
    close_paren(out, mark, is_user ? ctx->describe_user(id, out) : ctx->describe_group(id, out));
}

// sysdig's path clean-up when joining a base directory and a relative path:
// "./" dropped, "../" climbs (never above the start of the joined string),
// doubled '/' collapsed, non-printable bytes shown as '.', trailing '/' cut.
// Appends to `out`, whose bytes from `base` on hold the base directory.
void join_path(OutBuffer& out, size_t base, std::string_view path) {
    size_t pc = 0;
    auto at = [&](size_t k) -> char { return k < path.size() ? path[k] : '\0'; };
    auto climb = [&](size_t skip) {
        size_t tc = out.size();
        if (tc > base + 1) {
            --tc;
            while (tc >= base + 1 && out[tc - 1] != '/') --tc;
            out.resize(tc);
        }
        pc += skip;
    };
    while (at(pc) != '\0') {
        const char c = at(pc);
        if (!printable(static_cast<uint8_t>(c))) {
            out.push_back('.');
            ++pc;
        } else if (c == '.' && at(pc + 1) == '.' && at(pc + 2) == '/') {
            climb(3);
        } else if (c == '.' && at(pc + 1) == '.') {
            if (at(pc + 2) == '\0') {
                climb(2);
            } else {
                put(out, "..");
                pc += 2;
            }
        } else if (c == '.' && at(pc + 1) == '/') {
            pc += 2;
        } else if (c == '.') {
            if (at(pc + 1) != '\0') out.push_back('.');
            ++pc;
        } else if (c == '/') {
            if (!(out.size() > base && out[out.size() - 1] == '/')) out.push_back('/');
            ++pc;
        } else {
            out.push_back(c);
            ++pc;
        }
    }
    if (out.size() > base + 1 && out[out.size() - 1] == '/') out.resize(out.size() - 1);
}

// A path parameter: its text (non-printables dropped), then — for a relative
// path of a known thread — "(resolved absolute path)".
void put_path(const EventView& ev, const ParamInfo& info, std::span<const uint8_t> raw,
              const ArgContext* ctx, OutBuffer& out) {
    const std::string_view text = param_as_string(raw);
    put_dropping_invalid(out, text);
    if (ctx == nullptr || raw.empty() || text.starts_with("<NA>")) return;
    if (!text.empty() && text[0] == '/') return;  // absolute: nothing to resolve

    int64_t dirfd = kAtFdcwd;
    const EventInfo* ei = ev.info();
    if (info.type == ParamType::FsRelPath && info.dirfd_param >= 0 && ei != nullptr) {
        const auto d = static_cast<uint32_t>(info.dirfd_param);
        if (d < ei->params.size() && ei->params[d].type == ParamType::Fd && d < ev.nparams()) {
            dirfd = param_as_int(ev.param(d), ParamType::Int64, kAtFdcwd);
        }
    }
    const size_t mark = open_paren(out);
    if (!ctx->base_dir(ev, dirfd, out)) {
        close_paren(out, mark, false);
        return;
    }
    join_path(out, mark, text);
    close_paren(out, mark, true);
}

void put_fdlist(const EventView& ev, std::span<const uint8_t> raw, const ArgContext* ctx, OutBuffer& out) {
    if (raw.size() < 2) return put(out, "NULL");
    const uint16_t n = load_le<uint16_t>(raw.data());
    size_t pos = 2;
    for (uint16_t k = 0; k < n && pos + 10 <= raw.size(); ++k, pos += 10) {
        const int64_t fd = load_le<int64_t>(raw.data() + pos);
        const auto flags = load_le<int16_t>(raw.data() + pos + 8);
        if (k != 0) out.push_back(' ');
        put_dec(out, static_cast<uint64_t>(fd));
        out.push_back(':');
        const char type = ctx != nullptr ? ctx->fd_type_char(ev, fd) : '\0';
        out.push_back(type != '\0' ? type : '?');
        put_hex(out, static_cast<uint32_t>(int32_t{flags}), false);  // sign-extended, as sysdig does
    }
}

void put_reltime(uint64_t ns, OutBuffer& out) {
    if (ns == UINT64_MAX) return put(out, "none");
    put_dec(out, ns);
    fmt::format_to(fmt::appender(out), "({:g}s)", static_cast<double>(ns) / 1e9);
}

// Local time with nanoseconds: the current libs' rendering (0.29.3 had none).
void put_abstime(uint64_t ns, OutBuffer& out) {
    const time_t sec = static_cast<time_t>(ns / 1000000000u);
    std::tm tm{};
    localtime_r(&sec, &tm);
    fmt::format_to(fmt::appender(out), "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:09}", tm.tm_year + 1900,
                   tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ns % 1000000000u);
}

void put_sigset(uint32_t mask, OutBuffer& out) {
    bool first = true;
    for (int sig = 0; sig < 32; ++sig) {
        if ((mask & (1u << sig)) == 0) continue;
        const std::string_view name = signal_name(static_cast<uint8_t>(sig + 1));
        if (name.empty()) continue;
        if (!first) out.push_back(' ');
        put(out, name);
        first = false;
    }
}

void put_flags(std::span<const uint8_t> raw, ParamType type, const ParamInfo& info, OutBuffer& out) {
    const auto value = static_cast<uint32_t>(param_as_uint(raw, type));
    put_dec(out, value);
    if (info.flags.empty()) return;
    const size_t mark = open_paren(out);
    const bool exact = type == ParamType::EnumFlags8 || type == ParamType::EnumFlags16 ||
                       type == ParamType::EnumFlags32;
    if (exact) {
        put_enum_name(out, value, info.flags);
    } else {
        put_flag_names(out, value, info.flags);
    }
    close_paren(out, mark, true);
}

void put_value(const EventView& ev, uint32_t i, const ParamInfo& info, const ArgContext* ctx, OutBuffer& out) {
    std::span<const uint8_t> raw = ev.param(i);
    ParamType type = info.type;
    if (type == ParamType::Dyn) {
        // A leading index byte picks the real type among the alternatives.
        if (raw.empty() || raw[0] >= info.dyn_count || info.dyn_types == nullptr) {
            return put(out, "INVALID DYNAMIC PARAMETER");
        }
        type = info.dyn_types[raw[0]].type;
        raw = raw.subspan(1);
    }
    if (!size_fits(raw, type)) {
        // Empty or malformed: text and buffers render empty, tuples "NULL".
        if (!raw.empty()) return put(out, "<NA>");
    }
    switch (type) {
        case ParamType::Int8: case ParamType::Int16: case ParamType::Int32: case ParamType::Int64:
            if (raw.empty()) return put(out, "<NA>");
            return put_number(out, raw, true, info.format);
        case ParamType::Uint8: case ParamType::Uint16: case ParamType::Uint32: case ParamType::Uint64:
            if (raw.empty()) return put(out, "<NA>");
            return put_number(out, raw, false, info.format);
        case ParamType::Fd: case ParamType::Fd32:
            if (raw.empty()) return put(out, "<NA>");
            return put_fd(ev, param_as_int(raw, type), ctx, out);
        case ParamType::Pid: case ParamType::Pid32:
            if (raw.empty()) return put(out, "<NA>");
            return put_pid(param_as_int(raw, type), ctx, out);
        case ParamType::Errno:
            if (raw.empty()) return put(out, "<NA>");
            return put_errno(param_as_int(raw, type), out);
        case ParamType::CharBuf:
            return append_sanitized(param_as_string(raw), out);
        case ParamType::FsPath: case ParamType::FsRelPath:
            return put_path(ev, info, raw, ctx, out);
        case ParamType::ByteBuf: case ParamType::CharBufArray: case ParamType::CharBufPairArray:
            return put_bytebuf(out, raw);
        case ParamType::SockAddr:
            return put_sockaddr(out, raw);
        case ParamType::SockTuple:
            return put_socktuple(out, raw);
        case ParamType::FdList:
            return put_fdlist(ev, raw, ctx, out);
        default:
            break;
    }
    if (raw.empty()) return put(out, "<NA>");
    switch (type) {
        case ParamType::SyscallId: {
            const uint16_t id = load_le<uint16_t>(raw.data());
            // The name alone, as sysdig prints %evt.arg.ID (the number is evt.rawarg.ID).
            const std::string_view name = syscall_name(id);
            if (id >= kPpmScCodesKnownToSysdig0293 && name.empty()) return put(out, "<unknown syscall>");
            return put(out, name.empty() ? std::string_view("<unknown>") : name);
        }
        case ParamType::SigType: {
            put_dec(out, unsigned{raw[0]});
            const std::string_view name = signal_name(raw[0]);
            if (name.empty()) return;
            out.push_back('(');
            put(out, name);
            out.push_back(')');
            return;
        }
        case ParamType::RelTime:
            return put_reltime(load_le<uint64_t>(raw.data()), out);
        case ParamType::AbsTime:
            return put_abstime(load_le<uint64_t>(raw.data()), out);
        case ParamType::Flags8: case ParamType::Flags16: case ParamType::Flags32:
        case ParamType::EnumFlags8: case ParamType::EnumFlags16: case ParamType::EnumFlags32:
            return put_flags(raw, type, info, out);
        case ParamType::Mode: {
            put_number(out, raw, false, info.format);
            if (info.flags.empty()) return;
            const size_t mark = open_paren(out);
            put_flag_names(out, load_le<uint32_t>(raw.data()), info.flags);
            close_paren(out, mark, true);
            return;
        }
        case ParamType::Uid: case ParamType::Gid:
            return put_id_name(load_le<uint32_t>(raw.data()), type == ParamType::Uid, ctx, out);
        case ParamType::SigSet:
            return put_sigset(load_le<uint32_t>(raw.data()), out);
        // Types sysdig 0.29.3 could not print; rendered plainly.
        case ParamType::Port: case ParamType::L4Proto: case ParamType::SockFamily: case ParamType::Bool:
            return put_dec(out, param_as_uint(raw, type));
        case ParamType::Ipv4Addr:
            return put_ipv4(out, raw.data());
        case ParamType::Ipv6Addr:
            if (raw.size() != 16) return put(out, "<NA>");
            put_ipv6(out, raw.data());
            return;
        case ParamType::IpAddr:
            if (raw.size() == 4) return put_ipv4(out, raw.data());
            if (raw.size() == 16) {
                put_ipv6(out, raw.data());
                return;
            }
            return put(out, "<NA>");
        case ParamType::Double: {
            double d = 0;
            std::memcpy(&d, raw.data(), sizeof d);
            fmt::format_to(fmt::appender(out), "{:g}", d);
            return;
        }
        default:
            return put(out, "(n.a.)");
    }
}

bool is_generic(EventType type) { return type == PPME_SYSCALL_E || type == PPME_SYSCALL_X; }

}  // namespace

void append_sanitized(std::string_view text, OutBuffer& out) {
    for (char c : text) out.push_back(printable(static_cast<uint8_t>(c)) ? c : '.');
}

void append_sanitized_utf8(std::string_view text, OutBuffer& out) {
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<uint8_t>(text[i]);
        const size_t len = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                           : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
        uint32_t cp = len == 2 ? lead & 0x1Fu : len == 3 ? lead & 0x0Fu : lead & 0x07u;
        bool ok = len > 1 && i + len <= text.size();
        for (size_t k = 1; ok && k < len; ++k) {
            const auto c = static_cast<uint8_t>(text[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        // Overlong forms, surrogates, past U+10FFFF and the C1 controls are not text.
        static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        ok = ok && cp >= kMin[len] && cp >= 0xA0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out.push_back(printable(lead) ? static_cast<char>(lead) : '.');
            ++i;
        }
    }
}

void format_arg(const EventView& ev, uint32_t i, const ArgContext* ctx, OutBuffer& out) {
    const EventInfo* info = ev.info();
    if (info == nullptr || i >= info->params.size() || i >= ev.nparams()) return;
    put_value(ev, i, info->params[i], ctx, out);
}

void format_args(const EventView& ev, const ArgContext* ctx, OutBuffer& out) {
    // sysdig keeps the generic events' syscall id to itself: their args are empty.
    if (is_generic(ev.type)) return;
    const EventInfo* info = ev.info();
    if (info == nullptr) return;
    const uint32_t n = std::min<uint32_t>(ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        put(out, info->params[i].name);
        out.push_back('=');
        put_value(ev, i, info->params[i], ctx, out);
        out.push_back(' ');
    }
}

bool has_dynamic_type_name(EventType type) { return is_generic(type); }

std::string_view display_type_name(const EventView& ev, const EventView* enter) {
    if (is_generic(ev.type)) {
        const auto code = static_cast<uint16_t>(param_as_uint(ev.param(0), ParamType::Uint16));
        std::string_view name = syscall_name(code);
        // Code 0: a call beyond the PPM_SC codes sysdig 0.29.3 knows. Its
        // enter carries the native number; an exit takes it from its enter.
        const EventView* native = is_enter(ev.type) ? &ev : enter;
        if (code == 0 && native != nullptr && is_generic(native->type) && is_enter(native->type) &&
            native->nparams() >= 2 && param_as_uint(native->param(0), ParamType::Uint16) == 0) {
            name = x86_64_syscall_name(static_cast<uint32_t>(param_as_uint(native->param(1), ParamType::Uint16)));
        }
        return name.empty() ? std::string_view("<unknown>") : name;
    }
    const EventInfo* info = ev.info();
    return info != nullptr ? info->name : std::string_view("NA");
}

}  // namespace tracetop::event
