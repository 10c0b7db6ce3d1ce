// The state model: threads, processes, fd tables and users, kept up to date
// from a capture's header records and its events exactly as sysdig 0.29.3
// does (scap-format.md §13), so that proc.*, thread.*, fd.* and user.* fields
// read the same. The drain thread owns it; nothing here is thread-safe.
//
//   Model model;
//   model.load_header(source.header());
//   while (source.next(ev) == ReadStatus::Event) {
//       if (nothing_will_read(ev)) { model.apply(ev); continue; }
//       const EventContext& ctx = model.on_event(ev);
//       ... fields read ctx (valid until the next on_event) ...
//   }
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "event/arg_format.h"
#include "event/event_view.h"
#include "event/header_records.h"
#include "state/container_table.h"
#include "state/event_effects.h"
#include "state/fd_table.h"
#include "state/ids.h"
#include "state/interned_string.h"
#include "state/thread_table.h"
#include "state/user_table.h"

namespace tracetop::state {

struct TupleView;

// What the field layer needs to know about one event, after the model has
// applied it. Pointers stay valid until the next on_event() or load_header().
struct EventContext {
    // The event's thread. Never null: when sysdig has no thread for the event
    // (scheduler/internal events of unknown tids) this points to an "absent"
    // thread and `thread_known` is false — proc.* fields then print <NA>.
    const ThreadInfo* thread = nullptr;
    // The main thread of its process (cwd, nthreads, fdlimit, ppid live there).
    const ThreadInfo* main_thread = nullptr;
    bool thread_known = false;

    // fd.* fields apply only to events that create, use or destroy an fd.
    bool fd_related = false;
    // fd.num: the fd the thread's current system call acts on (-1: none).
    Fd fd = kNoFd;
    // The fd entry as sysdig resolves it; null when the fd is unknown or the
    // call failed. A closed fd stays readable here for the close exit.
    const FdEntry* fd_entry = nullptr;
    // fd.name when no entry answers (failed open/connect/accept: the name the
    // event's own parameters give; other exits: ""). Meaningful when
    // `has_fallback_name`; for a failed connect it wins over `fd_entry`.
    bool has_fallback_name = false;
    bool fallback_overrides_entry = false;
    std::string_view fallback_name;
    // fd.typechar for events without an entry, guessed from the call ('o' when
    // nothing fits), as sysdig does.
    char fallback_typechar = 'o';
    // fd.name_changed: the event changed the name of its fd entry (an open,
    // accept, connect or bind naming it). Meaningful with `fd_entry`.
    bool fd_name_changed = false;

    // evt.latency: the thread's latest call duration (0 on enter events).
    Nanoseconds latency = 0;
    // Exit events: the matching enter event, when it was seen; else null.
    const event::EventView* enter = nullptr;
    // procinfo events: CPU ticks used since the thread's previous procinfo,
    // capped at 100 (sysdig's thread.cpu); else 0.
    uint64_t procinfo_cpu_delta = 0;

    // fd.name as sysdig prints it; nullopt-equivalent (false) where it prints <NA>.
    bool fd_name(std::string_view& name) const;
    // Back to a default-constructed context (every member above; keep in step).
    void reset();
};

class Model {
public:
    Model();
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    // Replaces all state with what a capture's header blocks describe (threads
    // from the process list, fds from the fd lists, users and groups).
    void load_header(const event::CaptureHeader& header);
    // issue 15 (checkpoints): replaces all state with a copy of `other`'s,
    // taken between events, so that the events after that point give the
    // same answers here as there (model_copy.cpp). Strings are interned
    // again: the copy outlives `other`.
    void load_copy(const Model& other);

    // Applies one event and describes it for the field layer.
    // `exit_described`, on an enter: whether the caller may describe its exit
    // (then the enter's parameters are kept for the exit's fields); pass
    // false only when it will not.
    const EventContext& on_event(const event::EventView& ev, bool exit_described = true);

