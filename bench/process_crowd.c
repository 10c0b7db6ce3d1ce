/* N processes alive at once for bench/scrape_cost.sh: forks them, each makes
 * a few system calls (one of them failing, so it has an errno series too)
 * and then blocks; prints "ready N" once all have made their calls, and
 * ends them all when its standard input closes.
 *
 *   process_crowd N
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const long n = argc == 2 ? atol(argv[1]) : 0;
	if (n <= 0 || n > 100000) {
		fprintf(stderr, "usage: process_crowd N (1 to 100000)\n");
		return 2;
	}
	int gate[2], done[2];
	if (pipe(gate) != 0 || pipe(done) != 0)
		return 1;
	long started = 0;
	for (; started < n; started++) {
		const pid_t pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			close(gate[1]);
			close(done[0]);
			getppid();
			if (open("/nonexistent/process_crowd", O_RDONLY) >= 0)
				_exit(1);
			char c = 'x';
			if (write(done[1], &c, 1) != 1)
				_exit(1);
			/* Blocks until the parent closes the gate. */
			(void)!read(gate[0], &c, 1);
			_exit(0);
		}
	}
	close(gate[0]);
	close(done[1]);
	for (long i = 0; i < started; i++) {
		char c;
		if (read(done[0], &c, 1) != 1)
			break;
	}
	printf("ready %ld\n", started);
	fflush(stdout);
	char buf[64];
	while (read(0, buf, sizeof buf) > 0) {
	}
	close(gate[1]);
	while (wait(NULL) > 0) {
	}
	return started == n ? 0 : 1;
}
