// A container's metadata as sysdig's container events carry it: the JSON of
// types 272 (u16 lengths) and 324 (u32 lengths), and the oldest 228 with four
// plain parameters. One struct both ways: a capture's events decode into it,
// live capture encodes it into the same JSON sysdig 0.29.3 writes, so either
// tool reads the other's recordings.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracetop::event {

// sinsp's container type numbers, as they appear in the JSON "type" member
// and in event 228's type parameter.
enum class ContainerType : uint32_t {
    docker = 0,
    lxc = 1,
    libvirt_lxc = 2,
    mesos = 3,
    rkt = 4,
    custom = 5,
    cri = 6,
    containerd = 7,
    crio = 8,
    bpm = 9,
    static_container = 10,
    podman = 11,
};

// The word container.type prints for a type number ("docker", "cri-o", …).
std::string_view container_type_name(uint32_t type);

struct ContainerMount {
    std::string source;
    std::string destination;
    std::string mode;
    bool read_write = false;
    std::string propagation;
};

struct ContainerPortMapping {
    uint32_t host_ip = 0;  // host byte order, as sinsp stores it
    uint16_t host_port = 0;
    uint16_t container_port = 0;
};

struct ContainerRecord {
    std::string id;  // the short id (12 hex digits for docker), the key everywhere
    std::string full_id;
    uint32_t type = 0;  // ContainerType's number; unknown numbers are kept
    std::string name;
    std::string image;
    std::string image_id;
    std::string image_repo;
    std::string image_tag;
    std::string image_digest;
    bool privileged = false;
    bool is_pod_sandbox = false;
    int lookup_state = 1;  // sinsp: 0 started, 1 successful, 2 failed
    int64_t created_time = 0;
    std::vector<ContainerMount> mounts;
    std::string ip = "0.0.0.0";  // dotted quad, as the JSON writes it
    std::vector<ContainerPortMapping> port_mappings;
    std::map<std::string, std::string> labels;
    std::vector<std::string> env;
    int64_t memory_limit = 0;
    int64_t swap_limit = 0;
    int64_t cpu_shares = 1024;
    int64_t cpu_quota = 0;
    int64_t cpu_period = 100000;
    int32_t cpuset_cpu_count = 0;
    std::string mesos_task_id;
    uint64_t metadata_deadline = 0;

    // Kubernetes names come from the labels the kubelet puts on each container.
    std::string k8s_pod_name() const;
    std::string k8s_namespace() const;
    std::string label(std::string_view key) const;
};

// Why a payload did not decode; the model counts these and moves on.
struct ContainerDecodeError {
    std::string message;
};

// The JSON of events 272 and 324: {"container":{…}}. Members that are missing
// keep their defaults; members of the wrong kind are ignored; a payload that is
// not JSON, has no "container" object or no id is an error.
std::optional<ContainerRecord> decode_container_json(std::string_view json,
                                                     ContainerDecodeError* error = nullptr);

// The same JSON sysdig 0.29.3 writes (compact, keys in sorted order, a newline
// at the end as jsoncpp's FastWriter leaves it). The event payload is this
// text plus its terminating NUL.
std::string encode_container_json(const ContainerRecord& record);

// Event 228: id, type, name, image and nothing else.
ContainerRecord container_from_legacy(std::string_view id, uint32_t type, std::string_view name,
                                      std::string_view image);

}  // namespace tracetop::event
