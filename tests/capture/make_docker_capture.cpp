// Turns a shared capture into one that reads as if recorded on a docker host,
// for the container tests (the shared captures have no containers): sysdig's
// container events at the start (ts 0), and docker cgroups on the chosen
// processes, in the process list and in their clone/execve exits.
//
//   make_docker_capture IN.scap OUT.scap [late=K] PID=N [tid:TID=N ...]
//
// late=K: the metadata events again after the K-th event of IN, as a live
// recording has them when a container starts during the capture (thread
// -1, the previous event's time): sysdig shows those, with a made-up
// process, where it never shows the ones at the start.
//
// PID=N moves every thread of process PID; tid:TID=N one thread only (its
// header entry, the clone exit that makes it and its own clone/execve exits).
// N picks one of three containers: 0 "web" (event 272, the JSON with u16
// lengths), 1 "db" (event 324, u32 lengths, privileged, k8s labels, two
// mounts), 2 a container with no metadata event at all, known only by its
// cgroups, 3 db's pod sandbox (metadata only: the pod's labels).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "event/container_record.h"
#include "event/tracetop_events.h"

using namespace tracetop;

namespace {

struct FakeContainer {
    event::ContainerRecord record;
    event::EventType event_type;  // 0: no metadata event
};

// A container known by its 64-hex-digit id; sysdig shows the first 12.
event::ContainerRecord known_by_id(const std::string& full_id) {
    event::ContainerRecord r;
    r.full_id = full_id;
    r.id = full_id.substr(0, 12);
    return r;
}

// A docker container with its name, image (REPO:TAG) and address.
event::ContainerRecord docker_container(const std::string& full_id, const std::string& name, const std::string& repo,
                                        const std::string& tag, const std::string& image_id, const std::string& ip) {
    event::ContainerRecord r = known_by_id(full_id);
    r.name = name;
    r.image = repo + ":" + tag;
    r.image_repo = repo;
    r.image_tag = tag;
    r.image_id = image_id;
    r.ip = ip;
    return r;
}

std::vector<FakeContainer> fake_containers() {
    std::vector<FakeContainer> out;
    event::ContainerRecord web =
        docker_container("3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e", "web", "nginx", "1.21",
                         "6ad733544a6317992a6fac4eb19fe1df577d4dec7529efec28a5bd0edad0fd30", "172.17.0.2");
    web.labels["maintainer"] = "tracetop tests";
    out.push_back({web, PPME_CONTAINER_2_E});

    event::ContainerRecord db =
        docker_container("9f2c1e4b7a10d2c33e8f1b0a4d5c6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f", "k8s_db_db-0_shop_0123",
                         "postgres", "14", "b2a0c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091",
                         "172.17.0.3");
    db.privileged = true;
    db.memory_limit = 536870912;
    db.cpu_shares = 512;
    db.labels["io.kubernetes.pod.name"] = "db-0";
    db.labels["io.kubernetes.pod.namespace"] = "shop";
    db.labels["io.kubernetes.container.name"] = "db";
    db.labels["io.kubernetes.pod.uid"] = "7d3e5a1c-2b4f-4c6d-8e9f-0a1b2c3d4e5f";
    const std::string sandbox_id = "c0ffee00c0ffee00a1a1a1a1b2b2b2b2c3c3c3c3d4d4d4d4e5e5e5e5f6f6f6f6";
    db.labels["io.kubernetes.sandbox.id"] = sandbox_id;
    db.mounts.push_back({"/var/lib/docker/volumes/pgdata/_data", "/var/lib/postgresql/data", "z", true, "rprivate"});
    db.mounts.push_back({"/etc/localtime", "/etc/localtime", "ro", false, "rprivate"});
    out.push_back({db, PPME_CONTAINER_3_E});

    out.push_back({known_by_id("5e5e5e5e5e5e4f4f4f4f4f4f3d3d3d3d3d3d2c2c2c2c2c2c1b1b1b1b1b1b0a0a"), 0});

    // db's pod sandbox: no process runs in it here; the pod's own labels are its.
    event::ContainerRecord sandbox = docker_container(sandbox_id, "k8s_POD_db-0_shop_0123", "k8s.gcr.io/pause", "3.5",
                                                      "ed210e3e4a5bae1237f1bb44d72a05a2f1e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9",
                                                      "172.17.0.3");
    sandbox.is_pod_sandbox = true;
    sandbox.labels["app"] = "db";
    sandbox.labels["tier"] = "backend";
    sandbox.labels["annotation.kubernetes.io/config.seen"] = "2026-12-01T10:00:00Z";
    sandbox.labels["io.kubernetes.pod.name"] = "db-0";
    out.push_back({sandbox, PPME_CONTAINER_3_E});
    return out;
}

// Every controller of the list moved under /docker/<full id> (cgroup v1 as
// docker lays it out); a list with no entry gets the usual v1 controllers.
std::string docker_cgroups(std::string_view list, const std::string& full_id) {
    std::vector<std::string> controllers;
    size_t at = 0;
    while (at < list.size()) {
        size_t end = list.find('\0', at);
        if (end == std::string_view::npos) end = list.size();
        std::string_view item = list.substr(at, end - at);
        // "name=systemd=/path": the controller is everything before "=/".
        if (size_t eq = item.find("=/"); eq != std::string_view::npos) controllers.emplace_back(item.substr(0, eq));
        at = end + 1;
    }
    if (controllers.empty()) controllers = {"cpuset", "cpu", "cpuacct", "memory", "devices", "pids"};
    std::string out;
    for (const auto& c : controllers) {
        out += c + "=/docker/" + full_id;
        out.push_back('\0');
    }
    return out;
}

void put(std::vector<uint8_t>& out, const void* p, size_t n) {
    const size_t at = out.size();
    out.resize(at + n);
    if (n != 0) std::memcpy(out.data() + at, p, n);
}

// A v2 event from its parameters; the length width follows the type.
std::vector<uint8_t> build_event(uint64_t ts, uint64_t tid, event::EventType type, bool large,
                                 const std::vector<std::string>& params) {
    std::vector<uint8_t> out;
    put(out, &ts, 8);
    put(out, &tid, 8);
    uint32_t len = 0;
    put(out, &len, 4);
    uint16_t t = type;
    put(out, &t, 2);
    uint32_t n = static_cast<uint32_t>(params.size());
    put(out, &n, 4);
    for (const auto& p : params) {
        if (large) {
            uint32_t l = static_cast<uint32_t>(p.size());
            put(out, &l, 4);
        } else {
            uint16_t l = static_cast<uint16_t>(p.size());
            put(out, &l, 2);
        }
    }
    for (const auto& p : params) put(out, p.data(), p.size());
    len = static_cast<uint32_t>(out.size());
    std::memcpy(out.data() + 16, &len, 4);
    return out;
}

int param_index(const event::EventView& ev, std::string_view name) {
    const event::EventInfo* info = ev.info();
    if (!info) return -1;
    for (size_t i = 0; i < info->params.size() && i < ev.nparams(); ++i) {
        if (info->params[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

bool write_event(capture::ScapWriter& writer, const std::vector<uint8_t>& bytes, uint16_t cpu) {
    auto view = event::EventView::parse_v2(bytes.data(), bytes.size());
    if (!view) {
        std::fprintf(stderr, "make_docker_capture: %s\n", view.error().message.c_str());
        return false;
    }
    view->cpu = cpu;
    writer.write(*view);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s IN.scap OUT.scap PID=N [PID=N ...]\n", argv[0]);
        return 2;
    }
    const auto containers = fake_containers();
    std::map<int64_t, size_t> placed;         // pid -> container index
    std::map<int64_t, size_t> placed_threads; // tid -> container index
    long long late_after = -1;                // late=K
    for (int i = 3; i < argc; ++i) {
        if (std::strncmp(argv[i], "late=", 5) == 0) {
            late_after = std::strtoll(argv[i] + 5, nullptr, 10);
            continue;
        }
        const bool by_tid = std::strncmp(argv[i], "tid:", 4) == 0;
        char* end = nullptr;
        const long long id = std::strtoll(argv[i] + (by_tid ? 4 : 0), &end, 10);
        if (*end != '=' || std::strtoul(end + 1, nullptr, 10) >= containers.size()) {
            std::fprintf(stderr, "make_docker_capture: bad assignment %s\n", argv[i]);
            return 2;
        }
        (by_tid ? placed_threads : placed)[id] = std::strtoul(end + 1, nullptr, 10);
    }
    // The container of a thread, or nullptr: its own assignment first.
    auto container_of = [&](int64_t tid, int64_t pid) -> const FakeContainer* {
        if (auto it = placed_threads.find(tid); it != placed_threads.end()) return &containers[it->second];
        if (auto it = placed.find(pid); it != placed.end()) return &containers[it->second];
        return nullptr;
    };
    auto reader = capture::ScapReader::open(argv[1]);
    if (!reader) {
        std::fprintf(stderr, "%s: %s\n", argv[1], reader.error().message.c_str());
        return 1;
    }
    event::CaptureHeader header = (*reader)->header();
    for (auto& t : header.threads) {
        if (const FakeContainer* c = container_of(t.tid, t.pid)) t.cgroups = docker_cgroups(t.cgroups, c->record.full_id);
    }
    auto writer = capture::ScapWriter::create(argv[2], header);
    if (!writer) {
        std::fprintf(stderr, "%s: %s\n", argv[2], writer.error().message.c_str());
        return 1;
    }
    // The metadata events, at `ts` on thread `tid`.
    auto write_metadata = [&](uint64_t ts, uint64_t tid) {
        for (const auto& c : containers) {
            if (c.event_type == 0) continue;
            std::string json = event::encode_container_json(c.record);
            json.push_back('\0');
            if (!write_event(**writer, build_event(ts, tid, c.event_type, c.event_type == PPME_CONTAINER_3_E, {json}),
                             0)) {
                return false;
            }
        }
        return true;
    };
    if (!write_metadata(0, 0)) return 1;
    event::EventView ev;
    long long copied = 0;
    uint64_t last_ts = 0;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) {
        if (copied++ == late_after && !write_metadata(last_ts, UINT64_MAX)) return 1;
        last_ts = ev.ts;
        const int cg = event::is_enter(ev.type) ? -1 : param_index(ev, "cgroups");
        const int pid_at = param_index(ev, "pid");
        const int tid_at = param_index(ev, "tid");
        const FakeContainer* c = nullptr;
        if (cg >= 0 && pid_at >= 0 && tid_at >= 0 && ev.param_len(static_cast<uint32_t>(pid_at)) == 8 &&
            ev.param_len(static_cast<uint32_t>(tid_at)) == 8) {
            int64_t tid = event::load_le<int64_t>(ev.param(static_cast<uint32_t>(tid_at)).data());
            // The parent's clone exit makes the child in sysdig, cgroups
            // included: a thread placed on its own is placed there too.
            if (ev.param_len(0) == 8) {
                const int64_t child = event::load_le<int64_t>(ev.param(0).data());
                if (child > 0 && placed_threads.contains(child)) tid = child;
            }
            c = container_of(tid, event::load_le<int64_t>(ev.param(static_cast<uint32_t>(pid_at)).data()));
        }
        if (c == nullptr) {
            (*writer)->write(ev);
            continue;
        }
        std::vector<std::string> params;
        for (uint32_t i = 0; i < ev.nparams(); ++i) {
            auto p = ev.param(i);
            params.emplace_back(reinterpret_cast<const char*>(p.data()), p.size());
        }
        const auto& old = params[static_cast<size_t>(cg)];
        params[static_cast<size_t>(cg)] = docker_cgroups(old, c->record.full_id);
        if (!write_event(**writer, build_event(ev.ts, ev.tid, ev.type, ev.large_lengths(), params), ev.cpu)) return 1;
    }
    auto closed = (*writer)->close();
    if (!closed) {
        std::fprintf(stderr, "%s: %s\n", argv[2], closed.error().message.c_str());
        return 1;
    }
    return 0;
}
