#include "state/model_stats.h"

#include <unordered_set>

namespace tracetop::state {

ModelStats model_stats(const Model& model) {
    ModelStats s;
    std::unordered_set<const FdTable*> tables;  // threads of a process share one
    for (const auto& [tid, thread] : model.threads().threads()) {
        ++s.threads;
        if (thread->tid == thread->pid) ++s.processes;
        if (thread->fds && tables.insert(thread->fds.get()).second) s.fds += thread->fds->size();
    }
    s.strings = model.interned_strings();
    return s;
}

}  // namespace tracetop::state
