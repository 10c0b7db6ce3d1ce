// The workload tests/live/prometheus_scrapes.sh watches through Prometheus:
// in ROUNDS rounds 100 ms apart it calls getppid N/ROUNDS times, fails to
// open a missing file N/ROUNDS times (ENOENT) and writes K/ROUNDS bytes to
// DIR/out. It prints nothing: a report written to a file would add file bytes.
// First a child executes HOSTILE, a link to this program whose name holds a
// quote, a backslash, a line feed, a byte that is not UTF-8 and an escape
// sequence, and makes HOSTILE_CALLS getpid calls under that name: its series
// must still reach Prometheus.
//
//   tt_scrape DIR N K HOSTILE     (N and K multiples of ROUNDS)
//   tt_scrape --hostile           (the child)
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { ROUNDS = 20, HOSTILE_CALLS = 7 };

int main(int argc, char** argv) {
    if (argc == 2 && strcmp(argv[1], "--hostile") == 0) {
        for (int i = 0; i < HOSTILE_CALLS; ++i) syscall(SYS_getpid);
        return 0;
    }
    if (argc != 5) return 2;
    const long n = atol(argv[2]), k = atol(argv[3]);
    if (n <= 0 || k <= 0 || n % ROUNDS || k % ROUNDS || k / ROUNDS > 65536) return 2;
    char out_path[4096], missing[4096];
    snprintf(out_path, sizeof out_path, "%s/out", argv[1]);
    snprintf(missing, sizeof missing, "%s/no-such-file", argv[1]);
    const pid_t child = fork();
    if (child < 0) return 1;
    if (child == 0) {
        execl(argv[4], argv[4], "--hostile", (char*)NULL);
        _exit(1);
    }
    int status = 0;
    if (waitpid(child, &status, 0) != child || status != 0) return 1;
    const int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0) return 1;
    static char buf[65536];
    memset(buf, 'x', sizeof buf);
    const struct timespec pause = {0, 100 * 1000 * 1000};
    for (int r = 0; r < ROUNDS; ++r) {
        for (long i = 0; i < n / ROUNDS; ++i) syscall(SYS_getppid);
        for (long i = 0; i < n / ROUNDS; ++i) {
            if (open(missing, O_RDONLY) >= 0) return 1;
        }
        if (write(out, buf, (size_t)(k / ROUNDS)) != k / ROUNDS) return 1;
        nanosleep(&pause, NULL);
    }
    close(out);
    return 0;
}
