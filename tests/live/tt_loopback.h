/* What the live workloads share: one loopback TCP connection made in one
 * process (listen, connect, accept) and bounded exchanges over it, so every
 * system call of the exchange is known in advance and can be looked for in
 * the capture. Compiled into each workload (tests/live/meson.build). */
#ifndef TT_LOOPBACK_H
#define TT_LOOPBACK_H

#include <stddef.h>

struct tt_loopback {
	int listener, client, server;  /* the client end connects, the server end is accepted */
	int server_port, client_port;  /* host byte order */
};

/* Prints what failed (perror) and exits 1: a workload that cannot do its
 * job says so, it does not carry on with half of it. */
void tt_die(const char *what);

/* Listens on 127.0.0.1 at a port the kernel picks, connects to it and
 * accepts the connection. */
void tt_loopback_open(struct tt_loopback *c);
void tt_loopback_close(struct tt_loopback *c);

/* Writes n bytes of `fill` on one end and reads all n on the other: one
 * write, and as many reads as the kernel needs (one on loopback). */
void tt_loopback_send(int from, int to, size_t n, char fill);

#endif
