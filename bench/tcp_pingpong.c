/* Loopback TCP round trips for bench/peers.sh: a child echoes what a parent
 * sends over one connection on 127.0.0.1 (an ephemeral port, nothing else is
 * reachable); N round trips of SIZE bytes (default 64), stopped after
 * MAX_SECONDS (default 60) whatever N is. Prints the mean wall-clock
 * microseconds per round trip and how many were made.
 *
 *   tcp_pingpong N [SIZE] [MAX_SECONDS]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int full(ssize_t (*io)(int, void *, size_t, int), int fd, char *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		ssize_t n = io(fd, buf + done, len - done, 0);
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}
static ssize_t do_send(int fd, void *b, size_t l, int f) { return send(fd, b, l, f); }

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: tcp_pingpong N [SIZE] [MAX_SECONDS]\n");
		return 2;
	}
	long n = atol(argv[1]);
	size_t size = argc > 2 ? (size_t)atol(argv[2]) : 64;
	double max_s = argc > 3 ? atof(argv[3]) : 60;
	if (size == 0 || size > 65536)
		return 2;
	char *buf = calloc(1, size);
	int one = 1;
	int lsock = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof addr;
	if (lsock < 0 || bind(lsock, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lsock, 1) < 0 ||
	    getsockname(lsock, (struct sockaddr *)&addr, &alen) < 0) {
		perror("listen");
		return 1;
	}
	pid_t echo = fork();
	if (echo == 0) {
		int c = accept(lsock, NULL, NULL);
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		while (full(recv, c, buf, size) == 0 && full(do_send, c, buf, size) == 0) {
		}
		_exit(0);
	}
	close(lsock);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(s, (struct sockaddr *)&addr, sizeof addr) < 0) {
		perror("connect");
		kill(echo, SIGKILL);
		return 1;
	}
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	double t0 = now_s(), deadline = t0 + max_s;
	long i;
	for (i = 0; i < n; i++) {
		if (full(do_send, s, buf, size) < 0 || full(recv, s, buf, size) < 0) {
			fprintf(stderr, "tcp_pingpong: connection lost\n");
			return 1;
		}
		if ((i & 255) == 0 && now_s() > deadline) {
			i++;
			break;
		}
	}
	double t = now_s() - t0;
	close(s);
	waitpid(echo, NULL, 0);
	printf("%.2f us/round-trip %ld round trips\n", t * 1e6 / i, i);
	return 0;
}
