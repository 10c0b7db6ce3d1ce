// Chisels from the command line: -c NAME [ARGS] runs one over the source the
// options name (a capture or live), -cl lists them, -i describes one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/cli_options.h"
#include "event/result.h"

namespace tracetop::engine {

// The chisel's argument word by sysdig's rule (chisel/chisel_args.h):
// words[from], when the words from there on give it one; nullopt when the
// chisel gets none. Errors: no such chisel, a required argument missing.
Result<std::optional<std::string>> chisel_args_at(const std::string& name, const std::vector<std::string>& words,
                                                  size_t from);

// -cl and -i NAME: print, then return the exit status.
int print_chisel_list();
int print_chisel_info(const std::string& name);

// The explorer's chisel list: chisels that need no argument (the scope is
// all the explorer gives them), by category and name.
struct ChiselEntry {
    std::string name;
    std::string category;
    std::string short_description;
};
std::vector<ChiselEntry> chisels_without_arguments();

// Runs chisel `name` on the explorer's scope in a child tracetop: over
// `capture_file`, or live for `live_seconds` when it is empty. Returns what
// the chisel printed (output and errors), terminal control sequences and
// other control characters removed, at most a few MiB.
std::string run_chisel_child(const std::string& name, const std::string& capture_file, const std::string& scope,
                             double live_seconds);

// Runs options.chisels side by side, each event through each in the order
// given, as sysdig runs several -c. Returns the exit status: 0, 1 when the
// input or a chisel failed (after the on_capture_end of each), 2 for
// unusable options.
int run_chisel(const Options& options);

}  // namespace tracetop::engine
