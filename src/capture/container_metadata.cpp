#include "capture/container_metadata.h"

namespace tracetop::capture {

using event::ContainerRuntime;
using event::ContainerType;

uint32_t container_type_number(ContainerRuntime r) {
    switch (r) {
        case ContainerRuntime::Docker: return static_cast<uint32_t>(ContainerType::docker);
        case ContainerRuntime::Containerd: return static_cast<uint32_t>(ContainerType::containerd);
        case ContainerRuntime::Cri: return static_cast<uint32_t>(ContainerType::cri);
        case ContainerRuntime::CriO: return static_cast<uint32_t>(ContainerType::crio);
        case ContainerRuntime::Podman: return static_cast<uint32_t>(ContainerType::podman);
        case ContainerRuntime::Lxc: return static_cast<uint32_t>(ContainerType::lxc);
        case ContainerRuntime::LibvirtLxc: return static_cast<uint32_t>(ContainerType::libvirt_lxc);
        // sinsp has no type for systemd-nspawn machines.
        case ContainerRuntime::Nspawn: return static_cast<uint32_t>(ContainerType::custom);
    }
    return static_cast<uint32_t>(ContainerType::custom);
}

void split_image_name(const std::string& image, event::ContainerRecord& r) {
    std::string rest = image;
    if (size_t at = rest.find('@'); at != std::string::npos) {
        r.image_digest = rest.substr(at + 1);
        rest.resize(at);
    }
    // A ':' after the last '/' starts the tag; one before it is a registry port.
    const size_t slash = rest.rfind('/');
    const size_t colon = rest.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
        r.image_tag = rest.substr(colon + 1);
        rest.resize(colon);
    }
    r.image_repo = rest;
    if (r.image_tag.empty() && r.image_digest.empty()) r.image_tag = "latest";
}

event::ContainerRecord read_container_metadata(const event::CgroupContainer& c, const ContainerStateDirs& dirs) {
    event::ContainerRecord r;
    r.id = c.id;
    r.full_id = c.full_id;
    r.type = container_type_number(c.runtime);
    r.name = c.name;
    bool found = false;
    switch (c.runtime) {
        case ContainerRuntime::Docker:
            for (const auto& root : dirs.docker_roots) {
                if ((found = read_docker_metadata(root, c.full_id, r))) break;
            }
            break;
        case ContainerRuntime::Podman:
        case ContainerRuntime::CriO:
            found = read_containers_storage_metadata(dirs.containers_storage, c.full_id, r);
            break;
        case ContainerRuntime::Containerd:
        case ContainerRuntime::Cri:
            found = read_containerd_metadata(dirs.containerd_state, c.full_id, r);
            // A bare id under kubepods may be docker's (dockershim).
            for (size_t i = 0; !found && i < dirs.docker_roots.size(); ++i) {
                if ((found = read_docker_metadata(dirs.docker_roots[i], c.full_id, r)))
                    r.type = static_cast<uint32_t>(ContainerType::docker);
            }
            break;
        case ContainerRuntime::Lxc:
        case ContainerRuntime::LibvirtLxc:
        case ContainerRuntime::Nspawn:
            found = !r.name.empty();  // the path names them; there is nothing more to read
            break;
    }
    r.lookup_state = found ? 1 : 2;
    return r;
}

}  // namespace tracetop::capture
