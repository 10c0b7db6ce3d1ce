/* A system-call loop for bench/live_overhead.sh: calls getppid N times
 * (optionally paced to RATE calls per second) and prints the mean cost of one
 * call in nanoseconds, wall clock and CPU time (user + system) of this
 * process. The CPU time is what a probe running in the caller's context costs
 * it, whatever else the machine is doing. Timing inside the loop leaves out
 * process start-up, so a tracer that is slow to start or stop is measured per
 * call, not per run. Paced runs sleep between slices of calls instead of
 * spinning, so the pacing itself leaves the CPU to the tracer's reader; the
 * line printed gives the rate achieved.
 *
 *   getppid_loop N [RATE]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts); /* vDSO: not a system call */
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* clock_nanosleep is a system call too, but one per 1,000 getppid calls. */
static void sleep_until(double due_ns)
{
	struct timespec ts;
	if (now_ns() >= due_ns)
		return;
	ts.tv_sec = (time_t)(due_ns / 1e9);
	ts.tv_nsec = (long)(due_ns - (double)ts.tv_sec * 1e9);
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}

static double cpu_ns(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ((double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)) * 1e9 +
	       ((double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec)) * 1e3;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: getppid_loop N [CALLS_PER_SECOND]\n");
		return 2;
	}
	const long n = atol(argv[1]);
	const double rate = argc > 2 ? atof(argv[2]) : 0;
	const double cpu_start = cpu_ns();
	const double start = now_ns();
	if (rate <= 0) {
		for (long i = 0; i < n; i++)
			syscall(SYS_getppid); /* glibc's getppid() is not cached either, but be explicit */
	} else {
		/* Paced in slices of 1,000 calls: sleep until the slice is due. */
		const double gap = 1e9 / rate;
		for (long i = 0; i < n; i++) {
			if (i % 1000 == 0)
				sleep_until(start + (double)i * gap);
			syscall(SYS_getppid);
		}
	}
	const double elapsed = now_ns() - start;
	const double cpu = cpu_ns() - cpu_start;
	printf("%.1f ns/call %.1f cpu-ns/call, %ld calls in %.3f s (%.0f calls/s)\n", elapsed / (double)n,
	       cpu / (double)n, n, elapsed / 1e9, (double)n / (elapsed / 1e9));
	return 0;
}
