// A little-endian byte appender for building blocks in memory before they
// are written: fixed-width integers, header-block strings and block framing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "capture/block_codes.h"

namespace tracetop::capture::detail {

class ByteSink {
public:
    void clear() { buf_.clear(); }
    size_t size() const { return buf_.size(); }
    std::span<const uint8_t> bytes() const { return buf_; }

    template <class T>
    void put(T v) {
        raw(&v, sizeof v);  // little-endian host, little-endian format
    }
    void u8(uint8_t v) { put(v); }
    void u16(uint16_t v) { put(v); }
    void u32(uint32_t v) { put(v); }
    void u64(uint64_t v) { put(v); }
    void i64(int64_t v) { put(v); }

    // resize + memcpy rather than insert: GCC 12 warns falsely about the latter.
    void raw(const void* p, size_t n) {
        if (n == 0) return;
        const size_t at = buf_.size();
        buf_.resize(at + n);
        std::memcpy(buf_.data() + at, p, n);
    }
    void raw(std::span<const uint8_t> s) { raw(s.data(), s.size()); }

    // u16 count + bytes; callers cap the length first (see header_block_writers).
    void str16(std::string_view s) {
        u16(static_cast<uint16_t>(s.size()));
        raw(s.data(), s.size());
    }

    // Overwrites a u32 written earlier at `at` (a length known only later).
    void patch_u32(size_t at, uint32_t v) { std::memcpy(buf_.data() + at, &v, sizeof v); }

    // Header-block entries start with their u32 length: begin_entry() writes
    // a placeholder and returns where; end_entry() fills it in, counting the
    // length field itself (PL, FDL, UL) or only what follows (IL v2).
    enum class EntryLength { WithItself, AfterItself };
    size_t begin_entry() {
        const size_t at = buf_.size();
        u32(0);
        return at;
    }
    void end_entry(size_t at, EntryLength counts = EntryLength::WithItself) {
        const size_t skip = counts == EntryLength::AfterItself ? sizeof(uint32_t) : 0;
        patch_u32(at, static_cast<uint32_t>(buf_.size() - at - skip));
    }

    // Starts a block: type and a placeholder length. Returns its start.
    size_t begin_block(uint32_t type) {
        const size_t start = buf_.size();
        u32(type);
        u32(0);
        return start;
    }

    // Pads the body to 4 bytes, appends the trailer and fixes the length.
    void end_block(size_t start) {
        while ((buf_.size() - start) % 4 != 0) u8(0);
        const auto total = static_cast<uint32_t>(buf_.size() - start + kBlockTrailerSize);
        u32(total);
        patch_u32(start + 4, total);
    }

private:
    std::vector<uint8_t> buf_;
};

}  // namespace tracetop::capture::detail
