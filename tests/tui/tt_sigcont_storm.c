/* tt_sigcont_storm PID SECONDS: sends PID SIGCONT as fast as it can until
 * PID is gone or SECONDS have passed: the one SIGCONT a hang-up sends, at
 * every moment of an exit (tui-exit_sigcont). */
#include <signal.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	const pid_t pid = (pid_t)atoi(argv[1]);
	const double seconds = atof(argv[2]);
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		for (int i = 0; i < 1000; ++i)
			if (kill(pid, SIGCONT) != 0)
				return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) / 1e9 > seconds)
			return 1;
	}
}
