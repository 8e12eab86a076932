// SPDX-License-Identifier: GPL-2.0
/*
 * listen: join the sctpnl "events" and "probe" groups and drain them until
 * killed, optionally narrowing the probe to some associations first; for
 * the throughput benchmark's "with listeners" runs.  On SIGTERM it prints
 * how many messages it read and how often its socket overran.
 *
 *   listen [-i INTERVAL_MS] [-p PEER_PORT] [-g events|probe] [-r FILE]
 *          [ASSOC_ID...]
 *
 * -r creates FILE once the groups are joined, so that the benchmark can
 * start its traffic after this program's own start-up.  -p then waits
 * for an association to PEER_PORT and narrows the probe to it: the
 * benchmark must not start an interpreter next to the measured traffic
 * just to learn an id.  -g joins only that group (to break the cost
 * down).  It also prints the CPU time it used from then on (after -p
 * has found its association, else from the start): what reading the
 * samples costs, without the search.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "lib/nl.h"

#define MAX_IDS	64

static volatile sig_atomic_t stop;

static void on_term(int sig __attribute__((unused)))
{
	stop = 1;
}

struct find {
	unsigned int port;
	unsigned int id;
};

static int find_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *port = nlt_attr(nlh, SCTPNL_A_PEER_PORT);
	struct nlattr *id = nlt_attr(nlh, SCTPNL_A_ASSOC_ID);
	struct find *f = arg;

	if (port && id && nlt_uint(port) == f->port)
		f->id = nlt_uint(id);
	return 0;
}

/* The id of an association to @port, polled for up to 10 s; 0 if none. */
static unsigned int find_assoc(struct nlt *n, unsigned int port)
{
	struct find f = { .port = port };
	int tries;

	for (tries = 0; tries < 200 && !f.id; tries++) {
		if (tries)
			nanosleep(&(struct timespec){ 0, 50000000 }, NULL);
		nlt_msg(n, n->family, NLM_F_DUMP, SCTPNL_CMD_ASSOC_GET, 1);
		nlt_put_u32(n, SCTPNL_A_INFO, SCTPNL_INFO_BRIEF);
		if (nlt_send(n, find_cb, &f))
			return 0;
	}
	return f.id;
}

/* CPU time used by this process so far, in seconds. */
static double cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

/* Replace the probe filter; 0 or -errno. */
static int probe_set(struct nlt *n, unsigned int interval,
		     const unsigned int *ids, unsigned int nids)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET, 1);
	if (interval)
		nlt_put_u32(n, SCTPNL_A_PROBE_INTERVAL, interval);
	nlt_nest(n, SCTPNL_A_PROBE_FILTER);
	for (unsigned int i = 0; i < nids; i++)
		nlt_put_u32(n, SCTPNL_A_PROBE_FILTER_ENTRY, ids[i]);
	nlt_nest_end(n);
	return nlt_send(n, NULL, NULL);
}

int main(int argc, char **argv)
{
	static char buf[256 * 1024];
	unsigned long msgs = 0, overruns = 0;
	unsigned int ids[MAX_IDS], nids = 0, interval = 0, port = 0;
	const char *group = NULL, *ready = NULL;
	struct nlt *n = nlt_open(), *l = nlt_open();
	int rcvbuf = 4 << 20, opt;
	double cpu0;

	if (!n || !n->family || !l)
		return 1;
	while ((opt = getopt(argc, argv, "i:p:g:r:")) != -1) {
		switch (opt) {
		case 'g':
			group = optarg;
			break;
		case 'i':
			interval = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			port = strtoul(optarg, NULL, 0);
			break;
		case 'r':
			ready = optarg;
			break;
		default:
			return 2;
		}
	}
	for (; optind < argc && nids < MAX_IDS; optind++)
		ids[nids++] = strtoul(argv[optind], NULL, 0);
	/* Until -p has found its association, sample none (no id is 0). */
	if (port) {
		ids[0] = 0;
		nids = 1;
	}
	if ((nids || interval) && probe_set(n, interval, ids, nids))
		return 1;
	if ((!group || !strcmp(group, "events")) &&
	    setsockopt(l->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
		       &l->mcgrp_events, sizeof(l->mcgrp_events)))
		return 1;
	if ((!group || !strcmp(group, "probe")) &&
	    setsockopt(l->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
		       &l->mcgrp_probe, sizeof(l->mcgrp_probe)))
		return 1;
	setsockopt(l->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	/* No SA_RESTART: the signal must break the blocking recv(). */
	sigaction(SIGTERM, &(struct sigaction){ .sa_handler = on_term }, NULL);
	sigaction(SIGINT, &(struct sigaction){ .sa_handler = on_term }, NULL);
	if (ready) {
		FILE *f = fopen(ready, "w");

		if (!f)
			return 1;
		fclose(f);
	}
	if (port) {
		ids[0] = find_assoc(n, port);
		if (!ids[0]) {
			fprintf(stderr, "listen: no association to port %u\n",
				port);
			return 1;
		}
		if (probe_set(n, interval, ids, 1))
			return 1;
	}
	cpu0 = cpu_s();
	while (!stop) {
		ssize_t r = recv(l->fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (r < 0) {
			if (errno == ENOBUFS)
				overruns++;
			continue;
		}
		for (nlh = (void *)buf; NLMSG_OK(nlh, r); nlh = NLMSG_NEXT(nlh, r))
			msgs++;
	}
	printf("listen: %lu messages, %lu overruns, %.3f s CPU reading\n",
	       msgs, overruns, cpu_s() - cpu0);
	return 0;
}
