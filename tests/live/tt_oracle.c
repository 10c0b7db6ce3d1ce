/* The workload of the strace oracle test: every system call sysdig's users
 * watch most, each made a known number of times, the same way on every run,
 * so that strace's account of it and tracetop's can be compared call by call.
 *
 *   tt_oracle DIR    the workload; DIR is an empty directory it works in
 *   tt_oracle exec   re-executed child (execve and execveat): exits with 7
 *
 * Calls go through syscall(2) wherever glibc would make another call than
 * the one named (open is openat there, fork is clone, accept may be
 * accept4...). x86_64 has no send and recv system calls: glibc's send() and
 * recv() are sendto and recvfrom with no address, made here as such.
 * Sockets are loopback only (127.0.0.1 and ::1); signals go to itself or to
 * its own child, all with handlers.
 *
 * Prints key=value lines (pids and ports, which differ between runs) padded
 * to a fixed size, so that the write of the report has the same size in
 * every run. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

enum { EXEC_CHILD_STATUS = 7, VFORK_CHILD_STATUS = 5, REPORT_SIZE = 512 };

static char report[REPORT_SIZE];
static size_t report_len;

static void die(const char *what)
{
	perror(what);
	_exit(1);
}

/* A call that must succeed. */
static long ok(long r, const char *what)
{
	if (r < 0)
		die(what);
	return r;
}

/* A call that must fail with err: its error is part of what is compared. */
static void fails(long r, int err, const char *what)
{
	if (r != -1 || errno != err) {
		fprintf(stderr, "%s: expected errno %d, got %ld (errno %d)\n", what, err, r, errno);
		_exit(1);
	}
}

static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(report + report_len, sizeof(report) - report_len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(report) - report_len)
		die("report too long");
	report_len += (size_t)n;
}

static volatile sig_atomic_t signals_taken;
static void on_signal(int sig)
{
	(void)sig;
	signals_taken++;
}

static char fill[4096];

/* Files: chdir/fchdir, the four ways to open, the eight ways to read and
 * write, the five ways to rename or unlink, with a few known failures. */
static void files(const char *dir)
{
	ok(syscall(SYS_chdir, dir), "chdir");
	int dirfd = (int)ok(syscall(SYS_open, ".", O_RDONLY | O_DIRECTORY), "open .");
	ok(syscall(SYS_chdir, "/"), "chdir /");
	ok(syscall(SYS_fchdir, dirfd), "fchdir");

	int fd = (int)ok(syscall(SYS_creat, "a", 0600), "creat");
	ok(syscall(SYS_write, fd, fill, 100), "write");
	ok(syscall(SYS_pwrite64, fd, fill, 50, 200), "pwrite64");
	struct iovec wv[3] = {{fill, 10}, {fill, 20}, {fill, 30}};
	ok(syscall(SYS_writev, fd, wv, 3), "writev");
	ok(syscall(SYS_pwritev, fd, wv, 2, 300, 0), "pwritev");
	ok(syscall(SYS_close, fd), "close");

	char buf[256];
	fd = (int)ok(syscall(SYS_open, "a", O_RDONLY), "open a");
	ok(syscall(SYS_read, fd, buf, 64), "read");
	ok(syscall(SYS_pread64, fd, buf, 32, 200), "pread64");
	struct iovec rv[2] = {{buf, 16}, {buf + 16, 16}};
	ok(syscall(SYS_readv, fd, rv, 2), "readv");
	ok(syscall(SYS_preadv, fd, rv, 2, 300, 0), "preadv");
	/* At the end of the file: 0 bytes. */
	ok(syscall(SYS_pread64, fd, buf, 32, 4096), "pread64 at the end");
	ok(syscall(SYS_close, fd), "close");
	fails(syscall(SYS_open, "missing", O_RDONLY), ENOENT, "open missing");

	fd = (int)ok(syscall(SYS_openat, dirfd, "b", O_CREAT | O_WRONLY | O_TRUNC, 0600), "openat");
	ok(syscall(SYS_close, fd), "close");
	fails(syscall(SYS_openat, AT_FDCWD, "missing", O_RDONLY), ENOENT, "openat missing");
	struct open_how how = {.flags = O_CREAT | O_RDWR, .mode = 0600, .resolve = RESOLVE_BENEATH};
	fd = (int)ok(syscall(SYS_openat2, dirfd, "c", &how, sizeof(how)), "openat2");
	ok(syscall(SYS_close, fd), "close");
	/* Two resolve flags at once: each must keep its own name. */
	struct open_how how2 = {.flags = O_RDONLY, .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS};
	fails(syscall(SYS_openat2, dirfd, "../escape", &how2, sizeof(how2)), EXDEV, "openat2 beneath");

	ok(syscall(SYS_rename, "a", "a2"), "rename");
	ok(syscall(SYS_renameat, dirfd, "b", dirfd, "b2"), "renameat");
	ok(syscall(SYS_renameat2, dirfd, "c", AT_FDCWD, "c2", RENAME_NOREPLACE), "renameat2");
	fails(syscall(SYS_renameat2, dirfd, "c2", dirfd, "a2", RENAME_NOREPLACE), EEXIST, "renameat2 noreplace");
	fails(syscall(SYS_rename, "missing", "a3"), ENOENT, "rename missing");

	ok(syscall(SYS_unlink, "a2"), "unlink");
	ok(syscall(SYS_unlinkat, dirfd, "b2", 0), "unlinkat");
	ok(syscall(SYS_unlinkat, AT_FDCWD, "c2", 0), "unlinkat cwd");
	ok(syscall(SYS_mkdir, "d", 0700), "mkdir");
	ok(syscall(SYS_unlinkat, dirfd, "d", AT_REMOVEDIR), "unlinkat dir");
	fails(syscall(SYS_unlink, "missing"), ENOENT, "unlink missing");
	ok(syscall(SYS_close, dirfd), "close");
}

