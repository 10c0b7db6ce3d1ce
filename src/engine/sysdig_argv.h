// sysdig's command line has options whose letters run together with no value
// between them (-pc, -pk, -cl): Boost would read -pc as -p with the value "c".
// Rewriting those words to long options before parsing keeps sysdig's habits
// working without bending the option parser.
#pragma once

#include <string>
#include <vector>

namespace tracetop::engine {

// argv with each of sysdig's glued words replaced by its long option; other
// words, including everything after a lone "--", pass unchanged.
std::vector<std::string> rewrite_sysdig_words(int argc, const char* const* argv);

}  // namespace tracetop::engine
