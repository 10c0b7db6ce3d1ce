#include <doctest.h>

#include "state/path_resolution.h"

using tracetop::state::join_cwd;
using tracetop::state::join_paths;

TEST_CASE("relative paths join the base and fold dot components like the kernel") {
    std::string out;
    CHECK(join_paths("/home/ubuntu/", "a/./b//c", out));
    CHECK(out == "/home/ubuntu/a/b/c");
    join_paths("/home/ubuntu/", "../x", out);
    CHECK(out == "/home/x");
    join_paths("/home/ubuntu/", "..", out);
    CHECK(out == "/home");
    join_paths("/", "../../etc", out);
    CHECK(out == "/etc");
}

TEST_CASE("absolute paths ignore the base and lose a trailing slash") {
    std::string out;
    CHECK_FALSE(join_paths("/home/", "/etc/passwd", out));
    CHECK(out == "/etc/passwd");
    join_paths("/home/", "/tmp/", out);
    CHECK(out == "/tmp");
    join_paths("/home/", "/", out);
    CHECK(out == "/");
}

TEST_CASE("non-printable bytes become dots") {
    std::string out;
    join_paths("/", std::string_view("/a\x01" "b", 4), out);
    CHECK(out == "/a.b");
}

TEST_CASE("a cwd always ends in a slash") {
    std::string out;
    join_cwd("", "/home/ubuntu", out);
    CHECK(out == "/home/ubuntu/");
    join_cwd("/home/ubuntu/", "..", out);
    CHECK(out == "/home/");
    join_cwd("/home/", "/", out);
    CHECK(out == "/");
}
