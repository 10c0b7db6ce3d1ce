/* N threads alive at once for bench/memory.sh: starts them (small stacks:
 * only the count matters), prints "ready N" and keeps them all blocked until
 * its standard input closes, then ends.
 *
 *   thread_crowd N
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;

static void *wait_at_gate(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&gate);
	pthread_mutex_unlock(&gate);
	return NULL;
}

int main(int argc, char **argv)
{
	const long n = argc == 2 ? atol(argv[1]) : 0;
	if (n <= 0) {
		fprintf(stderr, "usage: thread_crowd N\n");
		return 2;
	}
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_mutex_lock(&gate);
	long started = 0;
	for (; started < n; started++) {
		pthread_t t;
		if (pthread_create(&t, &attr, wait_at_gate, NULL) != 0)
			break;
		pthread_detach(t);
	}
	printf("ready %ld\n", started);
	fflush(stdout);
	char c;
	while (read(0, &c, 1) > 0) {
	}
	pthread_mutex_unlock(&gate);
	return started == n ? 0 : 1;
}
