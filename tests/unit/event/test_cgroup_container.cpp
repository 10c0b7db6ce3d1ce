// Container recognition from cgroup paths, one path per runtime and cgroup
// version, plus host paths that must stay "no container".
#include <doctest/doctest.h>

#include <string>

#include "event/cgroup_container.h"

using namespace tracetop::event;

namespace {

const std::string kId = "4f797c539e6c745de61a93ca3ff892358ecbcaccd8414d5db545c38428142970";
const std::string kShort = "4f797c539e6c";

struct Seen {
    std::string type, id, name, pod;
};

Seen seen(const std::string& path) {
    auto c = container_from_cgroup_path(path);
    REQUIRE_MESSAGE(c.has_value(), path);
    return {std::string(container_runtime_name(c->runtime)), c->id, c->name, c->pod_uid};
}

bool host(const std::string& path) { return !container_from_cgroup_path(path).has_value(); }

}  // namespace

TEST_CASE("docker: cgroupfs driver (v1) and systemd driver (v1 and v2)") {
    auto a = seen("/docker/" + kId);
    CHECK(a.type == "docker");
    CHECK(a.id == kShort);
    CHECK(seen("/system.slice/docker-" + kId + ".scope").id == kShort);
    CHECK(seen("/system.slice/docker-" + kId + ".scope").type == "docker");
    auto full = container_from_cgroup_path("/docker/" + kId);
    CHECK(full->full_id == kId);
}

TEST_CASE("kubernetes: containerd, cri-o, docker and bare CRI ids, with the pod uid") {
    auto c = seen("/kubepods.slice/kubepods-burstable.slice/"
                  "kubepods-burstable-pod1a2b3c4d_5e6f_7a8b_9c0d_112233445566.slice/"
                  "cri-containerd-" + kId + ".scope");
    CHECK(c.type == "containerd");
    CHECK(c.id == kShort);
    CHECK(c.pod == "1a2b3c4d-5e6f-7a8b-9c0d-112233445566");
    auto colon = seen("/kubepods-besteffort-podabc.slice:cri-containerd:" + kId);
    CHECK(colon.type == "containerd");
    CHECK(colon.id == kShort);
    auto crio = seen("/kubepods.slice/kubepods-pod99.slice/crio-" + kId + ".scope");
    CHECK(crio.type == "cri-o");
    CHECK(crio.id == kShort);
    auto crio_fs = seen("/kubepods/besteffort/pod77/crio-" + kId);
    CHECK(crio_fs.type == "cri-o");
    CHECK(crio_fs.pod == "77");
    auto bare = seen("/kubepods/burstable/pod1234-ab/" + kId);
    CHECK(bare.type == "cri");
    CHECK(bare.pod == "1234-ab");
    CHECK(seen("/kubepods.slice/kubepods-podx.slice/docker-" + kId + ".scope").type == "docker");
}

TEST_CASE("containerd without kubernetes (ctr, default namespace)") {
    auto c = seen("/default/" + kId);
    CHECK(c.type == "containerd");
    CHECK(c.id == kShort);
}

TEST_CASE("podman: root and rootless, v1 and v2 nesting; conmon is not the container") {
    CHECK(seen("/machine.slice/libpod-" + kId + ".scope").type == "podman");
    CHECK(seen("/machine.slice/libpod-" + kId + ".scope/container").id == kShort);
    CHECK(seen("/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + kId +
               ".scope").type == "podman");
    CHECK(seen("/libpod_parent/libpod-" + kId).type == "podman");
    CHECK(host("/machine.slice/libpod-conmon-" + kId + ".scope"));
}

TEST_CASE("systemd-nspawn and libvirt-lxc machines") {
    auto n = seen("/machine.slice/machine-my\\x2dbox.scope");
    CHECK(n.type == "nspawn");
    CHECK(n.name == "my-box");
    CHECK(n.id == "my-box");
    CHECK(seen("/machine.slice/machine-deb.scope/payload").name == "deb");
    auto l = seen("/machine.slice/machine-lxc\\x2d1234\\x2dweb.scope");
    CHECK(l.type == "libvirt-lxc");
    CHECK(l.id == "1234\\x2dweb");
    CHECK(seen("/libvirt/lxc/web").type == "libvirt-lxc");
    CHECK(seen("/web.libvirt-lxc").id == "web");
    CHECK(host("/machine.slice/machine-qemu\\x2d1\\x2dvm.scope"));
}

