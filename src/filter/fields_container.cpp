// container.*, k8s.*, thread.cgroup(s) and fd.container* fields: the container
// the event's thread runs in, as sysdig 0.29.3 prints it. Three cases, all
// checked against sysdig: a thread in no container is the host ("host" for
// the id, name and type, nothing else); a container known only through the
// thread's cgroups has its id and type, the rest unknown; a container with a
// metadata event has it all. A thread sysdig does not know has no value.
//
// Every field here is of class Context (issue 15, procsfast): it reads the
// event's thread (or fd) and the model's container table, which changes only
// at container events and a new section; the frozen contexts keep a lookup
// model for each such change (engine/context_rows.h).
#include <string_view>

#include "event/cgroup_container.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "filter/text_match.h"

namespace tracetop::filter {
namespace {

using event::ContainerRecord;
using state::ThreadInfo;

constexpr std::string_view kHost = "host";

const ThreadInfo* thread_of(const FieldContext& c) { return c.state.thread_known ? c.state.thread : nullptr; }

// The event's container: `thread` null when sysdig knows no thread, `record`
// null for the host or a container without metadata.
struct Where {
    const ThreadInfo* thread = nullptr;
    const ContainerRecord* record = nullptr;
    bool host() const { return thread->container_id.empty(); }
};

Where where(const FieldContext& c) {
    Where w;
    w.thread = thread_of(c);
    if (w.thread) w.record = c.model.container_of(*w.thread);
    return w;
}

void push_text(FieldValues& out, std::string_view s) { out.push(FieldValue::of_string(s)); }
void push_nonempty(FieldValues& out, std::string_view s) {
    if (!s.empty()) push_text(out, s);
}

void x_id(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.thread) return;
    push_text(out, w.host() ? kHost : w.thread->container_id.view());
}
void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.thread) return;
    if (w.host()) return push_text(out, kHost);
    if (w.record) push_nonempty(out, w.record->name);
}
void x_type(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.thread) return;
    if (w.host()) return push_text(out, kHost);
    if (w.record) return push_text(out, event::container_type_name(w.record->type));
    push_text(out, event::container_runtime_name(static_cast<event::ContainerRuntime>(w.thread->container_runtime)));
}
void x_privileged(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.thread || w.host()) return;
    out.push(FieldValue::of_bool(w.record && w.record->privileged));
}

// Text members of the metadata: nothing for the host, a container without
// metadata, or an empty member.
using RecordText = std::string ContainerRecord::*;
template <RecordText member>
void x_record_text(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (w.record) push_nonempty(out, w.record->*member);
}

void x_label(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const Where w = where(c);
    if (!w.record) return;
    auto it = w.record->labels.find(arg.name);
    if (it != w.record->labels.end()) push_text(out, it->second);
}
template <const char* key>
void x_k8s_label(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.record) return;
    auto it = w.record->labels.find(key);
    if (it != w.record->labels.end()) push_nonempty(out, it->second);
}
constexpr char kPodName[] = "io.kubernetes.pod.name";
constexpr char kPodNamespace[] = "io.kubernetes.pod.namespace";
constexpr char kPodUid[] = "io.kubernetes.pod.uid";

// A pod's own labels are its sandbox container's (the one the label
// io.kubernetes.sandbox.id names, by its short id): what sysdig 0.29.3 reads
// without a Kubernetes API server, leaving out annotations and the
// kubelet's io.kubernetes.* labels in the list.
const ContainerRecord* sandbox_of(const FieldContext& c) {
    const Where w = where(c);
    if (!w.record) return nullptr;
    auto it = w.record->labels.find("io.kubernetes.sandbox.id");
    if (it == w.record->labels.end()) return nullptr;
    return c.model.containers().find(std::string_view(it->second).substr(0, 12));
}
void x_pod_label(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const ContainerRecord* sandbox = sandbox_of(c);
    if (!sandbox) return;
    auto it = sandbox->labels.find(arg.name);
    if (it != sandbox->labels.end()) push_text(out, it->second);
}
void x_pod_labels(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ContainerRecord* sandbox = sandbox_of(c);
    if (!sandbox || sandbox->labels.empty()) return;
    c.scratch->clear();
    for (const auto& [key, value] : sandbox->labels) {
        if (key.starts_with("annotation.") || key.starts_with("io.kubernetes.")) continue;
        if (c.scratch->size() != 0) c.scratch->append(std::string_view(", "));
        c.scratch->append(key);
        if (!value.empty()) {
            c.scratch->push_back(':');
            c.scratch->append(value);
        }
    }
    push_text(out, {c.scratch->data(), c.scratch->size()});
}

