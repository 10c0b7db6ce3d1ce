#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "state/path_resolution.h"

using tracetop::state::join_cwd;
using tracetop::state::join_paths;

namespace {

// base + path -> want, through `join` (join_paths or join_cwd).
struct JoinCase {
    std::string_view base, path, want;
};

template <class Join>
void check_joins(Join join, std::initializer_list<JoinCase> cases) {
    std::string out;
    for (const JoinCase& c : cases) {
        join(c.base, c.path, out);
        CHECK_MESSAGE(out == c.want, "'", c.path, "' on '", c.base, "'");
    }
}

const auto kJoinPaths = [](std::string_view b, std::string_view p, std::string& out) { join_paths(b, p, out); };

}  // namespace

TEST_CASE("relative paths join the base and fold dot components like the kernel") {
    check_joins(kJoinPaths, {
                                {"/home/ubuntu/", "a/./b//c", "/home/ubuntu/a/b/c"},
                                {"/home/ubuntu/", "../x", "/home/x"},
                                {"/home/ubuntu/", "..", "/home"},
                                {"/", "../../etc", "/etc"},
                            });
    std::string out;
    CHECK(join_paths("/home/ubuntu/", "a/./b//c", out));  // true: the base was used
}

TEST_CASE("absolute paths ignore the base and lose a trailing slash") {
    check_joins(kJoinPaths, {
                                {"/home/", "/etc/passwd", "/etc/passwd"},
                                {"/home/", "/tmp/", "/tmp"},
                                {"/home/", "/", "/"},
                            });
    std::string out;
    CHECK_FALSE(join_paths("/home/", "/etc/passwd", out));
}

TEST_CASE("non-printable bytes become dots") {
    check_joins(kJoinPaths, {{"/", std::string_view("/a\x01" "b", 4), "/a.b"}});
}

TEST_CASE("a cwd always ends in a slash") {
    check_joins(join_cwd, {
                              {"", "/home/ubuntu", "/home/ubuntu/"},
                              {"/home/ubuntu/", "..", "/home/"},
                              {"/home/", "/", "/"},
                          });
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
