/* Marker events for bench/latency.sh: RATE times a second for SECONDS, an
 * openat of a path that does not exist and carries the time the call was
 * made (CLOCK_REALTIME, ns), so whoever sees the event knows how long it
 * took to arrive. The open fails at once (ENOENT): the marker costs one
 * short system call. Paced by absolute sleeps, so a late marker does not
 * delay the next one's schedule.
 *
 *   latency_marker RATE SECONDS TAG
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: latency_marker RATE SECONDS TAG\n");
		return 2;
	}
	const double rate = atof(argv[1]);
	const double seconds = atof(argv[2]);
	const char *tag = argv[3];
	if (rate <= 0 || seconds <= 0) {
		fprintf(stderr, "latency_marker: RATE and SECONDS must be positive\n");
		return 2;
	}
	const long long count = (long long)(rate * seconds);
	const long long period = (long long)(1e9 / rate);
	const long long start = now_ns(CLOCK_MONOTONIC);
	char path[128];
	for (long long i = 0; i < count; i++) {
		const long long due = start + i * period;
		struct timespec ts = {.tv_sec = due / 1000000000LL, .tv_nsec = due % 1000000000LL};
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
		snprintf(path, sizeof(path), "/nonexistent-ttlm-%s-%lld-%lld", tag, i, now_ns(CLOCK_REALTIME));
		syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	}
	printf("markers=%lld\n", count);
	return 0;
}
