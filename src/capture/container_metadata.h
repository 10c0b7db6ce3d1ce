// What a container runtime keeps on disk about one container, read into the
// record sysdig's container event carries. Files only: no daemon is ever
// asked (a slow or hung daemon must not slow the capture). Everything read is
// untrusted: files are read bounded, members of the wrong kind are ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "event/cgroup_container.h"
#include "event/container_record.h"

namespace tracetop::capture {

// Where the runtimes keep their state; the defaults are their own defaults.
struct ContainerStateDirs {
    std::vector<std::string> docker_roots;  // data roots (docker_data_roots())
    std::string containers_storage = "/var/lib/containers/storage";  // podman, cri-o
    std::string containerd_state = "/run/containerd";
};

// Docker's per-container files are bigger than their largest legitimate size
// only when something is wrong; a larger file is not read.
constexpr size_t kMaxRuntimeFileBytes = 8u << 20;

// The record for a recognised container: what the path alone says (id, type,
// the name of nspawn/LXC machines), completed from the runtime's files when
// they are found. lookup_state says which: 1 (found) or 2 (failed), as sinsp.
event::ContainerRecord read_container_metadata(const event::CgroupContainer& c, const ContainerStateDirs& dirs);

// sinsp's container type number for a recognised runtime.
uint32_t container_type_number(event::ContainerRuntime r);

// Per runtime, false when its files were not found or did not parse.
bool read_docker_metadata(const std::string& root, const std::string& full_id, event::ContainerRecord& r);
bool read_containers_storage_metadata(const std::string& storage, const std::string& full_id,
                                      event::ContainerRecord& r);
bool read_containerd_metadata(const std::string& state_dir, const std::string& full_id, event::ContainerRecord& r);

// "registry:5000/library/busybox:1.36@sha256:..." -> repo, tag, digest, with
// sinsp's default tag "latest" when there is neither tag nor digest.
void split_image_name(const std::string& image, event::ContainerRecord& r);

}  // namespace tracetop::capture
