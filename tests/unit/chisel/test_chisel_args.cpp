// sysdig's rules for a chisel's arguments: how the argument string splits,
// and which word after -c NAME is the chisel's rather than the filter's.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "chisel/chisel_args.h"

using namespace tracetop::chisel;
using Words = std::vector<std::string>;

TEST_CASE("the argument string splits at spaces; quotes keep spaces inside a word") {
    CHECK(*split_chisel_args("fd.name") == Words{"fd.name"});
    CHECK(*split_chisel_args("  R /etc/passwd ") == Words{"R", "/etc/passwd"});
    CHECK(*split_chisel_args("'proc.name=a b' 3") == Words{"proc.name=a b", "3"});
    CHECK(*split_chisel_args("`x y`") == Words{"x y"});
    CHECK(split_chisel_args("").value().empty());
    CHECK_FALSE(split_chisel_args("'open").ok());
}

TEST_CASE("the word after the chisel's name: sysdig's rule") {
    const auto compiles = [](const std::string& text) { return text.find('=') != std::string::npos; };
    const ChiselArg required{"key", "string", "", false};
    const ChiselArg optional{"color", "string", "", true};
    const ChiselArg filter_arg{"filter", "filter", "", true};

    // No arguments: nothing is taken, every word is the filter.
    CHECK(*chisel_words({}, {"fd.name=x"}, compiles) == 0);
    // A required argument takes the next word, whatever it is; none is an error.
    CHECK(*chisel_words({required}, {"fd.name=x"}, compiles) == 1);
    CHECK_FALSE(chisel_words({required}, {}, compiles).ok());
    // Optional ones: not an option, not the start of a valid filter.
    CHECK(*chisel_words({optional}, {"disable_color"}, compiles) == 1);
    CHECK(*chisel_words({optional}, {"fd.name=x"}, compiles) == 0);
    CHECK(*chisel_words({optional}, {"-r"}, compiles) == 0);
    CHECK(*chisel_words({optional}, {}, compiles) == 0);
    // A lone argument of type filter always takes the word.
    CHECK(*chisel_words({filter_arg}, {"proc.name=sshd"}, compiles) == 1);
}
