// session 7 (spin): the stop a tracer waits for, lost to a SIGCONT, comes
// back. A child attaches to this process as LeakSanitizer's tracer does at
// exit, but with no SIGSTOP queued (PTRACE_SEIZE sends none): the state a
// hang-up's SIGCONT leaves behind when it discards the attach's SIGSTOP. It
// then waits as that tracer waits: other signals are passed on, only a
// SIGSTOP counts. Without the handler it would wait for ever (here: 3 s).
#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <initializer_list>

#include <poll.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "leak_check_guard.h"

namespace {

// What the child tells the parent (one byte).
constexpr char kStopped = 'S';  // the SIGSTOP came
constexpr char kNoStop = 'N';   // it did not, within the wait
constexpr char kNoAttach = 'A'; // ptrace not allowed here

// The tracer, in the child: attach to `target`, say so on `ready`, then wait
// for a SIGSTOP as the leak check's tracer does; the verdict goes to `out`.
[[noreturn]] void tracer(pid_t target, int ready, int out) {
    char verdict = kNoStop;
    if (ptrace(PTRACE_SEIZE, target, nullptr, nullptr) != 0) {
        verdict = kNoAttach;
        (void)!write(ready, &verdict, 1);
        (void)!write(out, &verdict, 1);
        _exit(0);
    }
    (void)!write(ready, &verdict, 1);
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int status = 0;
        const pid_t got = waitpid(target, &status, __WALL | WNOHANG);
        if (got == target && WIFSTOPPED(status)) {
            const int sig = WSTOPSIG(status);
            if (sig == SIGSTOP) {
                verdict = kStopped;
                ptrace(PTRACE_DETACH, target, nullptr, nullptr);  // the stop is swallowed, as at exit
                break;
            }
            ptrace(PTRACE_CONT, target, nullptr, reinterpret_cast<void*>(static_cast<long>(sig)));
            continue;
        }
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= 3) break;  // detached by our exit
        usleep(1000);
    }
    (void)!write(out, &verdict, 1);
    _exit(0);
}

// Reads one byte, through the signals this process is sent meanwhile.
char read_byte(int fd) {
    char c = 0;
    for (int i = 0; i < 100; ++i) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) == 1 && read(fd, &c, 1) == 1) return c;
    }
    return 0;
}

}  // namespace

TEST_CASE("a SIGCONT under our own tracer gives back the stop it discarded") {
    tracetop::ui::restore_stop_lost_to_sigcont();
    int ready[2];
    int verdict[2];
    REQUIRE(pipe(ready) == 0);
    REQUIRE(pipe(verdict) == 0);
    const pid_t self = getpid();
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) tracer(self, ready[1], verdict[1]);
    // Yama's ptrace_scope 1 lets only a process we name trace us (root may anyway).
    prctl(PR_SET_PTRACER, child, 0, 0, 0);
    const char attached = read_byte(ready[0]);
    if (attached == kNoAttach) {
        MESSAGE("skipped: ptrace of the parent is not allowed here (yama ptrace_scope, seccomp)");
    } else {
        REQUIRE(attached == kNoStop);
        kill(self, SIGCONT);
        const char got = read_byte(verdict[0]);
        CHECK_MESSAGE(got == kStopped, "the tracer never saw its SIGSTOP: the SIGCONT left the thread running");
    }
    int status = 0;
    waitpid(child, &status, 0);
    for (int fd : {ready[0], ready[1], verdict[0], verdict[1]}) close(fd);
    signal(SIGCONT, SIG_DFL);
}

TEST_CASE("a SIGCONT with no tracer does not stop the process") {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        tracetop::ui::restore_stop_lost_to_sigcont();
        kill(getpid(), SIGCONT);
        _exit(7);
    }
    int status = 0;
    pid_t got = 0;
    for (int i = 0; i < 300 && got == 0; ++i) {
        got = waitpid(child, &status, WNOHANG | WUNTRACED);
        if (got == 0) usleep(10000);
    }
    if (got == child && WIFSTOPPED(status)) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        FAIL("the handler stopped a process no tracer held");
    }
    CHECK(got == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 7);
}
