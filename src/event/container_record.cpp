#include "event/container_record.h"

#include <arpa/inet.h>

#include <nlohmann/json.hpp>

namespace tracetop::event {

namespace {

using Json = nlohmann::json;

// Readers that take a member only when it has the expected kind: the JSON
// comes from the traced machine (or a file) and may be anything.
void read_string(const Json& obj, const char* key, std::string& out) {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_string()) out = it->get<std::string>();
}

void read_bool(const Json& obj, const char* key, bool& out) {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_boolean()) out = it->get<bool>();
}

template <typename Int>
void read_int(const Json& obj, const char* key, Int& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (it->is_number_unsigned()) {
        out = static_cast<Int>(it->get<uint64_t>());
    } else if (it->is_number_integer()) {
        out = static_cast<Int>(it->get<int64_t>());
    }
}

ContainerMount read_mount(const Json& m) {
    ContainerMount mount;
    read_string(m, "Source", mount.source);
    read_string(m, "Destination", mount.destination);
    read_string(m, "Mode", mount.mode);
    read_bool(m, "RW", mount.read_write);
    read_string(m, "Propagation", mount.propagation);
    return mount;
}

ContainerPortMapping read_port_mapping(const Json& m) {
    ContainerPortMapping mapping;
    read_int(m, "HostIp", mapping.host_ip);
    read_int(m, "HostPort", mapping.host_port);
    read_int(m, "ContainerPort", mapping.container_port);
    return mapping;
}

void read_lists(const Json& c, ContainerRecord& r) {
    if (auto it = c.find("Mounts"); it != c.end() && it->is_array()) {
        for (const auto& m : *it) {
            if (m.is_object()) r.mounts.push_back(read_mount(m));
        }
    }
    if (auto it = c.find("port_mappings"); it != c.end() && it->is_array()) {
        for (const auto& m : *it) {
            if (m.is_object()) r.port_mappings.push_back(read_port_mapping(m));
        }
    }
    if (auto it = c.find("labels"); it != c.end() && it->is_object()) {
        for (const auto& [key, value] : it->items()) {
            if (value.is_string()) r.labels[key] = value.get<std::string>();
        }
    }
    if (auto it = c.find("env"); it != c.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) r.env.push_back(v.get<std::string>());
        }
    }
}

// sinsp keeps the ip as a number; a string that is not a dotted quad reads as 0.
std::string normalised_ip(const std::string& text) {
    in_addr addr{};
    if (inet_pton(AF_INET, text.c_str(), &addr) != 1) return "0.0.0.0";
    char buf[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &addr, buf, sizeof buf);
    return buf;
}

}  // namespace

std::string_view container_type_name(uint32_t type) {
    switch (static_cast<ContainerType>(type)) {
        case ContainerType::docker: return "docker";
        case ContainerType::lxc: return "lxc";
        case ContainerType::libvirt_lxc: return "libvirt-lxc";
        case ContainerType::mesos: return "mesos";
        case ContainerType::rkt: return "rkt";
        case ContainerType::custom: return "custom";
        case ContainerType::cri: return "cri";
        case ContainerType::containerd: return "containerd";
        case ContainerType::crio: return "cri-o";
        case ContainerType::bpm: return "bpm";
        case ContainerType::static_container: return "static";
        case ContainerType::podman: return "podman";
    }
    return "unknown";
}

std::string ContainerRecord::label(std::string_view key) const {
    auto it = labels.find(std::string(key));
    return it == labels.end() ? std::string() : it->second;
}

std::string ContainerRecord::k8s_pod_name() const { return label("io.kubernetes.pod.name"); }

std::string ContainerRecord::k8s_namespace() const { return label("io.kubernetes.pod.namespace"); }