    // Applies one event that nothing will describe: exactly the state changes
    // of on_event(), without the description, and without the fd lookups and
    // handlers of state-neutral types (event_effects.h), whose only change is
    // the thread's pairing, latency and last fd. `exit_described` as above.
    inline void apply(const event::EventView& ev, bool exit_described = true);

    // Lookups for fields that reach beyond the event's own thread
    // (proc.pname, user.name, ...). Null when unknown.
    const ThreadInfo* thread(Tid tid) const { return threads_.find(tid); }
    const ThreadInfo* main_thread_of(const ThreadInfo& thread) const;
    const event::UserRecord* user(uint32_t uid) const { return users_.user(uid); }
    const event::GroupRecord* group(uint32_t gid) const { return users_.group(gid); }
    const ThreadTable& threads() const { return threads_; }
    // Containers (container_table.h): their metadata, and the one a thread is in.
    const ContainerTable& containers() const { return containers_; }
    const event::ContainerRecord* container_of(const ThreadInfo& thread) const {
        return thread.container_id.empty() ? nullptr : containers_.find(thread.container_id.view());
    }
    // The machine's memory (the header's machine record; 0 when unknown):
    // what MEM% is a share of.
    uint64_t machine_memory_bytes() const { return machine_memory_bytes_; }
    // Live: a process's memory as /proc reports it now, set on its main
    // thread (where thread.vm* read it). Nothing when the model lacks it.
    void set_process_memory(Pid pid, uint64_t vmsize_kb, uint64_t vmrss_kb, uint64_t vmswap_kb);
    size_t interned_strings() const { return strings_.size(); }  // for model_stats()

    // Changes whenever what a thread-only field (proc.*, user.*, thread.vm*,
    // container.*: thread_fields.h) reads may have changed: any thread's
    // identity, process or container, the thread, user or container tables;
    // a change of one thread's memory moves its ThreadInfo::memory_version
    // instead. State-neutral, procinfo and fd events leave both as they are,
    // so a reader may keep what it extracted for a thread while the epoch and
    // the memory versions of the thread and its main thread stay (the
    // aggregator does, per row). Never 0.
    uint64_t thread_epoch() const { return thread_epoch_; }

    // The fd entry `fd` of thread `tid` right now (what --print shows after
    // "fd=3"), or null.
    const FdEntry* find_fd(Tid tid, Fd fd) const;

    // Removes the threads `gone` says no longer exist, as their exits would
    // have (a secondary thread before its main thread). Live, a dropped exit
    // event would otherwise keep a thread and its fds forever; the engine
    // asks the system now and then. Call between events. Returns how many.
    size_t forget_threads(const std::function<bool(Tid)>& gone);

    // Tests: on_event() also runs the fd handlers for state-neutral types
    // (which must do nothing), so that apply()'s skipping them is checked
    // against the handlers themselves. Off by default: a described neutral
    // event needs only the lookups.
    void run_every_handler(bool on) { run_every_handler_ = on; }

    // Size limits: beyond them no placeholder threads are made up.
    static constexpr size_t kMaxThreads = 131072;

private:
    // Both halves of on_event(): update() changes the state and returns the
    // event's thread (null when sysdig has none); describe() fills ctx_.
    // `full`: run every lookup and handler whatever the type (on_event
    // under run_every_handler), so that apply()'s skipping can be checked
    // against it.
    ThreadInfo* update(const event::EventView& ev, bool keep_enter, bool full);
    void describe(const event::EventView& ev, ThreadInfo* thread);
    // The thread's per-call bookkeeping (sysdig's lastevent_*): pairing,
    // latency, the fd the call acts on (looked up when `resolve_fd`).
    // Returns an exit's enter when it was kept.
    inline const event::EventView* track_call(const event::EventView& ev, ThreadInfo& thread,
                                              const EventTraits& traits, bool keep_enter, bool resolve_fd);

