/* The live TUI test's workload, built twice under two names so each shows as
 * its own process: tt_tui_calls makes access() calls in a loop (about a
 * thousand a second, all failing), tt_tui_burn burns CPU with no system
 * call at all (so only /proc can tell the explorer about it). Both stop by
 * themselves after SECONDS (default 60) in case the test dies. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	const int seconds = argc > 1 ? atoi(argv[1]) : 60;
	const time_t end = time(NULL) + seconds;
	volatile unsigned long x = 0;

	if (strstr(name, "burn")) {
		/* time() is a vDSO call, not a system call; check it rarely. */
		for (;;) {
			for (unsigned long i = 0; i < 50000000UL; i++)
				x = x + i;
			if (time(NULL) >= end)
				return 0;
		}
	}
	while (time(NULL) < end) {
		access("/nonexistent/tt_tui_calls", F_OK);
		usleep(1000);
	}
	return 0;
}
