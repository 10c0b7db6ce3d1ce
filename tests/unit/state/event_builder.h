// Builds events by hand in the v2 layout (scap-format.md §9.1) for state tests.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "event/event_view.h"

namespace tracetop::state::test {

using Bytes = std::vector<uint8_t>;

template <class T>
Bytes le(T v) {
    Bytes b(sizeof v);
    std::memcpy(b.data(), &v, sizeof v);
    return b;
}
inline Bytes i64(int64_t v) { return le(v); }
inline Bytes u64(uint64_t v) { return le(v); }
inline Bytes u32(uint32_t v) { return le(v); }
inline Bytes u16(uint16_t v) { return le(v); }
inline Bytes u8(uint8_t v) { return le(v); }
// A CHARBUF/FSPATH parameter: text plus its NUL.
inline Bytes str(std::string_view s) {
    Bytes b(s.begin(), s.end());
    b.push_back(0);
    return b;
}
inline Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}
// SOCKTUPLE / SOCKADDR parameters (§9.3).
inline Bytes ipv4_tuple(std::initializer_list<uint8_t> sip, uint16_t sport, std::initializer_list<uint8_t> dip,
                        uint16_t dport) {
    return cat({u8(2), Bytes(sip), u16(sport), Bytes(dip), u16(dport)});
}
inline Bytes ipv6_tuple(const Bytes& sip, uint16_t sport, const Bytes& dip, uint16_t dport) {
    return cat({u8(10), sip, u16(sport), dip, u16(dport)});
}
inline Bytes ipv6_addr(const Bytes& ip, uint16_t port) { return cat({u8(10), ip, u16(port)}); }
inline Bytes unix_tuple(uint64_t src, uint64_t dst, std::string_view path) {
    return cat({u8(1), u64(src), u64(dst), str(path)});
}
// 2001:db8::<last>
inline Bytes ipv6_doc(uint8_t last) {
    Bytes b(16, 0);
    b[0] = 0x20;
    b[1] = 0x01;
    b[2] = 0x0d;
    b[3] = 0xb8;
    b[15] = last;
    return b;
}

// Owns the bytes of one event; view() parses them.
class BuiltEvent {
public:
    // `large`: 32-bit parameter lengths (the event types flagged LARGE_PAYLOAD).
    BuiltEvent(uint64_t ts, uint64_t tid, uint16_t type, const std::vector<Bytes>& params, uint64_t num = 0,
               bool large = false)
        : num_(num) {
        const uint32_t width = large ? 4 : 2;
        uint32_t body = 0;
        for (const auto& p : params) body += width + static_cast<uint32_t>(p.size());
        const uint32_t len = static_cast<uint32_t>(event::kEventHeaderV2Size) + body;
        bytes_ = cat({u64(ts), u64(tid), u32(len), u16(type), u32(static_cast<uint32_t>(params.size()))});
        for (const auto& p : params) {
            const Bytes l = large ? u32(static_cast<uint32_t>(p.size())) : u16(static_cast<uint16_t>(p.size()));
            bytes_.insert(bytes_.end(), l.begin(), l.end());
        }
        for (const auto& p : params) bytes_.insert(bytes_.end(), p.begin(), p.end());
    }
    event::EventView view() const {
        auto r = event::EventView::parse_v2(bytes_.data(), bytes_.size());
        event::EventView v = r.value();
        v.num = num_;
        return v;
    }

private:
    Bytes bytes_;
    uint64_t num_;
};

}  // namespace tracetop::state::test
