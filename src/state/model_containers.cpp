// Binding threads to containers: sysdig resolves a thread's container from
// its cgroups whenever they are set (process list, clone and execve exits).
#include "event/cgroup_container.h"
#include "state/model.h"

namespace tracetop::state {

void Model::bind_container(ThreadInfo& thread) {
    if (!(thread.cgroups == bound_cgroups_) || bound_cgroups_.empty()) {
        bound_cgroups_ = thread.cgroups;
        bound_container_id_ = InternedString{};
        bound_runtime_ = 0;
        if (auto found = event::container_from_scap_cgroups(thread.cgroups.view())) {
            bound_container_id_ = strings_.intern(found->id);
            bound_runtime_ = static_cast<uint8_t>(found->runtime);
        }
    }
    thread.container_id = bound_container_id_;
    thread.container_runtime = bound_runtime_;
}

}  // namespace tracetop::state
