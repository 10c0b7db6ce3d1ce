// Cells by the terminal's rules (issue 16): wide characters take two, a
// combining mark none, and what is not valid UTF-8 is one '?' each.
#include <clocale>

#include <doctest/doctest.h>

#include "text_fit.h"
#include "text_width.h"

using namespace tracetop::ui;

namespace {
// wcwidth answers by the locale's character classes, as in the explorer.
struct Utf8Locale {
    Utf8Locale() { std::setlocale(LC_CTYPE, "C.UTF-8"); }
};
const Utf8Locale g_locale;
}  // namespace

TEST_CASE("width: ASCII, wide, combining") {
    CHECK(display_width("bash") == 4);
    CHECK(display_width("\xe5\xa4\xa7\xe5\xad\x97") == 4);          // 大字: two wide characters
    CHECK(display_width("e\xcc\x81") == 1);                          // e + combining acute
    CHECK(display_width("\xf0\x9f\x98\x80") == 2);                   // an emoji
    CHECK(columns("caf\xc3\xa9") == 4);                              // é precomposed
}

TEST_CASE("width: invalid UTF-8 and controls are one '?' each") {
    CHECK(display_width("\xff\xfe") == 2);
    CHECK(sanitize("a\xff" "b") == "a?b");
    CHECK(sanitize("\xc0\xaf") == "??");                 // overlong '/'
    CHECK(sanitize("\xed\xa0\x80") == "???");            // a surrogate
    CHECK(sanitize("\xe5\xa4") == "??");                 // cut short
    CHECK(sanitize("x\x1b[2Jy") == "x?[2Jy");            // escape
    CHECK(sanitize("\xc2\x9b" "31m") == "?31m");         // C1 CSI, which terminals obey
    CHECK(sanitize("\x7f") == "?");
}

TEST_CASE("fit: pads and cuts by cells, never splitting a wide character") {
    CHECK(fit("\xe5\xa4\xa7x", 4) == "\xe5\xa4\xa7x ");
    CHECK(columns(fit("\xe5\xa4\xa7\xe5\xad\x97\xe5\xa4\xa7", 5)) == 5);
    CHECK(fit("\xe5\xa4\xa7\xe5\xad\x97\xe5\xa4\xa7", 5) == "\xe5\xa4\xa7\xe5\xad\x97 ");
    CHECK(fit("ab", 4, true) == "  ab");
    CHECK(fit("e\xcc\x81tat", 3) == "e\xcc\x81ta");
    CHECK(fit("a\xff", 3) == "a? ");
}

TEST_CASE("keep_end: the end, after the mark, within the width") {
    CHECK(keep_end("short", 10, "...") == "short");
    CHECK(keep_end("abcdefghij", 6, "...") == "...hij");
    const std::string wide = "\xe5\xa4\xa7\xe5\xad\x97\xe5\xa4\xa7\xe5\xad\x97";  // 8 cells
    CHECK(columns(keep_end(wide, 6, "...")) <= 6);
    CHECK(keep_end(wide, 6, "...") == "...\xe5\xad\x97");
}

TEST_CASE("clip: cut by cells, never padded") {
    CHECK(clip("abc", 10) == "abc");
    CHECK(clip("\xe5\xa4\xa7\xe5\xad\x97\xe5\xa4\xa7", 5) == "\xe5\xa4\xa7\xe5\xad\x97 ");
    CHECK(clip("a\x1b", 5) == "a?");
}
