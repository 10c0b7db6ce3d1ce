// Chisels from the command line: -c NAME [ARGS] runs one over the source the
// options name (a capture or live), -cl lists them, -i describes one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chisel/chisel_args.h"
#include "chisel/chisel_fields.h"
#include "engine/buffer_print.h"
#include "engine/cli_options.h"
#include "event/result.h"

namespace tracetop::engine {

// The chisel's argument word by sysdig's rule (chisel/chisel_args.h):
// words[from], when the words from there on give it one; nullopt when the
// chisel gets none. Errors: no such chisel, a required argument missing.
Result<std::optional<std::string>> chisel_args_at(const std::string& name, const std::vector<std::string>& words,
                                                  size_t from);

// syscalltype (issue 14): prints a buffer's raw bytes as -A/-x/-X/-b do
// (nothing for an empty one), for chisels and -p's buffer fields alike.
chisel::BufferPrinter buffer_printer(BufferFormat format);

// -cl and -i NAME: print, then return the exit status.
int print_chisel_list();
int print_chisel_info(const std::string& name);

// The explorer's chisel list, by category and name: every chisel, with the
// arguments its -i describes (lua14: the explorer asks for them).
struct ChiselEntry {
    std::string name;
    std::string category;
    std::string short_description;
    std::vector<chisel::ChiselArg> args;
};
std::vector<ChiselEntry> explorer_chisels();

// The argument string a chisel gets from the values typed for its
// arguments, in order: words joined by spaces, a value holding a space (or
// empty, before a later value) quoted as split_chisel_args reads it back;
// trailing empty values are left out. nullopt when every value is empty.
std::optional<std::string> join_chisel_args(const std::vector<std::string>& values);

// Runs options.chisels side by side, each event through each in the order
// given, as sysdig runs several -c. Returns the exit status: 0, 1 when the
// input or a chisel failed (after the on_capture_end of each), 2 for
// unusable options.
int run_chisel(const Options& options);

}  // namespace tracetop::engine
