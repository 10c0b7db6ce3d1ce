// Live, a dropped exit event leaves its thread (and the fds of its process)
// in the model for good. Once there were drops, every few seconds, the sweep
// asks /proc which of the model's threads still exist and removes the rest.
// Without drops the events say everything and the sweep does nothing.
#pragma once

#include <chrono>
#include <cstdint>

#include "state/model.h"

namespace tracetop::engine {

class GoneThreadSweep {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr auto kInterval = std::chrono::seconds(5);

    // `drops`: the source's drop count so far.
    void maybe_sweep(state::Model& model, uint64_t drops, Clock::time_point now);

    uint64_t removed() const { return removed_; }

private:
    Clock::time_point last_{};
    uint64_t removed_ = 0;
};

// True when no task `tid` exists on this machine (/proc/TID is absent: any
// thread id resolves there, not only a process's).
bool thread_gone(state::Tid tid);

}  // namespace tracetop::engine
