// Ctrl-C and SIGTERM ask the engine to stop at the next event boundary, so
// that a capture being written is completed, never cut mid-block.
#pragma once

namespace tracetop::engine {

// Installs SIGINT/SIGTERM handlers that set the stop flag, and ignores SIGPIPE
// (a closed output pipe is seen as a write error instead).
void install_stop_signals();

bool stop_requested();
void request_stop();

}  // namespace tracetop::engine
