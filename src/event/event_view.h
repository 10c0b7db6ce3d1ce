// A zero-copy view of one scap event: header fields decoded, parameters left
// in place. Valid only while the buffer it points into is (for a reader: until
// the next call to next()).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "event/event_table.h"
#include "event/result.h"

namespace tracetop::event {

// Header sizes of the two on-disk event header versions (scap-format.md §9.1).
constexpr size_t kEventHeaderV1Size = 22;  // ts, tid, len, type
constexpr size_t kEventHeaderV2Size = 26;  // ... + nparams

// We index at most this many parameters; the largest event in the table has 31.
constexpr uint32_t kMaxParams = 48;

// Bit 0 of an EVF block's flags: the event only updates state and is not shown.
constexpr uint32_t kEventFlagStateOnly = 1;

template <class T>
inline T load_le(const uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);  // the format is little-endian, like every host we run on
    return v;
}

class EventView {
public:
    uint64_t ts = 0;      // ns since the epoch
    uint64_t tid = 0;     // host thread id
    EventType type = 0;
    uint16_t cpu = 0;
    uint32_t block_flags = 0;  // EVF flags (kEventFlagStateOnly)
    uint64_t num = 0;          // 1-based position in the stream (sysdig's evt.num)

    // Parses an event whose header starts at `p` (v2 layout when `has_nparams`,
    // else v1 with the parameter count inferred from the table), `avail` bytes
    // available. The parameter length width comes from the event type.
    static Result<EventView> parse(const uint8_t* p, size_t avail, bool has_nparams);

    // The same, into `out` in place (the per-event path: nothing is copied or
    // allocated unless the event is malformed, when `error` says why).
    static bool parse_into(EventView& out, const uint8_t* p, size_t avail, bool has_nparams, std::string& error);

    // Builds a view over an event already laid out as v2 in memory.
    static Result<EventView> parse_v2(const uint8_t* p, size_t avail) { return parse(p, avail, true); }

    uint32_t nparams() const { return nparams_; }
    bool large_lengths() const { return large_; }
    const EventInfo* info() const { return event_info(type); }

    // Raw bytes of parameter i; empty when i >= nparams() or the parameter is empty.
    std::span<const uint8_t> param(uint32_t i) const {
        if (i >= nparams_ || i >= kMaxParams) return {};
        return {params_ + offsets_[i], offsets_[i + 1] - offsets_[i]};
    }
    uint32_t param_len(uint32_t i) const { return static_cast<uint32_t>(param(i).size()); }

    // The part of the event after its header (lengths array + parameter data),
    // identical in v1 and v2: what a writer copies.
    std::span<const uint8_t> body() const { return {body_, body_len_}; }

    // Length of the event if laid out with a v2 header.
    uint32_t v2_length() const { return static_cast<uint32_t>(kEventHeaderV2Size + body_len_); }

    // Lays the event out as v2 at `out` (v2_length() bytes): header, then
    // body(). What keeps an event past the reader's next call.
    void copy_v2(uint8_t* out) const {
        const uint32_t len = v2_length();
        const uint16_t t = type;
        const uint32_t n = nparams_;
        std::memcpy(out, &ts, 8);
        std::memcpy(out + 8, &tid, 8);
        std::memcpy(out + 16, &len, 4);
        std::memcpy(out + 20, &t, 2);
        std::memcpy(out + 22, &n, 4);
        if (body_len_) std::memcpy(out + kEventHeaderV2Size, body_, body_len_);
    }

    // Makes this view one of an event whose body() (`body_len` bytes, with
    // `nparams` parameters and the length width `large` says) is kept at
    // `body`: what parse_into found for it, the parameters' places found
    // again from their lengths. The header fields (ts, tid, type, ...) are
    // the caller's to set. issue 15 (budget): a kept event then needs only
    // those few fields, not a whole view.
    void attach_body(const uint8_t* body, uint32_t body_len, uint32_t nparams, bool large);

    // Points the view at a copy of body() elsewhere (same bytes), so that a
    // kept event need not be parsed again.
    void rebase(const uint8_t* body_copy) {
        params_ = body_copy + (params_ - body_);
        body_ = body_copy;
    }

private:
    const uint8_t* body_ = nullptr;
    const uint8_t* params_ = nullptr;
    uint32_t body_len_ = 0;
    uint32_t nparams_ = 0;
    bool large_ = false;
    std::array<uint32_t, kMaxParams + 1> offsets_{};
};

// Integer decoding of a parameter by its width: a parameter whose size does
// not match the type yields `fallback`.
// Inline: the model reads an fd this way for most events.
inline int64_t param_as_int(std::span<const uint8_t> raw, ParamType, int64_t fallback = 0) {
    switch (raw.size()) {
        case 1: return static_cast<int8_t>(raw[0]);
        case 2: return load_le<int16_t>(raw.data());
        case 4: return load_le<int32_t>(raw.data());
        case 8: return load_le<int64_t>(raw.data());
        default: return fallback;
    }
}

inline uint64_t param_as_uint(std::span<const uint8_t> raw, ParamType, uint64_t fallback = 0) {
    switch (raw.size()) {
        case 1: return raw[0];
        case 2: return load_le<uint16_t>(raw.data());
        case 4: return load_le<uint32_t>(raw.data());
        case 8: return load_le<uint64_t>(raw.data());
        default: return fallback;
    }
}

// A CHARBUF/FSPATH parameter without its terminating NUL.
std::string_view param_as_string(std::span<const uint8_t> raw);

// The bytes an exit says its call moved when it succeeded: the result, or
// for the calls whose result counts messages (sendmmsg, recvmmsg) their
// size parameter. False for enters, failures and events without a result.
bool exit_byte_count(const EventView& ev, uint64_t& bytes);

}  // namespace tracetop::event
