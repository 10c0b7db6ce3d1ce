#include <doctest/doctest.h>

#include "filter/text_match.h"

using namespace tracetop::filter;

TEST_CASE("glob") {
    CHECK(glob_match("*.so*", "/lib/libc.so.6"));
    CHECK_FALSE(glob_match("*.so", "/lib/libc.so.6"));
    CHECK(glob_match("/etc/*", "/etc/passwd"));
    CHECK(glob_match("?url", "curl"));
    CHECK_FALSE(glob_match("?url", "url"));
    CHECK(glob_match("[ch]url", "hurl"));
    CHECK_FALSE(glob_match("[!ch]url", "curl"));
    CHECK(glob_match("[a-z]*[0-9]", "x11"));
    CHECK(glob_match("*", ""));
    CHECK(glob_match("a*b*c", "aXXbYYc"));
    CHECK_FALSE(glob_match("a*b*c", "aXXbYY"));
    CHECK(glob_match("[unclosed", "[unclosed"));
}

TEST_CASE("icontains and pmatch") {
    CHECK(icontains("/usr/LIB/x", "lib"));
    CHECK_FALSE(icontains("abc", "abd"));
    CHECK(icontains("abc", ""));
    CHECK(path_prefix_match("/etc", "/etc/passwd"));
    CHECK(path_prefix_match("/etc/", "/etc/passwd"));
    CHECK(path_prefix_match("/etc", "/etc"));
    CHECK_FALSE(path_prefix_match("/etc", "/etcetera"));
    CHECK(path_prefix_match("/", "/anything"));
}
