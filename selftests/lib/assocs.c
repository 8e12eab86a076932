// SPDX-License-Identifier: GPL-2.0
/*
 * assocs - build SCTP associations over loopback and hold them open.
 *
 * Usage: assocs SPEC...   where SPEC is three words:
 *	o2o ADDR N	N one-to-one pairs: a listener on ADDR, N clients
 *			connecting to it, N accepted sockets
 *	o2m ADDR N	one one-to-many server on ADDR and N one-to-many
 *			clients, each with one association to it
 *
 * Prints "assoc ID" for every association (both ends), then "ready N"
 * with the total, and holds everything until stdin reaches EOF.  Exits 1
 * with a message on stderr if anything fails.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sk.h"

static int total;

static void die(const char *what)
{
	fprintf(stderr, "assocs: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int server(const char *addr, int type, struct sockaddr_storage *ss)
{
	socklen_t len = sizeof(*ss);
	int fd;

	if (snl_sockaddr(addr, 0, ss)) {
		errno = EINVAL;
		die(addr);
	}
	fd = socket(ss->ss_family, type, IPPROTO_SCTP);
	if (fd < 0 || bind(fd, (void *)ss, sizeof(*ss)) ||
	    getsockname(fd, (void *)ss, &len) || listen(fd, 64))
		die("server");
	return fd;
}

static void ids_of(int fd, int want)
{
	struct {
		struct sctp_assoc_ids ids;
		sctp_assoc_t more[1024];
	} list;

	for (int t = 0; t < 1000; t++) {
		socklen_t len = sizeof(list);

		if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, &list,
			       &len))
			die("SCTP_GET_ASSOC_ID_LIST");
		if ((int)list.ids.gaids_number_of_ids >= want)
			break;
		usleep(10000);
	}
	if ((int)list.ids.gaids_number_of_ids != want) {
		errno = EPROTO;
		die("association count");
	}
	for (int i = 0; i < want; i++) {
		printf("assoc %d\n", list.ids.gaids_assoc_id[i]);
		total++;
	}
}

static void o2o(const char *addr, int n)
{
	struct sockaddr_storage ss;
	int lsn = server(addr, SOCK_STREAM, &ss);

	for (int i = 0; i < n; i++) {
		int c = socket(ss.ss_family, SOCK_STREAM, IPPROTO_SCTP), s;

		if (c < 0 || connect(c, (void *)&ss, sizeof(ss)))
			die("connect");
		s = accept(lsn, NULL, NULL);
		if (s < 0)
			die("accept");
		printf("assoc %d\nassoc %d\n", sk_assoc_id(c), sk_assoc_id(s));
		total += 2;
	}
}

static void o2m(const char *addr, int n)
{
	struct sockaddr_storage ss;
	int lsn = server(addr, SOCK_SEQPACKET, &ss);

	for (int i = 0; i < n; i++) {
		int c = socket(ss.ss_family, SOCK_SEQPACKET, IPPROTO_SCTP);

		if (c < 0 || connect(c, (void *)&ss, sizeof(ss)))
			die("connect");
		ids_of(c, 1);
	}
	ids_of(lsn, n);
}

int main(int argc, char **argv)
{
	char buf[64];

	if (argc < 4 || (argc - 1) % 3) {
		fprintf(stderr, "usage: assocs {o2o|o2m} ADDR N ...\n");
		return 2;
	}
	for (int i = 1; i + 2 < argc; i += 3) {
		int n = atoi(argv[i + 2]);

		if (!strcmp(argv[i], "o2o"))
			o2o(argv[i + 1], n);
		else if (!strcmp(argv[i], "o2m"))
			o2m(argv[i + 1], n);
		else {
			fprintf(stderr, "assocs: unknown style %s\n", argv[i]);
			return 2;
		}
	}
	printf("ready %d\n", total);
	fflush(stdout);
	while (read(0, buf, sizeof(buf)) > 0)
		;
	return 0;
}
