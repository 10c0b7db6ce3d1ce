#include "engine/time_range.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <ctime>

#include <fmt/format.h>

namespace tracetop::engine {
namespace {

constexpr int64_t kSecond = 1000000000;
constexpr int64_t kDay = 86400 * kSecond;

// Reads up to `max_digits` decimal digits (at least one); nullopt otherwise.
std::optional<int64_t> take_number(std::string_view& s, size_t max_digits) {
    size_t n = 0;
    int64_t v = 0;
    while (n < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[n]))) {
        v = v * 10 + (s[n] - '0');
        ++n;
    }
    if (n == 0) return std::nullopt;
    s.remove_prefix(n);
    return v;
}

// ".F" with up to nine digits, as nanoseconds; empty input: 0.
std::optional<int64_t> take_fraction(std::string_view& s) {
    if (s.empty()) return 0;
    if (s.front() != '.') return std::nullopt;
    s.remove_prefix(1);
    const size_t digits = std::min<size_t>(s.size(), 9);
    auto v = take_number(s, 9);
    if (!v) return std::nullopt;
    int64_t ns = *v;
    for (size_t i = digits; i < 9; ++i) ns *= 10;
    return ns;
}

bool take(std::string_view& s, char c) {
    if (s.empty() || s.front() != c) return false;
    s.remove_prefix(1);
    return true;
}

// "HH:MM:SS[.F]" as ns since midnight.
std::optional<int64_t> take_clock(std::string_view& s) {
    auto h = take_number(s, 2);
    if (!h || !take(s, ':')) return std::nullopt;
    auto m = take_number(s, 2);
    if (!m || !take(s, ':')) return std::nullopt;
    auto sec = take_number(s, 2);
    if (!sec || *h > 23 || *m > 59 || *sec > 60) return std::nullopt;
    auto frac = take_fraction(s);
    if (!frac || !s.empty()) return std::nullopt;
    return ((*h * 60 + *m) * 60 + *sec) * kSecond + *frac;
}

// Local midnight of the day holding `ts` (ns since the epoch), in ns.
int64_t local_midnight(uint64_t ts) {
    const std::time_t t = static_cast<std::time_t>(ts / kSecond);
    std::tm tm{};
    localtime_r(&t, &tm);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return static_cast<int64_t>(std::mktime(&tm)) * kSecond;
}

Error syntax_error(std::string_view text) {
    return Error(fmt::format("bad time \"{}\": give +SECONDS (after the first event), HH:MM:SS[.F] "
                             "(as the event lines print it), \"YYYY-MM-DD HH:MM:SS[.F]\", or nanoseconds "
                             "since the epoch",
                             text));
}

}  // namespace

Result<TimeSpec> parse_time_spec(std::string_view text) {
    std::string_view s = text;
    if (take(s, '+')) {
        auto whole = take_number(s, 12);
        auto frac = whole ? take_fraction(s) : std::nullopt;
        if (!whole || !frac || !s.empty()) return syntax_error(text);
        return TimeSpec{TimeSpec::Kind::Offset, *whole * kSecond + *frac};
    }
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
        std::string_view rest = s;
        auto y = take_number(rest, 4);
        auto mo = y && take(rest, '-') ? take_number(rest, 2) : std::nullopt;
        auto d = mo && take(rest, '-') ? take_number(rest, 2) : std::nullopt;
        if (!d || !(take(rest, ' ') || take(rest, 'T'))) return syntax_error(text);
        auto clock = take_clock(rest);
        if (!clock || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return syntax_error(text);
        std::tm tm{};
        tm.tm_year = static_cast<int>(*y) - 1900;
        tm.tm_mon = static_cast<int>(*mo) - 1;
        tm.tm_mday = static_cast<int>(*d);
        tm.tm_isdst = -1;
        const std::time_t midnight = std::mktime(&tm);
        if (midnight == static_cast<std::time_t>(-1)) return syntax_error(text);
        return TimeSpec{TimeSpec::Kind::DateTime, static_cast<int64_t>(midnight) * kSecond + *clock};
    }
    if (s.find(':') != std::string_view::npos) {
        auto clock = take_clock(s);
        if (!clock) return syntax_error(text);
        return TimeSpec{TimeSpec::Kind::ClockTime, *clock};
    }
    // Ten digits at least: a small number is far more likely a forgotten "+".
    auto ns = s.size() >= 10 ? take_number(s, 19) : std::nullopt;
    if (!ns || !s.empty()) return syntax_error(text);
    return TimeSpec{TimeSpec::Kind::Epoch, *ns};
}

