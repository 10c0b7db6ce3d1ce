// Threads and processes as sysdig's proc.* and thread.* fields see them.
// A thread whose tid differs from its pid is a secondary thread of process
// `pid`: the process's cwd lives on the main thread, and threads that share
// files (CLONE_FILES) share the main thread's fd table.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "event/arg_format.h"
#include "state/enter_exit_pairing.h"
#include "state/fd_table.h"
#include "state/ids.h"
#include "state/interned_string.h"

namespace tracetop::state {

// PPM_CL_* clone flags that matter to the model (scap-format.md §10.3).
constexpr uint32_t kCloneFiles = 0x1;
constexpr uint32_t kCloneThread = 0x2000;
constexpr uint32_t kCloneInverted = 0x10000;  // sinsp: the child's clone exit came first
constexpr uint32_t kCloneNameChanged = 0x20000;
constexpr uint32_t kCloneClosed = 0x40000;
constexpr uint32_t kCloneActive = 0x80000;
constexpr uint32_t kCloneChildInPidNs = 0x20000000;

struct ThreadInfo {
    Tid tid = 0;
    Pid pid = 0;
    Tid ptid = -1;  // parent thread
    int64_t sid = -1;    // -1 until known (sinsp's default, as proc.sid prints it)
    int64_t vpgid = -1;
    Tid vtid = 0;
    Pid vpid = 0;
    InternedString comm;     // proc.name
    InternedString exe;      // argv[0] (proc.exe)
    InternedString exepath;  // resolved executable (proc.exepath)
    InternedString args;     // argv[1..] as NUL-terminated items back to back
    InternedString env;      // same form; kept on the main thread
    InternedString cgroups;  // same form
    InternedString root;
    // The container its cgroups name (Model::bind_container); empty: the host.
    InternedString container_id;
    uint8_t container_runtime = 0;  // event::ContainerRuntime, when container_id is set
    InternedString cwd;  // kept on the main thread only, ends in '/'
    int64_t fdlimit = 0;
    uint32_t flags = 0;  // PPM_CL_*
    uint32_t uid = kNoId;
    uint32_t gid = kNoId;
    uint32_t loginuid = kNoId;
    int32_t tty = 0;            // controlling terminal (proc.tty); 0: none
    bool exe_writable = false;  // proc.is_exe_writable
    // kB. Events and capture files carry 32 bits (4 TiB); /proc, read live,
    // can say more (ASan's shadow, JIT runtimes reserve tens of TiB of VIRT).
    uint64_t vmsize_kb = 0;
    uint64_t vmrss_kb = 0;
    uint64_t vmswap_kb = 0;
    uint64_t pfmajor = 0;
    uint64_t pfminor = 0;
    Nanoseconds clone_ts = 0;
    uint32_t nchilds = 0;  // secondary threads attached to this main thread
    bool exited = false;   // procexit seen; kept while secondary threads live
    // Moves when this thread's memory changes (memory exits; context
    // switches, on the main thread): what Model::thread_epoch() leaves to
    // each thread, so one thread's mmap does not void every other's memo.
    uint32_t memory_version = 0;

    // This thread's fd table: its own, or its main thread's when it shares files.
    std::shared_ptr<FdTable> fds;

    // Per-event bookkeeping (sysdig's lastevent_*).
    Fd last_event_fd = kNoFd;
    Nanoseconds latency = 0;
    EnterExitPairing pairing;
    uint64_t last_procinfo_ticks = 0;  // cumulative user+system ticks at the last procinfo
    // thread.cpu.user / thread.cpu.system: the user and system ticks of the
    // latest procinfo and of the one before it (0: none).
    uint64_t procinfo_user = 0;
    uint64_t procinfo_system = 0;
    uint64_t prev_procinfo_user = 0;
    uint64_t prev_procinfo_system = 0;
    bool has_procinfo = false;

    bool is_main_thread() const { return tid == pid; }
    // Threads sysdig made up for tids it never saw created (comm "<NA>").
    bool is_placeholder() const { return comm.view() == kUnknownName && uid == kNoId; }
};

// proc.args: the arguments joined by spaces.
void append_args(const ThreadInfo& thread, event::OutBuffer& out);
// proc.cmdline: comm, then the arguments.
void append_cmdline(const ThreadInfo& thread, event::OutBuffer& out);

class ThreadTable {
public:
    using Map = std::unordered_map<Tid, std::unique_ptr<ThreadInfo>>;

    // Lookups go through a small direct-mapped cache by tid (misses are
    // remembered too): a capture interleaves a few busy threads with
    // scheduler and procinfo events of many others, which would keep
    // evicting each other from a cache of the last lookup or two. Any change
    // of the table forgets the whole cache at once (a new generation).
    ThreadInfo* find(Tid tid) const {
        CachedLookup& slot = cache_[static_cast<uint64_t>(tid) % kCacheSlots];
        if (slot.generation == generation_ && slot.tid == tid) return slot.found;
        slot = {tid, generation_, find_uncached(tid)};
        return slot.found;
    }
    // Inserts or replaces; the returned pointer is stable until removal.
    ThreadInfo* put(std::unique_ptr<ThreadInfo> thread);
    void erase(Tid tid) {
        ++generation_;
        threads_.erase(tid);
    }
    void clear() {
        ++generation_;
        threads_.clear();
    }
    size_t size() const { return threads_.size(); }
    const Map& threads() const { return threads_; }

private:
    ThreadInfo* find_uncached(Tid tid) const;

    Map threads_;
    struct CachedLookup {
        Tid tid = 0;
        uint64_t generation = 0;  // valid while equal to generation_
        ThreadInfo* found = nullptr;
    };
    static constexpr size_t kCacheSlots = 64;
    mutable std::array<CachedLookup, kCacheSlots> cache_{};
    uint64_t generation_ = 1;
};

}  // namespace tracetop::state