// container.mounts and container.mount*: the container's mounts, as its
// metadata lists them. A mount is chosen by its place ([0]) or by a glob on
// its source (container.mount.source: on its destination).
void append_mount(const event::ContainerMount& m, fmt::memory_buffer& out) {
    out.append(m.source);
    out.push_back(':');
    out.append(m.destination);
    out.push_back(':');
    out.append(m.mode);
    out.append(std::string_view(m.read_write ? ":true:" : ":false:"));
    out.append(m.propagation);
}
void x_mounts(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (!w.thread || w.host()) return;
    // A container without metadata has no mounts: "", as in sysdig.
    c.scratch->clear();
    if (w.record == nullptr) return push_text(out, {});
    for (const event::ContainerMount& m : w.record->mounts) {
        if (c.scratch->size() != 0) c.scratch->push_back(',');
        append_mount(m, *c.scratch);
    }
    push_text(out, {c.scratch->data(), c.scratch->size()});
}
enum class MountPart { Whole, Source, Dest, Mode, ReadWrite, Propagation };
template <MountPart kPart>
void x_mount(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const Where w = where(c);
    if (!w.record) return;
    const event::ContainerMount* found = nullptr;
    if (arg.index >= 0) {
        if (static_cast<size_t>(arg.index) < w.record->mounts.size()) found = &w.record->mounts[arg.index];
    } else {
        for (const event::ContainerMount& m : w.record->mounts) {
            const std::string& side = kPart == MountPart::Source ? m.destination : m.source;
            if (glob_match(arg.name, side)) {
                found = &m;
                break;
            }
        }
    }
    if (!found) return;
    switch (kPart) {
        case MountPart::Whole:
            c.scratch->clear();
            append_mount(*found, *c.scratch);
            return push_text(out, {c.scratch->data(), c.scratch->size()});
        case MountPart::Source: return push_text(out, found->source);
        case MountPart::Dest: return push_text(out, found->destination);
        case MountPart::Mode: return push_text(out, found->mode);
        case MountPart::ReadWrite: return push_text(out, found->read_write ? "true" : "false");
        case MountPart::Propagation: return push_text(out, found->propagation);
    }
}

// The cgroups list: "controller=path" items, each ending in a NUL.
template <typename Fn>
void for_each_cgroup(std::string_view list, Fn fn) {
    size_t at = 0;
    while (at < list.size()) {
        size_t end = list.find('\0', at);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view item = list.substr(at, end - at);
        // "name=systemd=/path": the controller runs up to the "=" before the path.
        size_t eq = item.find("=/");
        if (eq == std::string_view::npos) eq = item.find('=');
        if (!item.empty() && eq != std::string_view::npos) {
            // sysdig names cgroup v2's "io" controller by its v1 name.
            const std::string_view controller = item.substr(0, eq);
            fn(controller == "io" ? std::string_view("blkio") : controller, item.substr(eq + 1));
        }
        at = end + 1;
    }
}

void x_cgroups(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t || t->cgroups.empty()) return;
    c.scratch->clear();
    for_each_cgroup(t->cgroups.view(), [&](std::string_view controller, std::string_view path) {
        if (c.scratch->size() != 0) c.scratch->push_back(' ');
        c.scratch->append(controller);
        c.scratch->push_back('=');
        c.scratch->append(path);
    });
    push_text(out, {c.scratch->data(), c.scratch->size()});
}
void x_cgroup(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    bool found = false;
    for_each_cgroup(t->cgroups.view(), [&](std::string_view controller, std::string_view path) {
        if (!found && controller == arg.name) {
            push_text(out, path);
            found = true;
        }
    });
}

// "<container id>:<fd.name>" ("" for the host's id), where fd.name has a value.
void push_prefixed(const FieldContext& c, FieldValues& out, std::string_view value) {
    const ThreadInfo* t = thread_of(c);
    if (!t) return;
    c.scratch->clear();
    c.scratch->append(t->container_id.view());
    c.scratch->push_back(':');
    c.scratch->append(value);
    push_text(out, {c.scratch->data(), c.scratch->size()});
}
void x_fd_containername(const FieldContext& c, const BoundArg&, FieldValues& out) {
    std::string_view name;
    if (c.state.fd_name(name)) push_prefixed(c, out, name);
}
void x_fd_containerdirectory(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    // fd.directory's own rules decide whether there is one.
    static const FieldDef* directory = [] {
        auto f = resolve_field("fd.directory", std::nullopt);
        return f ? f->def : nullptr;
    }();
    if (!directory) return;
    FieldValues dir;
    directory->extract(c, arg, dir);
    if (dir.size() == 0) return;
    // fd.directory may point into the scratch buffer push_prefixed reuses.
    const std::string copy(dir[0].s);
    push_prefixed(c, out, copy);
}

void x_ip(const FieldContext& c, const BoundArg&, FieldValues& out) {
    const Where w = where(c);
    if (w.record) push_text(out, w.record->ip);
}

