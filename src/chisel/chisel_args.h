// A chisel's arguments as sysdig reads them from its command line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "event/result.h"

namespace tracetop::chisel {

// What a chisel declares in its `args` table.
struct ChiselArg {
    std::string name;
    std::string type;  // argtype: "string", "int", "filter", ...
    std::string description;
    bool optional = false;
};

// Splits the argument string: words separated by single spaces, a word
// quoted with '...' or `...` may hold spaces. An unclosed quote is an error.
Result<std::vector<std::string>> split_chisel_args(std::string_view text);

// How many of the words after `-c NAME` (0 or 1) are the chisel's argument
// string, by sysdig's rule: none for a chisel without arguments; the next
// word when an argument is required (an error when there is none); with
// only optional arguments, the next word unless it starts with '-', or the
// words from there on make a valid filter (`compiles`) — except that a lone
// argument of type "filter" always takes the word.
Result<size_t> chisel_words(const std::vector<ChiselArg>& args, const std::vector<std::string>& words,
                            const std::function<bool(const std::string&)>& compiles);

}  // namespace tracetop::chisel
