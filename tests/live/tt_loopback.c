#include "tt_loopback.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void tt_die(const char *what)
{
	perror(what);
	exit(1);
}

void tt_loopback_open(struct tt_loopback *c)
{
	struct sockaddr_in addr = {0}, local;
	socklen_t alen = sizeof(addr), llen = sizeof(local);

	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c->listener = socket(AF_INET, SOCK_STREAM, 0);
	if (c->listener < 0 || bind(c->listener, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(c->listener, 4) || getsockname(c->listener, (struct sockaddr *)&addr, &alen))
		tt_die("listen");
	c->client = socket(AF_INET, SOCK_STREAM, 0);
	if (c->client < 0 || connect(c->client, (struct sockaddr *)&addr, sizeof(addr)))
		tt_die("connect");
	c->server = accept(c->listener, NULL, NULL);
	if (c->server < 0 || getsockname(c->client, (struct sockaddr *)&local, &llen))
		tt_die("accept");
	c->server_port = ntohs(addr.sin_port);
	c->client_port = ntohs(local.sin_port);
}

void tt_loopback_close(struct tt_loopback *c)
{
	close(c->client);
	close(c->server);
	close(c->listener);
}

void tt_loopback_send(int from, int to, size_t n, char fill)
{
	char buf[4096];
	size_t got = 0;

	if (n > sizeof(buf)) {
		fprintf(stderr, "tt_loopback_send: %zu bytes do not fit one buffer\n", n);
		exit(2);
	}
	memset(buf, fill, n);
	if (write(from, buf, n) != (ssize_t)n)
		tt_die("write on the connection");
	while (got < n) {
		ssize_t r = read(to, buf, n - got);
		if (r <= 0)
			tt_die("read on the connection");
		got += (size_t)r;
	}
}
