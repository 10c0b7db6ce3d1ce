/* A known workload for the live tests: file I/O, a loopback TCP exchange, a
 * child started with fork+exec, a signal to it, and its exit status. Prints
 * what it did as key=value lines for the test to compare with the capture. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

enum { FILE_BYTES = 1234, PING_BYTES = 100, PONG_BYTES = 57 };

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void fill(char *buf, size_t n, char c)
{
	memset(buf, c, n);
}

int main(int argc, char **argv)
{
	char path[512], renamed[600], buf[4096];
	struct sockaddr_in addr = {0};
	socklen_t alen = sizeof(addr);
	int fd, lsock, csock, ssock, ready[2], status;
	pid_t child;

	if (argc != 3) {
		fprintf(stderr, "usage: %s DIR CHILD_EXE\n", argv[0]);
		return 2;
	}
	/* Give the tracer a moment to start delivering. */
	usleep(200000);

	snprintf(path, sizeof(path), "%s/tt_live_%d.dat", argv[1], (int)getpid());
	snprintf(renamed, sizeof(renamed), "%s.renamed", path);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	if (fd < 0)
		die("open");
	fill(buf, FILE_BYTES, 'x');
	if (write(fd, buf, FILE_BYTES) != FILE_BYTES)
		die("write");
	close(fd);
	if (rename(path, renamed) || unlink(renamed))
		die("rename/unlink");

	lsock = socket(AF_INET, SOCK_STREAM, 0);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (lsock < 0 || bind(lsock, (struct sockaddr *)&addr, sizeof(addr)) || listen(lsock, 4) ||
	    getsockname(lsock, (struct sockaddr *)&addr, &alen))
		die("listen");
	csock = socket(AF_INET, SOCK_STREAM, 0);
	if (csock < 0 || connect(csock, (struct sockaddr *)&addr, sizeof(addr)))
		die("connect");
	ssock = accept(lsock, NULL, NULL);
	if (ssock < 0)
		die("accept");
	{
		struct sockaddr_in local;
		socklen_t llen = sizeof(local);
		getsockname(csock, (struct sockaddr *)&local, &llen);
		printf("client_port=%d\n", ntohs(local.sin_port));
	}
	fill(buf, PING_BYTES, 'p');
	if (write(csock, buf, PING_BYTES) != PING_BYTES || read(ssock, buf, PING_BYTES) != PING_BYTES)
		die("ping");
	fill(buf, PONG_BYTES, 'q');
	if (write(ssock, buf, PONG_BYTES) != PONG_BYTES || read(csock, buf, PONG_BYTES) != PONG_BYTES)
		die("pong");
	close(csock);
	close(ssock);
	close(lsock);

	if (pipe(ready))
		die("pipe");
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		char fdarg[16];
		snprintf(fdarg, sizeof(fdarg), "%d", ready[1]);
		close(ready[0]);
		execl(argv[2], argv[2], fdarg, (char *)NULL);
		_exit(127);
	}
	close(ready[1]);
	if (read(ready[0], buf, 1) != 1)
		die("child not ready");
	kill(child, SIGUSR1);
	if (waitpid(child, &status, 0) != child)
		die("waitpid");

	printf("pid=%d\nfile=%s\nrenamed=%s\nfile_bytes=%d\nserver_port=%d\n", (int)getpid(), path, renamed,
	       FILE_BYTES, ntohs(addr.sin_port));
	printf("ping_bytes=%d\npong_bytes=%d\nchild=%d\nchild_status=%d\n", PING_BYTES, PONG_BYTES, (int)child,
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
