#include "filter/host_names.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <deque>
#include <mutex>
#include <utility>

namespace tracetop::filter {
namespace {

struct Table {
    std::mutex lock;
    std::deque<std::string> names;  // a deque: views handed out stay valid
    std::vector<std::pair<IpValue, std::string_view>> by_address;
};

Table& table() {
    static Table t;
    return t;
}

}  // namespace

bool same_ip(const IpValue& a, const IpValue& b) {
    return a.v6 == b.v6 && std::memcmp(a.bytes.data(), b.bytes.data(), a.v6 ? 16 : 4) == 0;
}

std::vector<IpValue> resolve_host_name(const std::string& name) {
    std::vector<IpValue> out;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;  // one entry per address, not one per socket type
    addrinfo* found = nullptr;
    if (::getaddrinfo(name.c_str(), nullptr, &hints, &found) != 0) return out;
    for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
        IpValue ip;
        if (a->ai_family == AF_INET) {
            std::memcpy(ip.bytes.data(), &reinterpret_cast<const sockaddr_in*>(a->ai_addr)->sin_addr, 4);
        } else if (a->ai_family == AF_INET6) {
            std::memcpy(ip.bytes.data(), &reinterpret_cast<const sockaddr_in6*>(a->ai_addr)->sin6_addr, 16);
            ip.v6 = true;
        } else {
            continue;
        }
        bool seen = false;
        for (const IpValue& o : out) seen = seen || same_ip(o, ip);
        if (!seen) out.push_back(ip);
    }
    ::freeaddrinfo(found);

    Table& t = table();
    std::lock_guard<std::mutex> hold(t.lock);
    std::string_view kept;
    for (const IpValue& ip : out) {
        bool known = false;
        for (const auto& [addr, n] : t.by_address) known = known || same_ip(addr, ip);
        if (known) continue;
        if (kept.empty()) kept = t.names.emplace_back(name);
        t.by_address.emplace_back(ip, kept);
    }
    return out;
}

std::optional<std::string_view> host_name_of(const IpValue& ip) {
    Table& t = table();
    std::lock_guard<std::mutex> hold(t.lock);
    for (const auto& [addr, name] : t.by_address) {
        if (same_ip(addr, ip)) return name;
    }
    return std::nullopt;
}

}  // namespace tracetop::filter
