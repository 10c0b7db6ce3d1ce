/* fork/exec of many short processes for bench/peers.sh: runs PROGRAM (default
 * /bin/true) N times, one at a time (fork, execv, waitpid), and prints the
 * mean wall-clock microseconds per process.
 *
 *   spawn_loop N [PROGRAM]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: spawn_loop N [PROGRAM]\n");
		return 2;
	}
	long n = atol(argv[1]);
	char *prog = argc > 2 ? argv[2] : "/bin/true";
	char *args[] = {prog, NULL};
	double t0 = now_s();
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			execv(prog, args);
			_exit(127);
		}
		int st;
		if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "spawn_loop: %s failed\n", prog);
			return 1;
		}
	}
	printf("%.2f us/process\n", (now_s() - t0) * 1e6 / n);
	return 0;
}
