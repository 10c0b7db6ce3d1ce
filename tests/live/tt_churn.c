// Churn for tests/live/churn_leaves_nothing.sh: N short-lived processes, P at a
// time. Each opens a file and a socket and exits; every 4th first runs a
// second thread (which opens a file of its own), every 10th replaces itself
// with a fresh copy of this program (execve) before exiting. Prints
// "processes=N threads=T execs=E" when all are reaped.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void* thread_body(void* arg) {
    (void)arg;
    int fd = open("/dev/null", O_RDONLY);
    if (fd >= 0) close(fd);
    return NULL;
}

static void child(int i, const char* self) {
    int fd = open("/dev/null", O_RDONLY);
    int sock = socket(AF_INET, SOCK_DGRAM, 0);
    if (i % 4 == 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, thread_body, NULL) == 0) pthread_join(t, NULL);
    }
    if (i % 10 == 0) {
        execl(self, "tt_churn", "--exit", (char*)NULL);
        _exit(3);
    }
    (void)fd;
    (void)sock;
    _exit(0);  // fds close with the process
}

int main(int argc, char** argv) {
    if (argc == 2 && strcmp(argv[1], "--exit") == 0) return 0;
    if (argc != 3) {
        fprintf(stderr, "usage: tt_churn PROCESSES PARALLEL\n");
        return 2;
    }
    const int n = atoi(argv[1]), parallel = atoi(argv[2]);
    char self[4096];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0) return 1;
    self[len] = '\0';
    int running = 0, failed = 0, threads = 0, execs = 0;
    for (int i = 0; i < n; ++i) {
        if (running >= parallel) {
            int st;
            if (wait(&st) > 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) ++failed;
            --running;
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) child(i, self);
        ++running;
        if (i % 4 == 0) ++threads;
        if (i % 10 == 0) ++execs;
    }
    while (running > 0) {
        int st;
        if (wait(&st) > 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) ++failed;
        --running;
    }
    printf("processes=%d threads=%d execs=%d failed=%d\n", n, threads, execs, failed);
    return failed ? 1 : 0;
}
