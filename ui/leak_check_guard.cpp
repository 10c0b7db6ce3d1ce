#include "leak_check_guard.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tracetop::ui {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_LEAK__)
constexpr bool kLeakCheckAtExit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool kLeakCheckAtExit = true;
#else
constexpr bool kLeakCheckAtExit = false;
#endif
#else
constexpr bool kLeakCheckAtExit = false;
#endif

// What follows runs in a signal handler while a tracer holds the process:
// raw system calls only (no libc locks, no sanitizer interceptors), and
// bounded copies.

// The number after `key` at the start of a line of a /proc status file, or -1.
long status_number(const char* path, const char* key) {
    char buf[4096];
    const long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    const long n = syscall(SYS_read, fd, buf, sizeof buf - 1);
    syscall(SYS_close, fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    for (long line = 0; line < n;) {
        long i = 0;
        while (key[i] != '\0' && buf[line + i] == key[i]) ++i;
        if (key[i] == '\0') {
            long at = line + i;
            while (buf[at] == ' ' || buf[at] == '\t') ++at;
            long value = 0;
            bool digits = false;
            for (; buf[at] >= '0' && buf[at] <= '9'; ++at, digits = true) value = value * 10 + (buf[at] - '0');
            return digits ? value : -1;
        }
        while (line < n && buf[line] != '\n') ++line;
        ++line;
    }
    return -1;
}

// "/proc/PID/status" into `out` (room for any pid).
void status_path(long pid, char (&out)[40]) {
    const char head[] = "/proc/";
    const char tail[] = "/status";
    size_t o = 0;
    for (size_t i = 0; head[i] != '\0'; ++i) out[o++] = head[i];
    char digits[24];
    size_t d = 0;
    do {
        digits[d++] = static_cast<char>('0' + pid % 10);
        pid /= 10;
    } while (pid > 0 && d < sizeof digits);
    while (d > 0) out[o++] = digits[--d];
    for (size_t i = 0; tail[i] != '\0'; ++i) out[o++] = tail[i];
    out[o] = '\0';
}

void on_sigcont(int) {
    const int saved_errno = errno;
    const long tracer = status_number("/proc/thread-self/status", "TracerPid:");
    if (tracer > 0) {
        char path[40];
        status_path(tracer, path);
        const long pid = syscall(SYS_getpid);
        // Only the leak check's own tracer: a debugger is never our child.
        if (status_number(path, "PPid:") == pid) syscall(SYS_tgkill, pid, syscall(SYS_gettid), SIGSTOP);
    }
    errno = saved_errno;
}

void install_at_exit() { restore_stop_lost_to_sigcont(); }

}  // namespace

void restore_stop_lost_to_sigcont() {
    struct sigaction sa {};
    sa.sa_handler = on_sigcont;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCONT, &sa, nullptr);
}

bool leak_check_at_exit() { return kLeakCheckAtExit; }

void guard_exit_leak_check() {
    // atexit runs the last registered first: this comes before the leak
    // check, which the sanitizer runtime registered before main.
    if (kLeakCheckAtExit) std::atexit(install_at_exit);
}

}  // namespace tracetop::ui