static void memory(void)
{
	long top = ok(syscall(SYS_brk, 0), "brk");
	ok(syscall(SYS_brk, top + 65536), "brk up");
	ok(syscall(SYS_brk, top), "brk down");
	void *p = (void *)ok(syscall(SYS_mmap, 0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "mmap");
	ok(syscall(SYS_munmap, p, 65536), "munmap");
	p = (void *)ok(syscall(SYS_mmap, 0, 8192, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0), "mmap shared");
	fails(syscall(SYS_munmap, (char *)p + 1, 4096), EINVAL, "munmap unaligned");
	ok(syscall(SYS_munmap, p, 8192), "munmap shared");
}

/* A listening socket on loopback of the given family; its port in *port. */
static int listener(int family, int *port)
{
	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
	struct sockaddr_in a4 = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct sockaddr *a = family == AF_INET6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4;
	socklen_t len = family == AF_INET6 ? sizeof(a6) : sizeof(a4);
	int fd = (int)ok(socket(family, SOCK_STREAM, 0), "socket");
	ok(bind(fd, a, len), "bind");
	ok(listen(fd, 4), "listen");
	ok(getsockname(fd, a, &len), "getsockname");
	*port = ntohs(family == AF_INET6 ? a6.sin6_port : a4.sin_port);
	return fd;
}

/* Connects a new client to the listener on port; its own port in *cport. */
static int client(int family, int port, int *cport)
{
	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT, .sin6_port = htons(port)};
	struct sockaddr_in a4 = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK), .sin_port = htons(port)};
	struct sockaddr *a = family == AF_INET6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4;
	socklen_t len = family == AF_INET6 ? sizeof(a6) : sizeof(a4);
	int fd = (int)ok(socket(family, SOCK_STREAM, 0), "socket");
	ok(syscall(SYS_connect, fd, a, len), "connect");
	ok(getsockname(fd, a, &len), "getsockname");
	*cport = ntohs(family == AF_INET6 ? a6.sin6_port : a4.sin_port);
	return fd;
}

/* Waits with each of the five calls for fd to be readable (it is: they
 * return 1 at once), then once more with each on a zero timeout for an fd
 * that is not (they return 0). */
static void waits(int readable, int idle)
{
	int fds[2] = {readable, idle};
	for (int i = 0; i < 2; i++) {
		int fd = fds[i];
		fd_set set;
		FD_ZERO(&set);
		FD_SET(fd, &set);
		struct timeval tv = {0, 0};
		ok(syscall(SYS_select, fd + 1, &set, 0, 0, &tv), "select");
		FD_ZERO(&set);
		FD_SET(fd, &set);
		struct timespec ts = {0, 0};
		ok(syscall(SYS_pselect6, fd + 1, &set, 0, 0, &ts, 0), "pselect6");
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		ok(syscall(SYS_poll, &pfd, 1, 0), "poll");
		ok(syscall(SYS_ppoll, &pfd, 1, &ts, 0, 8), "ppoll");
		int ep = (int)ok(epoll_create1(0), "epoll_create1");
		struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd}, out;
		ok(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev), "epoll_ctl");
		ok(syscall(SYS_epoll_wait, ep, &out, 1, 0), "epoll_wait");
		ok(syscall(SYS_close, ep), "close");
	}
}

