#include "engine/remote_command.h"

#include <fmt/format.h>

namespace tracetop::engine {

Result<RemoteTarget> parse_remote_target(const std::string& text) {
    RemoteTarget target;
    const size_t at = text.rfind('@');
    const std::string user = at == std::string::npos ? "" : text.substr(0, at + 1);
    std::string host = at == std::string::npos ? text : text.substr(at + 1);
    if (!host.empty() && host.front() == '[') {
        const size_t close = host.find(']');
        if (close == std::string::npos) return Error(fmt::format("--remote {}: no ] after the address", text));
        const std::string rest = host.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':' || rest.size() == 1) {
                return Error(fmt::format("--remote {}: expected :PORT after ]", text));
            }
            target.port = rest.substr(1);
        }
        host = host.substr(1, close - 1);
    } else if (const size_t colon = host.find(':'); colon != std::string::npos && host.find(':', colon + 1) ==
                                                                                         std::string::npos) {
        // One colon: host:port. More: a bare IPv6 address.
        target.port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty() || host.front() == '-') return Error(fmt::format("--remote {}: no host name", text));
    if (target.port) {
        const std::string& p = *target.port;
        const bool digits = !p.empty() && p.size() <= 5 && p.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoul(p) == 0 || std::stoul(p) > 65535) {
            return Error(fmt::format("--remote {}: the port must be a number from 1 to 65535", text));
        }
    }
    target.destination = user + host;
    return target;
}

std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (const char c : word) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

std::vector<std::string> remote_ssh_argv(const Options& options, const RemoteTarget& target) {
    // ssh takes the first value given for an option: the user's -o words
    // come first and override ours. Compression (zlib) still sends each write
    // at once; keep-alives notice a dead connection within 15 s.
    std::vector<std::string> argv = {"ssh", "-T"};
    for (const std::string& o : options.ssh_options) {
        argv.push_back("-o");
        argv.push_back(o);
    }
    for (const std::string& o : {std::string("BatchMode=yes"), std::string("Compression=yes"),
                                 fmt::format("ConnectTimeout={}", options.remote_connect_timeout_s),
                                 std::string("ServerAliveInterval=5"), std::string("ServerAliveCountMax=3")}) {
        argv.push_back("-o");
        argv.push_back(o);
    }
    if (target.port) {
        argv.push_back("-p");
        argv.push_back(*target.port);
    }
    // The remote side records everything its options capture: the local
    // model needs every process's and file's events to name them, and the
    // explorer's views and filters change while it runs. --remote-filter
    // narrows what crosses the wire, at that price.
    std::vector<std::string> remote = {options.remote_tracetop, "-w", "-", "-s", std::to_string(options.snaplen),
                                       "--buffer-mb", std::to_string(options.buffer_mb)};
    if (options.context_switches) remote.push_back("--context-switches");
    if (!options.remote_filter.empty()) {
        remote.push_back("--");
        remote.push_back(options.remote_filter);
    }
    std::string command;
    for (const std::string& w : remote) {
        if (!command.empty()) command.push_back(' ');
        command.append(shell_quote(w));
    }
    argv.push_back("--");
    argv.push_back(target.destination);
    argv.push_back(command);
    return argv;
}

}  // namespace tracetop::engine
