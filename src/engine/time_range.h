// Time ranges (issue 15): --from/--to and the explorer's selected range.
// A range is half-open, [from, to): an event at `to` is the first one left
// out, so two adjacent ranges split a capture without sharing an event.
// Events outside the range still feed the state model (a process started
// before the range keeps its name inside it); only the views, panes, printed
// lines and recordings are limited to the range.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "event/result.h"

namespace tracetop::engine {

// A moment as the user wrote it; it becomes nanoseconds since the epoch only
// once the capture's first event is known (offsets and clock times need it).
struct TimeSpec {
    enum class Kind {
        Offset,     // "+S[.F]": seconds after the first event
        ClockTime,  // "HH:MM:SS[.F]": the local time of day as sysdig's lines print it
        DateTime,   // "YYYY-MM-DD HH:MM:SS[.F]": local date and time (evt.datetime)
        Epoch,      // "NNNNNNNNNNNNNNNNNNN": nanoseconds since the epoch (evt.rawtime)
    };
    Kind kind = Kind::Offset;
    int64_t value = 0;  // ns: of the offset, since midnight, or since the epoch

    bool operator==(const TimeSpec&) const = default;
};

// Parses one of the four forms above; the error says which forms exist.
Result<TimeSpec> parse_time_spec(std::string_view text);

// Nanoseconds since the epoch. A clock time is taken on the local day of
// `first_ts`, or on the next day when that is more than 12 hours before it
// (a capture that runs over midnight).
uint64_t resolve_time(const TimeSpec& spec, uint64_t first_ts);

struct TimeRange {
    static constexpr uint64_t kOpen = std::numeric_limits<uint64_t>::max();
    uint64_t from = 0;
    uint64_t to = kOpen;

    bool whole() const { return from == 0 && to == kOpen; }
    bool before(uint64_t ts) const { return ts < from; }
    bool after(uint64_t ts) const { return ts >= to; }
    bool contains(uint64_t ts) const { return !before(ts) && !after(ts); }
    bool operator==(const TimeRange&) const = default;
};

// The range the command line asks for, resolved against the first event
// that carries a time. Until that event, nothing is outside it.
class RangeGate {
public:
    RangeGate() = default;
    RangeGate(std::optional<TimeSpec> from, std::optional<TimeSpec> to) : from_(from), to_(to) {}
    // An explorer range: already absolute.
    explicit RangeGate(TimeRange range) : range_(range), resolved_(true) {}

    bool active() const { return from_ || to_ || !range_.whole(); }
    // Call with every event's time; events stamped 0 (metadata) belong to no
    // moment and are always inside.
    enum class Where { Before, Inside, After };
    Where place(uint64_t ts) {
        if (ts == 0) return Where::Inside;
        if (!resolved_) resolve(ts);
        if (range_.before(ts)) return Where::Before;
        return range_.after(ts) ? Where::After : Where::Inside;
    }
    const TimeRange& range() const { return range_; }

private:
    void resolve(uint64_t first_ts);

    std::optional<TimeSpec> from_, to_;
    TimeRange range_;
    bool resolved_ = false;
};

// Operations on a selected range within the capture's span [lo, hi): each
// keeps the result inside the span and at least `min_width` wide.
TimeRange clamp_range(TimeRange r, uint64_t lo, uint64_t hi, uint64_t min_width);
// Moves by `delta` ns (negative: earlier), keeping the width.
TimeRange move_range(TimeRange r, int64_t delta, uint64_t lo, uint64_t hi);
// Scales the width around the middle: factor 2 widens to twice, 0.5 narrows to half.
TimeRange scale_range(TimeRange r, double factor, uint64_t lo, uint64_t hi, uint64_t min_width);

// "+1.250000000s to +2.500000000s" (offsets from `first_ts`), for the header.
std::string describe_range(const TimeRange& r, uint64_t first_ts);

// What a batch run tells the user when its --from/--to range showed no event
// (an inverted range, or one past the capture's end): silence would look like
// a capture with nothing in it. Empty when `shown_any` or no range was given.
std::string empty_range_note(const RangeGate& gate, uint64_t first_ts, bool shown_any);

}  // namespace tracetop::engine
