// Container metadata read from runtime files laid out as each runtime lays
// them out (docker, containers/storage for podman and cri-o, containerd's
// task bundles), and the live watcher that turns new container ids into
// sysdig's container events.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "capture/container_metadata.h"
#include "capture/container_watcher.h"
#include "capture/docker_data_roots.h"
#include "capture_test_util.h"
#include "event/event_view.h"

using namespace tracetop;
using capture_test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kId = "e85206e4eb6e0be6215918fbe300116c5a68548bc76dce4a7263b4e852799e52";

void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

event::CgroupContainer recognised(const std::string& path) {
    auto c = event::container_from_cgroup_path(path);
    REQUIRE(c);
    return *c;
}

}  // namespace

TEST_CASE("docker: config.v2.json and hostconfig.json, as dockerd writes them") {
    TempDir root;
    const fs::path dir = root.path() / "containers" / kId;
    put(dir / "config.v2.json",
        R"({"ID":")" + kId + R"(","Name":"/tt-writer","Created":"2026-12-06T02:29:40.123456789Z",)"
        R"("Image":"sha256:374b01e13a98eb4d0b77340c9ca437e776d906b73cff206dc87ed9739525487c",)"
        R"("Config":{"Image":"registry:5000/tt/busybox:1.36","Labels":{"team":"tt","n":7},"Env":["A=1",3]},)"
        R"("NetworkSettings":{"IPAddress":"","Networks":{"tt-net":{"IPAddress":"10.1.2.3"}}},)"
        R"("MountPoints":{"/data":{"Source":"/srv/d","Destination":"/data","RW":true,"Mode":"z"}}})");
    put(dir / "hostconfig.json",
        R"({"Privileged":true,"CpuShares":0,"Memory":268435456,"MemorySwap":-1,"CpuQuota":50000,)"
        R"("CpuPeriod":0,"CpusetCpus":"0-3,6"})");
    capture::ContainerStateDirs dirs;
    dirs.docker_roots = {"/nonexistent", root.path().string()};
    auto r = capture::read_container_metadata(recognised("/docker/" + kId), dirs);
    CHECK(r.lookup_state == 1);
    CHECK(r.id == "e85206e4eb6e");
    CHECK(r.full_id == kId);
    CHECK(r.type == 0);
    CHECK(r.name == "tt-writer");
    CHECK(r.image == "registry:5000/tt/busybox:1.36");
    CHECK(r.image_repo == "registry:5000/tt/busybox");
    CHECK(r.image_tag == "1.36");
    CHECK(r.image_id == "374b01e13a98eb4d0b77340c9ca437e776d906b73cff206dc87ed9739525487c");
    CHECK(r.labels.size() == 1);  // the number-valued label is not a string: left out
    CHECK(r.label("team") == "tt");
    CHECK(r.env == std::vector<std::string>{"A=1"});
    CHECK(r.ip == "10.1.2.3");
    REQUIRE(r.mounts.size() == 1);
    CHECK(r.mounts[0].destination == "/data");
    CHECK(r.mounts[0].read_write);
    CHECK(r.privileged);
    CHECK(r.cpu_shares == 1024);  // 0 means docker's default
    CHECK(r.memory_limit == 268435456);
    CHECK(r.swap_limit == -1);
    CHECK(r.cpu_quota == 50000);
    CHECK(r.cpu_period == 100000);
    CHECK(r.cpuset_cpu_count == 5);
    CHECK(r.created_time == 1796524180);
}

TEST_CASE("docker: missing, damaged or hostile files give a failed lookup, never a crash") {
    TempDir root;
    capture::ContainerStateDirs dirs;
    dirs.docker_roots = {root.path().string()};
    auto missing = capture::read_container_metadata(recognised("/docker/" + kId), dirs);
    CHECK(missing.lookup_state == 2);
    CHECK(missing.id == "e85206e4eb6e");  // what the path said is kept
    CHECK(missing.name.empty());
    put(root.path() / "containers" / kId / "config.v2.json", "{\"Name\": [1, 2");
    CHECK(capture::read_container_metadata(recognised("/docker/" + kId), dirs).lookup_state == 2);
    put(root.path() / "containers" / kId / "config.v2.json", R"({"Name":42,"Config":"x","NetworkSettings":[]})");
    auto odd = capture::read_container_metadata(recognised("/docker/" + kId), dirs);
    CHECK(odd.lookup_state == 1);
    CHECK(odd.name.empty());
    event::ContainerRecord r;
    CHECK_FALSE(capture::read_docker_metadata(root.path().string(), "../../etc", r));
}

TEST_CASE("image names: repo, tag and digest as sinsp splits them") {
    event::ContainerRecord a;
    capture::split_image_name("busybox", a);
    CHECK(a.image_repo == "busybox");
    CHECK(a.image_tag == "latest");
    event::ContainerRecord b;
    capture::split_image_name("localhost:5000/bb@sha256:abcd", b);
    CHECK(b.image_repo == "localhost:5000/bb");
    CHECK(b.image_tag.empty());
    CHECK(b.image_digest == "sha256:abcd");
}

