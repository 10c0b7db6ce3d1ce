#include "event/event_view.h"

#include <algorithm>

#include <fmt/format.h>

#include "event/tracetop_events.h"

namespace tracetop::event {
namespace {

uint32_t param_length(const uint8_t* lengths, uint32_t i, bool large) {
    return large ? load_le<uint32_t>(lengths + 4 * i) : load_le<uint16_t>(lengths + 2 * i);
}

// Sums the first `n` parameter lengths into `total`, recording the offsets of
// the first kMaxParams; false when they run past `limit`. The common case
// (few parameters, 16-bit lengths) is one tight loop checked once at its end:
// n * width fits in the event, so the sum of at most kMaxParams lengths
// cannot overflow.
bool sum_lengths(const uint8_t* lengths, uint32_t n, bool large, uint64_t limit,
                 std::array<uint32_t, kMaxParams + 1>& offsets, uint64_t& total) {
    const uint32_t indexed = n < kMaxParams ? n : kMaxParams;
    uint64_t sum = 0;
    offsets[0] = 0;
    if (large) {
        for (uint32_t i = 0; i < indexed; ++i) {
            sum += load_le<uint32_t>(lengths + 4 * i);
            offsets[i + 1] = static_cast<uint32_t>(sum);
        }
    } else {
        for (uint32_t i = 0; i < indexed; ++i) {
            sum += load_le<uint16_t>(lengths + 2 * i);
            offsets[i + 1] = static_cast<uint32_t>(sum);
        }
    }
    if (sum > limit) return false;
    for (uint32_t i = indexed; i < n; ++i) {
        sum += param_length(lengths, i, large);
        if (sum > limit) return false;
    }
    total = sum;
    return true;
}

}  // namespace

Result<EventView> EventView::parse(const uint8_t* p, size_t avail, bool has_nparams) {
    EventView ev;
    std::string error;
    if (!parse_into(ev, p, avail, has_nparams, error)) return Error{std::move(error)};
    return ev;
}

bool EventView::parse_into(EventView& ev, const uint8_t* p, size_t avail, bool has_nparams, std::string& error) {
    const size_t header_size = has_nparams ? kEventHeaderV2Size : kEventHeaderV1Size;
    if (avail < header_size) {
        error = fmt::format("event header needs {} bytes, {} available", header_size, avail);
        return false;
    }
    ev.ts = load_le<uint64_t>(p);
    ev.tid = load_le<uint64_t>(p + 8);
    const uint32_t len = load_le<uint32_t>(p + 16);
    ev.type = load_le<uint16_t>(p + 20);
    if (len < header_size || len > avail) {
        error = fmt::format("event length {} out of range (header {}, {} bytes available)", len, header_size, avail);
        return false;
    }
    const EventInfo* info = event_info(ev.type);
    ev.large_ = info != nullptr && (info->flags & kFlagLargePayload) != 0;
    const uint32_t width = ev.large_ ? 4 : 2;
    const uint64_t body_len = len - header_size;
    const uint8_t* lengths = p + header_size;

    uint64_t total = 0;
    if (has_nparams) {
        const uint32_t n = load_le<uint32_t>(p + 22);
        if (uint64_t{n} * width > body_len) {
            error = fmt::format("event of type {} claims {} parameters in {} bytes", ev.type, n, body_len);
            return false;
        }
        if (!sum_lengths(lengths, n, ev.large_, body_len - uint64_t{n} * width, ev.offsets_, total)) {
            error = fmt::format("parameter lengths of event type {} exceed its length {}", ev.type, len);
            return false;
        }
        ev.nparams_ = n;
    } else {
        // v1 blocks carry no count: the largest prefix of the table's list whose
        // lengths add up to the event length is the one (scap-format.md §9.1).
        // Some old meta-events have a length a few bytes too large, so a prefix
        // that ends before the event does is accepted when nothing exact fits.
        if (info == nullptr) {
            error = fmt::format("unknown event type {} in a v1 block", ev.type);
            return false;
        }
        // Prefix sums of every count whose lengths array fits in the body;
        // sums only grow, so "n lengths fit" is "offsets[n] fits".
        const uint32_t table_n = static_cast<uint32_t>(info->params.size());
        const auto n_max = static_cast<uint32_t>(std::min<uint64_t>(table_n, body_len / width));
        std::array<uint64_t, kMaxParams + 1> sums;
        sums[0] = 0;
        for (uint32_t i = 0; i < n_max; ++i) sums[i + 1] = sums[i] + param_length(lengths, i, ev.large_);
        const auto used = [&](uint32_t n) { return uint64_t{n} * width + sums[n]; };
        uint32_t n = n_max + 1;
        while (n-- > 0 && used(n) != body_len) {
        }
        if (n > n_max) {
            n = n_max + 1;
            while (n-- > 0 && used(n) > body_len) {
            }
        }
        if (n > n_max) {
            error = fmt::format("no parameter count fits event type {} of length {}", ev.type, len);
            return false;
        }
        ev.nparams_ = n;
        total = sums[n];
        for (uint32_t i = 0; i <= n; ++i) ev.offsets_[i] = static_cast<uint32_t>(sums[i]);
    }
    ev.body_ = lengths;
    ev.params_ = lengths + uint64_t{ev.nparams_} * width;
    // What a writer copies: the lengths and the parameters actually present.
    ev.body_len_ = static_cast<uint32_t>(uint64_t{ev.nparams_} * width + total);
    return true;
}

void EventView::attach_body(const uint8_t* body, uint32_t body_len, uint32_t nparams, bool large) {
    const uint64_t lengths = uint64_t{nparams} * (large ? 4 : 2);
    body_ = body;
    params_ = body + lengths;
    body_len_ = body_len;
    nparams_ = nparams;
    large_ = large;
    uint64_t total = 0;
    // The body was parsed whole once: its lengths fit (a body too short for them gets none).
    if (lengths > body_len || !sum_lengths(body, nparams, large, body_len - lengths, offsets_, total)) nparams_ = 0;
}

std::string_view param_as_string(std::span<const uint8_t> raw) {
    std::string_view s(reinterpret_cast<const char*>(raw.data()), raw.size());
    const size_t nul = s.find('\0');
    return nul == std::string_view::npos ? s : s.substr(0, nul);
}

bool exit_byte_count(const EventView& ev, uint64_t& bytes) {
    const EventInfo* info = ev.info();
    if (is_enter(ev.type) || info == nullptr || ev.nparams() == 0 || info->params.empty()) return false;
    const auto raw = ev.param(0);
    if (raw.empty()) return false;
    const int64_t res = param_as_int(raw, info->params[0].type);
    if (res < 0) return false;
    if (ev.type != PPME_SENDMMSG_X && ev.type != PPME_RECVMMSG_X) {
        bytes = static_cast<uint64_t>(res);
        return true;
    }
    const uint32_t n = std::min<uint32_t>(ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 1; i < n; ++i) {
        if (info->params[i].name != "size" || ev.param(i).empty()) continue;
        bytes = param_as_uint(ev.param(i), info->params[i].type);
        return true;
    }
    return false;
}

}  // namespace tracetop::event