    // Event handling, grouped by what it touches (one .cpp each).
    void handle_file_event(const event::EventView& ev, ThreadInfo& thread);
    void handle_socket_event(const event::EventView& ev, ThreadInfo& thread);
    void handle_clone_exit(const event::EventView& ev);
    void handle_execve_exit(const event::EventView& ev, ThreadInfo& thread);
    void handle_cwd_change(const event::EventView& ev, ThreadInfo& thread);
    void handle_context_switch(const event::EventView& ev, ThreadInfo& thread);
    void handle_memory_exit(const event::EventView& ev, ThreadInfo& thread);
    // A thread's memory as an event reports it (in 32 bits, as sinsp keeps it).
    void set_memory(ThreadInfo& thread, uint64_t vmsize_kb, uint64_t vmrss_kb, uint64_t vmswap_kb);
    void handle_procinfo(const event::EventView& ev, ThreadInfo& thread);
    void compute_fallback_fd_name(const event::EventView& ev, const ThreadInfo& thread);

    // Threads.
    ThreadInfo* main_thread_for_update(ThreadInfo& thread);
    ThreadInfo* find_or_make_placeholder(Tid tid);
    ThreadInfo* add_thread(std::unique_ptr<ThreadInfo> thread);
    void remove_thread(Tid tid);
    void set_cwd(ThreadInfo& thread, std::string_view path);
    // Sets thread.container_id from thread.cgroups (model_containers.cpp).
    void bind_container(ThreadInfo& thread);
    FdTable& fd_table(ThreadInfo& thread);

    // Fds.
    FdEntry* add_fd(ThreadInfo& thread, Fd fd, FdEntry entry);
    void add_socket(ThreadInfo& thread, Fd fd, uint32_t domain, uint32_t type, uint32_t protocol);
    bool update_socket_from_tuple(FdEntry& entry, std::span<const uint8_t> tuple);
    void name_socket_after_io(const event::EventView& ev, ThreadInfo& thread, std::span<const uint8_t> tuple,
                              bool incoming);
    void guess_role(ThreadInfo& thread, FdEntry& entry, bool incoming);
    void learn_bound_port(FdEntry& entry, std::span<const uint8_t> tuple, bool inbound);
    void learn_listener_port(ThreadInfo& thread, const TupleView& accepted);
    void append_bound_name(bool v6, const uint8_t* ip, uint16_t port);
    void infer_local_ipv4(FdEntry& entry) const;
    void infer_local_ipv6(FdEntry& entry) const;
    void name_from_proc(FdEntry& entry);
    void rename_socket(FdEntry& entry);
    std::string_view directory_for(const ThreadInfo& thread, std::string_view path, Fd dirfd);
    InternedString intern_buffer() { return strings_.intern(std::string_view{scratch_.data(), scratch_.size()}); }

    // issue 15 (checkpoints): one thread copied into this model's pool (fd
    // tables shared among threads stay shared, through `tables`).
    std::unique_ptr<ThreadInfo> copy_thread(const ThreadInfo& t,
                                            std::unordered_map<const FdTable*, std::shared_ptr<FdTable>>& tables);
    void apply_deferred_removals();
    void reset_state();

    StringPool strings_;  // first: everything below may hold its strings
    ThreadTable threads_;
    UserTable users_;
    ContainerTable containers_;
    // The last cgroups list bound and what it gave: threads of a process
    // share one list, so most bindings are a pointer comparison.
    InternedString bound_cgroups_;
    InternedString bound_container_id_;
    uint8_t bound_runtime_ = 0;
    uint64_t machine_memory_bytes_ = 0;
    uint64_t thread_epoch_ = 1;
    bool run_every_handler_ = false;
    void threads_touched() { ++thread_epoch_; }
    std::vector<std::array<uint8_t, 8>> ipv4_interfaces_;  // address (4) + netmask (4)
    std::vector<std::array<uint8_t, 16>> ipv6_interfaces_;  // addresses only: sinsp keeps no prefix length
    std::unordered_set<uint16_t> server_ports_;            // from the fd lists, for the client/server fix

    ThreadInfo absent_thread_;  // stands in where sysdig has no thread
    // A container event's thread, as sinsp makes one up for it: tid and pid
    // -1, virtual ids -2, named "container:ID", in that container.
    ThreadInfo container_event_thread_;
    ThreadInfo* container_event_thread(const event::ContainerRecord& container);

