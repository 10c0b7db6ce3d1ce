// Which container, if any, a thread runs in, judged only from its cgroup
// paths: the scap `cgroups` parameter (NUL-separated "subsys=path" entries)
// or the text of /proc/PID/cgroup. Pure string work, no I/O, so capture
// (live) and state (captures) can both use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracetop::event {

enum class ContainerRuntime {
    Docker,
    Containerd,   // cri-containerd-<id>.scope, :cri-containerd:<id>, ctr's /default/<id>
    Cri,          // a bare 64-hex id under kubepods: some CRI runtime, not known which
    CriO,
    Podman,
    Lxc,
    LibvirtLxc,
    Nspawn,
};

// sysdig's container.type words ("docker", "cri-o", ...); nspawn has none in
// sysdig 0.29.3, so it gets "nspawn".
std::string_view container_runtime_name(ContainerRuntime r);

struct CgroupContainer {
    ContainerRuntime runtime = ContainerRuntime::Docker;
    // As sysdig reports container.id: the first 12 hex digits of a runc-style
    // 64-hex id; the machine/container name for nspawn, LXC and libvirt-lxc.
    std::string id;
    std::string full_id;   // the whole 64-hex id when there is one, else == id
    std::string name;      // known from the path alone (nspawn, LXC), else empty
    std::string pod_uid;   // the kubepods pod<uid> part when present, else empty
};

// One cgroup path ("/docker/<id>", "/system.slice/crio-<id>.scope", ...).
std::optional<CgroupContainer> container_from_cgroup_path(std::string_view path);

// The scap `cgroups` parameter: NUL-separated (or NUL-terminated) "subsys=path".
// The first entry whose path names a container wins; none -> host (nullopt).
std::optional<CgroupContainer> container_from_scap_cgroups(std::string_view cgroups);

// /proc/PID/cgroup text ("ID:subsys[,subsys]:path" lines, "0::path" for the
// unified hierarchy) to the scap parameter the probe writes: one "subsys=path"
// entry (and a NUL) per subsystem the kernel has, in the kernel's order, which
// is the order of /proc/cgroups (`proc_cgroups`, its text). A subsystem mounted
// on no v1 hierarchy lives in the unified one and gets the 0:: path, as the
// probe sees it. Without /proc/cgroups text, the v1 lines alone, in their order.
// At most `max_bytes` bytes; entries that do not fit are dropped whole.
std::string scap_cgroups_from_proc(std::string_view proc_cgroup, std::string_view proc_cgroups,
                                   size_t max_bytes);

}  // namespace tracetop::event
