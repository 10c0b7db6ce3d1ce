/* The live Echo test's workload: talks to itself over a loopback TCP
 * connection, writing MESSAGE on one end and reading it on the other about
 * twenty times a second, so both a write and a read of known bytes show in
 * the Echo pane. Stops by itself after SECONDS (default 60). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: tt_echo_talk MESSAGE [SECONDS]\n");
		return 2;
	}
	const char *msg = argv[1];
	const int seconds = argc > 2 ? atoi(argv[2]) : 60;
	const time_t end = time(NULL) + seconds;
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof addr;
	int lsock = socket(AF_INET, SOCK_STREAM, 0);
	if (lsock < 0 || bind(lsock, (struct sockaddr *)&addr, sizeof addr) || listen(lsock, 1) ||
	    getsockname(lsock, (struct sockaddr *)&addr, &len)) {
		perror("tt_echo_talk: listen");
		return 1;
	}
	int client = socket(AF_INET, SOCK_STREAM, 0);
	if (client < 0 || connect(client, (struct sockaddr *)&addr, sizeof addr)) {
		perror("tt_echo_talk: connect");
		return 1;
	}
	int server = accept(lsock, NULL, NULL);
	if (server < 0) {
		perror("tt_echo_talk: accept");
		return 1;
	}
	char buf[256];
	while (time(NULL) < end) {
		if (write(client, msg, strlen(msg)) < 0 || read(server, buf, sizeof buf) <= 0)
			return 1;
		usleep(50000);
	}
	return 0;
}
