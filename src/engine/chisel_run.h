// Chisels from the command line: -c NAME [ARGS] runs one over the source the
// options name (a capture or live), -cl lists them, -i describes one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/cli_options.h"
#include "event/result.h"

namespace tracetop::engine {

// Takes the chisel's argument word off the front of `words` (the words
// after the options) by sysdig's rule (chisel/chisel_args.h); nullopt when
// the chisel gets none. Errors: no such chisel, a required argument missing.
Result<std::optional<std::string>> take_chisel_args(const std::string& name, std::vector<std::string>& words);

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

// Runs options.chisel. Returns the exit status: 0, 1 when the input or the
// chisel failed (after its on_capture_end), 2 for unusable options.
int run_chisel(const Options& options);

}  // namespace tracetop::engine
