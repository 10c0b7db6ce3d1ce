#include <doctest/doctest.h>

#include <string_view>

#include "filter/text_match.h"

using namespace tracetop::filter;

namespace {

// One case: pattern, text, and whether the matcher accepts the pair.
struct MatchCase {
    std::string_view pattern, text;
    bool want;
};

template <class Matcher>
void check_cases(Matcher match, std::initializer_list<MatchCase> cases) {
    for (const MatchCase& c : cases) {
        CAPTURE(c.pattern);
        CAPTURE(c.text);
        CHECK(match(c.pattern, c.text) == c.want);
    }
}

}  // namespace

TEST_CASE("glob") {
    check_cases([](std::string_view p, std::string_view t) { return glob_match(p, t); },
                {
                    {"*.so*", "/lib/libc.so.6", true}, {"*.so", "/lib/libc.so.6", false},
                    {"/etc/*", "/etc/passwd", true}, {"*", "", true},
                    {"?url", "curl", true}, {"?url", "url", false},
                    {"[ch]url", "hurl", true}, {"[!ch]url", "curl", false}, {"[a-z]*[0-9]", "x11", true},
                    {"a*b*c", "aXXbYYc", true}, {"a*b*c", "aXXbYY", false},
                    {"[unclosed", "[unclosed", true},
                });
}

TEST_CASE("icontains and pmatch") {
    // icontains(haystack, needle): the pattern is the second argument.
    check_cases([](std::string_view needle, std::string_view text) { return icontains(text, needle); },
                {{"lib", "/usr/LIB/x", true}, {"abd", "abc", false}, {"", "abc", true}});
    check_cases([](std::string_view prefix, std::string_view path) { return path_prefix_match(prefix, path); },
                {
                    {"/etc", "/etc/passwd", true}, {"/etc/", "/etc/passwd", true}, {"/etc", "/etc", true},
                    {"/etc", "/etcetera", false}, {"/", "/anything", true},
                });
}
