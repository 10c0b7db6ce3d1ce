/* The live rewind test's workload (issue 15), built twice under two names
 * (tt_rw_alpha, tt_rw_beta) so each phase shows as its own process: CALLS
 * rmdir() calls of a path that does not exist (all failing), spread over
 * the first half second, then a sleep of SECONDS before it exits. rmdir,
 * because neither the dynamic loader nor a sanitizer runtime makes one (the
 * loader's access() of ld.so.preload would add one to an access count). */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const int calls = argc > 1 ? atoi(argv[1]) : 100;
	const int seconds = argc > 2 ? atoi(argv[2]) : 10;

	for (int i = 0; i < calls; i++) {
		rmdir("/nonexistent/tt_rewind_phase");
		if (i % 50 == 49)
			usleep(20000);
	}
	sleep(seconds);
	return 0;
}
