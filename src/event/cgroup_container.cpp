#include "event/cgroup_container.h"

#include <vector>

namespace tracetop::event {

namespace {

// runc-based runtimes name a container by 64 hex digits; sysdig shows 12.
constexpr size_t kRuncIdLength = 64;
constexpr size_t kShortIdLength = 12;

bool is_runc_id(std::string_view s) {
    if (s.size() != kRuncIdLength) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Non-empty pieces of s between any of the separator characters.
std::vector<std::string_view> split_on(std::string_view s, std::string_view seps) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find_first_of(seps, i);
        if (j == std::string_view::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view s) { return split_on(s, "\n"); }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// systemd unit names escape '-' and other bytes as \xHH (machine-my\x2dbox.scope).
std::string systemd_unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
            int hi = hex_value(s[i + 2]), lo = hex_value(s[i + 3]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 3;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

CgroupContainer runc(ContainerRuntime rt, std::string_view full) {
    CgroupContainer c;
    c.runtime = rt;
    c.full_id = std::string(full);
    c.id = std::string(full.substr(0, kShortIdLength));
    return c;
}

CgroupContainer named(ContainerRuntime rt, std::string id, std::string name) {
    CgroupContainer c;
    c.runtime = rt;
    c.full_id = id;
    c.id = std::move(id);
    c.name = std::move(name);
    return c;
}

// "<prefix><64 hex><suffix>" -> the id, else empty.
std::string_view runc_id_between(std::string_view part, std::string_view prefix,
                                 std::string_view suffix) {
    if (!starts_with(part, prefix) || !ends_with(part, suffix)) return {};
    if (part.size() < prefix.size() + suffix.size()) return {};
    auto id = part.substr(prefix.size(), part.size() - prefix.size() - suffix.size());
    return is_runc_id(id) ? id : std::string_view{};
}

bool under_kubepods(const std::vector<std::string_view>& parts) {
    for (auto p : parts)
        if (starts_with(p, "kubepods")) return true;
    return false;
}

// cgroupfs: ".../pod<uid>/..."; systemd: "kubepods-besteffort-pod<uid_with_underscores>.slice".
std::string kube_pod_uid(const std::vector<std::string_view>& parts) {
    for (auto p : parts) {
        if (starts_with(p, "pod") && p.size() > 3 && !ends_with(p, ".slice"))
            return std::string(p.substr(3));
        if (starts_with(p, "kubepods") && ends_with(p, ".slice")) {
            size_t at = p.rfind("-pod");
            if (at == std::string_view::npos) continue;
            std::string uid(p.substr(at + 4, p.size() - at - 4 - 6));
            for (char& c : uid)
                if (c == '_') c = '-';
            return uid;
        }
    }
    return {};
}

// One path component in the runc layouts: "<id>", "docker-<id>.scope", ...
std::optional<CgroupContainer> runc_component(const std::vector<std::string_view>& parts,
                                              size_t i) {
    std::string_view part = parts[i];
    struct Layout {
        std::string_view prefix, suffix;
        ContainerRuntime runtime;
    };
    static constexpr Layout kLayouts[] = {
        {"docker-", ".scope", ContainerRuntime::Docker},
        {"cri-containerd-", ".scope", ContainerRuntime::Containerd},
        {"crio-", ".scope", ContainerRuntime::CriO},
        {"crio-", "", ContainerRuntime::CriO},
        {"libpod-", ".scope", ContainerRuntime::Podman},
        {"libpod-", "", ContainerRuntime::Podman},
    };
    for (const auto& l : kLayouts) {
        auto id = runc_id_between(part, l.prefix, l.suffix);
        if (!id.empty()) return runc(l.runtime, id);
    }
    // containerd's systemd driver without a scope: "<slice>:cri-containerd:<id>".
    size_t colon = part.rfind(":cri-containerd:");
    if (colon != std::string_view::npos) {
        auto id = part.substr(colon + 16);
        if (is_runc_id(id)) return runc(ContainerRuntime::Containerd, id);
    }
    if (is_runc_id(part)) {
        if (under_kubepods(parts)) return runc(ContainerRuntime::Cri, part);
        // ctr puts containers of its "default" namespace under /default/<id>.
        if (i > 0 && parts[i - 1] == "default") return runc(ContainerRuntime::Containerd, part);
        return runc(ContainerRuntime::Docker, part);
    }
    return std::nullopt;
}

std::optional<CgroupContainer> lxc_path(const std::vector<std::string_view>& parts) {
    for (size_t i = 0; i < parts.size(); ++i) {
        auto p = parts[i];
        if ((p == "lxc" || p == "lxc.payload") && i + 1 < parts.size())
            return named(ContainerRuntime::Lxc, std::string(parts[i + 1]), std::string(parts[i + 1]));
        if (starts_with(p, "lxc.payload.") && p.size() > 12)
            return named(ContainerRuntime::Lxc, std::string(p.substr(12)), std::string(p.substr(12)));
        // libvirt: non-systemd "<name>.libvirt-lxc", legacy "/libvirt/lxc/<name>".
        if (ends_with(p, ".libvirt-lxc") && p.size() > 12) {
            std::string name(p.substr(0, p.size() - 12));
            return named(ContainerRuntime::LibvirtLxc, name, name);
        }
        if (p == "libvirt" && i + 2 < parts.size() && parts[i + 1] == "lxc")
            return named(ContainerRuntime::LibvirtLxc, std::string(parts[i + 2]),
                         std::string(parts[i + 2]));
    }
    return std::nullopt;
}

// systemd machines: machine.slice/machine-<escaped name>.scope. libvirt's LXC
// domains are "machine-lxc\x2d<name>.scope"; qemu VMs are not containers.
std::optional<CgroupContainer> machine_path(const std::vector<std::string_view>& parts) {
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i] != "machine.slice") continue;
        auto p = parts[i + 1];
        if (!starts_with(p, "machine-") || !ends_with(p, ".scope")) return std::nullopt;
        auto escaped = p.substr(8, p.size() - 8 - 6);
        if (escaped.empty()) return std::nullopt;
        if (starts_with(escaped, "lxc\\x2d")) {
            // sysdig keeps the id as written in the unit name.
            std::string id(escaped.substr(7));
            return named(ContainerRuntime::LibvirtLxc, id, systemd_unescape(id));
        }
        if (starts_with(escaped, "qemu\\x2d")) return std::nullopt;
        std::string name = systemd_unescape(escaped);
        return named(ContainerRuntime::Nspawn, name, name);
    }
    return std::nullopt;
}

}  // namespace