TEST_CASE("LXC: legacy /lxc/NAME and the payload forms of LXC 4") {
    auto a = seen("/lxc/web1");
    CHECK(a.type == "lxc");
    CHECK(a.id == "web1");
    CHECK(a.name == "web1");
    CHECK(seen("/lxc/web1/init.scope").id == "web1");
    CHECK(seen("/lxc.payload/db").id == "db");
    CHECK(seen("/lxc.payload.db/system.slice").id == "db");
    CHECK(host("/lxc.monitor.db"));
}

TEST_CASE("host paths are no container") {
    CHECK(host("/"));
    CHECK(host(""));
    CHECK(host("/user.slice/user-1000.slice/session-3.scope"));
    CHECK(host("/system.slice/docker.service"));
    CHECK(host("/system.slice/containerd.service"));
    CHECK(host("/init.scope"));
    CHECK(host("/process_api/d646bcaf1e159b6a0549dd6e696f7865"));  // 32 hex: not a runc id
    CHECK(host("/docker/" + kId.substr(0, 63) + "g"));
    CHECK(host("/docker/" + kId + "0"));
    CHECK(host("/kubepods/burstable/pod1234"));
}

TEST_CASE("scap cgroups parameter: any entry naming a container wins") {
    std::string p = std::string("cpuset=/") + '\0' + "cpu=/docker/" + kId + '\0' + "pids=/" + '\0';
    auto c = container_from_scap_cgroups(p);
    REQUIRE(c);
    CHECK(c->id == kShort);
    std::string h = std::string("cpuset=/") + '\0' + "cpu=/user.slice" + '\0';
    CHECK_FALSE(container_from_scap_cgroups(h));
    CHECK_FALSE(container_from_scap_cgroups(""));
    CHECK_FALSE(container_from_scap_cgroups(std::string("garbage\0\0", 9)));
}

TEST_CASE("/proc/PID/cgroup to the scap parameter: v1, hybrid, pure v2, bounds") {
    // A hybrid host: four subsystems on v1 hierarchies, hugetlb on none (so in
    // the unified one), net_cls disabled.
    const std::string proc_cgroups =
        "#subsys_name\thierarchy\tnum_cgroups\tenabled\n"
        "cpuset\t3\t1\t1\ncpu\t1\t9\t1\ncpuacct\t2\t9\t1\nnet_cls\t0\t1\t0\n"
        "hugetlb\t0\t1\t1\npids\t8\t9\t1\n";
    std::string v1 = "9:name=systemd:/\n8:pids:/docker/" + kId + "\n3:cpuset:/\n2:cpu,cpuacct:/docker/" +
                     kId + "\n0::/\n";
    std::string out = scap_cgroups_from_proc(v1, proc_cgroups, 4096);
    std::string want = std::string("cpuset=/") + '\0' + "cpu=/docker/" + kId + '\0' + "cpuacct=/docker/" +
                       kId + '\0' + "hugetlb=/" + '\0' + "pids=/docker/" + kId + '\0';
    CHECK(out == want);
    CHECK(container_from_scap_cgroups(out)->id == kShort);

    // Without /proc/cgroups: the v1 lines in their order, named hierarchies left out.
    std::string bare = scap_cgroups_from_proc(v1, "", 4096);
    CHECK(bare == "pids=/docker/" + kId + '\0' + "cpuset=/" + '\0' + "cpu=/docker/" + kId + '\0' +
                      "cpuacct=/docker/" + kId + '\0');

    // Pure v2: every subsystem gets the unified path.
    std::string v2 = "0::/system.slice/docker-" + kId + ".scope\n";
    std::string out2 = scap_cgroups_from_proc(v2, proc_cgroups, 4096);
    CHECK(out2.rfind("cpuset=/system.slice/docker-", 0) == 0);
    CHECK(container_from_scap_cgroups(out2)->runtime == ContainerRuntime::Docker);
    size_t entries = 0;
    for (char c : out2) entries += c == '\0';
    CHECK(entries == 5);

    // Entries that do not fit are dropped whole, never cut.
    std::string small = scap_cgroups_from_proc(v1, "", 90);
    CHECK(small == "pids=/docker/" + kId + '\0' + "cpuset=/" + '\0');
    CHECK(scap_cgroups_from_proc("nonsense\n::\n", proc_cgroups, 4096).empty());
}
