// -S's table: sysdig 0.29.3 prints at most 100 rows, the busiest, and names
// the calls it has no code for "<unknown>". A live machine may make fewer
// than 100 kinds of event in a test's seconds, so the cut is checked here.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../event/event_builder.h"
#include "engine/event_summary.h"
#include "event/event_table.h"

namespace {

using tracetop::engine::EventSummary;
using tracetop::event::EventView;
using tracetop::event::test::EventBuilder;

constexpr uint16_t kGenericEnter = 0;
constexpr uint16_t kGenericExit = 1;

// Counts `times` generic events of system-call code `ppm_sc` in direction `type`.
void count_generic(EventSummary& summary, uint16_t type, uint16_t ppm_sc, int times) {
    const std::vector<uint8_t> bytes = EventBuilder(type).u16(ppm_sc).u16(0).v2();
    auto ev = EventView::parse_v2(bytes.data(), bytes.size());
    REQUIRE(ev);
    for (int i = 0; i < times; ++i) summary.count(*ev);
}

std::vector<std::string> lines_of(const EventSummary& summary) {
    tracetop::event::OutBuffer out;
    summary.append(out);
    std::istringstream in(std::string(out.data(), out.size()));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The named system-call codes from 1 on, `n` of them.
std::vector<uint16_t> named_codes(size_t n) {
    std::vector<uint16_t> codes;
    for (uint16_t code = 1; codes.size() < n && code < tracetop::event::kPpmScCodesKnownToSysdig0293; ++code)
        if (!tracetop::event::syscall_name(code).empty()) codes.push_back(code);
    REQUIRE(codes.size() == n);
    return codes;
}

}  // namespace

TEST_CASE("-S shows the 100 busiest rows of many, busiest first") {
    EventSummary summary;
    const auto codes = named_codes(60);
    // 120 rows (an enter and an exit per call), each with its own count:
    // code i's enter 2i+2 times, its exit 2i+1 times.
    for (size_t i = 0; i < codes.size(); ++i) {
        count_generic(summary, kGenericEnter, codes[i], static_cast<int>(2 * i + 2));
        count_generic(summary, kGenericExit, codes[i], static_cast<int>(2 * i + 1));
    }
    const auto lines = lines_of(summary);
    REQUIRE(lines.size() == 3 + 100);
    CHECK(lines[0] == "----------------------");
    CHECK(lines[1] == "Event           #Calls");
    const std::string busiest(tracetop::event::syscall_name(codes.back()));
    CHECK(lines[3].rfind("> " + busiest, 0) == 0);
    CHECK(lines[3].substr(lines[3].find_last_of(' ') + 1) == "120");
    CHECK(lines[4].rfind("< " + busiest, 0) == 0);
    // The last row shown has count 21 (the 100th largest of 1..120); the
    // 20 quietest rows are left out.
    CHECK(lines.back().substr(lines.back().find_last_of(' ') + 1) == "21");
}

TEST_CASE("-S shows every row when there are fewer than 100, and names code 0 <unknown>") {
    EventSummary summary;
    const auto codes = named_codes(3);
    for (size_t i = 0; i < codes.size(); ++i) count_generic(summary, kGenericExit, codes[i], static_cast<int>(i + 1));
    count_generic(summary, kGenericEnter, 0, 7);
    const auto lines = lines_of(summary);
    REQUIRE(lines.size() == 3 + 4);
    CHECK(lines[3] == "> <unknown>       7");
}
