#include "state/socket_names.h"

#include <arpa/inet.h>

#include <cstring>

#include "event/event_view.h"

namespace tracetop::state {
namespace {

constexpr size_t kInetTupleSize = 1 + 4 + 2 + 4 + 2;
constexpr size_t kInet6TupleSize = 1 + 16 + 2 + 16 + 2;
constexpr size_t kUnixTupleHeader = 1 + 8 + 8;
constexpr size_t kInetAddrSize = 1 + 4 + 2;
constexpr size_t kInet6AddrSize = 1 + 16 + 2;

// sysdig drops non-printable bytes from names it renders (sanitize_string).
void append_printable(std::span<const uint8_t> bytes, OutBuffer& out) {
    for (uint8_t c : bytes) {
        if (c == 0) break;
        if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
    }
}

}  // namespace

bool is_ipv4_mapped(const uint8_t* ip16) {
    for (int i = 0; i < 10; ++i) {
        if (ip16[i] != 0) return false;
    }
    if (ip16[10] == 0xFF && ip16[11] == 0xFF) return true;
    return ip16[10] == 0 && ip16[11] == 0 && ip16[12] == 0 && ip16[13] == 0 && ip16[14] == 0 && ip16[15] == 0;
}

void append_ipv4(const uint8_t* ip4, OutBuffer& out) {
    fmt::format_to(std::back_inserter(out), "{}.{}.{}.{}", ip4[0], ip4[1], ip4[2], ip4[3]);
}

void append_ipv6(const uint8_t* ip16, OutBuffer& out) {
    char text[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, ip16, text, sizeof text) != nullptr) out.append(std::string_view{text});
}

void append_ipv4_endpoint(const uint8_t* ip4, uint16_t port, OutBuffer& out) {
    append_ipv4(ip4, out);
    fmt::format_to(std::back_inserter(out), ":{}", port);
}

void append_ipv6_endpoint(const uint8_t* ip16, uint16_t port, OutBuffer& out) {
    append_ipv6(ip16, out);
    fmt::format_to(std::back_inserter(out), ":{}", port);
}

ConnectionEnds unmapped(ConnectionEnds ends) {
    if (ends.v6 && is_ipv4_mapped(ends.sip) && is_ipv4_mapped(ends.dip)) {
        ends.sip += 12;
        ends.dip += 12;
        ends.v6 = false;
    }
    return ends;
}

void append_connection(const ConnectionEnds& ends, bool ports, OutBuffer& out) {
    const auto end = [&](const uint8_t* ip, uint16_t port) {
        if (ends.v6) append_ipv6(ip, out);
        else append_ipv4(ip, out);
        if (ports) fmt::format_to(std::back_inserter(out), ":{}", port);
    };
    end(ends.sip, ends.sport);
    out.append(std::string_view{"->"});
    end(ends.dip, ends.dport);
}

void append_socket_name(const FdEntry& entry, OutBuffer& out) {
    const SocketEnds& s = entry.socket;
    switch (entry.type) {
        case FdType::Ipv4Server:
            append_ipv4_endpoint(s.sip.data(), s.sport, out);
            return;
        case FdType::Ipv6Server:
            append_ipv6_endpoint(s.sip.data(), s.sport, out);
            return;
        case FdType::Ipv4Socket:
        case FdType::Ipv6Socket: {
            const bool v6 = entry.type == FdType::Ipv6Socket;
            const ConnectionEnds ends = unmapped({s.sip.data(), s.sport, s.dip.data(), s.dport, v6});
            // ICMP sockets, and IPv4 raw ones, are named by their addresses alone.
            const bool addresses_only = s.l4proto == L4Proto::Icmp || (!v6 && s.l4proto == L4Proto::Raw);
            if (s.l4proto == L4Proto::Tcp || s.l4proto == L4Proto::Udp) {
                append_connection(ends, true, out);
            } else if (addresses_only) {
                append_connection(ends, false, out);
            } else {
                out.append(std::string_view{"<unknown>"});
            }
            return;
        }
        default:
            out.append(entry.name.view());
            return;
    }
}

bool parse_tuple(std::span<const uint8_t> raw, TupleView& out) {
    if (raw.empty()) return false;
    out = TupleView{};
    out.family = raw[0];
    const uint8_t* p = raw.data();
    switch (out.family) {
        case kFamilyInet:
        case kFamilyInet6: {
            // family, source address and port, destination address and port
            const bool v6 = out.family == kFamilyInet6;
            const size_t n = v6 ? 16 : 4;
            if (raw.size() < (v6 ? kInet6TupleSize : kInetTupleSize)) return false;
            out.sip = p + 1;
            out.sport = event::load_le<uint16_t>(p + 1 + n);
            out.dip = p + 3 + n;
            out.dport = event::load_le<uint16_t>(p + 3 + 2 * n);
            return true;
        }
        case kFamilyUnix: {
            if (raw.size() < kUnixTupleHeader) return false;
            out.unix_source = event::load_le<uint64_t>(p + 1);
            out.unix_dest = event::load_le<uint64_t>(p + 9);
            auto path = raw.subspan(kUnixTupleHeader);
            const auto* nul = static_cast<const uint8_t*>(std::memchr(path.data(), 0, path.size()));
            out.unix_path = nul == nullptr ? path : path.first(static_cast<size_t>(nul - path.data()));
            return true;
        }
        default:
            return true;  // a family sysdig only names by number
    }
}

void append_tuple_param(std::span<const uint8_t> raw, OutBuffer& out) {
    if (raw.empty()) {
        out.append(std::string_view{"NULL"});
        return;
    }
    TupleView t;
    const bool ok = parse_tuple(raw, t);
    switch (t.family) {
        case kFamilyInet:
        case kFamilyInet6:
            if (!ok) break;
            append_connection(unmapped({t.sip, t.sport, t.dip, t.dport, t.family == kFamilyInet6}), true, out);
            return;
        case kFamilyUnix:
            if (!ok) break;
            fmt::format_to(std::back_inserter(out), "{:x}->{:x} ", t.unix_source, t.unix_dest);
            append_printable(t.unix_path, out);
            return;
        default:
            fmt::format_to(std::back_inserter(out), "family {}", t.family);
            return;
    }
    out.append(t.family == kFamilyInet6 ? std::string_view{"INVALID IPv6"} : std::string_view{"INVALID IPv4"});
}

void append_sockaddr_param(std::span<const uint8_t> raw, OutBuffer& out) {
    if (raw.empty()) {
        out.append(std::string_view{"NULL"});
        return;
    }
    const uint8_t* p = raw.data();
    switch (raw[0]) {
        case kFamilyUnix:
            append_printable(raw.subspan(1), out);
            return;
        case kFamilyInet:
        case kFamilyInet6: {
            const bool v6 = raw[0] == kFamilyInet6;
            if (raw.size() != (v6 ? kInet6AddrSize : kInetAddrSize)) {
                out.append(v6 ? std::string_view{"INVALID IPv6"} : std::string_view{"INVALID IPv4"});
                return;
            }
            const uint16_t port = event::load_le<uint16_t>(p + raw.size() - 2);
            if (v6) append_ipv6_endpoint(p + 1, port, out);
            else append_ipv4_endpoint(p + 1, port, out);
            return;
        }
        default:
            fmt::format_to(std::back_inserter(out), "family {}", raw[0]);
            return;
    }
}

}  // namespace tracetop::state
