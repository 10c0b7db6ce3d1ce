// Runtimes that keep an OCI bundle per container: podman and cri-o (the
// containers/storage library's JSON lists plus the bundle's config.json) and
// containerd (its task bundles under /run/containerd). Kubernetes names come
// from the annotations the CRI plugins write into the bundle, stored as the
// io.kubernetes.* labels sysdig shows.
#include <dirent.h>

#include "capture/container_json_members.h"
#include "capture/container_metadata.h"

namespace tracetop::capture {
namespace {

using namespace json_members;

constexpr size_t kMaxNamespaces = 64;

// The entry of a containers/storage list (containers.json, images.json) with this id.
const Json* entry_with_id(const Json& list, const std::string& id) {
    if (!list.is_array()) return nullptr;
    for (const auto& e : list) {
        if (string_at(e, "id") == id) return &e;
    }
    return nullptr;
}

std::string first_name(const Json& entry) {
    auto it = entry.find("names");
    if (it == entry.end() || !it->is_array() || it->empty() || !(*it)[0].is_string()) return {};
    return (*it)[0].get<std::string>();
}

// Kubernetes annotations (cri-o and containerd's CRI plugin) -> sysdig's labels.
void read_kube_annotations(const std::map<std::string, std::string>& a, event::ContainerRecord& r) {
    auto get = [&](const char* k) {
        auto it = a.find(k);
        return it == a.end() ? std::string() : it->second;
    };
    const struct {
        const char* label;
        const char* crio;
        const char* containerd;
    } kMap[] = {
        {"io.kubernetes.pod.name", "io.kubernetes.pod.name", "io.kubernetes.cri.sandbox-name"},
        {"io.kubernetes.pod.namespace", "io.kubernetes.pod.namespace", "io.kubernetes.cri.sandbox-namespace"},
        {"io.kubernetes.pod.uid", "io.kubernetes.pod.uid", "io.kubernetes.cri.sandbox-uid"},
        {"io.kubernetes.container.name", "io.kubernetes.container.name", "io.kubernetes.cri.container-name"},
    };
    for (const auto& m : kMap) {
        std::string v = get(m.crio);
        if (v.empty()) v = get(m.containerd);
        if (!v.empty()) r.labels[m.label] = v;
    }
    // cri-o keeps the pod's labels as one JSON string.
    const std::string crio_labels = get("io.kubernetes.cri-o.Labels");
    if (!crio_labels.empty()) {
        Json l = Json::parse(crio_labels, nullptr, false);
        if (l.is_object()) {
            for (auto it = l.begin(); it != l.end(); ++it)
                if (it.value().is_string()) r.labels.emplace(it.key(), it.value().get<std::string>());
        }
    }
    const std::string cname = r.label("io.kubernetes.container.name");
    if (!cname.empty()) r.name = cname;
    std::string image = get("io.kubernetes.cri-o.ImageName");
    if (image.empty()) image = get("io.kubernetes.cri.image-name");
    if (!image.empty()) r.image = image;
    const std::string kind = get("io.kubernetes.cri.container-type");
    r.is_pod_sandbox = kind == "sandbox" || get("io.kubernetes.cri-o.ContainerType") == "sandbox";
}

}  // namespace

bool read_containers_storage_metadata(const std::string& storage, const std::string& full_id,
                                      event::ContainerRecord& r) {
    if (full_id.empty() || full_id.find('/') != std::string::npos) return false;
    auto containers = parse_file(storage + "/overlay-containers/containers.json", false);
    if (!containers) return false;
    const Json* c = entry_with_id(*containers, full_id);
    if (c == nullptr) return false;
    r.name = first_name(*c);
    r.image_id = string_at(*c, "image");
    if (auto images = parse_file(storage + "/overlay-images/images.json", false)) {
        if (const Json* img = entry_with_id(*images, r.image_id)) r.image = first_name(*img);
    }
    if (r.image.empty()) r.image = r.image_id;
    if (auto spec = parse_file(storage + "/overlay-containers/" + full_id + "/userdata/config.json")) {
        read_kube_annotations(string_map_at(*spec, "annotations"), r);
    }
    split_image_name(r.image, r);
    return true;
}

bool read_containerd_metadata(const std::string& state_dir, const std::string& full_id, event::ContainerRecord& r) {
    if (full_id.empty() || full_id.find('/') != std::string::npos) return false;
    // One directory per containerd namespace (k8s.io, default, moby, ...).
    const std::string tasks = state_dir + "/io.containerd.runtime.v2.task";
    DIR* d = opendir(tasks.c_str());
    if (d == nullptr) return false;
    std::vector<std::string> namespaces;
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.' || namespaces.size() >= kMaxNamespaces) continue;
        namespaces.emplace_back(e->d_name);
    }
    closedir(d);
    for (const auto& ns : namespaces) {
        auto spec = parse_file(tasks + "/" + ns + "/" + full_id + "/config.json");
        if (!spec) continue;
        read_kube_annotations(string_map_at(*spec, "annotations"), r);
        split_image_name(r.image, r);
        return true;
    }
    return false;
}

}  // namespace tracetop::capture