    // event_traits_table(), looked up once per event.
    std::span<const EventTraits> traits_;
    const EventTraits& traits_of(event::EventType type) const {
        return traits_[type < traits_.size() ? type : traits_.size() - 1];
    }

    // Work of the current event.
    EventContext ctx_;
    FdEntry* event_fd_entry_ = nullptr;  // sinsp's evt->m_fdinfo
    // fd.name_changed: the name of the event's fd when it was looked up (as
    // sinsp's get_fd keeps an fd's old name); empty for an fd the event makes.
    // Its identity only: holding the string would cost a count per event.
    const void* event_fd_name_before_ = nullptr;
    // sinsp marks an IP socket connected at any read or write that succeeds
    // on it (before the call's tuple may rename it).
    static void mark_connected_by_io(FdEntry& entry) {
        if (entry.is_ip_socket()) entry.connected = true;
    }
    void note_event_fd(FdEntry* entry) {
        event_fd_entry_ = entry;
        if (entry != nullptr) event_fd_name_before_ = entry->name.identity();
    }
    const event::EventView* current_enter_ = nullptr;

    // Removals sinsp defers until the next event, so the event that causes
    // them (close, procexit) still resolves what it removed.
    Tid pending_thread_removal_ = 0;
    bool has_pending_thread_removal_ = false;
    Tid pending_fd_tid_ = 0;
    std::vector<Fd> pending_fd_removals_;

    // Reused text buffers (no allocation per event once warm).
    event::OutBuffer scratch_;
    std::string path_scratch_;
    std::string dir_scratch_;
    std::string fallback_name_;
};

inline const event::EventView* Model::track_call(const event::EventView& ev, ThreadInfo& thread,
                                                 const EventTraits& traits, bool keep_enter, bool resolve_fd) {
    const event::EventType type = ev.type;
    if (event::is_enter(type)) {
        thread.last_event_fd = kNoFd;
        if (traits.uses_fd && ev.nparams() > 0) {
            thread.last_event_fd = event::param_as_int(ev.param(0), event::ParamType::Fd, kNoFd);
            if (resolve_fd) note_event_fd(fd_table(thread).find(thread.last_event_fd));
        }
        thread.latency = 0;
        thread.pairing.on_enter(ev, keep_enter || traits_of(static_cast<event::EventType>(type | 1u)).exit_reads_enter);
        return nullptr;
    }
    thread.latency = thread.pairing.latency_at(ev.ts);
    const event::EventView* enter = thread.pairing.enter_for(type);
    if (traits.uses_fd) {
        // An enter that names no fd (sendmmsg's) leaves it to the exit.
        if (thread.pairing.exit_matches(type) && traits_of(static_cast<event::EventType>(type & ~1u)).uses_fd) {
            if (resolve_fd) note_event_fd(fd_table(thread).find(thread.last_event_fd));
        } else if (const int i = traits.exit_fd_param; i > 0 && static_cast<uint32_t>(i) < ev.nparams()) {
            // No enter, but the exit carries the fd itself (current layouts).
            thread.last_event_fd = event::param_as_int(ev.param(static_cast<uint32_t>(i)), event::ParamType::Fd, kNoFd);
            if (resolve_fd) note_event_fd(fd_table(thread).find(thread.last_event_fd));
        }
    }
    return enter;
}

inline void Model::apply(const event::EventView& ev, bool exit_described) {
    // Inline, the usual case: a state-neutral event of a known thread, with
    // no removal pending. Its only change is the bookkeeping.
    const EventTraits& traits = traits_of(ev.type);
    if (traits.effect == EventEffect::None && !has_pending_thread_removal_ && pending_fd_removals_.empty()) {
        if (ThreadInfo* thread = threads_.find(static_cast<Tid>(ev.tid))) {
            track_call(ev, *thread, traits, exit_described, false);
            if (!event::is_enter(ev.type)) thread->pairing.after_exit();
            return;
        }
    }
    update(ev, exit_described, false);
}

}  // namespace tracetop::state
