#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("the shortcut for clean paths gives what folding gives, for every short path") {
    // Every path of up to 6 characters over the characters that matter.
    const std::string_view alphabet("a./\x01", 4);
    std::vector<std::string> paths{""};
    for (size_t len = 1; len <= 6; ++len) {
        const size_t before = paths.size();
        for (size_t i = 0; i < before; ++i) {
            if (paths[i].size() != len - 1) continue;
            for (char c : alphabet) paths.push_back(paths[i] + c);
        }
    }
    std::string got, want;
    for (const std::string& path : paths) {
        for (std::string_view base : {std::string_view("/home/ubuntu/"), std::string_view("/")}) {
            join_paths(base, path, got);
            want.clear();
            if (!path.empty() && path[0] != '/') want.append(base);
            tracetop::state::detail::append_sanitized_path(path, want);
            CHECK_MESSAGE(got == want, "path '", path, "' on base '", base, "'");
        }
    }
}
