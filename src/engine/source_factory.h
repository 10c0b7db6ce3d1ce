// Opens the event source the options name: a capture file (-r) or the live
// probe. Errors are ready to print: they name the file or what is missing.
#pragma once

#include <memory>
#include <string>

#include "capture/source.h"
#include "engine/cli_options.h"

namespace tracetop::engine {

struct OpenedSource {
    std::unique_ptr<capture::Source> source;
    std::string name;  // the file, or "live"
    bool live = false;
};

Result<OpenedSource> open_source(const Options& options);

// "tracetop: NAME: message (at byte offset N)" on standard error.
void report_error(const std::string& name, const Error& err);

}  // namespace tracetop::engine
