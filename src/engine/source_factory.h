// Opens the event source the options name: a capture file (-r) or the live
// probe. Errors are ready to print: they name the file or what is missing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "capture/source.h"
#include "engine/cli_options.h"

namespace tracetop::engine {

struct OpenedSource {
    std::unique_ptr<capture::Source> source;
    std::string name;  // the file, or "live"
    bool live = false;
};

// `syscall_interest` narrows a live capture (engine/syscall_interest.h);
// empty captures every call.
// `map_file` (issue 15, pass2): a raw capture file is read through a
// read-only mapping (the explorer, whose copy of the events is then views of it).
Result<OpenedSource> open_source(const Options& options, std::vector<uint8_t> syscall_interest = {},
                                 bool map_file = false);

// "tracetop: FILE: message (at byte offset N)" on standard error; FILE "-"
// shows as standard input or output.
void report_error(const std::string& file, const Error& err);

}  // namespace tracetop::engine
