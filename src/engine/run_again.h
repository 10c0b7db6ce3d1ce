// sysdig.run_app (a chisel asking for another run of the program with new
// arguments, as wsysdig_summary does: a first pass counts the capture, a
// second one with the count makes the summary). tracetop runs itself again
// in place once the chisel's run has ended, as sysdig starts over.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracetop::engine {

// The words of a command line as a shell would cut it: blanks separate,
// '...' and "..." quote (a backslash escapes the next character outside
// single quotes). An unclosed quote runs to the end.
std::vector<std::string> split_command_words(std::string_view line);

// Replaces this process with tracetop run on `args` (split_command_words).
// Returns only when that cannot happen, with the exit status, after saying
// why on stderr: the exec failed, or runs asked for runs too many times in
// a row (a chisel that always asks would otherwise never end).
int run_tracetop_again(const std::string& args);

}  // namespace tracetop::engine
