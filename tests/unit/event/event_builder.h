// Builds scap events byte by byte for the unit tests (scap-format.md §9.1):
// v2 header (ts u64, tid u64, len u32, type u16, nparams u32), or v1 without
// nparams, then the parameter lengths (u16, u32 for large-payload types),
// then the values.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "event/event_view.h"

namespace tracetop::event::test {

// resize + memcpy rather than vector::insert: GCC 12 at -O3 warns falsely
// (-Wstringop-overflow) about inserting into a vector that starts empty.
inline void append_bytes(std::vector<uint8_t>& out, const void* p, size_t n) {
    const size_t at = out.size();
    out.resize(at + n);
    if (n != 0) std::memcpy(out.data() + at, p, n);
}

class EventBuilder {
public:
    explicit EventBuilder(uint16_t type, uint64_t tid = 17497, uint64_t ts = 1000)
        : type_(type), tid_(tid), ts_(ts) {}

    EventBuilder& u8(uint8_t v) { return raw(&v, 1); }
    EventBuilder& u16(uint16_t v) { return raw(&v, 2); }
    EventBuilder& u32(uint32_t v) { return raw(&v, 4); }
    EventBuilder& i32(int32_t v) { return raw(&v, 4); }
    EventBuilder& u64(uint64_t v) { return raw(&v, 8); }
    EventBuilder& i64(int64_t v) { return raw(&v, 8); }
    // A CHARBUF/FSPATH: the text and its terminating NUL.
    EventBuilder& str(std::string_view s) {
        std::vector<uint8_t> b(s.begin(), s.end());
        b.push_back(0);
        params_.push_back(std::move(b));
        return *this;
    }
    // Raw bytes, e.g. a BYTEBUF ("a\0b\0" lists included) or a hand-made tuple.
    EventBuilder& bytes(std::string_view s) {
        params_.emplace_back(s.begin(), s.end());
        return *this;
    }
    EventBuilder& bytes(std::vector<uint8_t> b) {
        params_.push_back(std::move(b));
        return *this;
    }
    EventBuilder& empty() {
        params_.emplace_back();
        return *this;
    }
    EventBuilder& large_lengths(bool on = true) {
        large_ = on;
        return *this;
    }

    std::vector<uint8_t> v2() const { return build(true); }
    std::vector<uint8_t> v1() const { return build(false); }

private:
    EventBuilder& raw(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        params_.emplace_back(b, b + n);
        return *this;
    }

    template <class T>
    static void put(std::vector<uint8_t>& out, T v) {
        append_bytes(out, &v, sizeof v);
    }

    std::vector<uint8_t> build(bool v2) const {
        std::vector<uint8_t> out;
        put(out, ts_);
        put(out, tid_);
        put(out, uint32_t{0});  // len, patched below
        put(out, type_);
        if (v2) put(out, static_cast<uint32_t>(params_.size()));
        for (const auto& p : params_) {
            if (large_) {
                put(out, static_cast<uint32_t>(p.size()));
            } else {
                put(out, static_cast<uint16_t>(p.size()));
            }
        }
        for (const auto& p : params_) append_bytes(out, p.data(), p.size());
        const auto len = static_cast<uint32_t>(out.size());
        std::memcpy(out.data() + 16, &len, 4);
        return out;
    }

    uint16_t type_;
    uint64_t tid_;
    uint64_t ts_;
    bool large_ = false;
    std::vector<std::vector<uint8_t>> params_;
};

// Socket address helpers: IPs in network order, ports little-endian (§9.3).
inline std::vector<uint8_t> ipv4_tuple(std::vector<uint8_t> sip, uint16_t sport, std::vector<uint8_t> dip,
                                       uint16_t dport) {
    std::vector<uint8_t> b{2};
    append_bytes(b, sip.data(), sip.size());
    b.push_back(static_cast<uint8_t>(sport));
    b.push_back(static_cast<uint8_t>(sport >> 8));
    append_bytes(b, dip.data(), dip.size());
    b.push_back(static_cast<uint8_t>(dport));
    b.push_back(static_cast<uint8_t>(dport >> 8));
    return b;
}

inline std::vector<uint8_t> ipv6_tuple(std::vector<uint8_t> sip, uint16_t sport, std::vector<uint8_t> dip,
                                       uint16_t dport) {
    std::vector<uint8_t> b{10};
    append_bytes(b, sip.data(), sip.size());
    b.push_back(static_cast<uint8_t>(sport));
    b.push_back(static_cast<uint8_t>(sport >> 8));
    append_bytes(b, dip.data(), dip.size());
    b.push_back(static_cast<uint8_t>(dport));
    b.push_back(static_cast<uint8_t>(dport >> 8));
    return b;
}

// 2001:db8::<last> as 16 bytes.
inline std::vector<uint8_t> doc_ipv6(uint8_t last) {
    std::vector<uint8_t> ip(16, 0);
    ip[0] = 0x20;
    ip[1] = 0x01;
    ip[2] = 0x0d;
    ip[3] = 0xb8;
    ip[15] = last;
    return ip;
}

}  // namespace tracetop::event::test
