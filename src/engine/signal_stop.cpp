#include "engine/signal_stop.h"

#include <atomic>
#include <csignal>

namespace tracetop::engine {

std::atomic<bool> detail::g_stop{false};

namespace {

extern "C" void on_stop_signal(int) { detail::g_stop.store(true, std::memory_order_relaxed); }

}  // namespace

void install_stop_signals() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    // A hang-up of the terminal stops as Ctrl-C does: SIGHUP's default would
    // end the process at once, cutting a -w file mid-block. A SIGHUP the
    // parent ignores (nohup) stays ignored: the run is meant to outlive it.
    struct sigaction hup {};
    if (sigaction(SIGHUP, nullptr, &hup) == 0 && hup.sa_handler != SIG_IGN) sigaction(SIGHUP, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

void request_stop() { detail::g_stop.store(true, std::memory_order_relaxed); }

}  // namespace tracetop::engine