constexpr FieldDef kContainerFields[] = {
    {"container.id", FieldType::String, ArgKind::None,
     "the container's id (12 hex digits for docker), \"host\" outside any container", x_id, FieldDep::Context},
    {"container.name", FieldType::String, ArgKind::None,
     "the container's name, \"host\" outside any container; unknown without its metadata event",
     x_name, FieldDep::Context},
    {"container.image", FieldType::String, ArgKind::None, "the container's image name (\"nginx:1.21\")",
     x_record_text<&ContainerRecord::image>, FieldDep::Context},
    {"container.image.id", FieldType::String, ArgKind::None, "the container's image id",
     x_record_text<&ContainerRecord::image_id>, FieldDep::Context},
    {"container.image.repository", FieldType::String, ArgKind::None,
     "the container's image repository (\"nginx\" of \"nginx:1.21\")",
     x_record_text<&ContainerRecord::image_repo>, FieldDep::Context},
    {"container.image.tag", FieldType::String, ArgKind::None, "the container's image tag (\"1.21\", \"latest\")",
     x_record_text<&ContainerRecord::image_tag>, FieldDep::Context},
    {"container.image.digest", FieldType::String, ArgKind::None,
     "the container's image digest (\"sha256:...\"), when its image was named by one",
     x_record_text<&ContainerRecord::image_digest>, FieldDep::Context},
    {"container.type", FieldType::String, ArgKind::None,
     "the container runtime: docker, containerd, cri, cri-o, podman, lxc, libvirt-lxc, ...; \"host\" outside any",
     x_type, FieldDep::Context},
    {"container.privileged", FieldType::Bool, ArgKind::None, "true for a container running privileged",
     x_privileged, FieldDep::Context},
    {"container.ip", FieldType::String, ArgKind::None, "the container's IPv4 address, as its metadata gives it",
     x_ip, FieldDep::Context},
    {"container.label", FieldType::String, ArgKind::Name,
     "a label of the container: container.label.NAME or container.label[NAME]", x_label, FieldDep::Context},
    {"k8s.pod.name", FieldType::String, ArgKind::None,
     "the Kubernetes pod of the container (its io.kubernetes.pod.name label)",
     x_k8s_label<kPodName>, FieldDep::Context},
    {"k8s.ns.name", FieldType::String, ArgKind::None,
     "the Kubernetes namespace of the container (its io.kubernetes.pod.namespace label)",
     x_k8s_label<kPodNamespace>, FieldDep::Context},
    {"k8s.pod.id", FieldType::String, ArgKind::None,
     "the Kubernetes pod's uid (the container's io.kubernetes.pod.uid label)", x_k8s_label<kPodUid>,
     FieldDep::Context},
    {"k8s.pod.label", FieldType::String, ArgKind::Name,
     "a label of the pod (k8s.pod.label.NAME), as its sandbox container carries it", x_pod_label,
     FieldDep::Context},
    {"k8s.pod.labels", FieldType::String, ArgKind::None,
     "the pod's labels, \"key:value\" separated by \", \", as its sandbox container carries them", x_pod_labels,
     FieldDep::Context},
    {"container.mounts", FieldType::String, ArgKind::None,
     "the container's mounts, each source:dest:mode:rdwr:propagation, separated by commas", x_mounts,
     FieldDep::Context},
    {"container.mount", FieldType::String, ArgKind::NameOrIndex,
     "one mount as source:dest:mode:rdwr:propagation: container.mount[0], or by source (a glob: "
     "container.mount[/usr/local/*])", x_mount<MountPart::Whole>, FieldDep::Context},
    {"container.mount.source", FieldType::String, ArgKind::NameOrIndex,
     "a mount's source, by place or by destination (a glob): container.mount.source[/data]",
     x_mount<MountPart::Source>, FieldDep::Context},
    {"container.mount.dest", FieldType::String, ArgKind::NameOrIndex,
     "a mount's destination, by place or by source (a glob)", x_mount<MountPart::Dest>, FieldDep::Context},
    {"container.mount.mode", FieldType::String, ArgKind::NameOrIndex,
     "a mount's mode, by place or by source (a glob)", x_mount<MountPart::Mode>, FieldDep::Context},
    {"container.mount.rdwr", FieldType::String, ArgKind::NameOrIndex,
     "whether a mount is read-write (true or false), by place or by source (a glob)",
     x_mount<MountPart::ReadWrite>, FieldDep::Context},
    {"container.mount.propagation", FieldType::String, ArgKind::NameOrIndex,
     "a mount's propagation, by place or by source (a glob)", x_mount<MountPart::Propagation>, FieldDep::Context},
    {"thread.cgroups", FieldType::String, ArgKind::None, "the thread's cgroups, \"controller=path\" separated by spaces",
     x_cgroups, FieldDep::Context},
    {"thread.cgroup", FieldType::String, ArgKind::Name,
     "the thread's cgroup path for one controller: thread.cgroup.cpu, thread.cgroup.memory, ...",
     x_cgroup, FieldDep::Context},
    {"fd.containername", FieldType::String, ArgKind::None,
     "container.id, a colon and fd.name: tells apart the same path in different containers",
     x_fd_containername, FieldDep::Context},
    {"fd.containerdirectory", FieldType::String, ArgKind::None, "container.id, a colon and fd.directory",
     x_fd_containerdirectory, FieldDep::Context},
};

}  // namespace

std::span<const FieldDef> container_fields() { return kContainerFields; }

}  // namespace tracetop::filter
