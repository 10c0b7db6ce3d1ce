// Thread lifecycle: placeholders, clone, execve, exit, cwd and the per-thread
// counters that scheduler and procinfo events carry.
#include "state/event_codes.h"
#include "state/model.h"
#include "state/param_access.h"
#include "state/path_resolution.h"

namespace tracetop::state {
namespace {

using event::EventView;

// A clone child whose tid reappears after this long is a different thread
// that reused the tid (sinsp's stale-clone rule).
constexpr Nanoseconds kCloneStaleTime = 2'000'000'000;

// Where each clone-exit layout keeps the fields that moved between versions.
struct CloneLayout {
    uint32_t flags;
    uint32_t uid;
    uint32_t gid;
    int comm;         // -1: comm is the exe
    int cgroups;      // -1: absent
    int vtid;         // -1: absent (vpid follows it)
    bool has_memory;  // pgft_maj..vm_swap at 8..12
};

CloneLayout clone_layout(event::EventType type) {
    switch (type) {
        case codes::kClone11X: return {8, 9, 10, -1, -1, -1, false};
        case codes::kClone16X:
        case codes::kFork16X:
        case codes::kVfork16X: return {13, 14, 15, -1, -1, -1, true};
        case codes::kClone17X:
        case codes::kFork17X:
        case codes::kVfork17X: return {14, 15, 16, 13, -1, -1, true};
        default: return {15, 16, 17, 13, 14, 18, true};  // 20+ parameters: clone 223, fork 225, vfork 227, clone3
    }
}

}  // namespace

ThreadInfo* Model::find_or_make_placeholder(Tid tid) {
    if (ThreadInfo* t = threads_.find(tid)) return t;
    if (threads_.size() >= kMaxThreads) return nullptr;
    threads_touched();
    auto t = std::make_unique<ThreadInfo>();
    t->tid = tid;
    t->pid = tid;
    t->ptid = -1;
    t->comm = strings_.intern(kUnknownName);
    t->exe = t->comm;
    t->vtid = tid;
    t->vpid = tid;
    t->fdlimit = -1;
    t->fds = std::make_shared<FdTable>();
    // Threads already known to belong to this pid count as its children.
    for (const auto& [other_tid, other] : threads_.threads()) {
        if (other->pid == tid) ++t->nchilds;
    }
    return threads_.put(std::move(t));
}

ThreadInfo* Model::main_thread_for_update(ThreadInfo& thread) {
    if (thread.is_main_thread()) return &thread;
    return find_or_make_placeholder(thread.pid);
}

ThreadInfo* Model::add_thread(std::unique_ptr<ThreadInfo> thread) {
    threads_touched();
    if (threads_.size() >= kMaxThreads) return nullptr;
    if ((thread->flags & kCloneThread) != 0 && thread->pid != thread->tid) {
        if (ThreadInfo* main = find_or_make_placeholder(thread->pid)) {
            ++main->nchilds;
            if ((thread->flags & kCloneFiles) != 0) thread->fds = main->fds;
        }
    }
    if (!thread->fds) thread->fds = std::make_shared<FdTable>();
    return threads_.put(std::move(thread));
}

void Model::remove_thread(Tid tid) {
    ThreadInfo* t = threads_.find(tid);
    if (t == nullptr) return;
    threads_touched();
    if (t->nchilds > 0) {
        // sinsp keeps a main thread while its secondary threads live.
        t->exited = true;
        return;
    }
    const bool secondary = (t->flags & kCloneThread) != 0 && t->pid != t->tid;
    const Pid pid = t->pid;
    threads_.erase(tid);
    if (!secondary) return;
    if (ThreadInfo* main = threads_.find(pid); main != nullptr && main->nchilds > 0) {
        --main->nchilds;
        // Once its last thread is gone, an exited main thread goes too.
        if (main->nchilds == 0 && main->exited) threads_.erase(pid);
    }
}

size_t Model::forget_threads(const std::function<bool(Tid)>& gone) {
    std::vector<Tid> secondary, main;
    for (const auto& [tid, thread] : threads_.threads()) {
        if (gone(tid)) (thread->is_main_thread() ? main : secondary).push_back(tid);
    }
    for (Tid tid : secondary) remove_thread(tid);
    for (Tid tid : main) remove_thread(tid);
    return secondary.size() + main.size();
}

void Model::set_cwd(ThreadInfo& thread, std::string_view path) {
    ThreadInfo* main = main_thread_for_update(thread);
    if (main == nullptr) return;
    join_cwd(main->cwd.view(), path, path_scratch_);
    main->cwd = strings_.intern(path_scratch_);
}

void Model::handle_cwd_change(const EventView& ev, ThreadInfo& thread) {
    if (int_param(ev, 0, -1) < 0) return;
    if (ev.type == codes::kFchdirX) {
        if (event_fd_entry_ != nullptr) {
            const InternedString dir = event_fd_entry_->name;  // keep it alive across the update
            set_cwd(thread, dir.view());
        }
        return;
    }
    set_cwd(thread, string_param(ev, 1));
}

void Model::handle_context_switch(const EventView& ev, ThreadInfo& thread) {
    if (ev.nparams() < 6) return;
    // The page-fault counters are no field's (the version does not cover them).
    thread.pfmajor = uint_param(ev, 1);
    thread.pfminor = uint_param(ev, 2);
    if (ThreadInfo* main = threads_.find(thread.pid); main != nullptr || thread.is_main_thread()) {
        set_memory(main != nullptr ? *main : thread, uint_param(ev, 3), uint_param(ev, 4), uint_param(ev, 5));
    }
}

// issue 15 (session 11): the version moves only when the memory does. Most
// switches report what the one before did; a version moved by each of them
// made every reader of the thread check it again.
void Model::set_memory(ThreadInfo& thread, uint64_t vmsize_kb, uint64_t vmrss_kb, uint64_t vmswap_kb) {
    const auto size = static_cast<uint32_t>(vmsize_kb);
    const auto rss = static_cast<uint32_t>(vmrss_kb);
    const auto swap = static_cast<uint32_t>(vmswap_kb);
    if (thread.vmsize_kb == size && thread.vmrss_kb == rss && thread.vmswap_kb == swap) return;
    ++thread.memory_version;
    thread.vmsize_kb = size;
    thread.vmrss_kb = rss;
    thread.vmswap_kb = swap;
}

// sinsp keeps what these exits report on the calling thread itself (the old
// brk layout reports nothing).
void Model::handle_memory_exit(const EventView& ev, ThreadInfo& thread) {
    if (ev.nparams() < 4) return;
    set_memory(thread, uint_param(ev, 1), uint_param(ev, 2), uint_param(ev, 3));
}

void Model::set_process_memory(Pid pid, uint64_t vmsize_kb, uint64_t vmrss_kb, uint64_t vmswap_kb) {
    ThreadInfo* main = threads_.find(pid);
    if (main == nullptr || !main->is_main_thread()) return;
    threads_touched();
    main->vmsize_kb = vmsize_kb;
    main->vmrss_kb = vmrss_kb;
    main->vmswap_kb = vmswap_kb;
}

void Model::handle_procinfo(const EventView& ev, ThreadInfo& thread) {
    constexpr uint64_t kMaxCpuPercent = 100;
    const uint64_t ticks = uint_param(ev, 0) + uint_param(ev, 1);
    if (thread.has_procinfo && ticks >= thread.last_procinfo_ticks) {
        ctx_.procinfo_cpu_delta = std::min(ticks - thread.last_procinfo_ticks, kMaxCpuPercent);
    }
    thread.last_procinfo_ticks = ticks;
    thread.has_procinfo = true;
    thread.prev_procinfo_user = thread.procinfo_user;
    thread.prev_procinfo_system = thread.procinfo_system;
    thread.procinfo_user = uint_param(ev, 0);
    thread.procinfo_system = uint_param(ev, 1);
}

void Model::handle_clone_exit(const EventView& ev) {
    const CloneLayout layout = clone_layout(ev.type);
    const int64_t child_tid_res = int_param(ev, 0, -1);
    if (child_tid_res < 0) return;
    const auto flags = static_cast<uint32_t>(uint_param(ev, layout.flags));
    Tid caller = static_cast<Tid>(ev.tid);
    Tid child_tid = child_tid_res;

    Tid vtid = caller;
    Pid vpid = -1;
    if (layout.vtid >= 0) {
        vtid = int_param(ev, static_cast<uint32_t>(layout.vtid));
        vpid = int_param(ev, static_cast<uint32_t>(layout.vtid) + 1);
    }
    // Inside a pid namespace the parent's view of the child tid is not the
    // host's: the child's own event creates it instead.
    const bool in_container = (flags & kCloneChildInPidNs) != 0 || caller != vtid;

    if (child_tid == 0) {
        ThreadInfo* self = threads_.find(caller);
        if (self != nullptr && self->clone_ts != 0 && ev.ts - self->clone_ts > kCloneStaleTime) {
            threads_.erase(caller);
            self = nullptr;
        }
        if (self != nullptr) {
            if (in_container) {
                self->vtid = vtid;
                self->vpid = vpid;
            }
            return;
        }
        // The child ran first: create it now, from the parent's point of view.
        child_tid = caller;
        caller = (flags & kCloneThread) != 0 ? int_param(ev, 4) : int_param(ev, 5);
    } else if (in_container) {
        return;
    }

    ThreadInfo* parent = find_or_make_placeholder(caller);
    if (parent == nullptr) return;
    if (ThreadInfo* existing = threads_.find(child_tid)) {
        if ((existing->flags & kCloneInverted) != 0) return;
        threads_.erase(child_tid);  // a reused tid
    }

    auto child = std::make_unique<ThreadInfo>();
    child->tid = child_tid;
    child->ptid = caller;
    const InternedString event_exe = strings_.intern(string_param(ev, 1));
    const InternedString event_comm =
        layout.comm >= 0 ? strings_.intern(string_param(ev, static_cast<uint32_t>(layout.comm))) : event_exe;
    const InternedString event_args = strings_.intern(list_param(ev, 2));
    if (!parent->is_placeholder()) {
        child->comm = parent->comm;
        child->exe = parent->exe;
        child->exepath = parent->exepath;
        child->args = parent->args;
        child->root = parent->root;
        child->sid = parent->sid;
        child->vpgid = parent->vpgid;
        child->loginuid = parent->loginuid;
        child->tty = parent->tty;
        child->exe_writable = parent->exe_writable;
        if ((flags & kCloneThread) == 0) child->env = parent->env;
    } else {
        // A parent sysdig never knew learns its name from its child.
        parent->comm = event_comm;
        parent->exe = event_exe;
        parent->args = event_args;
        child->loginuid = 0;  // sinsp leaves the login user it never learnt zeroed
    }

    child->pid = (flags & kCloneThread) != 0 ? int_param(ev, 4) : child_tid;
    child->flags = flags;
    if ((flags & kCloneThread) == 0) {
        // A new process starts with a copy of the parent process's fds.
        child->fds = std::make_shared<FdTable>(fd_table(*parent));
        const ThreadInfo* parent_main = main_thread_of(*parent);
        child->cwd = parent_main != nullptr ? parent_main->cwd : parent->cwd;
    }
    if (child_tid_res == 0) child->flags |= kCloneInverted;
    child->exe = event_exe;
    child->comm = event_comm;
    child->args = event_args;
    child->fdlimit = int_param(ev, 7);
    if (layout.has_memory) {
        child->pfmajor = uint_param(ev, 8);
        child->pfminor = uint_param(ev, 9);
        child->vmsize_kb = static_cast<uint32_t>(uint_param(ev, 10));
        child->vmrss_kb = static_cast<uint32_t>(uint_param(ev, 11));
        child->vmswap_kb = static_cast<uint32_t>(uint_param(ev, 12));
    }
    child->uid = static_cast<uint32_t>(uint_param(ev, layout.uid));
    child->gid = static_cast<uint32_t>(uint_param(ev, layout.gid));
    child->vtid = in_container ? vtid : child->tid;
    child->vpid = in_container ? vpid : child->pid;
    if (layout.cgroups >= 0) child->cgroups = strings_.intern(list_param(ev, static_cast<uint32_t>(layout.cgroups)));
    bind_container(*child);
    child->clone_ts = ev.ts;
    add_thread(std::move(child));
}

void Model::handle_execve_exit(const EventView& ev, ThreadInfo& thread) {
    if (int_param(ev, 0, -1) < 0) return;
    const event::EventType type = ev.type;
    const bool comm_is_exe = type == codes::kExecve8X || type == codes::kExecve13X || type == codes::kExecve14X;
    thread.exe = strings_.intern(string_param(ev, 1));
    thread.comm = comm_is_exe ? thread.exe : strings_.intern(string_param(ev, 13));
    thread.args = strings_.intern(list_param(ev, 2));
    thread.pid = int_param(ev, 4);
    if (thread.ptid == -1) thread.ptid = int_param(ev, 5);
    thread.fdlimit = int_param(ev, 7);
    if (type != codes::kExecve8X) {
        thread.pfmajor = uint_param(ev, 8);
        thread.pfminor = uint_param(ev, 9);
        thread.vmsize_kb = static_cast<uint32_t>(uint_param(ev, 10));
        thread.vmrss_kb = static_cast<uint32_t>(uint_param(ev, 11));
        thread.vmswap_kb = static_cast<uint32_t>(uint_param(ev, 12));
    }
    if (type == codes::kExecve14X) {
        thread.env = strings_.intern(list_param(ev, 13));
    } else if (type == codes::kExecve15X) {
        thread.env = strings_.intern(list_param(ev, 14));
    } else if (type != codes::kExecve8X && type != codes::kExecve13X) {
        thread.cgroups = strings_.intern(list_param(ev, 14));
        bind_container(thread);
        thread.env = strings_.intern(list_param(ev, 15));
    }
    // The executable's full path comes from the enter (execve(filename) /
    // execveat(dirfd, pathname)), resolved like an open.
    if (const EventView* enter = current_enter_; enter != nullptr && has_param(*enter, 0)) {
        if (type == codes::kExecve18X || type == codes::kExecve19X) {
            const std::string_view filename = string_param(*enter, 0);
            if (filename.starts_with(kUnknownName)) {
                thread.exepath = strings_.intern(kUnknownName);
            } else {
                const ThreadInfo* main = main_thread_of(thread);
                join_paths(main != nullptr ? main->cwd.view() : std::string_view{}, filename, path_scratch_);
                thread.exepath = strings_.intern(path_scratch_);
            }
        } else if (type == codes::kExecveatX && has_param(*enter, 1)) {
            const std::string_view pathname = string_param(*enter, 1);
            if (pathname.starts_with(kUnknownName)) {
                thread.exepath = strings_.intern(kUnknownName);
            } else {
                const std::string_view dir = directory_for(thread, pathname, int_param(*enter, 0));
                join_paths(dir, pathname, path_scratch_);
                thread.exepath = strings_.intern(path_scratch_);
            }
        }
    }
    if (type == codes::kExecve17X || type == codes::kExecve18X || type == codes::kExecve19X) {
        thread.tty = static_cast<int32_t>(int_param(ev, 16));
    }
    if (type == codes::kExecve19X || type == codes::kExecveatX) thread.vpgid = int_param(ev, 17);
    if (ev.nparams() > 18) thread.loginuid = static_cast<uint32_t>(uint_param(ev, 18));
    constexpr uint64_t kExeWritable = 1;  // PPM_EXE_WRITABLE in the execve flags
    if (ev.nparams() > 19) thread.exe_writable = (uint_param(ev, 19) & kExeWritable) != 0;
    // After exec the thread no longer shares anything it shared before.
    thread.flags = kCloneActive | kCloneNameChanged | (thread.flags & kCloneInverted);
}

}  // namespace tracetop::state