/* TCP on 127.0.0.1 (accept) and ::1 (accept4), the plain, socket and
 * message calls on it, and the five waits. */
static void tcp(void)
{
	int port, cport, port6, cport6;
	int lfd = listener(AF_INET, &port);
	int c = client(AF_INET, port, &cport);
	int s = (int)ok(syscall(SYS_accept, lfd, 0, 0), "accept");
	char buf[512];

	ok(syscall(SYS_write, c, fill, 123), "write");
	waits(s, c);
	ok(syscall(SYS_read, s, buf, sizeof(buf)), "read");
	/* send() and recv(), as glibc makes them on x86_64. */
	ok(syscall(SYS_sendto, s, fill, 45, 0, 0, 0), "send");
	ok(syscall(SYS_recvfrom, c, buf, sizeof(buf), 0, 0, 0), "recv");
	struct iovec iov[2] = {{fill, 7}, {fill, 11}};
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};
	ok(syscall(SYS_sendmsg, c, &msg, 0), "sendmsg");
	struct iovec riov[1] = {{buf, sizeof(buf)}};
	struct msghdr rmsg = {.msg_iov = riov, .msg_iovlen = 1};
	ok(syscall(SYS_recvmsg, s, &rmsg, 0), "recvmsg");
	fails(syscall(SYS_recvfrom, s, buf, sizeof(buf), MSG_DONTWAIT, 0, 0), EAGAIN, "recv empty");

	int lfd6 = listener(AF_INET6, &port6);
	int c6 = client(AF_INET6, port6, &cport6);
	struct sockaddr_in6 peer;
	socklen_t plen = sizeof(peer);
	int s6 = (int)ok(syscall(SYS_accept4, lfd6, &peer, &plen, SOCK_CLOEXEC), "accept4");
	ok(syscall(SYS_write, s6, fill, 66), "write6");
	ok(syscall(SYS_read, c6, buf, sizeof(buf)), "read6");
	/* A connected socket does not listen. */
	fails(syscall(SYS_accept4, c6, 0, 0, 0), EINVAL, "accept4 on a client");

	int fds[] = {c, s, lfd, c6, s6, lfd6};
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		ok(syscall(SYS_close, fds[i]), "close");
	say("tcp_port=%d\ntcp_cport=%d\ntcp6_port=%d\ntcp6_cport=%d\n", port, cport, port6, cport6);
}

/* UDP on 127.0.0.1: datagrams with addresses, and several at once. */
static void udp(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)}, b = a, from;
	socklen_t len = sizeof(a), flen = sizeof(from);
	int fa = (int)ok(socket(AF_INET, SOCK_DGRAM, 0), "socket");
	int fb = (int)ok(socket(AF_INET, SOCK_DGRAM, 0), "socket");
	ok(bind(fa, (struct sockaddr *)&a, sizeof(a)), "bind");
	ok(bind(fb, (struct sockaddr *)&b, sizeof(b)), "bind");
	ok(getsockname(fa, (struct sockaddr *)&a, &len), "getsockname");
	ok(getsockname(fb, (struct sockaddr *)&b, &len), "getsockname");
	char buf[512], buf2[512];

	ok(syscall(SYS_sendto, fa, fill, 33, 0, &b, sizeof(b)), "sendto");
	ok(syscall(SYS_recvfrom, fb, buf, sizeof(buf), 0, &from, &flen), "recvfrom");

	struct iovec iov[2] = {{fill, 21}, {fill, 9}};
	struct mmsghdr out[2] = {
		{.msg_hdr = {.msg_name = &b, .msg_namelen = sizeof(b), .msg_iov = iov, .msg_iovlen = 1}},
		{.msg_hdr = {.msg_name = &b, .msg_namelen = sizeof(b), .msg_iov = iov + 1, .msg_iovlen = 1}},
	};
	ok(syscall(SYS_sendmmsg, fa, out, 2, 0), "sendmmsg");
	struct iovec riov[2] = {{buf, sizeof(buf)}, {buf2, sizeof(buf2)}};
	struct mmsghdr in[2] = {
		{.msg_hdr = {.msg_iov = riov, .msg_iovlen = 1}},
		{.msg_hdr = {.msg_iov = riov + 1, .msg_iovlen = 1}},
	};
	ok(syscall(SYS_recvmmsg, fb, in, 2, MSG_DONTWAIT, 0), "recvmmsg");
	fails(syscall(SYS_recvmmsg, fb, in, 2, MSG_DONTWAIT, 0), EAGAIN, "recvmmsg empty");

	struct msghdr msg = {.msg_name = &b, .msg_namelen = sizeof(b), .msg_iov = iov, .msg_iovlen = 2};
	ok(syscall(SYS_sendmsg, fa, &msg, 0), "sendmsg udp");
	struct msghdr rmsg = {.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = riov, .msg_iovlen = 1};
	ok(syscall(SYS_recvmsg, fb, &rmsg, 0), "recvmsg udp");
	ok(syscall(SYS_close, fa), "close");
	ok(syscall(SYS_close, fb), "close");
	say("udp_a=%d\nudp_b=%d\n", ntohs(a.sin_port), ntohs(b.sin_port));
}

