// The live defaults (-s, --buffer-mb) are defined once, in the header the
// BPF side shares: the command line, the capture options and the manual
// must all say the same numbers.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "capture/live_source.h"
#include "engine/cli_options.h"
#include "tracetop_shared.h"

using namespace tracetop;

namespace {

std::string man_page() {
    const char* root = std::getenv("SOURCE_ROOT");
    REQUIRE_MESSAGE(root != nullptr, "SOURCE_ROOT is not set: run the tests through meson test");
    std::ifstream in(std::string(root) + "/man/tracetop.8");
    REQUIRE_MESSAGE(in.good(), "man/tracetop.8 cannot be read below SOURCE_ROOT");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("no -s or --buffer-mb: the shared header's defaults") {
    const char* argv[] = {"tracetop", "--print"};
    const engine::CliOutcome out = engine::parse_command_line(2, argv);
    REQUIRE(out.options);
    CHECK(out.options->snaplen == TRACETOP_DEFAULT_SNAPLEN);
    CHECK(out.options->buffer_mb == TRACETOP_DEFAULT_BUFFER_MB);
    const capture::LiveOptions live;
    CHECK(live.snaplen == TRACETOP_DEFAULT_SNAPLEN);
    CHECK(live.buffer_mb == TRACETOP_DEFAULT_BUFFER_MB);
}

TEST_CASE("the manual states the same defaults") {
    const std::string man = man_page();
    CHECK(man.find("(default " + std::to_string(TRACETOP_DEFAULT_SNAPLEN) + ", at most") != std::string::npos);
    CHECK(man.find(std::to_string(TRACETOP_DEFAULT_SNAPLEN) + " by default") != std::string::npos);
    CHECK(man.find("a power of two (default " + std::to_string(TRACETOP_DEFAULT_BUFFER_MB) + ")") !=
          std::string::npos);
}
