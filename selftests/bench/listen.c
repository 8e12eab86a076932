// SPDX-License-Identifier: GPL-2.0
/*
 * listen: join the sctpnl "events" and "probe" groups and drain them until
 * killed, optionally narrowing the probe to some associations first; for
 * the throughput benchmark's "with listeners" runs.  On SIGTERM it prints
 * how many messages it read and how often its socket overran.
 *
 *   listen [-i INTERVAL_MS] [ASSOC_ID...]
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "lib/nl.h"

static volatile sig_atomic_t stop;

static void on_term(int sig __attribute__((unused)))
{
	stop = 1;
}

int main(int argc, char **argv)
{
	static char buf[256 * 1024];
	unsigned long msgs = 0, overruns = 0;
	struct nlt *n = nlt_open();
	int rcvbuf = 4 << 20, first = 1;
	unsigned int interval = 0;

	if (!n || !n->family)
		return 1;
	if (argc > 2 && !strcmp(argv[1], "-i")) {
		interval = strtoul(argv[2], NULL, 0);
		first = 3;
	}
	if (argc > first || interval) {
		nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET, 1);
		if (interval)
			nlt_put_u32(n, SCTPNL_A_PROBE_INTERVAL, interval);
		nlt_nest(n, SCTPNL_A_PROBE_FILTER);
		for (int i = first; i < argc; i++)
			nlt_put_u32(n, SCTPNL_A_PROBE_FILTER_ENTRY,
				    strtoul(argv[i], NULL, 0));
		nlt_nest_end(n);
		if (nlt_send(n, NULL, NULL))
			return 1;
	}
	if (setsockopt(n->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
		       &n->mcgrp_events, sizeof(n->mcgrp_events)) ||
	    setsockopt(n->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
		       &n->mcgrp_probe, sizeof(n->mcgrp_probe)))
		return 1;
	setsockopt(n->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	/* No SA_RESTART: the signal must break the blocking recv(). */
	sigaction(SIGTERM, &(struct sigaction){ .sa_handler = on_term }, NULL);
	sigaction(SIGINT, &(struct sigaction){ .sa_handler = on_term }, NULL);
	while (!stop) {
		ssize_t r = recv(n->fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (r < 0) {
			if (errno == ENOBUFS)
				overruns++;
			continue;
		}
		for (nlh = (void *)buf; NLMSG_OK(nlh, r); nlh = NLMSG_NEXT(nlh, r))
			msgs++;
	}
	printf("listen: %lu messages, %lu overruns\n", msgs, overruns);
	return 0;
}
