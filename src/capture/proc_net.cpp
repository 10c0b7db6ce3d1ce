#include "capture/proc_net.h"

#include <charconv>
#include <cstring>
#include <string>

#include "capture/proc_files.h"

namespace tracetop::capture {
namespace {

using event::FdRecord;
using event::FdRecordType;

constexpr uint8_t kL4Tcp = 2;
constexpr uint8_t kL4Udp = 3;
constexpr int kTcpListen = 0x0A;

bool parse_hex(std::string_view s, uint64_t& out) {
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out, 16);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "0100007F:1F90": the address as the kernel prints it, which is its
// in-memory (network-order) bytes read as native 32-bit words; the port in
// host order.
bool parse_endpoint(std::string_view s, bool v6, std::array<uint8_t, 16>& addr, uint16_t& port) {
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view hex = s.substr(0, colon);
    const size_t words = v6 ? 4 : 1;
    if (hex.size() != words * 8) return false;
    for (size_t w = 0; w < words; ++w) {
        uint64_t v = 0;
        if (!parse_hex(hex.substr(w * 8, 8), v)) return false;
        const auto word = static_cast<uint32_t>(v);
        std::memcpy(addr.data() + w * 4, &word, 4);
    }
    uint64_t p = 0;
    if (!parse_hex(s.substr(colon + 1), p) || p > 0xFFFF) return false;
    port = static_cast<uint16_t>(p);
    return true;
}

std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        const size_t start = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool is_zero(const std::array<uint8_t, 16>& a, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != 0) return false;
    }
    return true;
}

void read_inet(const char* path, bool v6, uint8_t l4, size_t max_bytes, SocketsByInode& out) {
    const auto text = read_bounded(path, max_bytes);
    if (!text) return;
    const auto lines = split(*text, '\n');
    for (size_t li = 1; li < lines.size(); ++li) {  // line 0 is the column header
        const auto f = fields_of(lines[li]);
        if (f.size() < 10) continue;
        FdRecord rec;
        uint64_t state = 0, inode = 0;
        if (!parse_endpoint(f[1], v6, rec.sip, rec.sport) || !parse_endpoint(f[2], v6, rec.dip, rec.dport) ||
            !parse_hex(f[3], state)) {
            continue;
        }
        const auto r = std::from_chars(f[9].data(), f[9].data() + f[9].size(), inode);
        if (r.ec != std::errc() || inode == 0) continue;
        rec.l4proto = l4;
        const size_t alen = v6 ? 16 : 4;
        // A listener, or a UDP socket with no peer, is a server socket.
        const bool server = (l4 == kL4Tcp && static_cast<int>(state) == kTcpListen) ||
                            (l4 == kL4Udp && rec.dport == 0 && is_zero(rec.dip, alen));
        if (server) {
            rec.type = v6 ? FdRecordType::Ipv6ServSock : FdRecordType::Ipv4ServSock;
        } else {
            rec.type = v6 ? FdRecordType::Ipv6Sock : FdRecordType::Ipv4Sock;
        }
        out.emplace(inode, rec);
    }
}

void read_unix(size_t max_bytes, SocketsByInode& out) {
    const auto text = read_bounded("/proc/net/unix", max_bytes);
    if (!text) return;
    const auto lines = split(*text, '\n');
    for (size_t li = 1; li < lines.size(); ++li) {
        const auto f = fields_of(lines[li]);
        if (f.size() < 7) continue;
        std::string_view num = f[0];
        if (!num.empty() && num.back() == ':') num.remove_suffix(1);
        uint64_t addr = 0, inode = 0;
        if (!parse_hex(num, addr)) continue;
        const auto r = std::from_chars(f[6].data(), f[6].data() + f[6].size(), inode);
        if (r.ec != std::errc() || inode == 0) continue;
        FdRecord rec;
        rec.type = FdRecordType::UnixSock;
        rec.unix_source = addr;
        if (f.size() >= 8) rec.name = std::string(f[7].substr(0, 1024));
        out.emplace(inode, rec);
    }
}

}  // namespace

SocketsByInode read_proc_net_sockets(size_t max_file_bytes) {
    SocketsByInode out;
    read_inet("/proc/net/tcp", false, kL4Tcp, max_file_bytes, out);
    read_inet("/proc/net/tcp6", true, kL4Tcp, max_file_bytes, out);
    read_inet("/proc/net/udp", false, kL4Udp, max_file_bytes, out);
    read_inet("/proc/net/udp6", true, kL4Udp, max_file_bytes, out);
    read_unix(max_file_bytes, out);
    return out;
}

}  // namespace tracetop::capture
