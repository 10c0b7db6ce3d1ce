#include "capture/bpf_source.h"

#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "capture/bpf_probe.h"
#include "capture/container_metadata.h"
#include "capture/docker_data_roots.h"
#include "capture/live_prerequisites.h"
#include "capture/proc_scan.h"
#include "capture/x86_64_syscalls.h"
#include "tracetop_shared.h"

namespace tracetop::capture {
namespace {

using Clock = std::chrono::steady_clock;

// next() says Idle at least this often whenever it would otherwise wait, so
// the caller looks at its clock (refresh, --duration, Ctrl-C, flushing
// output) at a steady pace whatever the event rate: a trickle of events too
// slow to fill a batch still reaches the screen within one tick. It is also
// the longest a lost ring wakeup can delay an event.
constexpr auto kIdleTick = std::chrono::milliseconds(100);
// How long to wait before looking at the rings again while events flow: the
// probe wakes us only once we have caught up and said so (RingConsumer::arm),
// never per event, which would cost the traced system more.
constexpr timespec kPollPause{0, 1'000'000};
// An event is handed out while another CPU's ring is empty only once it is
// this old: a record stamped earlier may still be on its way into that ring.
constexpr uint64_t kMergeLagNs = 3'000'000;
// After detaching, a program already running on another CPU may still be
// building its event: give it this long before reading the rings to the end.
constexpr timespec kDetachSettle{0, 10'000'000};
// A record left half-written this long after detaching never completes.
constexpr auto kDrainLimit = std::chrono::seconds(1);

// The nice value of the thread that drains the rings. A reader that waits
// its turn behind busy programs lets the rings fill and events are lost,
// while the CPU it takes is bounded by the event rate; with the default
// nice 0 on a 2-CPU machine running builds, it waited on the run queue for
// 80 % of a 1 M calls/s run and lost half the events (bench/README.md).
constexpr int kReaderNice = -10;

// Raises the priority of the calling thread only (Linux nice values are per
// thread). Without CAP_SYS_NICE this fails and the reader stays at its nice.
void prioritise_this_thread() { setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kReaderNice); }

uint64_t clock_ns(clockid_t id) {
    timespec ts{};
    clock_gettime(id, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(ts.tv_nsec);
}

// Epoch minus the boot-time clock the probe stamps events with.
uint64_t boot_offset_ns() { return clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_BOOTTIME); }

uint32_t ring_bytes_for(uint32_t buffer_mb) {
    uint64_t bytes = static_cast<uint64_t>(buffer_mb == 0 ? TRACETOP_DEFAULT_BUFFER_MB : buffer_mb) << 20;
    uint64_t pow2 = 4096;
    while (pow2 < bytes && pow2 < (1ull << 30)) pow2 <<= 1;
    return static_cast<uint32_t>(pow2);
}

// Container events carry no thread: sinsp stamps them with tid -1.
constexpr uint64_t kNoThread = ~0ull;

// The worker's lookup: the runtimes' files. A docker container that is not
// under any known data root may belong to a daemon started since: look for
// the daemons again, once per such container.
ContainerWatcher::Lookup container_lookup() {
    auto dirs = std::make_shared<ContainerStateDirs>();
    dirs->docker_roots = docker_data_roots();
    return [dirs](const event::CgroupContainer& c) {
        event::ContainerRecord r = read_container_metadata(c, *dirs);
        if (r.lookup_state != 1 && c.runtime != event::ContainerRuntime::Lxc &&
            c.runtime != event::ContainerRuntime::Nspawn) {
            auto roots = docker_data_roots();
            if (roots != dirs->docker_roots) {
                dirs->docker_roots = std::move(roots);
                r = read_container_metadata(c, *dirs);
            }
        }
        return r;
    };
}

}  // namespace

