// Where the docker daemons of this machine keep their containers: each
// running dockerd's --data-root (or its config file's "data-root"), the
// default config file's, and docker's default /var/lib/docker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracetop::capture {

// Existing directories only, each once, the running daemons' first.
std::vector<std::string> docker_data_roots();

// The data root one dockerd command line (NUL-separated words) names, else
// the one its config file names (--config-file, else /etc/docker/daemon.json),
// else empty.
std::string docker_data_root_of(std::string_view cmdline);

}  // namespace tracetop::capture
