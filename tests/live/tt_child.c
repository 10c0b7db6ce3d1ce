/* The live tests' child: says it is ready on the fd named by argv[1], waits
 * for SIGUSR1 and exits with status 42. With argv[1] "quick" it exits at
 * once with status 7 (the execveat check). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got = 1;
}

int main(int argc, char **argv)
{
	sigset_t block, old;
	int fd = argc > 1 ? atoi(argv[1]) : -1;

	if (argc > 1 && strcmp(argv[1], "quick") == 0)
		return 7;

	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (fd < 0 || write(fd, "r", 1) != 1)
		return 1;
	while (!got)
		sigsuspend(&old);
	return 42;
}
