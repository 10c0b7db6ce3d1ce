#include "engine/source_factory.h"

#include <filesystem>

#include <fmt/format.h>

#include "capture/capture_set.h"
#include "capture/live_source.h"
#include "capture/merged_source.h"
#include "capture/process_source.h"
#include "capture/scap_reader.h"
#include "engine/remote_command.h"

namespace tracetop::engine {

Result<OpenedSource> open_source(const Options& options, std::vector<uint8_t> syscall_interest, bool map_file) {
    // Several files, or a directory: one capture set (issue 15, part big).
    std::error_code ec;
    if (options.read_files.size() > 1 ||
        (options.read_file && *options.read_file != "-" && std::filesystem::is_directory(*options.read_file, ec))) {
        auto files = capture::expand_capture_set(options.read_files.empty()
                                                     ? std::vector<std::string>{*options.read_file}
                                                     : options.read_files);
        if (!files) return files.error();
        auto set = capture::CaptureSet::open(*files);
        if (!set) return set.error();
        const std::string name = files->size() == 1 ? files->front()
                                                    : fmt::format("{} (+{} files)", (*set)->files().front(),
                                                                  files->size() - 1);
        return OpenedSource{std::move(*set), name, false};
    }
    if (options.read_file) {
        auto reader = capture::ScapReader::open(*options.read_file, {}, false, map_file);
        if (!reader) return reader.error();
        return OpenedSource{std::move(*reader), *options.read_file, false};
    }
    // issue 17 items 3-4: several hosts, one capture; each keeps its own state
    // (ViewPipeline's per-host models), a host that drops out is gone.
    if (options.remotes.size() > 1) {
        std::vector<std::pair<std::string, std::vector<std::string>>> hosts;
        for (const std::string& remote : options.remotes) {
            auto target = parse_remote_target(remote);
            if (!target) return target.error();
            hosts.emplace_back(remote, remote_ssh_argv(options, *target));
        }
        auto merged = capture::open_merged_process_sources(hosts);
        if (!merged) return merged.error();
        // The header's "Source: live ..." names them while that stays short.
        std::string names;
        for (const auto& h : hosts) names += fmt::format("{}{}", names.empty() ? "" : ", ", h.first);
        if (names.size() > 60) names = fmt::format("{} hosts", hosts.size());
        return OpenedSource{std::move(*merged), names, true};
    }
    // issue 17 (remote): tracetop on another host, its capture through ssh.
    if (options.remote) {
        auto target = parse_remote_target(*options.remote);
        if (!target) return target.error();
        auto source = capture::open_process_source(remote_ssh_argv(options, *target), *options.remote);
        if (!source) return source.error();
        return OpenedSource{std::move(*source), *options.remote, true};
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
