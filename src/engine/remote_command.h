// tracetop --remote [user@]host[:port] (issue 17, remote): the ssh command
// that runs tracetop on the host and streams its capture back (-w -, compressed by ssh -C),
// with the options that shape what the remote side captures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/cli_options.h"

namespace tracetop::engine {

struct RemoteTarget {
    std::string destination;   // [user@]host as ssh takes it
    std::optional<std::string> port;
};

// Splits [user@]host[:port]; an IPv6 address with a port is written
// [addr]:port. Errors say what is wrong with the text.
Result<RemoteTarget> parse_remote_target(const std::string& text);

// The word quoted for a POSIX shell (ssh hands the command to the remote
// user's shell): 'word', with ' written '\''.
std::string shell_quote(const std::string& word);

// ssh's argument vector for `options.remote`: batch mode (never a password
// prompt), a bounded connect timeout, keep-alives that notice a dead
// connection, the user's --ssh-option words, and the remote command.
std::vector<std::string> remote_ssh_argv(const Options& options, const RemoteTarget& target);

}  // namespace tracetop::engine
