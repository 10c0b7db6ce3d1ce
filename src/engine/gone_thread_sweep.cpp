#include "engine/gone_thread_sweep.h"

#include <sys/stat.h>

#include <cerrno>

#include <fmt/format.h>

namespace tracetop::engine {

bool thread_gone(state::Tid tid) {
    if (tid <= 0) return false;  // placeholders for the idle task and unknown ids stay
    char path[32];
    const auto end = fmt::format_to_n(path, sizeof path - 1, "/proc/{}", tid).out;
    *end = '\0';
    struct stat st {};
    return ::stat(path, &st) != 0 && errno == ENOENT;
}

void GoneThreadSweep::maybe_sweep(state::Model& model, uint64_t drops, Clock::time_point now) {
    // Once anything was dropped, the events still queued may also belong to
    // threads whose exits were lost: keep sweeping.
    if (drops == 0 || now - last_ < kInterval) return;
    last_ = now;
    removed_ += model.forget_threads(thread_gone);
}

}  // namespace tracetop::engine
