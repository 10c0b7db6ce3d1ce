// Docker: <data root>/containers/<full id>/config.v2.json (name, image,
// labels, env, network, mounts) and hostconfig.json (privileges, limits).
#include <time.h>

#include <charconv>

#include "capture/container_json_members.h"
#include "capture/container_metadata.h"

namespace tracetop::capture {
namespace {

using namespace json_members;

// "2026-12-06T02:10:00.123456789Z" -> seconds since the epoch (UTC); 0 when not that.
int64_t rfc3339_seconds(const std::string& s) {
    tm t{};
    const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &t);
    if (end == nullptr) return 0;
    return static_cast<int64_t>(timegm(&t));
}

// "0-3,6" -> 5: the CPUs a cpuset list names.
int32_t cpuset_count(const std::string& list) {
    int32_t n = 0;
    size_t i = 0;
    while (i < list.size()) {
        size_t comma = list.find(',', i);
        if (comma == std::string::npos) comma = list.size();
        const std::string_view item(list.data() + i, comma - i);
        const size_t dash = item.find('-');
        long lo = 0, hi = 0;
        auto a = std::from_chars(item.data(), item.data() + (dash == std::string_view::npos ? item.size() : dash), lo);
        if (a.ec == std::errc()) {
            hi = lo;
            if (dash != std::string_view::npos) std::from_chars(item.data() + dash + 1, item.data() + item.size(), hi);
            if (hi >= lo && hi - lo < 65536) n += static_cast<int32_t>(hi - lo + 1);
        }
        i = comma + 1;
    }
    return n;
}

void read_network(const Json& cfg, event::ContainerRecord& r) {
    const Json* net = object_at(cfg, "NetworkSettings");
    if (net == nullptr) return;
    std::string ip = string_at(*net, "IPAddress");
    if (ip.empty()) {
        // User-defined networks keep the address per network only.
        if (const Json* nets = object_at(*net, "Networks")) {
            for (auto it = nets->begin(); it != nets->end() && ip.empty(); ++it) ip = string_at(it.value(), "IPAddress");
        }
    }
    if (!ip.empty()) r.ip = ip;
}

void read_mounts(const Json& cfg, event::ContainerRecord& r) {
    const Json* points = object_at(cfg, "MountPoints");
    if (points == nullptr) return;
    for (auto it = points->begin(); it != points->end() && r.mounts.size() < 256; ++it) {
        const Json& m = it.value();
        event::ContainerMount mount;
        mount.source = string_at(m, "Source");
        mount.destination = string_at(m, "Destination");
        mount.mode = string_at(m, "Mode");
        mount.read_write = bool_at(m, "RW");
        mount.propagation = string_at(m, "Propagation");
        r.mounts.push_back(std::move(mount));
    }
}

}  // namespace

bool read_docker_metadata(const std::string& root, const std::string& full_id, event::ContainerRecord& r) {
    if (full_id.empty() || full_id.find('/') != std::string::npos) return false;
    const std::string dir = root + "/containers/" + full_id;
    auto cfg = parse_file(dir + "/config.v2.json");
    if (!cfg) return false;
    std::string name = string_at(*cfg, "Name");
    if (!name.empty() && name.front() == '/') name.erase(0, 1);
    r.name = name;
    r.image_id = string_at(*cfg, "Image");
    if (r.image_id.rfind("sha256:", 0) == 0) r.image_id.erase(0, 7);
    if (const Json* c = object_at(*cfg, "Config")) {
        r.image = string_at(*c, "Image");
        r.labels = string_map_at(*c, "Labels");
        if (auto it = c->find("Env"); it != c->end() && it->is_array()) {
            for (const auto& e : *it) {
                if (e.is_string() && r.env.size() < 1024) r.env.push_back(e.get<std::string>());
            }
        }
    }
    split_image_name(r.image, r);
    r.created_time = rfc3339_seconds(string_at(*cfg, "Created"));
    r.is_pod_sandbox = r.label("io.kubernetes.docker.type") == "podsandbox";
    read_network(*cfg, r);
    read_mounts(*cfg, r);
    if (auto host = parse_file(dir + "/hostconfig.json")) {
        r.privileged = bool_at(*host, "Privileged");
        const int64_t shares = int_at(*host, "CpuShares");
        r.cpu_shares = shares > 0 ? shares : 1024;
        r.memory_limit = int_at(*host, "Memory");
        r.swap_limit = int_at(*host, "MemorySwap");
        r.cpu_quota = int_at(*host, "CpuQuota");
        const int64_t period = int_at(*host, "CpuPeriod");
        r.cpu_period = period > 0 ? period : 100000;
        r.cpuset_cpu_count = cpuset_count(string_at(*host, "CpusetCpus"));
    }
    return true;
}

}  // namespace tracetop::capture
