// Where the unit tests find the shared sample captures: $SHARED/captures,
// SHARED being set by meson test (tests/meson.build, option shared_dir).
// There is no fallback path: without SHARED, or without the capture, the
// test fails and says which, rather than passing on nothing.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace tracetop::test {

inline std::string shared_capture(const std::string& name) {
    const char* shared = std::getenv("SHARED");
    REQUIRE_MESSAGE((shared != nullptr && *shared != '\0'),
                    "SHARED is not set: run the tests through meson test (option shared_dir)");
    const std::string path = std::string(shared) + "/captures/" + name;
    REQUIRE_MESSAGE(std::filesystem::is_regular_file(path), "the shared capture " << path << " is missing");
    return path;
}

}  // namespace tracetop::test
