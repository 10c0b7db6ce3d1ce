// issue 15 (checkpoints): a model copied between events. The explorer's
// first pass keeps copies every so many events, so a later replay of its
// in-memory copy can start at the copy before the first event it needs
// with exactly the state a replay from the start would have there: not
// only threads and files (what header records carry) but every thread's
// pending enter, latency and last fd, socket roles, learnt server ports,
// containers, deferred removals.
#include "state/model.h"

#include <algorithm>

namespace tracetop::state {

std::unique_ptr<ThreadInfo> Model::copy_thread(const ThreadInfo& t,
                                               std::unordered_map<const FdTable*, std::shared_ptr<FdTable>>& tables) {
    auto c = std::make_unique<ThreadInfo>(t);
    // Every string into this pool (the copy's strings must not hold other's nodes).
    for (InternedString* s : {&c->comm, &c->exe, &c->exepath, &c->args, &c->env, &c->cgroups, &c->root,
                              &c->container_id, &c->cwd}) {
        if (!s->empty()) *s = strings_.intern(s->view());
    }
    if (t.fds) {
        std::shared_ptr<FdTable>& table = tables[t.fds.get()];
        if (!table) {
            table = std::make_shared<FdTable>(*t.fds);
            for (auto& [fd, e] : table->entries()) {
                if (!e.name.empty()) e.name = strings_.intern(e.name.view());
            }
        }
        c->fds = table;
    }
    return c;
}

void Model::load_copy(const Model& other) {
    if (this == &other) return;
    reset_state();
    std::unordered_map<const FdTable*, std::shared_ptr<FdTable>> tables;
    for (const auto& [tid, t] : other.threads_.threads()) threads_.put(copy_thread(*t, tables));
    absent_thread_ = std::move(*copy_thread(other.absent_thread_, tables));
    users_ = other.users_;
    containers_ = other.containers_;
    bound_cgroups_ = other.bound_cgroups_.empty() ? InternedString{} : strings_.intern(other.bound_cgroups_.view());
    bound_container_id_ =
        other.bound_container_id_.empty() ? InternedString{} : strings_.intern(other.bound_container_id_.view());
    bound_runtime_ = other.bound_runtime_;
    machine_memory_bytes_ = other.machine_memory_bytes_;
    thread_epoch_ = std::max(thread_epoch_, other.thread_epoch_) + 1;  // readers keyed by the epoch see a change
    run_every_handler_ = other.run_every_handler_;
    ipv4_interfaces_ = other.ipv4_interfaces_;
    ipv6_interfaces_ = other.ipv6_interfaces_;
    server_ports_ = other.server_ports_;
    traits_ = other.traits_;
    pending_thread_removal_ = other.pending_thread_removal_;
    has_pending_thread_removal_ = other.has_pending_thread_removal_;
    pending_fd_tid_ = other.pending_fd_tid_;
    pending_fd_removals_ = other.pending_fd_removals_;
}

}  // namespace tracetop::state
