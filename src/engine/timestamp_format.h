// The time column of sysdig's default event line, in the formats of its -t
// option: h (wall clock, the default), a (absolute epoch seconds), r (since
// the first event of the capture), d (evt.latency: an exit's time since its
// enter, 0 on enters, the thread's last one on switch events), D
// (since the previous printed event).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "event/arg_format.h"
#include "event/event_view.h"

namespace tracetop::engine {

enum class TimeFormat { Human, Absolute, Relative, Latency, Delta };

// The format of -t LETTER; nullopt for any other word.
std::optional<TimeFormat> parse_time_format(std::string_view letter);

// Renders evt.time (local wall clock, HH:MM:SS.nnnnnnnnn), remembering the
// last second so that localtime runs once per second of capture, not per event.
class WallClockFormatter {
public:
    void append(uint64_t ts_ns, event::OutBuffer& out);

private:
    int64_t cached_second_ = -1;
    char cached_text_[16] = {};
};

// The time column of each printed line, in one -t format. Stateful: Delta
// measures from the line printed before.
class EventTimestamp {
public:
    explicit EventTimestamp(TimeFormat format = TimeFormat::Human) : format_(format) {}

    // The capture's first event (evt.reltime's origin), shown or not.
    void set_first_ts(uint64_t ts) { first_ts_ = ts; }

    // `latency` is the model's evt.latency for `ev` (Latency shows it).
    void append(const event::EventView& ev, uint64_t latency, event::OutBuffer& out);

private:
    TimeFormat format_;
    WallClockFormatter wall_;
    uint64_t first_ts_ = 0;
    std::optional<uint64_t> previous_ts_;
};

}  // namespace tracetop::engine