uint64_t resolve_time(const TimeSpec& spec, uint64_t first_ts) {
    switch (spec.kind) {
        case TimeSpec::Kind::Offset: return first_ts + static_cast<uint64_t>(spec.value);
        case TimeSpec::Kind::DateTime:
        case TimeSpec::Kind::Epoch: return static_cast<uint64_t>(std::max<int64_t>(spec.value, 0));
        case TimeSpec::Kind::ClockTime: {
            int64_t t = local_midnight(first_ts) + spec.value;
            if (t + kDay / 2 < static_cast<int64_t>(first_ts)) t += kDay;
            return static_cast<uint64_t>(std::max<int64_t>(t, 0));
        }
    }
    return first_ts;
}

void RangeGate::resolve(uint64_t first_ts) {
    resolved_ = true;
    if (from_) range_.from = resolve_time(*from_, first_ts);
    if (to_) range_.to = resolve_time(*to_, first_ts);
}

TimeRange clamp_range(TimeRange r, uint64_t lo, uint64_t hi, uint64_t min_width) {
    if (hi <= lo) return TimeRange{lo, hi};
    min_width = std::min(min_width, hi - lo);
    r.from = std::clamp(r.from, lo, hi);
    r.to = std::clamp(r.to, lo, hi);
    if (r.to < r.from) std::swap(r.from, r.to);
    if (r.to - r.from < min_width) {
        r.to = std::min(hi, r.from + min_width);
        r.from = r.to - min_width;
    }
    return r;
}

TimeRange move_range(TimeRange r, int64_t delta, uint64_t lo, uint64_t hi) {
    r = clamp_range(r, lo, hi, 0);
    const uint64_t width = r.to - r.from;
    if (delta < 0) {
        const uint64_t back = std::min(static_cast<uint64_t>(-delta), r.from - lo);
        return TimeRange{r.from - back, r.from - back + width};
    }
    const uint64_t ahead = std::min(static_cast<uint64_t>(delta), hi - r.to);
    return TimeRange{r.from + ahead, r.to + ahead};
}

TimeRange scale_range(TimeRange r, double factor, uint64_t lo, uint64_t hi, uint64_t min_width) {
    r = clamp_range(r, lo, hi, 0);
    // In integer offsets from lo: times in ns since the epoch are past what a
    // double holds exactly (2^53), and a middle worked out in doubles came a
    // few ns off, so narrowing and widening back missed the whole capture.
    // Widths round half up: halving and doubling give back at least the width.
    const uint64_t span = hi - lo;
    const uint64_t width = r.to - r.from;
    const double scaled = std::round(static_cast<double>(width) * factor);
    if (scaled >= static_cast<double>(span)) return TimeRange{lo, hi};
    const auto new_width = static_cast<uint64_t>(scaled);
    const uint64_t middle = (r.from - lo) + width / 2;
    uint64_t from = middle > new_width / 2 ? middle - new_width / 2 : 0;
    from = std::min(from, span - new_width);
    return clamp_range(TimeRange{lo + from, lo + from + new_width}, lo, hi, min_width);
}

std::string describe_range(const TimeRange& r, uint64_t first_ts) {
    const auto offset = [first_ts](uint64_t ts) {
        const uint64_t d = ts > first_ts ? ts - first_ts : 0;
        return fmt::format("+{}.{:09d}s", d / kSecond, d % kSecond);
    };
    if (r.whole()) return "whole capture";
    if (r.to == TimeRange::kOpen) return "from " + offset(r.from);
    if (r.from == 0) return "to " + offset(r.to);
    return offset(r.from) + " to " + offset(r.to);
}

std::string empty_range_note(const RangeGate& gate, uint64_t first_ts, bool shown_any) {
    if (shown_any || !gate.active()) return {};
    const TimeRange& r = gate.range();
    if (first_ts == 0) return "the capture holds no timed event, so none is inside --from/--to";
    if (r.to <= r.from) return fmt::format("--to is not after --from ({}): the range holds no event", describe_range(r, first_ts));
    return fmt::format("no event inside the range ({} after the first event)", describe_range(r, first_ts));
}

}  // namespace tracetop::engine
