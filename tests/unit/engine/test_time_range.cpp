// Range arithmetic (issue 15): the --from/--to forms, their resolution
// against the first event, and the explorer's moves stay inside the capture.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "engine/cli_options.h"
#include "engine/time_range.h"

using namespace tracetop::engine;

namespace {

constexpr uint64_t kS = 1000000000ULL;

struct UtcZone {
    UtcZone() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

}  // namespace

TEST_CASE("the four forms of a time") {
    UtcZone utc;
    auto off = parse_time_spec("+1.5");
    REQUIRE(off);
    CHECK(*off == TimeSpec{TimeSpec::Kind::Offset, 1500000000});
    auto clock = parse_time_spec("02:10:05.000000123");
    REQUIRE(clock);
    CHECK(*clock == TimeSpec{TimeSpec::Kind::ClockTime, (2 * 3600 + 10 * 60 + 5) * int64_t(kS) + 123});
    auto epoch = parse_time_spec("1700000000123456789");
    REQUIRE(epoch);
    CHECK(epoch->kind == TimeSpec::Kind::Epoch);
    CHECK(epoch->value == 1700000000123456789LL);
    auto date = parse_time_spec("2023-11-14 22:13:20.5");
    REQUIRE(date);
    CHECK(date->kind == TimeSpec::Kind::DateTime);
    CHECK(date->value == 1700000000LL * int64_t(kS) + 500000000);
    for (const char* bad : {"", "+", "+1.", "1.5", "25:00:00", "12:00", "+1s", "1", "2023-13-01 00:00:00", "abc"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_time_spec(bad));
    }
}

TEST_CASE("resolution against the first event") {
    UtcZone utc;
    const uint64_t first = 1700000000ULL * kS + 250;  // 2023-11-14 22:13:20 UTC
    CHECK(resolve_time(*parse_time_spec("+2"), first) == first + 2 * kS);
    CHECK(resolve_time(*parse_time_spec("22:13:21"), first) == 1700000001ULL * kS);
    // Past midnight in a capture that began before it: the next day.
    CHECK(resolve_time(*parse_time_spec("00:00:01"), first) == (1700000000ULL + 6400 + 1) * kS);
    CHECK(resolve_time(*parse_time_spec("1700000000123456789"), first) == 1700000000123456789ULL);
}

TEST_CASE("a gate resolves at the first stamped event and is half-open") {
    RangeGate gate(parse_time_spec("+1").value(), parse_time_spec("+2").value());
    CHECK(gate.active());
    CHECK(gate.place(0) == RangeGate::Where::Inside);  // metadata: no moment
    const uint64_t first = 100 * kS;
    CHECK(gate.place(first) == RangeGate::Where::Before);
    CHECK(gate.place(first + kS) == RangeGate::Where::Inside);
    CHECK(gate.place(first + 2 * kS - 1) == RangeGate::Where::Inside);
    CHECK(gate.place(first + 2 * kS) == RangeGate::Where::After);
    CHECK_FALSE(RangeGate().active());
    CHECK(RangeGate().place(5) == RangeGate::Where::Inside);
}

TEST_CASE("moving, widening and narrowing stay inside the capture") {
    const uint64_t lo = 1000, hi = 2000;
    CHECK(move_range({1100, 1200}, 50, lo, hi) == TimeRange{1150, 1250});
    CHECK(move_range({1100, 1200}, -500, lo, hi) == TimeRange{1000, 1100});
    CHECK(move_range({1800, 1900}, 500, lo, hi) == TimeRange{1900, 2000});
    CHECK(scale_range({1400, 1600}, 2, lo, hi, 10) == TimeRange{1300, 1700});
    CHECK(scale_range({1400, 1600}, 0.5, lo, hi, 10) == TimeRange{1450, 1550});
    CHECK(scale_range({1400, 1600}, 100, lo, hi, 10) == TimeRange{1000, 2000});
    CHECK(scale_range({1000, 1100}, 2, lo, hi, 10) == TimeRange{1000, 1200});
    CHECK(scale_range({1500, 1502}, 0.5, lo, hi, 10).to - scale_range({1500, 1502}, 0.5, lo, hi, 10).from == 10);
    CHECK(clamp_range({500, 3000}, lo, hi, 0) == TimeRange{1000, 2000});
}

// Session 13: at the times of a real capture (ns since the epoch, past a
// double's 2^53), narrowing, moving and widening back is the whole span
// again, to the ns: a middle worked out in doubles once left it 1 ns short,
// and the explorer showed "+0.000000001s to ..." and computed it again.
TEST_CASE("narrowing and widening back at epoch times gives the whole span again") {
    for (const uint64_t lo : {1534527342999000000ULL, 1796624367512580017ULL}) {
        for (const uint64_t span : {52093510000001ULL, 10068480634ULL, 7ULL * 1000000000 + 3}) {
            const uint64_t hi = lo + span, min_width = std::max<uint64_t>(1, span / 1000);
            TimeRange r{lo, hi};
            r = scale_range(r, 0.5, lo, hi, min_width);
            const uint64_t half = (r.to - r.from) / 2;
            r = move_range(r, -static_cast<int64_t>(half), lo, hi);
            r = move_range(r, static_cast<int64_t>(half), lo, hi);
            CHECK(scale_range(r, 2, lo, hi, min_width) == TimeRange{lo, hi});
            // Three times narrower, three times wider.
            TimeRange n{lo, hi};
            for (int i = 0; i < 3; ++i) n = scale_range(n, 0.5, lo, hi, min_width);
            CHECK(n.to - n.from >= span / 8);
            for (int i = 0; i < 3; ++i) n = scale_range(n, 2, lo, hi, min_width);
            CHECK(n == TimeRange{lo, hi});
        }
    }
}

TEST_CASE("--from and --to on the command line") {
    const char* argv[] = {"tracetop", "--print", "--from", "+0.5", "--to", "+1"};
    const CliOutcome out = parse_command_line(6, argv);
    REQUIRE(out.options);
    CHECK(out.options->from == TimeSpec{TimeSpec::Kind::Offset, 500000000});
    CHECK(out.options->to == TimeSpec{TimeSpec::Kind::Offset, kS});
    const char* bad[] = {"tracetop", "--print", "--from", "soon"};
    CHECK(parse_command_line(4, bad).exit_status == 2);
}

TEST_CASE("a range that ends before it starts is refused when both ends compare") {
    const char* offsets[] = {"tracetop", "--print", "--from", "+3", "--to", "+1"};
    CHECK(parse_command_line(6, offsets).exit_status == 2);
    const char* empty[] = {"tracetop", "--print", "--from", "+1", "--to", "+1"};
    CHECK(parse_command_line(6, empty).exit_status == 2);
    const char* epochs[] = {"tracetop", "--print", "--from", "1700000000000000000", "--to", "1600000000000000000"};
    CHECK(parse_command_line(6, epochs).exit_status == 2);
    // Clock times may cross midnight, and an offset against a clock time is
    // known only from the capture: both are left to the run.
    const char* midnight[] = {"tracetop", "--print", "--from", "23:59:00", "--to", "00:01:00"};
    CHECK(parse_command_line(6, midnight).options);
    const char* mixed[] = {"tracetop", "--print", "--from", "+5", "--to", "00:00:01"};
    CHECK(parse_command_line(6, mixed).options);
}

TEST_CASE("a run whose range showed nothing says why") {
    const uint64_t first = 100 * kS;
    RangeGate gate(TimeSpec{TimeSpec::Kind::Offset, 300 * kS}, std::nullopt);
    CHECK(gate.place(first) == RangeGate::Where::Before);
    CHECK(empty_range_note(gate, first, false) == "no event inside the range (from +300.000000000s after the first event)");
    CHECK(empty_range_note(gate, first, true).empty());
    CHECK(empty_range_note(RangeGate(), first, false).empty());
    RangeGate inverted(TimeSpec{TimeSpec::Kind::Offset, 2 * kS}, TimeSpec{TimeSpec::Kind::Epoch, static_cast<int64_t>(first + kS)});
    CHECK(inverted.place(first) == RangeGate::Where::Before);
    CHECK(empty_range_note(inverted, first, false).starts_with("--to is not after --from"));
    CHECK(empty_range_note(RangeGate(gate), 0, false) == "the capture holds no timed event, so none is inside --from/--to");
}

TEST_CASE("the range as the header says it") {
    const uint64_t first = 100 * kS;
    CHECK(describe_range({}, first) == "whole capture");
    CHECK(describe_range({first + kS / 2, first + 2 * kS}, first) == "+0.500000000s to +2.000000000s");
}
