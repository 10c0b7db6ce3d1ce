/* A known workload for the live tests: file I/O, a loopback TCP exchange
 * (plain and vectored), a socket pair, a child started with fork+exec, a
 * signal to it and its exit status, a child started with fork+execveat, and
 * a child killed by a fault. Prints what it did as key=value lines for the
 * test to compare with the capture. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "tt_loopback.h"

enum { FILE_BYTES = 1234, PING_BYTES = 100, PONG_BYTES = 57 };

/* Three pieces written with writev and sendmsg, read back into two buffers
 * whose first is shorter than the first piece: the capture must show the
 * bytes across iovecs, not just the first one. */
static const char *const kPieces[3] = {"iov-one|", "iov-two|", "iov-three"};

static void vectored_exchange(int out, int in)
{
	struct iovec wv[3], rv[2];
	struct msghdr m = {0};
	char a[5], b[64];
	ssize_t total = 0;
	for (int i = 0; i < 3; i++) {
		wv[i].iov_base = (void *)kPieces[i];
		wv[i].iov_len = strlen(kPieces[i]);
		total += (ssize_t)wv[i].iov_len;
	}
	rv[0] = (struct iovec){a, sizeof(a)};
	rv[1] = (struct iovec){b, sizeof(b)};
	if (writev(out, wv, 3) != total || readv(in, rv, 2) != total)
		tt_die("writev/readv");
	m.msg_iov = wv;
	m.msg_iovlen = 3;
	if (sendmsg(out, &m, 0) != total)
		tt_die("sendmsg");
	m.msg_iov = rv;
	m.msg_iovlen = 2;
	if (recvmsg(in, &m, 0) != total)
		tt_die("recvmsg");
	printf("iov_bytes=%d\n", (int)total);
}

/* A child that dies of SIGSEGV at a nonzero address, without a core dump:
 * the kernel sends it, so the capture's sender must be 0, not the address. */
static pid_t fault_child(void)
{
	pid_t p = fork();
	if (p == 0) {
		struct rlimit none = {0, 0};
		setrlimit(RLIMIT_CORE, &none);
		prctl(PR_SET_DUMPABLE, 0);
		*(volatile int *)0x1234 = 1;
		_exit(1);
	}
	return p;
}

int main(int argc, char **argv)
{
	char path[512], renamed[600], buf[4096];
	struct tt_loopback tcp;
	int fd, ready[2], status, other;
	pid_t child;
	extern char **environ;

	if (argc != 3) {
		fprintf(stderr, "usage: %s DIR CHILD_EXE\n", argv[0]);
		return 2;
	}
	/* Give the tracer a moment to start delivering; not when it is stopped
	 * (stop_drains.sh), where the pause only fills its rings with the rest
	 * of the machine's events. */
	if (!getenv("TT_WORKLOAD_NO_PAUSE"))
		usleep(200000);

	snprintf(path, sizeof(path), "%s/tt_live_%d.dat", argv[1], (int)getpid());
	snprintf(renamed, sizeof(renamed), "%s.renamed", path);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	if (fd < 0)
		tt_die("open");
	memset(buf, 'x', FILE_BYTES);
	if (write(fd, buf, FILE_BYTES) != FILE_BYTES)
		tt_die("write");
	close(fd);
	if (rename(path, renamed) || unlink(renamed))
		tt_die("rename/unlink");

	tt_loopback_open(&tcp);
	printf("client_port=%d\n", tcp.client_port);
	tt_loopback_send(tcp.client, tcp.server, PING_BYTES, 'p');
	tt_loopback_send(tcp.server, tcp.client, PONG_BYTES, 'q');
	vectored_exchange(tcp.client, tcp.server);
	tt_loopback_close(&tcp);

	{
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
			tt_die("socketpair");
		printf("pair_fd1=%d\npair_fd2=%d\n", sv[0], sv[1]);
		close(sv[0]);
		close(sv[1]);
	}

	if (pipe(ready))
		tt_die("pipe");
	child = fork();
	if (child < 0)
		tt_die("fork");
	if (child == 0) {
		char fdarg[16];
		snprintf(fdarg, sizeof(fdarg), "%d", ready[1]);
		close(ready[0]);
		execl(argv[2], argv[2], fdarg, (char *)NULL);
		_exit(127);
	}
	close(ready[1]);
	if (read(ready[0], buf, 1) != 1)
		tt_die("child not ready");
	kill(child, SIGUSR1);
	if (waitpid(child, &status, 0) != child)
		tt_die("waitpid");

	{
		/* execveat(AT_FDCWD, path): tt_child exits at once with 7. */
		char *const args[] = {argv[2], "quick", NULL};
		pid_t ea = fork();
		if (ea < 0)
			tt_die("fork");
		if (ea == 0) {
			syscall(SYS_execveat, AT_FDCWD, argv[2], args, environ, 0);
			_exit(127);
		}
		if (waitpid(ea, &other, 0) != ea || !WIFEXITED(other) || WEXITSTATUS(other) != 7)
			tt_die("execveat child");
		printf("execveat_child=%d\n", (int)ea);
	}
	{
		pid_t segv = fault_child();
		if (segv < 0 || waitpid(segv, &other, 0) != segv || !WIFSIGNALED(other) || WTERMSIG(other) != SIGSEGV)
			tt_die("fault child");
		printf("segv_child=%d\n", (int)segv);
	}

	printf("pid=%d\nfile=%s\nrenamed=%s\nfile_bytes=%d\nserver_port=%d\n", (int)getpid(), path, renamed,
	       FILE_BYTES, tcp.server_port);
	printf("ping_bytes=%d\npong_bytes=%d\nchild=%d\nchild_status=%d\n", PING_BYTES, PONG_BYTES, (int)child,
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
