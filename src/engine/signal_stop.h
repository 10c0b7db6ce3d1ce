// Ctrl-C, SIGTERM and SIGHUP ask the engine to stop at the next event
// boundary, so that a capture being written is completed, never cut mid-block.
#pragma once

#include <atomic>

namespace tracetop::engine {

namespace detail {
extern std::atomic<bool> g_stop;  // set by the signal handlers
}  // namespace detail

// Installs SIGINT/SIGTERM/SIGHUP handlers that set the stop flag (SIGHUP
// not when it is ignored already: nohup), and ignores SIGPIPE (a closed
// output pipe is seen as a write error instead).
void install_stop_signals();

// Inline: the batch loop asks once per event.
inline bool stop_requested() { return detail::g_stop.load(std::memory_order_relaxed); }
void request_stop();

}  // namespace tracetop::engine
