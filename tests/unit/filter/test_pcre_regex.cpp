#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "filter/pcre_regex.h"

using tracetop::filter::PcreRegex;

namespace {

bool matches(const std::string& pattern, std::string_view text) {
    auto re = PcreRegex::compile(pattern);
    REQUIRE_MESSAGE(re.ok(), pattern);
    return (*re)->search(text);
}

}  // namespace

TEST_CASE("regex: valid patterns compile by PCRE2's syntax, not by a guess") {
    CHECK(PcreRegex::compile("[*+]").ok());      // glibc-era check refused this
    CHECK(PcreRegex::compile("a{2}+").ok());     // possessive repetition
    CHECK(PcreRegex::compile("\\d+\\.so").ok());
    CHECK_FALSE(PcreRegex::compile("a(b").ok());
    CHECK_FALSE(PcreRegex::compile("x**").ok());
    CHECK_FALSE(PcreRegex::compile("*a").ok());
    CHECK_FALSE(PcreRegex::compile("(*UTF)a").ok());  // no UTF mode: values are raw bytes
}

TEST_CASE("regex: searched anywhere in the value; anchors pin it") {
    CHECK(matches("etc", "/etc/passwd"));
    CHECK(matches("^/etc/(passwd|group)$", "/etc/group"));
    CHECK_FALSE(matches("^etc", "/etc/passwd"));
    CHECK_FALSE(matches("^/etc/(passwd|group)$", "/etc/group-"));
    CHECK(matches("[*+]", "a+b"));
    CHECK_FALSE(matches("[*+]", "ab"));
    CHECK(matches("", ""));
    CHECK(matches("^$", std::string_view()));
    CHECK(matches("a\\x00b", std::string_view("a\0b", 3)));  // bytes past a NUL are searched
    CHECK(matches("\\xff", "\xff"));                        // invalid UTF-8 is just bytes
}

TEST_CASE("regex: catastrophic backtracking hits the limit and counts as no match") {
    auto re = PcreRegex::compile("^(a+)+$");
    REQUIRE(re.ok());
    const std::string subject = std::string(64, 'a') + "b";
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE((*re)->search(subject));
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK((*re)->limit_hits() == 1);
    // Unbounded, 2^64 steps; the limit stops it in well under a second even
    // under ASan (a loose bound: it only tells "bounded" from "hung").
    CHECK(took < std::chrono::seconds(5));
    CHECK((*re)->search(std::string(64, 'a')));  // the same pattern still matches what it should

    auto nested = PcreRegex::compile("(((((((((((((((((((((x)))))))))))))))))))))*y");
    REQUIRE(nested.ok());
    CHECK_FALSE((*nested)->search(std::string(5000, 'x')));
}