static int reap(long pid)
{
	int status;
	ok(syscall(SYS_wait4, pid, &status, 0, 0), "wait4");
	return status;
}

/* Children: fork+execve, clone+execveat, vfork, and one that takes a
 * signal; then signals to itself with kill, tkill and tgkill. */
static void processes(const char *self)
{
	char *argv[] = {(char *)self, "exec", NULL};
	extern char **environ;

	long forked = ok(syscall(SYS_fork), "fork");
	if (forked == 0) {
		syscall(SYS_execve, self, argv, environ);
		_exit(99);
	}
	reap(forked);

	long cloned = ok(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0), "clone");
	if (cloned == 0) {
		syscall(SYS_execveat, AT_FDCWD, self, argv, environ, 0);
		_exit(99);
	}
	reap(cloned);

	/* glibc's vfork() is the vfork system call itself (in assembler,
	 * careful of the shared stack); the child only exits. */
	pid_t vforked = vfork();
	if (vforked == 0)
		syscall(SYS_exit_group, VFORK_CHILD_STATUS);
	ok(vforked, "vfork");
	reap(vforked);

	struct sigaction sa = {.sa_handler = on_signal};
	ok(sigaction(SIGUSR1, &sa, NULL), "sigaction");
	ok(sigaction(SIGUSR2, &sa, NULL), "sigaction");
	/* SIGUSR1 is blocked from before the fork until the child waits for it
	 * in sigsuspend: the child makes the same calls whenever it comes. */
	sigset_t usr1, none;
	sigemptyset(&usr1);
	sigemptyset(&none);
	sigaddset(&usr1, SIGUSR1);
	ok(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &usr1, 0, 8), "block");
	long waiter = ok(syscall(SYS_fork), "fork waiter");
	if (waiter == 0) {
		syscall(SYS_rt_sigsuspend, &none, 8);
		syscall(SYS_exit_group, signals_taken == 1 ? 0 : 1);
	}
	ok(syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &usr1, 0, 8), "unblock");
	ok(syscall(SYS_kill, waiter, SIGUSR1), "kill waiter");
	if (reap(waiter) != 0)
		die("the waiter did not take its signal");

	long pid = syscall(SYS_getpid), tid = syscall(SYS_gettid);
	ok(syscall(SYS_kill, pid, SIGUSR1), "kill");
	ok(syscall(SYS_tkill, tid, SIGUSR2), "tkill");
	ok(syscall(SYS_tgkill, pid, tid, SIGUSR1), "tgkill");
	ok(syscall(SYS_kill, pid, 0), "kill 0");
	/* 65: past the last signal (64), and within the scap event's 8-bit sig. */
	fails(syscall(SYS_kill, pid, 65), EINVAL, "kill 65");
	if (signals_taken != 3)
		die("signals to itself not all taken");
	say("pid=%ld\nfork_child=%ld\nclone_child=%ld\nvfork_child=%d\nwaiter_child=%ld\n", pid, forked, cloned,
	    vforked, waiter);
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "exec") == 0)
		return EXEC_CHILD_STATUS;
	/* Absolute paths: the workload changes directory before it executes itself. */
	if (argc != 2 || argv[0][0] != '/' || argv[1][0] != '/') {
		fprintf(stderr, "usage: /PATH/TO/tt_oracle /ABSOLUTE/EMPTY/DIR | exec\n");
		return 2;
	}
	memset(fill, 'x', sizeof(fill));
	files(argv[1]);
	memory();
	tcp();
	udp();
	processes(argv[0]);
	/* Padded: the report's write has the same size in every run. */
	memset(report + report_len, '#', sizeof(report) - report_len - 1);
	report[sizeof(report) - 1] = '\n';
	ok(syscall(SYS_write, 1, report, sizeof(report)), "write report");
	return 0;
}
