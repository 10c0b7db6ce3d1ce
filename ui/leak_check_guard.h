// A sanitized tracetop whose terminal hangs up while it exits must still
// exit. LeakSanitizer's check at exit stops every thread with ptrace: its
// tracer (a child of this process) attaches, which queues a SIGSTOP, and
// waits for the thread to stop. The hang-up's SIGCONT (the kernel sends
// SIGHUP and SIGCONT to the terminal's process group) discards a SIGSTOP
// still queued, so the tracer waits for ever while the exiting thread spins
// in sched_yield, waiting for the tracer; SIGTERM only reaches our stop
// handler. This was the explorer CI saw spin a core after tui-capture_set.
#pragma once

namespace tracetop::ui {

// In a build with LeakSanitizer: installs the handler below when the program
// exits, just before the leak check. Elsewhere it does nothing.
void guard_exit_leak_check();

// Whether LeakSanitizer checks the heap at exit (a sanitized build): then
// the program must free what it holds before it ends, not skip its
// destructors (issue 15, pass: the explorer's quick exit).
bool leak_check_at_exit();

// The handler, installed now: a SIGCONT that reaches a thread held by a
// tracer that is this process's own child stops that thread again, which is
// the stop the tracer waits for. Only the thread the SIGCONT lands on: at
// exit tracetop has one thread left (the engine's, the /proc sampler's and
// the watchers' are joined by then).
void restore_stop_lost_to_sigcont();

}  // namespace tracetop::ui
