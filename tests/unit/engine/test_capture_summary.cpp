#include <doctest.h>

#include "engine/capture_summary.h"

using namespace tracetop;

TEST_CASE("the exit line names drops by CPU, and malformed records beside them") {
    capture::SourceStats s;
    s.events = 10;
    CHECK(engine::live_capture_summary(s) == "10 events captured, 0 dropped");
    s.drops = 2;
    s.drops_per_cpu = {0, 2};
    CHECK(engine::live_capture_summary(s) == "10 events captured, 2 dropped (cpu 1: 2)");
    s.malformed = 3;
    CHECK(engine::live_capture_summary(s) == "10 events captured, 2 dropped (cpu 1: 2), 3 malformed records skipped");
}