Result<std::unique_ptr<BpfSource>> BpfSource::open(const LiveOptions& options) {
    if (auto blocker = live_capture_blocker()) return Error(*blocker);

    std::unique_ptr<BpfSource> src(new BpfSource());
    const std::vector<uint16_t> codes = x86_64_ppm_sc_codes();
    tt_probe_config cfg{};
    cfg.own_tgid = static_cast<uint32_t>(getpid());
    cfg.boot_offset_ns = boot_offset_ns();
    cfg.snaplen = options.snaplen > TRACETOP_MAX_SNAPLEN ? TRACETOP_MAX_SNAPLEN : options.snaplen;
    cfg.ring_bytes = ring_bytes_for(options.buffer_mb);
    cfg.context_switches = options.context_switches ? 1 : 0;
    cfg.ppm_sc = codes.data();
    cfg.ppm_sc_count = static_cast<uint32_t>(codes.size());
    // The interest set, padded or cut to the probe's table.
    std::vector<uint8_t> interest;
    std::vector<std::string> names(TRACETOP_SYSCALL_SLOTS);
    std::vector<const char*> name_ptrs(TRACETOP_SYSCALL_SLOTS, nullptr);
    if (!options.syscall_interest.empty()) {
        interest.assign(TRACETOP_SYSCALL_SLOTS, 0);
        std::copy_n(options.syscall_interest.begin(), std::min<size_t>(options.syscall_interest.size(), interest.size()),
                    interest.begin());
        for (uint32_t nr = 0; nr < TRACETOP_SYSCALL_SLOTS; ++nr) {
            names[nr] = x86_64_syscall_name(nr);
            if (!names[nr].empty()) name_ptrs[nr] = names[nr].c_str();
        }
        cfg.interest = interest.data();
        cfg.syscall_names = name_ptrs.data();
    }

    char err[256] = {};
    src->probe_ = tt_probe_open(&cfg, err, sizeof err);
    if (src->probe_ == nullptr) return Error(fmt::format("live capture: {}", err));

    const int ncpus = tt_probe_cpu_count(src->probe_);
    src->cpus_.resize(static_cast<size_t>(ncpus));
    src->epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    if (src->epoll_fd_ < 0) return Error(fmt::format("live capture: epoll: {}", std::strerror(errno)));
    for (int cpu = 0; cpu < ncpus; ++cpu) {
        const int fd = tt_probe_ring_fd(src->probe_, cpu);
        auto ring = RingConsumer::map(fd, tt_probe_ring_bytes(src->probe_));
        if (!ring) return ring.error();
        src->cpus_[static_cast<size_t>(cpu)].ring = std::move(*ring);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = static_cast<uint32_t>(cpu);
        if (epoll_ctl(src->epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
            return Error(fmt::format("live capture: cannot wait on a ring buffer: {}", std::strerror(errno)));
        }
    }
    // Scan /proc after attaching: a thread born in between is seen by both,
    // never by neither.
    src->header_ = scan_proc(ProcScanLimits{});
    // The containers already running are looked up before the first event,
    // so their records lead the stream (ts 0, as sysdig writes them).
    src->containers_ = std::make_unique<ContainerWatcher>(container_lookup());
    for (const auto& t : src->header_.threads) src->containers_->note_cgroups(t.cgroups);
    src->containers_->wait_idle();
    return src;
}

BpfSource::~BpfSource() {
    cpus_.clear();  // unmap before the rings' fds close
    if (epoll_fd_ >= 0) close(epoll_fd_);
    tt_probe_close(probe_);
}

bool BpfSource::refill(CpuStream& s) {
    if (!s.head.empty()) return true;
    s.head = s.ring->peek();
    if (s.head.empty()) return false;
    s.head_ts = s.head.size() >= 8 ? event::load_le<uint64_t>(s.head.data()) : 0;
    return true;
}

ReadStatus BpfSource::next(event::EventView& out) {
    if (!reader_prioritised_) {
        prioritise_this_thread();  // the first call comes from the draining thread
        reader_prioritised_ = true;
    }
    if (delivered_cpu_ >= 0) {
        CpuStream& s = cpus_[static_cast<size_t>(delivered_cpu_)];
        s.ring->release();
        s.head = {};
        delivered_cpu_ = -1;
    }
    if (containers_->has_ready()) return deliver_container(out);
    for (;;) {
        int best = -1;
        bool some_empty = false;
        for (size_t i = 0; i < cpus_.size(); ++i) {
            if (!refill(cpus_[i])) {
                some_empty = true;
                continue;
            }
            if (best < 0 || cpus_[i].head_ts < cpus_[static_cast<size_t>(best)].head_ts) best = static_cast<int>(i);
        }
        bool ready = best >= 0 && (draining_ || !some_empty);
        uint64_t due = 0;  // when the oldest head may be handed out
        if (!ready && best >= 0) {
            // Reading the clock costs more than handing out an event, so a
            // reading is reused until an event is younger than it allows.
            due = cpus_[static_cast<size_t>(best)].head_ts + kMergeLagNs;
            if (due > merge_now_ns_) merge_now_ns_ = clock_ns(CLOCK_REALTIME);
            ready = due <= merge_now_ns_;
        }
        if (ready) {
            CpuStream& s = cpus_[static_cast<size_t>(best)];
            auto parsed = event::EventView::parse_v2(s.head.data(), s.head.size());
            if (!parsed) {
                // Cannot happen with our probe; skip rather than stop a capture.
                ++malformed_;
                s.ring->release();
                s.head = {};
                continue;
            }
            out = *parsed;
            out.cpu = static_cast<uint16_t>(best);
            out.num = ++events_;
            delivered_cpu_ = best;
            last_ts_ = out.ts;
            containers_->note_event(out);
            return ReadStatus::Event;
        }
        if (draining_) {
            if (all_rings_empty() || Clock::now() >= drain_deadline_) return ReadStatus::End;
            nanosleep(&kPollPause, nullptr);  // a record still being written
            continue;
        }
        const Clock::time_point now = Clock::now();
        if (now - last_idle_ >= kIdleTick) {
            last_idle_ = now;
            return ReadStatus::Idle;
        }
        wait_for_events(best >= 0 ? due - merge_now_ns_ : 0);
    }
}

ReadStatus BpfSource::deliver_container(event::EventView& out) {
    auto record = containers_->take_ready();
    if (!record) return next(out);
    container_event_ = ContainerWatcher::container_event(*record, last_ts_, kNoThread);
    auto parsed = event::EventView::parse_v2(container_event_.data(), container_event_.size());
    if (!parsed) {
        ++malformed_;
        return next(out);
    }
    out = *parsed;
    out.cpu = 0;
    // A container found live is state (as the file's leading records): it
    // names the container of the events that follow, and is not listed.
    out.block_flags |= event::kEventFlagStateOnly;
    out.num = ++events_;
    return ReadStatus::Event;
}

// Three cases. An event waits for its merge lag (due in head_due_in_ns, 0
// when there is none): sleep until it is due, but at least a poll pause (a
// busy ring always has a head about to be due; waking for each would take
// the CPU the traced programs need). A record is being written: a poll
// pause. Every ring is empty: tell the kernel so and sleep until a record
// arrives or the next Idle tick is due, so an idle machine costs about ten
// wakeups a second instead of one per poll pause.
void BpfSource::wait_for_events(uint64_t head_due_in_ns) {
    if (head_due_in_ns > 0) {
        const uint64_t ns = std::clamp<uint64_t>(head_due_in_ns, static_cast<uint64_t>(kPollPause.tv_nsec), kMergeLagNs);
        const timespec pause{0, static_cast<long>(ns)};
        nanosleep(&pause, nullptr);
        return;
    }
    bool all_armed = true;
    for (CpuStream& s : cpus_) all_armed = s.ring->arm() && all_armed;
    if (!all_armed) {
        nanosleep(&kPollPause, nullptr);
        return;
    }
    const auto left = kIdleTick - (Clock::now() - last_idle_);
    const int ms = static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
    epoll_event ready{};
    epoll_wait(epoll_fd_, &ready, 1, std::max(ms, 1));
}

bool BpfSource::all_rings_empty() const {
    for (const CpuStream& s : cpus_) {
        if (!s.head.empty() || !s.ring->empty()) return false;
    }
    return true;
}

void BpfSource::stop_producing() {
    if (draining_ || probe_ == nullptr) return;
    tt_probe_detach(probe_);
    nanosleep(&kDetachSettle, nullptr);
    draining_ = true;
    drain_deadline_ = Clock::now() + kDrainLimit;
}

SourceStats BpfSource::stats() const {
    SourceStats s;
    s.events = events_;
    s.malformed = malformed_;
    s.drops = probe_ != nullptr ? tt_probe_drops(probe_) : 0;
    if (probe_ != nullptr && s.drops > 0) {
        s.drops_per_cpu.assign(cpus_.size(), 0);
        tt_probe_drops_per_cpu(probe_, s.drops_per_cpu.data(), static_cast<int>(cpus_.size()));
    }
    return s;
}

bool BpfSource::per_syscall_tracepoints() const {
    return probe_ != nullptr && tt_probe_mode_of(probe_) == TT_MODE_PER_SYSCALL;
}

Result<std::unique_ptr<Source>> open_live(const LiveOptions& options) {
    auto src = BpfSource::open(options);
    if (!src) return src.error();
    return std::unique_ptr<Source>(std::move(*src));
}

}  // namespace tracetop::capture