std::string_view container_runtime_name(ContainerRuntime r) {
    switch (r) {
        case ContainerRuntime::Docker: return "docker";
        case ContainerRuntime::Containerd: return "containerd";
        case ContainerRuntime::Cri: return "cri";
        case ContainerRuntime::CriO: return "cri-o";
        case ContainerRuntime::Podman: return "podman";
        case ContainerRuntime::Lxc: return "lxc";
        case ContainerRuntime::LibvirtLxc: return "libvirt-lxc";
        case ContainerRuntime::Nspawn: return "nspawn";
    }
    return "unknown";
}

std::optional<CgroupContainer> container_from_cgroup_path(std::string_view path) {
    auto parts = split_on(path, "/");
    if (parts.empty()) return std::nullopt;
    // runc layouts put the id in the last component; podman on cgroup v2 may
    // nest one more level (libpod-<id>.scope/container).
    size_t last = parts.size() - 1;
    auto found = runc_component(parts, last);
    if (!found && last > 0 && parts[last] == "container") found = runc_component(parts, last - 1);
    if (!found) found = lxc_path(parts);
    if (!found) found = machine_path(parts);
    if (found) found->pod_uid = under_kubepods(parts) ? kube_pod_uid(parts) : std::string();
    return found;
}

std::optional<CgroupContainer> container_from_scap_cgroups(std::string_view cgroups) {
    size_t i = 0;
    while (i < cgroups.size()) {
        size_t end = cgroups.find('\0', i);
        if (end == std::string_view::npos) end = cgroups.size();
        auto entry = cgroups.substr(i, end - i);
        size_t eq = entry.find('=');
        if (eq != std::string_view::npos) {
            if (auto c = container_from_cgroup_path(entry.substr(eq + 1))) return c;
        }
        i = end + 1;
    }
    return std::nullopt;
}

std::string scap_cgroups_from_proc(std::string_view proc_cgroup, std::string_view proc_cgroups,
                                   size_t max_bytes) {
    std::string out;
    auto add = [&](std::string_view subsys, std::string_view path) {
        size_t need = subsys.size() + 1 + path.size() + 1;
        if (out.size() + need > max_bytes) return;
        out.append(subsys).append("=").append(path).push_back('\0');
    };
    std::vector<std::pair<std::string_view, std::string_view>> v1;  // subsystem, path
    std::optional<std::string_view> unified;
    for (auto line : split_lines(proc_cgroup)) {
        // The path may itself hold ':' (containerd's systemd driver), so split twice only.
        size_t c1 = line.find(':');
        if (c1 == std::string_view::npos) continue;
        size_t c2 = line.find(':', c1 + 1);
        if (c2 == std::string_view::npos) continue;
        auto subsystems = line.substr(c1 + 1, c2 - c1 - 1);
        auto path = line.substr(c2 + 1);
        if (!starts_with(path, "/")) continue;  // not a cgroup path: a damaged line
        if (subsystems.empty()) {
            unified = path;
            continue;
        }
        for (auto name : split_on(subsystems, ","))
            if (!starts_with(name, "name=")) v1.emplace_back(name, path);
    }
    auto v1_path = [&](std::string_view name) -> std::optional<std::string_view> {
        for (const auto& [n, p] : v1)
            if (n == name) return p;
        return std::nullopt;
    };
    if (proc_cgroups.empty()) {
        for (const auto& [n, p] : v1) add(n, p);
        return out;
    }
    // "#subsys_name hierarchy num_cgroups enabled" lines.
    for (auto line : split_lines(proc_cgroups)) {
        if (line.empty() || line[0] == '#') continue;
        auto cols = split_on(line, " \t");
        if (cols.size() < 4 || cols[3] == "0") continue;
        if (auto p = v1_path(cols[0])) add(cols[0], *p);
        else if (unified) add(cols[0], *unified);
    }
    return out;
}

}  // namespace tracetop::event
