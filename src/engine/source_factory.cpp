#include "engine/source_factory.h"

#include <fmt/format.h>

#include "capture/live_source.h"
#include "capture/scap_reader.h"

namespace tracetop::engine {

Result<OpenedSource> open_source(const Options& options, std::vector<uint8_t> syscall_interest) {
    if (options.read_file) {
        auto reader = capture::ScapReader::open(*options.read_file);
        if (!reader) return reader.error();
        return OpenedSource{std::move(*reader), *options.read_file, false};
    }
    capture::LiveOptions live;
    live.snaplen = options.snaplen;
    live.buffer_mb = options.buffer_mb;
    live.context_switches = options.context_switches;
    live.syscall_interest = std::move(syscall_interest);
    auto source = capture::open_live(live);
    if (!source) return source.error();
    return OpenedSource{std::move(*source), "live", true};
}

void report_error(const std::string& file, const Error& err) {
    // Reader messages may already start with the file's name; for "-",
    // with the stream's ("standard input: ...").
    std::string_view message = err.message;
    std::string_view name = file;
    if (file == "-") {
        for (const std::string_view stream : {"standard input", "standard output"}) {
            if (message.starts_with(stream)) name = stream;
        }
    }
    if (message.substr(0, name.size()) == name && message.substr(name.size(), 2) == ": ") {
        message.remove_prefix(name.size() + 2);
    }
    const bool offset_told = err.offset && message.find("offset") != std::string_view::npos;
    if (err.offset && !offset_told) {
        fmt::print(stderr, "tracetop: {}: {} (at byte offset {})\n", name, message, *err.offset);
    } else {
        fmt::print(stderr, "tracetop: {}: {}\n", name, message);
    }
}

}  // namespace tracetop::engine
