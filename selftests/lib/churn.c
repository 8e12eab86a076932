// SPDX-License-Identifier: GPL-2.0
/*
 * churn SECONDS [WORKERS]: associations created and ended as fast as
 * they can be, until the time is up: one-to-one and one-to-many, ended by
 * ABORT (SO_LINGER 0), graceful close, shutdown(SHUT_WR), or peeled off
 * first.  Prints how many it made.  Used by churn.sh.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int server(int type, struct sockaddr_in *sa)
{
	socklen_t len = sizeof(*sa);
	int fd = socket(AF_INET, type, IPPROTO_SCTP);

	sa->sin_family = AF_INET;
	sa->sin_port = 0;
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (void *)sa, sizeof(*sa)) ||
	    getsockname(fd, (void *)sa, &len) || listen(fd, 128))
		exit(1);
	return fd;
}

static void end(int fd, unsigned int how)
{
	struct linger lg = { 1, 0 };

	switch (how % 3) {
	case 0:		/* ABORT */
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		break;
	case 1:		/* SHUTDOWN, then close */
		shutdown(fd, SHUT_WR);
		break;
	}
	close(fd);
}

static unsigned long worker(time_t deadline, unsigned int seed)
{
	struct sockaddr_in so2o, so2m;
	int lo2o = server(SOCK_STREAM, &so2o);
	int lo2m = server(SOCK_SEQPACKET, &so2m);
	unsigned long made = 0;

	srand(seed);
	while (time(NULL) < deadline) {
		unsigned int r = rand();
		int c, a;

		if (r % 2) {
			c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
			if (c < 0 || connect(c, (void *)&so2o, sizeof(so2o))) {
				if (c >= 0)
					close(c);
				continue;
			}
			a = accept(lo2o, NULL, NULL);
			sctp_sendmsg(c, "churn", 5, NULL, 0, 0, 0, 0, 0, 0);
			end(c, r >> 1);
			if (a >= 0)
				end(a, r >> 3);
		} else {
			sctp_assoc_t id = 0;
			struct sctp_sndrcvinfo si = { 0 };
			char buf[16];
			int flags = 0;

			c = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
			if (c < 0)
				continue;
			if (sctp_sendmsg(c, "churn", 5, (void *)&so2m,
					 sizeof(so2m), 0, 0, 0, 0, 0) < 0) {
				close(c);
				continue;
			}
			if (sctp_recvmsg(lo2m, buf, sizeof(buf), NULL, NULL,
					 &si, &flags) > 0)
				id = si.sinfo_assoc_id;
			/* Peel off the server side now and then. */
			if (id && !(r % 6)) {
				a = sctp_peeloff(lo2m, id);
				if (a >= 0)
					end(a, r >> 2);
			}
			end(c, r >> 1);
		}
		made++;
	}
	close(lo2o);
	close(lo2m);
	return made;
}

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 10;
	int workers = argc > 2 ? atoi(argv[2]) : 2;
	time_t deadline = time(NULL) + secs;
	int pipefd[2];
	unsigned long total = 0, n;

	if (pipe(pipefd))
		return 1;
	for (int i = 0; i < workers; i++) {
		if (!fork()) {
			n = worker(deadline, i + 1);
			if (write(pipefd[1], &n, sizeof(n)) != sizeof(n))
				_exit(1);
			_exit(0);
		}
	}
	close(pipefd[1]);
	while (read(pipefd[0], &n, sizeof(n)) == sizeof(n))
		total += n;
	while (wait(NULL) > 0)
		;
	printf("churn: %lu associations in %d s\n", total, secs);
	return 0;
}