std::optional<ContainerRecord> decode_container_json(std::string_view json,
                                                     ContainerDecodeError* error) {
    auto fail = [&](std::string message) -> std::optional<ContainerRecord> {
        if (error) error->message = std::move(message);
        return std::nullopt;
    };
    // The payload ends with the NUL its length counts; JSON stops before it.
    while (!json.empty() && json.back() == '\0') json.remove_suffix(1);
    Json doc = Json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded()) return fail("container event: payload is not JSON");
    auto cit = doc.find("container");
    if (!doc.is_object() || cit == doc.end() || !cit->is_object()) {
        return fail("container event: no \"container\" object");
    }
    const Json& c = *cit;
    ContainerRecord r;
    read_string(c, "id", r.id);
    if (r.id.empty()) return fail("container event: container without an id");
    read_string(c, "full_id", r.full_id);
    read_int(c, "type", r.type);
    read_string(c, "name", r.name);
    read_string(c, "image", r.image);
    read_string(c, "imageid", r.image_id);
    read_string(c, "imagerepo", r.image_repo);
    read_string(c, "imagetag", r.image_tag);
    read_string(c, "imagedigest", r.image_digest);
    read_bool(c, "privileged", r.privileged);
    read_bool(c, "is_pod_sandbox", r.is_pod_sandbox);
    read_int(c, "lookup_state", r.lookup_state);
    read_int(c, "created_time", r.created_time);
    std::string ip;
    read_string(c, "ip", ip);
    r.ip = normalised_ip(ip);
    read_lists(c, r);
    read_int(c, "memory_limit", r.memory_limit);
    read_int(c, "swap_limit", r.swap_limit);
    read_int(c, "cpu_shares", r.cpu_shares);
    read_int(c, "cpu_quota", r.cpu_quota);
    read_int(c, "cpu_period", r.cpu_period);
    read_int(c, "cpuset_cpu_count", r.cpuset_cpu_count);
    read_string(c, "mesos_task_id", r.mesos_task_id);
    read_int(c, "metadata_deadline", r.metadata_deadline);
    return r;
}

std::string encode_container_json(const ContainerRecord& r) {
    Json c = Json::object();
    c["id"] = r.id;
    c["full_id"] = r.full_id;
    c["type"] = r.type;
    c["name"] = r.name;
    c["image"] = r.image;
    c["imageid"] = r.image_id;
    c["imagerepo"] = r.image_repo;
    c["imagetag"] = r.image_tag;
    c["imagedigest"] = r.image_digest;
    c["privileged"] = r.privileged;
    c["is_pod_sandbox"] = r.is_pod_sandbox;
    c["lookup_state"] = r.lookup_state;
    c["created_time"] = r.created_time;
    Json mounts = Json::array();
    for (const auto& m : r.mounts) {
        mounts.push_back({{"Source", m.source},
                          {"Destination", m.destination},
                          {"Mode", m.mode},
                          {"RW", m.read_write},
                          {"Propagation", m.propagation}});
    }
    c["Mounts"] = std::move(mounts);
    c["ip"] = normalised_ip(r.ip);
    Json ports = Json::array();
    for (const auto& p : r.port_mappings) {
        ports.push_back(
            {{"HostIp", p.host_ip}, {"HostPort", p.host_port}, {"ContainerPort", p.container_port}});
    }
    c["port_mappings"] = std::move(ports);
    // jsoncpp writes a map that was never filled as null, not {}.
    Json labels = nullptr;
    for (const auto& [k, v] : r.labels) labels[k] = v;
    c["labels"] = std::move(labels);
    Json env = Json::array();
    for (const auto& e : r.env) env.push_back(e);
    c["env"] = std::move(env);
    c["memory_limit"] = r.memory_limit;
    c["swap_limit"] = r.swap_limit;
    c["cpu_shares"] = r.cpu_shares;
    c["cpu_quota"] = r.cpu_quota;
    c["cpu_period"] = r.cpu_period;
    c["cpuset_cpu_count"] = r.cpuset_cpu_count;
    if (!r.mesos_task_id.empty()) c["mesos_task_id"] = r.mesos_task_id;
    c["metadata_deadline"] = r.metadata_deadline;
    Json doc = {{"container", std::move(c)}};
    // Invalid UTF-8 from the traced system is replaced, never thrown on.
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

ContainerRecord container_from_legacy(std::string_view id, uint32_t type, std::string_view name,
                                      std::string_view image) {
    ContainerRecord r;
    r.id = std::string(id);
    r.type = type;
    r.name = std::string(name);
    r.image = std::string(image);
    return r;
}

}  // namespace tracetop::event
