#include "state/model.h"

#include "state/event_codes.h"

namespace tracetop::state {
namespace {

using event::EventView;

// Events sinsp does not pair or attach to a new thread (its "skip parse
// reset" set): scheduler, drop and meta-events. Their thread is only looked up.
bool is_unpaired_meta_event(event::EventType type) {
    switch (type) {
        case codes::kSwitchOldE:
        case codes::kSwitchOldX:
        case codes::kDropE:
        case codes::kDropX:
        case codes::kSysdigEventE:
        case codes::kContainerOldE:
        case codes::kProcInfoE:
        case codes::kCpuHotplugE:
        case codes::kK8sE:
        case codes::kMesosE:
        case codes::kNotificationE:
        case codes::kInfraE:
        case codes::kPageFaultE:
        case codes::kContainerJsonE:
        case codes::kContainerJson2E:
            return true;
        default:
            return false;
    }
}

bool is_clone_exit(event::EventType type) {
    switch (type) {
        case codes::kClone11X:
        case codes::kClone16X:
        case codes::kClone17X:
        case codes::kClone20X:
        case codes::kFork16X:
        case codes::kFork17X:
        case codes::kFork20X:
        case codes::kVfork16X:
        case codes::kVfork17X:
        case codes::kVfork20X:
        case codes::kClone3X:
            return true;
        default:
            return false;
    }
}

bool is_execve_exit(event::EventType type) {
    switch (type) {
        case codes::kExecve8X:
        case codes::kExecve13X:
        case codes::kExecve14X:
        case codes::kExecve15X:
        case codes::kExecve16X:
        case codes::kExecve17X:
        case codes::kExecve18X:
        case codes::kExecve19X:
        case codes::kExecveatX:
            return true;
        default:
            return false;
    }
}

// Index of the exit parameter named "fd" beyond the result, in layouts that
// moved the fd from the enter into the exit (current drivers); -1 if none.
int exit_fd_param(const EventView& ev) {
    const event::EventInfo* info = ev.info();
    if (info == nullptr) return -1;
    for (size_t i = 1; i < info->params.size(); ++i) {
        if (info->params[i].name == "fd") return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

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

Model::Model() {
    absent_thread_.comm = strings_.intern(kUnknownName);
    absent_thread_.exe = absent_thread_.comm;
    absent_thread_.fds = std::make_shared<FdTable>();
}

Model::~Model() {
    // Threads hold interned strings: release them while the pool still exists.
    threads_.clear();
    absent_thread_ = ThreadInfo{};
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

const EventContext& Model::on_event(const EventView& ev) {
    if (has_pending_thread_removal_ || !pending_fd_removals_.empty()) apply_deferred_removals();
    ctx_ = EventContext{};
    event_fd_entry_ = nullptr;
    current_enter_ = nullptr;

    const event::EventType type = ev.type;
    const event::EventInfo* info = ev.info();
    const uint32_t flags = info != nullptr ? info->flags : 0;
    const bool is_exit = !event::is_enter(type);
    ThreadInfo* thread = nullptr;

    if (is_unpaired_meta_event(type)) {
        thread = threads_.find(static_cast<Tid>(ev.tid));
        if (type == codes::kProcInfoE && thread != nullptr) handle_procinfo(ev, *thread);
    } else if (type == codes::kSwitchE) {
        // A context switch names the thread but never makes one up.
        thread = threads_.find(static_cast<Tid>(ev.tid));
        if (thread != nullptr) handle_context_switch(ev, *thread);
    } else {
        // The clone exit makes its own thread (the child's may be new).
        thread = is_clone_exit(type) ? threads_.find(static_cast<Tid>(ev.tid))
                                     : find_or_make_placeholder(static_cast<Tid>(ev.tid));
        if (thread != nullptr) {
            if (!is_exit) {
                thread->last_event_fd = kNoFd;
                if ((flags & event::kFlagUsesFd) != 0 && ev.nparams() > 0) {
                    thread->last_event_fd = event::param_as_int(ev.param(0), event::ParamType::Fd, kNoFd);
                    event_fd_entry_ = fd_table(*thread).find(thread->last_event_fd);
                }
                thread->latency = 0;
                thread->pairing.on_enter(ev);
            } else {
                thread->latency = thread->pairing.latency_at(ev.ts);
                current_enter_ = thread->pairing.enter_for(type);
                if ((flags & event::kFlagUsesFd) != 0) {
                    if (thread->pairing.exit_matches(type)) {
                        event_fd_entry_ = fd_table(*thread).find(thread->last_event_fd);
                    } else if (const int i = exit_fd_param(ev); i > 0 && static_cast<uint32_t>(i) < ev.nparams()) {
                        // No enter, but the exit carries the fd itself (current layouts).
                        thread->last_event_fd = event::param_as_int(ev.param(i), event::ParamType::Fd, kNoFd);
                        event_fd_entry_ = fd_table(*thread).find(thread->last_event_fd);
                    }
                }
            }
        }

        if (is_clone_exit(type)) {
            handle_clone_exit(ev);
            // It may have replaced a stale thread of this tid, or created it.
            thread = threads_.find(static_cast<Tid>(ev.tid));
        } else if (thread != nullptr) {
            if (is_execve_exit(type)) {
                handle_execve_exit(ev, *thread);
            } else if (type == codes::kProcExitE || type == codes::kProcExitOldE) {
                thread->flags |= kCloneClosed;
                pending_thread_removal_ = thread->tid;
                has_pending_thread_removal_ = true;
            } else if (type == codes::kChdirX || type == codes::kFchdirX || type == codes::kGetcwdX) {
                handle_cwd_change(ev, *thread);
            } else {
                handle_file_event(ev, *thread);
                handle_socket_event(ev, *thread);
            }
        }
    }

    // Fields look the thread up again after the event was applied (a clone
    // exit may just have created it).
    if (thread == nullptr) thread = threads_.find(static_cast<Tid>(ev.tid));
    if (thread != nullptr) {
        ctx_.thread = thread;
        ctx_.thread_known = true;
        const ThreadInfo* main = main_thread_of(*thread);
        ctx_.main_thread = main != nullptr ? main : thread;
    } else {
        ctx_.thread = &absent_thread_;
        ctx_.main_thread = &absent_thread_;
    }

    ctx_.fd_related = thread != nullptr &&
                      (flags & (event::kFlagCreatesFd | event::kFlagUsesFd | event::kFlagDestroysFd)) != 0;
    if (ctx_.fd_related) {
        ctx_.fd = thread->last_event_fd;
        ctx_.fd_entry = event_fd_entry_;
        if (ctx_.fd_entry == nullptr && ctx_.fd != kNoFd) ctx_.fd_entry = fd_table(*thread).find(ctx_.fd);
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
    if (thread != nullptr && !is_unpaired_meta_event(type)) ctx_.latency = thread->latency;
    if (is_exit && thread != nullptr && !is_unpaired_meta_event(type) && type != codes::kSwitchE) {
        ctx_.enter = current_enter_;
        thread->pairing.after_exit();
    }
    return ctx_;
}

}  // namespace tracetop::state
