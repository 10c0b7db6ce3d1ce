/* The workload of the live views test: known signals, errors, a loopback
 * TCP exchange and executed command lines, so Signals, Errors, Connections,
 * I/O by Type and Executed Commands can be checked exactly.
 *
 *   tt_views DIR ESCAPED_EXE   the workload (ESCAPED_EXE: a link to this
 *                              program whose name holds an escape sequence)
 *   tt_views sleeper FD        re-executed child: takes SIGUSR1 and SIGTERM
 *   tt_views escape ...        re-executed child with escapes in its argv
 *
 * Prints what it did as key=value lines. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tt_loopback.h"

enum { ENOENT_OPENS = 3, EACCES_OPENS = 2, C2S_BYTES = 1000, S2C_BYTES = 300, SLEEPER_EXIT = 7 };

static volatile sig_atomic_t got_usr1, got_term;
static void on_usr1(int sig) { (void)sig; got_usr1 = 1; }
static void on_term(int sig) { (void)sig; got_term = 1; }

/* Handles both signals (a fatal default SIGTERM would be turned into a
 * kernel SIGKILL before delivery), acknowledging each on the pipe. */
static int sleeper(int fd)
{
	sigset_t block, old;
	signal(SIGUSR1, on_usr1);
	signal(SIGTERM, on_term);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (write(fd, "r", 1) != 1)
		return 1;
	while (!got_usr1)
		sigsuspend(&old);
	if (write(fd, "u", 1) != 1)
		return 1;
	while (!got_term)
		sigsuspend(&old);
	return SLEEPER_EXIT;
}

static pid_t spawn(char *const argv[])
{
	pid_t child = fork();
	if (child < 0)
		tt_die("fork");
	if (child == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return child;
}

static int wait_status(pid_t child)
{
	int status;
	if (waitpid(child, &status, 0) != child)
		tt_die("waitpid");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
	char path[600], buf[4096], fdarg[16];
	struct tt_loopback tcp;
	int ack[2], i;
	pid_t child;

	if (argc == 3 && strcmp(argv[1], "sleeper") == 0)
		return sleeper(atoi(argv[2]));
	if (argc >= 2 && strcmp(argv[1], "escape") == 0)
		return 0;
	if (argc != 3) {
		fprintf(stderr, "usage: %s DIR ESCAPED_EXE\n", argv[0]);
		return 2;
	}
	usleep(200000);  /* let the tracer settle */

	for (i = 0; i < ENOENT_OPENS; i++)
		if (open("/tt_views_nonexistent/file", O_RDONLY) >= 0)
			tt_die("open of a missing file succeeded");

	/* EACCES: a root-only file opened by a child that gave up root. */
	snprintf(path, sizeof(path), "%s/tt_views_secret", argv[1]);
	i = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	if (i < 0)
		tt_die("create secret");
	close(i);
	child = fork();
	if (child == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(3);
		for (i = 0; i < EACCES_OPENS; i++)
			if (open(path, O_RDONLY) >= 0)
				_exit(4);
		_exit(0);
	}
	if (child < 0 || wait_status(child) != 0)
		tt_die("EACCES child");

	tt_loopback_open(&tcp);
	tt_loopback_send(tcp.client, tcp.server, C2S_BYTES, 'c');
	tt_loopback_send(tcp.server, tcp.client, S2C_BYTES, 's');
	tt_loopback_close(&tcp);

	if (pipe(ack))
		tt_die("pipe");
	snprintf(fdarg, sizeof(fdarg), "%d", ack[1]);
	{
		char *sleeper_argv[] = {argv[0], "sleeper", fdarg, NULL};
		child = spawn(sleeper_argv);  /* the pipe's write end is inherited */
	}
	close(ack[1]);
	if (read(ack[0], buf, 1) != 1)
		tt_die("sleeper not ready");
	kill(child, SIGUSR1);
	if (read(ack[0], buf, 1) != 1)
		tt_die("sleeper missed SIGUSR1");
	kill(child, SIGTERM);
	if (wait_status(child) != SLEEPER_EXIT)
		tt_die("sleeper exit");
	printf("sleeper=%d\nsleeper_fd=%s\n", (int)child, fdarg);

	{
		char *escape_argv[] = {argv[2], "escape", "\033]0;pwned\007\033[2J", NULL};
		pid_t esc = spawn(escape_argv);
		if (wait_status(esc) != 0)
			tt_die("escape child");
		printf("escape=%d\n", (int)esc);
	}

	printf("pid=%d\nserver_port=%d\nclient_port=%d\n", (int)getpid(), tcp.server_port, tcp.client_port);
	printf("c2s_bytes=%d\ns2c_bytes=%d\nenoent=%d\neacces=%d\nsleeper_exit=%d\n", C2S_BYTES, S2C_BYTES,
	       ENOENT_OPENS, EACCES_OPENS, SLEEPER_EXIT);
	return 0;
}
