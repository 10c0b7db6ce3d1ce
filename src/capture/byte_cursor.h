// A bounded little-endian reader over a byte span. Reading past the end never
// touches memory outside the span: it yields zeros and latches a failure,
// so a parser can read a whole record and check ok() once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

namespace tracetop::capture::detail {

class ByteCursor {
public:
    explicit ByteCursor(std::span<const uint8_t> bytes) : p_(bytes.data()), left_(bytes.size()) {}

    bool ok() const { return ok_; }
    size_t remaining() const { return left_; }
    const uint8_t* data() const { return p_; }

    template <class T>
    T get() {
        T v{};
        if (!take(sizeof v)) return v;
        std::memcpy(&v, p_ - sizeof v, sizeof v);  // the format is little-endian, like our hosts
        return v;
    }
    uint8_t u8() { return get<uint8_t>(); }
    uint16_t u16() { return get<uint16_t>(); }
    uint32_t u32() { return get<uint32_t>(); }
    uint64_t u64() { return get<uint64_t>(); }
    int64_t i64() { return get<int64_t>(); }

    // Copies n raw bytes into `out` (which must hold n).
    void bytes(uint8_t* out, size_t n) {
        if (take(n) && n > 0) std::memcpy(out, p_ - n, n);
    }

    // A header-block string: u16 byte count, then the bytes, no NUL (§1).
    std::string str16() { return str(u16()); }

    // n raw bytes as a string.
    std::string str(size_t n) {
        if (!take(n)) return {};
        return std::string(reinterpret_cast<const char*>(p_ - n), n);
    }

    void skip(size_t n) { take(n); }

    // A sub-cursor over the next n bytes, which this cursor skips.
    ByteCursor sub(size_t n) {
        if (!take(n)) return ByteCursor({}, false);
        return ByteCursor({p_ - n, n});
    }

private:
    ByteCursor(std::span<const uint8_t> bytes, bool ok) : p_(bytes.data()), left_(bytes.size()), ok_(ok) {}

    bool take(size_t n) {
        if (!ok_ || n > left_) {
            ok_ = false;
            left_ = 0;
            return false;
        }
        p_ += n;
        left_ -= n;
        return true;
    }

    const uint8_t* p_;
    size_t left_;
    bool ok_ = true;
};

}  // namespace tracetop::capture::detail
