#include "state/model.h"

#include "state/event_codes.h"
#include "state/event_effects.h"

namespace tracetop::state {

bool EventContext::fd_name(std::string_view& name) const {
    if (!fd_related) return false;
    if (fd_entry != nullptr && !fallback_overrides_entry) {
        name = fd_entry->name.view();
        return true;
    }
    if (!has_fallback_name) return false;
    name = fallback_name;
    return true;
}

Model::Model() : traits_(event_traits_table()) {
    absent_thread_.comm = strings_.intern(kUnknownName);
    absent_thread_.exe = absent_thread_.comm;
    absent_thread_.fds = std::make_shared<FdTable>();
}

Model::~Model() {
    // Threads hold interned strings: release them while the pool still exists.
    threads_.clear();
    absent_thread_ = ThreadInfo{};
    container_event_thread_ = ThreadInfo{};
}

ThreadInfo* Model::container_event_thread(const event::ContainerRecord& container) {
    ThreadInfo& t = container_event_thread_;
    t = ThreadInfo{};
    t.tid = -1;
    t.pid = -1;
    t.ptid = 0;
    t.vtid = -2;
    t.vpid = -2;
    t.comm = strings_.intern("container:" + container.id);
    t.container_id = strings_.intern(container.id);
    // sinsp's defaults for a thread (fdlimit -1) and, where it sets
    // nothing, what its unset memory holds in a plain run (ids 0: root).
    t.fdlimit = -1;
    t.uid = 0;
    t.gid = 0;
    t.loginuid = 0;
    t.fds = absent_thread_.fds;
    return &t;
}

const ThreadInfo* Model::main_thread_of(const ThreadInfo& thread) const {
    if (thread.is_main_thread()) return &thread;
    return threads_.find(thread.pid);
}

const FdEntry* Model::find_fd(Tid tid, Fd fd) const {
    const ThreadInfo* t = threads_.find(tid);
    if (t == nullptr || !t->fds) return nullptr;
    return t->fds->find(fd);
}

FdTable& Model::fd_table(ThreadInfo& thread) {
    if (!thread.fds) thread.fds = std::make_shared<FdTable>();
    return *thread.fds;
}

void Model::apply_deferred_removals() {
    if (!pending_fd_removals_.empty()) {
        if (ThreadInfo* t = threads_.find(pending_fd_tid_)) {
            for (Fd fd : pending_fd_removals_) fd_table(*t).erase(fd);
        }
        pending_fd_removals_.clear();
    }
    if (has_pending_thread_removal_) {
        has_pending_thread_removal_ = false;
        remove_thread(pending_thread_removal_);
    }
}

// Member by member: GCC clears a value-initialised EventContext with `rep
// stos`, whose start-up cost was 3 % of a procs pass (issue 15, perf).
static_assert(sizeof(EventContext) == 96, "a member added to EventContext: clear it in reset() too");
void EventContext::reset() {
    thread = nullptr;
    main_thread = nullptr;
    thread_known = false;
    fd_related = false;
    fd = kNoFd;
    fd_entry = nullptr;
    has_fallback_name = false;
    fallback_overrides_entry = false;
    fallback_name = {};
    fallback_typechar = 'o';
    latency = 0;
    enter = nullptr;
    procinfo_cpu_delta = 0;
    fd_name_changed = false;
}

const EventContext& Model::on_event(const event::EventView& ev, bool exit_described) {
    ctx_.reset();
    ThreadInfo* thread = update(ev, exit_described, run_every_handler_);
    describe(ev, thread);
    return ctx_;
}

ThreadInfo* Model::update(const event::EventView& ev, bool keep_enter, bool full) {
    if (has_pending_thread_removal_ || !pending_fd_removals_.empty()) apply_deferred_removals();
    event_fd_entry_ = nullptr;
    event_fd_name_before_ = nullptr;
    current_enter_ = nullptr;

    const event::EventType type = ev.type;
    const EventTraits& traits = traits_of(type);
    const EventEffect effect = traits.effect;
    const Tid tid = static_cast<Tid>(ev.tid);
    // Procinfo events change only the thread's tick count (read through
    // the event's context, never memoised); fd events only fd tables; memory
    // exits and context switches one thread's memory (its memory_version).
    if (effect != EventEffect::None && effect != EventEffect::ProcInfo && effect != EventEffect::FdOrSocket &&
        effect != EventEffect::MemoryExit && effect != EventEffect::Switch) {
        threads_touched();
    }

    if (effect == EventEffect::Meta || effect == EventEffect::ProcInfo) {
        ThreadInfo* thread = threads_.find(tid);
        if (effect == EventEffect::ProcInfo && thread != nullptr) handle_procinfo(ev, *thread);
        if (effect == EventEffect::Meta && ContainerTable::is_container_event(type)) {
            const event::ContainerRecord* container = containers_.apply(ev);
            if (thread == nullptr && container != nullptr) thread = container_event_thread(*container);
        }
        return thread;
    }
    if (effect == EventEffect::Switch) {
        // A context switch names the thread but never makes one up.
        ThreadInfo* thread = threads_.find(tid);
        if (thread != nullptr) handle_context_switch(ev, *thread);
        return thread;
    }

    const bool is_exit = !event::is_enter(type);
    // Handlers of these read the event's fd entry; described events show it.
    const bool resolve_fd = full || (effect != EventEffect::None);
    // The clone exit makes its own thread (the child's may be new).
    ThreadInfo* thread = effect == EventEffect::CloneExit ? threads_.find(tid) : find_or_make_placeholder(tid);
    if (thread != nullptr) current_enter_ = track_call(ev, *thread, traits, keep_enter, resolve_fd);

    if (effect == EventEffect::CloneExit) {
        handle_clone_exit(ev);
        // It may have replaced a stale thread of this tid, or created it.
        thread = threads_.find(tid);
    } else if (thread != nullptr) {
        switch (effect) {
            case EventEffect::ExecveExit: handle_execve_exit(ev, *thread); break;
            case EventEffect::ProcExit:
                thread->flags |= kCloneClosed;
                pending_thread_removal_ = thread->tid;
                has_pending_thread_removal_ = true;
                break;
            case EventEffect::CwdChange: handle_cwd_change(ev, *thread); break;
            case EventEffect::MemoryExit: handle_memory_exit(ev, *thread); break;
            case EventEffect::FdOrSocket:
                handle_file_event(ev, *thread);
                handle_socket_event(ev, *thread);
                break;
            default:
                // State-neutral: the handlers would do nothing. on_event runs
                // them anyway, so the unit tests can compare it with apply().
                if (full) {
                    handle_file_event(ev, *thread);
                    handle_socket_event(ev, *thread);
                }
                break;
        }
    }

    // Fields look the thread up again after the event was applied (a clone
    // exit may just have created it).
    if (thread == nullptr) thread = threads_.find(tid);
    // The enter's parameters are released once its exit was handled (they
    // stay readable through current_enter_ until the next event).
    if (is_exit && thread != nullptr) thread->pairing.after_exit();
    return thread;
}

namespace {

// sinsp's read/write exits other than recvfrom, recvmsg, sendto and sendmsg
// (those go through handle_socket_event).
bool is_plain_rw_exit(event::EventType type) {
    switch (type) {
        case codes::kReadX:
        case codes::kWriteX:
        case codes::kSendX:
        case codes::kRecvX:
        case codes::kPreadX:
        case codes::kPwriteX:
        case codes::kReadvX:
        case codes::kWritevX:
        case codes::kPreadvX:
        case codes::kPwritevX: return true;
        default: return false;
    }
}

}  // namespace

void Model::describe(const event::EventView& ev, ThreadInfo* thread) {
    const event::EventType type = ev.type;
    const EventEffect effect = traits_of(type).effect;
    if (thread != nullptr) {
        ctx_.thread = thread;
        ctx_.thread_known = true;
        const ThreadInfo* main = main_thread_of(*thread);
        ctx_.main_thread = main != nullptr ? main : thread;
    } else {
        ctx_.thread = &absent_thread_;
        ctx_.main_thread = &absent_thread_;
    }

    const event::EventInfo* info = ev.info();
    const uint32_t flags = info != nullptr ? info->flags : 0;
    ctx_.fd_related = thread != nullptr &&
                      (flags & (event::kFlagCreatesFd | event::kFlagUsesFd | event::kFlagDestroysFd)) != 0;
    if (ctx_.fd_related) {
        ctx_.fd = thread->last_event_fd;
        FdEntry* entry = event_fd_entry_;
        if (entry == nullptr && ctx_.fd != kNoFd) {
            entry = fd_table(*thread).find(ctx_.fd);
            if (entry != nullptr) event_fd_name_before_ = entry->name.identity();  // found now: unchanged
        }
        ctx_.fd_entry = entry;
        if (entry != nullptr) {
            ctx_.fd_name_changed = entry->name.identity() != event_fd_name_before_;
            // The read and write calls the model's handlers never see (state
            // neutral, for speed): the one state they move, fd.connected, is
            // set here, on the events that are described (a Model field).
            if (!entry->connected && entry->is_ip_socket() && is_plain_rw_exit(type) &&
                event::param_as_int(ev.param(0), event::ParamType::Errno, -1) >= 0) {
                entry->connected = true;
            }
        }
        const bool failed_connect =
            type == codes::kConnectX && event::param_as_int(ev.param(0), event::ParamType::Errno, 0) < 0;
        if (ctx_.fd_entry == nullptr || failed_connect) {
            compute_fallback_fd_name(ev, *thread);
            ctx_.fallback_overrides_entry = failed_connect;
        }
    }

    // sysdig reports the thread's latest latency: 0 on enters, the call's
    // duration on exits, and the last one again on context switches; nothing
    // for meta-events.
    const bool meta = effect == EventEffect::Meta || effect == EventEffect::ProcInfo;
    if (thread != nullptr && !meta) ctx_.latency = thread->latency;
    if (!event::is_enter(type) && thread != nullptr && !meta && effect != EventEffect::Switch) {
        ctx_.enter = current_enter_;
    }
}

}  // namespace tracetop::state
