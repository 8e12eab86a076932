// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_load: hold many SCTP associations open on loopback for the
 * benchmarks.
 *
 *   sctp_load o2o N   N one-to-one client sockets, each connected to one
 *                     one-to-many server socket (2N associations in all)
 *   sctp_load o2m C S C one-to-many client sockets, each associated with
 *                     S one-to-many server sockets (2*C*S associations)
 *
 * Clients bind explicit source ports, spread over 127.0.0.x source
 * addresses: SCTP hands out an ephemeral port only if no socket of any
 * address holds it, so ephemeral binds stop at the size of
 * ip_local_port_range (~28,000), whatever the address.  Readiness is counted with SCTP_GET_ASSOC_NUMBER on the
 * server sockets, independent of the tools being measured.  When all are
 * up it prints "ready <associations>" and waits for stdin to close.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PER_SRC_ADDR	10000	/* clients per 127.0.0.x source address */
#define SRC_PORT_BASE	2000	/* their ports: below servers and ephemerals */

static int base_port = 20000;	/* SCTP_LOAD_PORT overrides */

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct sockaddr_in lo(int host, int port)
{
	struct sockaddr_in sa = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
		.sin_addr.s_addr = htonl(0x7f000000 | host),
	};

	return sa;
}

static int server(int port)
{
	struct sockaddr_in sa = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_ANY),
	};
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	int one = 1;

	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (void *)&sa, sizeof(sa)) || listen(fd, 4096))
		die("server bind/listen");
	return fd;
}

static unsigned int assoc_number(int fd)
{
	uint32_t n = 0;
	socklen_t len = sizeof(n);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_NUMBER, &n, &len))
		die("SCTP_GET_ASSOC_NUMBER");
	return n;
}

/* Wait until the servers count @want associations in all. */
static void wait_servers(int *srv, int nsrv, unsigned long want)
{
	double t0 = now();

	for (;;) {
		unsigned long have = 0;

		for (int i = 0; i < nsrv; i++)
			have += assoc_number(srv[i]);
		if (have >= want)
			return;
		if (now() - t0 > 600) {
			fprintf(stderr, "only %lu of %lu server associations\n",
				have, want);
			exit(1);
		}
		usleep(50000);
	}
}

/* Client @i's source: a port of its own on its 127.0.0.x address. */
static struct sockaddr_in client_src(long i)
{
	return lo(2 + i / PER_SRC_ADDR, SRC_PORT_BASE + i % PER_SRC_ADDR);
}

static void o2o(long n)
{
	int srv = server(base_port);

	for (long i = 0; i < n; i++) {
		struct sockaddr_in src = client_src(i);
		struct sockaddr_in dst = lo(1, base_port);
		int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);

		if (fd < 0)
			die("socket");
		if (bind(fd, (void *)&src, sizeof(src)))
			die("client bind");
		if (connect(fd, (void *)&dst, sizeof(dst)))
			die("connect");
		if (i && !(i % 2000))
			fprintf(stderr, "  %ld clients\n", i);
	}
	wait_servers(&srv, 1, n);
}

static void o2m(long c, long s)
{
	int *srv = calloc(s, sizeof(*srv));

	for (long j = 0; j < s; j++)
		srv[j] = server(base_port + j);

	for (long i = 0; i < c; i++) {
		struct sockaddr_in src = client_src(i);
		int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);

		if (fd < 0)
			die("socket");
		if (bind(fd, (void *)&src, sizeof(src)))
			die("client bind");
		for (long j = 0; j < s; j++) {
			struct sockaddr_in dst = lo(1, base_port + j);

			/* connect() on one-to-many sets up one more assoc. */
			if (connect(fd, (void *)&dst, sizeof(dst)))
				die("connect");
		}
		if (i && !(i % 100))
			fprintf(stderr, "  %ld client sockets\n", i);
	}
	wait_servers(srv, s, c * s);
}

int main(int argc, char **argv)
{
	struct rlimit rl = { 1 << 17, 1 << 17 };
	double t0 = now();
	long total;
	char c;

	setrlimit(RLIMIT_NOFILE, &rl);
	if (getenv("SCTP_LOAD_PORT"))
		base_port = atoi(getenv("SCTP_LOAD_PORT"));
	if (argc == 3 && !strcmp(argv[1], "o2o")) {
		o2o(atol(argv[2]));
		total = 2 * atol(argv[2]);
	} else if (argc == 4 && !strcmp(argv[1], "o2m")) {
		o2m(atol(argv[2]), atol(argv[3]));
		total = 2 * atol(argv[2]) * atol(argv[3]);
	} else {
		fprintf(stderr, "usage: sctp_load o2o N | o2m C S\n");
		return 2;
	}
	printf("ready %ld %.1f\n", total, now() - t0);
	fflush(stdout);
	while (read(0, &c, 1) > 0)
		;
	return 0;
}