TEST_CASE("cri-o and podman: containers/storage lists and the bundle's annotations") {
    TempDir storage;
    const fs::path s = storage.path();
    put(s / "overlay-containers" / "containers.json",
        R"([{"id":"other","names":["x"]},{"id":")" + kId + R"(","names":["k8s_web_pod"],"image":"img1"}])");
    put(s / "overlay-images" / "images.json", R"([{"id":"img1","names":["docker.io/library/nginx:1.25"]}])");
    put(s / "overlay-containers" / kId / "userdata" / "config.json",
        R"({"annotations":{"io.kubernetes.pod.name":"web-0","io.kubernetes.pod.namespace":"shop",)"
        R"("io.kubernetes.container.name":"web","io.kubernetes.cri-o.Labels":"{\"app\":\"web\"}"}})");
    capture::ContainerStateDirs dirs;
    dirs.containers_storage = s.string();
    auto r = capture::read_container_metadata(recognised("/kubepods.slice/crio-" + kId + ".scope"), dirs);
    CHECK(r.lookup_state == 1);
    CHECK(r.type == 8);
    CHECK(r.name == "web");
    CHECK(r.image == "docker.io/library/nginx:1.25");
    CHECK(r.image_tag == "1.25");
    CHECK(r.k8s_pod_name() == "web-0");
    CHECK(r.k8s_namespace() == "shop");
    CHECK(r.label("app") == "web");
    auto p = capture::read_container_metadata(recognised("/machine.slice/libpod-" + kId + ".scope"), dirs);
    CHECK(p.type == 11);
    CHECK(p.lookup_state == 1);
}

TEST_CASE("containerd: the CRI plugin's annotations in the task bundle") {
    TempDir state;
    put(state.path() / "io.containerd.runtime.v2.task" / "k8s.io" / kId / "config.json",
        R"({"annotations":{"io.kubernetes.cri.sandbox-name":"api-7d9","io.kubernetes.cri.sandbox-namespace":"prod",)"
        R"("io.kubernetes.cri.container-name":"api","io.kubernetes.cri.image-name":"ghcr.io/x/api:2"}})");
    capture::ContainerStateDirs dirs;
    dirs.containerd_state = state.path().string();
    auto r = capture::read_container_metadata(recognised("/kubepods/burstable/pod1/cri-containerd-" + kId + ".scope"), dirs);
    CHECK(r.lookup_state == 1);
    CHECK(r.type == 7);
    CHECK(r.name == "api");
    CHECK(r.image == "ghcr.io/x/api:2");
    CHECK(r.k8s_pod_name() == "api-7d9");
    CHECK(r.k8s_namespace() == "prod");
}

TEST_CASE("LXC and nspawn are named by their path; nothing is read") {
    capture::ContainerStateDirs dirs;
    auto l = capture::read_container_metadata(recognised("/lxc.payload.db"), dirs);
    CHECK(l.lookup_state == 1);
    CHECK(l.name == "db");
    CHECK(l.type == 1);
}

TEST_CASE("docker data roots from a daemon's command line") {
    using capture::docker_data_root_of;
    CHECK(docker_data_root_of(std::string("dockerd\0--data-root\0/srv/d\0", 27)) == "/srv/d");
    CHECK(docker_data_root_of(std::string("dockerd\0--data-root=/srv/e\0", 27)) == "/srv/e");
    CHECK(docker_data_root_of(std::string("dockerd\0-g\0/old\0", 16)) == "/old");
    TempDir d;
    put(d.path() / "daemon.json", R"({"data-root":"/from/config"})");
    CHECK(docker_data_root_of(std::string("dockerd\0--config-file\0", 22) + d.file("daemon.json") + '\0') ==
          "/from/config");
}

TEST_CASE("watcher: each container looked up once, off the caller's thread, sent as event 324") {
    std::atomic<int> lookups{0};
    std::thread::id caller = std::this_thread::get_id(), worker;
    capture::ContainerWatcher w([&](const event::CgroupContainer& c) {
        ++lookups;
        worker = std::this_thread::get_id();
        event::ContainerRecord r;
        r.id = c.id;
        r.full_id = c.full_id;
        r.name = "tt-" + c.id;
        return r;
    });
    const std::string cg = std::string("cpuset=/") + '\0' + "cpu=/docker/" + kId + '\0';
    w.note_cgroups(cg);
    w.note_cgroups(cg);
    w.note_cgroups(std::string("cpu=/user.slice") + '\0');  // host: nothing to look up
    w.wait_idle();
    CHECK(lookups == 1);
    CHECK(worker != caller);
    REQUIRE(w.has_ready());
    auto r = w.take_ready();
    REQUIRE(r);
    CHECK_FALSE(w.has_ready());
    CHECK_FALSE(w.take_ready());

    auto bytes = capture::ContainerWatcher::container_event(*r, 1234, ~0ull);
    auto ev = event::EventView::parse_v2(bytes.data(), bytes.size());
    REQUIRE(ev.ok());
    CHECK(ev.value().type == 324);
    CHECK(ev.value().ts == 1234);
    CHECK(ev.value().large_lengths());
    auto json = event::param_as_string(ev.value().param(0));
    auto back = event::decode_container_json(json);
    REQUIRE(back);
    CHECK(back->name == "tt-e85206e4eb6e");
    CHECK(back->id == "e85206e4eb6e");
}
