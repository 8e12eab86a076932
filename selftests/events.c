// SPDX-License-Identifier: GPL-2.0
/*
 * The "events" and "probe" multicast groups.  Real associations over
 * loopback whose owners subscribed to no notification at all; a listener
 * on the group must still see each notification the stack builds, with
 * the right identity, on both ends.  Unprivileged processes must not be
 * able to join.  Probe samples must track the path's congestion state.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "kselftest_harness.h"
#include "lib/nl.h"
#include "lib/sk.h"

#define SET(fd, opt, v) setsockopt(fd, IPPROTO_SCTP, opt, v, sizeof(*(v)))

#define MAX_EVS	4096

/* One event message, or one sample of a probe message, decoded. */
struct ev {
	int cmd;
	uint32_t assoc_id, lport, pport;
	uint64_t ino, lost, ts;
	bool has_ino, has_ts, has_peer;
	uint32_t state, error, ostreams, istreams, flags, adaptation;
	uint32_t datalen;
	uint8_t data[64];
	/* probe */
	uint32_t cwnd, ssthresh, srtt, rto, flight, rwnd, primary;
	char addr[64];
	size_t sample_len;	/* probe: SCTPNL_A_PROBE_SAMPLE's length */
	uint16_t reserved;
};

struct evs {
	int n;
	struct ev ev[MAX_EVS];
};

FIXTURE(events) {
	struct nlt *n;		/* requests */
	struct nlt *l;		/* listener */
	struct evs *evs;
	int lsn, port;
};

/* A sample as the uapi says a reader takes it: by its length. */
static void decode_sample(const struct nlattr *p, struct ev *e)
{
	struct sctpnl_path_sample s;
	size_t len = p->nla_len - NLA_HDRLEN;
	char ip[INET6_ADDRSTRLEN] = "?";

	memset(&s, 0, sizeof(s));
	memcpy(&s, nlt_data(p), len < sizeof(s) ? len : sizeof(s));
	e->sample_len = len;
	e->reserved = s.reserved;
	e->assoc_id = s.assoc_id;
	e->lport = s.local_port;
	e->pport = s.peer_port;
	e->has_ts = 1;
	e->ts = s.timestamp;
	e->cwnd = s.cwnd;
	e->ssthresh = s.ssthresh;
	e->srtt = s.srtt;
	e->rto = s.rto;
	e->flight = s.flight_size;
	e->rwnd = s.peer_rwnd;
	e->state = s.state;
	e->primary = s.primary;
	if (s.family == AF_INET || s.family == AF_INET6)
		inet_ntop(s.family, s.addr, ip, sizeof(ip));
	snprintf(e->addr, sizeof(e->addr), "%s:%u", ip, s.port);
}

static void decode_event(const struct nlmsghdr *nlh, struct ev *e)
{
	const struct genlmsghdr *g = NLMSG_DATA(nlh);
	struct nlattr *p, *a;

	memset(e, 0, sizeof(*e));
	e->cmd = g->cmd;
	e->assoc_id = nlt_uint(nlt_attr(nlh, SCTPNL_A_ASSOC_ID));
	e->lport = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOCAL_PORT));
	e->pport = nlt_uint(nlt_attr(nlh, SCTPNL_A_PEER_PORT));
	a = nlt_attr(nlh, SCTPNL_A_SK_INODE);
	e->has_ino = a;
	e->ino = nlt_uint(a);
	e->has_ts = nlt_attr(nlh, SCTPNL_A_TIMESTAMP);
	if (e->has_ts)
		e->ts = nlt_uint(nlt_attr(nlh, SCTPNL_A_TIMESTAMP));
	e->has_peer = nlt_attr(nlh, SCTPNL_A_PEER);
	e->lost = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOST));

	p = nlt_attr(nlh, SCTPNL_A_EVENT);
	if (!p)
		return;
	e->state = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_STATE));
	e->error = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_ERROR));
	e->ostreams = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_OUTBOUND_STREAMS));
	e->istreams = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_INBOUND_STREAMS));
	e->flags = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_FLAGS));
	e->adaptation = nlt_uint(nlt_nested(p, SCTPNL_EVENT_A_ADAPTATION_IND));
	a = nlt_nested(p, SCTPNL_EVENT_A_ADDR);
	if (a)
		nlt_addr_str(a, e->addr, sizeof(e->addr));
	a = nlt_nested(p, SCTPNL_EVENT_A_DATA);
	if (a) {
		e->datalen = a->nla_len - NLA_HDRLEN;
		memcpy(e->data, nlt_data(a),
		       e->datalen < sizeof(e->data) ? e->datalen :
		       sizeof(e->data));
	}
}

/*
 * A message into at most @room entries from @e on: an event takes one, a
 * probe message (a batch under one SCTPNL_A_LOST) one per sample, in
 * order.  How many it took.
 */
static int decode(const struct nlmsghdr *nlh, struct ev *e, int room)
{
	const struct genlmsghdr *g = NLMSG_DATA(nlh);
	const struct nlattr *p = NULL;
	uint64_t lost;
	int n = 0;

	if (room < 1)
		return 0;
	if (g->cmd != SCTPNL_CMD_PROBE) {
		decode_event(nlh, e);
		return 1;
	}
	lost = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOST));
	while (n < room &&
	       (p = nlt_attr_next(nlh, p, SCTPNL_A_PROBE_SAMPLE))) {
		memset(&e[n], 0, sizeof(e[n]));
		e[n].cmd = g->cmd;
		e[n].lost = lost;
		decode_sample(p, &e[n]);
		n++;
	}
	return n;
}

/* Read what the listener got until it has been quiet for @idle_ms. */
static void collect(struct nlt *l, struct evs *evs, int idle_ms)
{
	static char buf[256 * 1024];
	struct pollfd pfd = { .fd = l->fd, .events = POLLIN };

	while (poll(&pfd, 1, idle_ms) > 0) {
		ssize_t len = recv(l->fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (len <= 0)
			break;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type != l->family)
				continue;
			evs->n += decode(nlh, &evs->ev[evs->n],
					 MAX_EVS - evs->n);
		}
	}
}

/* The first event @cmd seen from @lport to @pport (any state if < 0). */
static struct ev *find(struct evs *evs, int cmd, int lport, int pport,
		       int state)
{
	for (int i = 0; i < evs->n; i++) {
		struct ev *e = &evs->ev[i];

		if (e->cmd == cmd && e->lport == lport && e->pport == pport &&
		    (state < 0 || e->state == (uint32_t)state))
			return e;
	}
	return NULL;
}

static int count(struct evs *evs, int cmd, int lport, int pport)
{
	int c = 0;

	for (int i = 0; i < evs->n; i++)
		c += evs->ev[i].cmd == cmd && evs->ev[i].lport == lport &&
		     evs->ev[i].pport == pport;
	return c;
}

static int join(struct nlt *l, uint32_t grp)
{
	return setsockopt(l->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp,
			  sizeof(grp));
}

static uint64_t ino_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? 0 : st.st_ino;
}

static int abort_close(int fd)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	return close(fd);
}

/* Probe filter of the namespace: @n ids, none means every association. */
static int probe_set(struct nlt *n, const uint32_t *ids, int cnt)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET,
		SCTPNL_FAMILY_VERSION);
	if (cnt) {
		nlt_nest(n, SCTPNL_A_PROBE_FILTER);
		for (int i = 0; i < cnt; i++)
			nlt_put_u32(n, SCTPNL_A_PROBE_FILTER_ENTRY, ids[i]);
		nlt_nest_end(n);
	}
	return nlt_send(n, NULL, NULL);
}

FIXTURE_SETUP(events)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int rcvbuf = 4 << 20;

	self->lsn = -1;
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");
	self->l = nlt_open();
	ASSERT_NE(NULL, self->l);
	ASSERT_NE(0, self->l->mcgrp_events);
	ASSERT_NE(0, self->l->mcgrp_probe);
	ASSERT_EQ(0, join(self->l, self->l->mcgrp_events));
	setsockopt(self->l->fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		   sizeof(rcvbuf));
	self->evs = calloc(1, sizeof(*self->evs));
	ASSERT_NE(NULL, self->evs);

	self->lsn = sk_quiet_socket();
	ASSERT_LE(0, self->lsn);
	ASSERT_EQ(0, bind(self->lsn, (void *)&sin, sizeof(sin)));
	ASSERT_EQ(0, listen(self->lsn, 8));
	self->port = sk_local_port(self->lsn);
}

FIXTURE_TEARDOWN(events)
{
	if (self->n && self->n->family)
		probe_set(self->n, NULL, 0);
	if (self->lsn >= 0)
		close(self->lsn);
	free(self->evs);
	nlt_close(self->l);
	nlt_close(self->n);
}

/* COMM_UP on both ends, then SHUTDOWN and SHUTDOWN_COMP after close. */
TEST_F(events, comm_up_and_shutdown_comp)
{
	int cli, srv, cport;
	uint64_t cino;
	struct ev *e;

	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);
	cino = ino_of(cli);

	collect(self->l, self->evs, 300);
	e = find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE, cport, self->port,
		 SCTP_COMM_UP);
	ASSERT_NE(NULL, e) TH_LOG("no COMM_UP on the client");
	EXPECT_EQ(sk_assoc_id(cli), e->assoc_id);
	EXPECT_TRUE(e->has_ino);
	EXPECT_EQ(cino, e->ino);
	EXPECT_TRUE(e->has_ts);
	EXPECT_TRUE(e->has_peer);
	EXPECT_NE(0, e->ostreams);
	EXPECT_NE(0, e->istreams);
	e = find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE, self->port, cport,
		 SCTP_COMM_UP);
	ASSERT_NE(NULL, e) TH_LOG("no COMM_UP on the server");
	EXPECT_EQ(sk_assoc_id(srv), e->assoc_id);
	/* Built before accept(): it names the listening socket. */
	EXPECT_EQ(ino_of(self->lsn), e->ino);

	self->evs->n = 0;
	close(cli);
	collect(self->l, self->evs, 300);
	close(srv);
	collect(self->l, self->evs, 300);
	ASSERT_NE(NULL, find(self->evs, SCTPNL_CMD_EVENT_SHUTDOWN, self->port,
			     cport, -1)) TH_LOG("no SHUTDOWN_EVENT");
	ASSERT_NE(NULL, find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE, cport,
			     self->port, SCTP_SHUTDOWN_COMP))
		TH_LOG("no SHUTDOWN_COMP on the client");
	ASSERT_NE(NULL, find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE,
			     self->port, cport, SCTP_SHUTDOWN_COMP))
		TH_LOG("no SHUTDOWN_COMP on the server");
	EXPECT_EQ(1, count(self->evs, SCTPNL_CMD_EVENT_SHUTDOWN, self->port,
			   cport));
}

/* An ABORT: COMM_LOST on both ends, the receiver's with the causes. */
TEST_F(events, comm_lost_after_abort)
{
	int cli, srv, cport;
	sctp_assoc_t sid;
	struct ev *e;

	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);
	sid = sk_assoc_id(srv);
	collect(self->l, self->evs, 200);
	self->evs->n = 0;

	abort_close(cli);
	collect(self->l, self->evs, 300);
	e = find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE, cport, self->port,
		 SCTP_COMM_LOST);
	ASSERT_NE(NULL, e) TH_LOG("no COMM_LOST on the aborting side");
	e = find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE, self->port, cport,
		 SCTP_COMM_LOST);
	ASSERT_NE(NULL, e) TH_LOG("no COMM_LOST on the aborted side");
	EXPECT_EQ(sid, e->assoc_id);
	/* A user-initiated abort cause: code 12, length 4. */
	ASSERT_LE(4, e->datalen);
	EXPECT_EQ(0, e->data[0]);
	EXPECT_EQ(12, e->data[1]);
	close(srv);
}

/*
 * A peer's ERROR chunk: REMOTE_ERROR with its cause.  No Linux peer sends
 * one on request, so lib/inject_error.py forges it as the client would:
 * from its port, to the server's, with the server's own verification tag
 * (as sctpnl reports it) and a valid checksum.
 */
TEST_F(events, remote_error_from_peer)
{
	struct snl_assoc a;
	int cli, srv, cport;
	char cmd[512];
	struct ev *e;

	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);
	ASSERT_EQ(0, snl_get_by_id(self->n, sk_assoc_id(srv), &a));
	ASSERT_NE(0, a.local_vtag);
	collect(self->l, self->evs, 200);
	self->evs->n = 0;

	snprintf(cmd, sizeof(cmd),
		 "python3 %s 127.0.0.1 %d 127.0.0.1 %d %u 1",
		 selftest_path("lib/inject_error.py"), cport, self->port,
		 a.local_vtag);
	ASSERT_EQ(0, sh("%s", cmd));
	collect(self->l, self->evs, 500);
	e = find(self->evs, SCTPNL_CMD_EVENT_REMOTE_ERROR, self->port, cport,
		 -1);
	ASSERT_NE(NULL, e) TH_LOG("no REMOTE_ERROR on the server");
	EXPECT_EQ(sk_assoc_id(srv), e->assoc_id);
	/* The cause's body: stream 7, reserved 0. */
	ASSERT_LE(4, e->datalen);
	EXPECT_EQ(0, e->data[0]);
	EXPECT_EQ(7, e->data[1]);
	close(cli);
	close(srv);
}

/* INIT answered by ABORT: CANT_STR_ASSOC. */
TEST_F(events, cant_assoc_to_closed_port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd, cli, port;

	/* A port that was just free and has no listener now. */
	fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind(fd, (void *)&sin, sizeof(sin)));
	port = sk_local_port(fd);
	close(fd);

	cli = sk_quiet_socket();
	ASSERT_LE(0, cli);
	ASSERT_NE(0, sk_connect_lo(cli, port));
	EXPECT_EQ(ECONNREFUSED, errno);
	collect(self->l, self->evs, 300);
	ASSERT_NE(NULL, find(self->evs, SCTPNL_CMD_EVENT_ASSOC_CHANGE,
			     sk_local_port(cli), port, SCTP_CANT_STR_ASSOC))
		TH_LOG("no CANT_STR_ASSOC");
	close(cli);
}

/* The peer's adaptation layer indication, reported on the server side. */
TEST_F(events, adaptation_indication)
{
	struct sctp_setadaptation ad = { .ssb_adaptation_ind = 0x5ec7 };
	int cli, srv, cport;
	struct ev *e;

	cli = sk_quiet_socket();
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, SET(cli, SCTP_ADAPTATION_LAYER, &ad));
	ASSERT_EQ(0, sk_connect_lo(cli, self->port));
	srv = accept(self->lsn, NULL, NULL);
	ASSERT_LE(0, srv);
	cport = sk_local_port(cli);
	collect(self->l, self->evs, 300);
	e = find(self->evs, SCTPNL_CMD_EVENT_ADAPTATION, self->port, cport, -1);
	ASSERT_NE(NULL, e) TH_LOG("no ADAPTATION_INDICATION");
	EXPECT_EQ(0x5ec7, e->adaptation);
	EXPECT_EQ(1, count(self->evs, SCTPNL_CMD_EVENT_ADAPTATION, self->port,
			   cport));
	close(cli);
	close(srv);
}

/* Data queued towards a peer that does not read, then an abort. */
TEST_F(events, send_failed_on_abort)
{
	char buf[1000];
	int cli, srv, cport, i;
	struct ev *e;

	memset(buf, 'y', sizeof(buf));
	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);
	for (i = 0; i < 2000; i++)
		if (send(cli, buf, sizeof(buf), MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
			break;
	ASSERT_EQ(EAGAIN, errno);
	usleep(300000);
	collect(self->l, self->evs, 100);
	self->evs->n = 0;

	abort_close(cli);
	collect(self->l, self->evs, 500);
	e = find(self->evs, SCTPNL_CMD_EVENT_SEND_FAILED, cport, self->port,
		 -1);
	ASSERT_NE(NULL, e) TH_LOG("no SEND_FAILED");
	EXPECT_EQ(64, e->datalen);
	EXPECT_EQ('y', e->data[0]);
	EXPECT_EQ('y', e->data[63]);
	close(srv);
}

/* Without CAP_NET_ADMIN neither group can be joined, nor the filter set. */
TEST_F(events, unprivileged_cannot_join)
{
	int status;
	pid_t pid;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct nlt *l;
		int rc = 0;

		/* Dropping root's uid drops its capabilities too. */
		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(10);
		l = nlt_open();
		if (!l || !l->family)
			_exit(11);
		if (!join(l, l->mcgrp_events) || errno != EPERM)
			rc |= 1;
		if (!join(l, l->mcgrp_probe) || errno != EPERM)
			rc |= 2;
		if (probe_set(l, NULL, 0) != -EPERM)
			rc |= 4;
		_exit(rc);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status))
		TH_LOG("exit %d: 1 events, 2 probe, 4 PROBE_SET allowed",
		       WEXITSTATUS(status));
}

/* The last sample of a quiet path equals what getsockopt() reports. */
TEST_F(events, probe_tracks_cwnd)
{
	struct sctp_paddrinfo pi = { 0 };
	socklen_t len = sizeof(pi);
	static char buf[4000];
	int cli, srv, cport, i, n = 0;
	struct ev *last = NULL;
	uint32_t other, ids[3];
	char want[64];

	ASSERT_EQ(0, join(self->l, self->l->mcgrp_probe));
	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);

	for (i = 0; i < 100; i++) {
		ASSERT_EQ(sizeof(buf), send(cli, buf, sizeof(buf), 0));
		ASSERT_LT(0, recv(srv, buf, sizeof(buf), 0));
	}
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	/*
	 * A sample is taken as a SACK arrives, before it is processed.  A
	 * small message into an idle window leaves cwnd alone, so the
	 * sample of its SACK is the path's state from then on.
	 */
	ASSERT_EQ(1, send(cli, "p", 1, 0));
	ASSERT_EQ(1, recv(srv, buf, sizeof(buf), 0));
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	usleep(400000);

	memcpy(&pi.spinfo_address, &(struct sockaddr_in){
		.sin_family = AF_INET, .sin_port = htons(self->port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK) },
	       sizeof(struct sockaddr_in));
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
				&pi, &len));

	collect(self->l, self->evs, 300);
	for (i = 0; i < self->evs->n; i++) {
		struct ev *e = &self->evs->ev[i];

		if (e->cmd != SCTPNL_CMD_PROBE || e->lport != cport ||
		    e->pport != self->port)
			continue;
		n++;
		last = e;
	}
	ASSERT_LT(1, n) TH_LOG("too few probe samples");
	EXPECT_EQ(sk_assoc_id(cli), last->assoc_id);
	EXPECT_EQ(pi.spinfo_cwnd, last->cwnd);
	EXPECT_EQ(1, last->primary);
	EXPECT_EQ(SCTP_ACTIVE, last->state);
	EXPECT_NE(0, last->rto);
	snprintf(want, sizeof(want), "127.0.0.1:%d", self->port);
	EXPECT_STREQ(want, last->addr);
	EXPECT_EQ(sizeof(struct sctpnl_path_sample), last->sample_len);
	EXPECT_EQ(0, last->reserved);

	/* A filter naming another association silences this one. */
	other = sk_assoc_id(cli) + 1000;
	ASSERT_EQ(0, probe_set(self->n, &other, 1)) TH_LOG("%s",
							    self->n->extack);
	self->evs->n = 0;
	for (i = 0; i < 10; i++) {
		ASSERT_EQ(sizeof(buf), send(cli, buf, sizeof(buf), 0));
		ASSERT_LT(0, recv(srv, buf, sizeof(buf), 0));
	}
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	usleep(300000);
	collect(self->l, self->evs, 200);
	EXPECT_EQ(0, count(self->evs, SCTPNL_CMD_PROBE, cport, self->port));

	/* ... and one naming it (among others) lets it through again. */
	ids[0] = other;
	ids[1] = sk_assoc_id(cli);
	ids[2] = other;
	ASSERT_EQ(0, probe_set(self->n, ids, 3));
	self->evs->n = 0;
	for (i = 0; i < 10; i++) {
		ASSERT_EQ(sizeof(buf), send(cli, buf, sizeof(buf), 0));
		ASSERT_LT(0, recv(srv, buf, sizeof(buf), 0));
	}
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	usleep(300000);
	collect(self->l, self->evs, 200);
	EXPECT_LT(0, count(self->evs, SCTPNL_CMD_PROBE, cport, self->port));
	EXPECT_EQ(0, last->lost);
	close(cli);
	close(srv);
}

/*
 * One sample per SACK the association counted (SCTP_GET_ASSOC_STATS),
 * in order, several to a message when they come fast.
 */
TEST_F(events, probe_one_sample_per_sack)
{
	struct sctp_assoc_stats st0 = { 0 }, st1 = { 0 };
	socklen_t len = sizeof(st0);
	static char buf[256 * 1024];
	int cli, srv, cport, i, n = 0, most = 0, most_msg = 0;
	struct pollfd pfd = { .events = POLLIN };
	int child, status;
	uint64_t ts = 0;
	uint32_t id;
	bool ordered = true;

	cli = sk_pair_lo(self->lsn, self->port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	cport = sk_local_port(cli);
	id = sk_assoc_id(cli);
	ASSERT_EQ(0, probe_set(self->n, &id, 1)) TH_LOG("%s", self->n->extack);
	ASSERT_EQ(0, join(self->l, self->l->mcgrp_probe));
	ASSERT_EQ(0, sk_quiesce(cli, 0));

	st0.sas_assoc_id = id;
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				&st0, &len));
	/* A reader drains the peer while we send as fast as we can. */
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		size_t got = 0;
		ssize_t r;

		while (got < 300 * 4000 &&
		       (r = recv(srv, buf, sizeof(buf), 0)) > 0)
			got += r;
		_exit(got == 300 * 4000 ? 0 : 1);
	}
	for (i = 0; i < 300; i++)
		ASSERT_EQ(4000, send(cli, buf, 4000, 0));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_EQ(0, status);
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	usleep(100000);
	st1.sas_assoc_id = id;
	len = sizeof(st1);
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				&st1, &len));

	pfd.fd = self->l->fd;
	while (poll(&pfd, 1, 300) > 0) {
		ssize_t r = recv(self->l->fd, buf, sizeof(buf), 0);
		struct ev *e = self->evs->ev;
		struct nlmsghdr *nlh;
		int here = 0, in_msg, k, m;

		ASSERT_LT(0, r);
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, r);
		     nlh = NLMSG_NEXT(nlh, r)) {
			if (nlh->nlmsg_type != self->l->family)
				continue;
			m = decode(nlh, e, MAX_EVS);
			in_msg = 0;
			for (k = 0; k < m; k++) {
				if (e[k].cmd != SCTPNL_CMD_PROBE ||
				    e[k].lport != cport)
					continue;
				n++;
				here++;
				in_msg++;
				if (e[k].ts < ts)
					ordered = false;
				ts = e[k].ts;
			}
			if (in_msg > most_msg)
				most_msg = in_msg;
		}
		if (here > most)
			most = here;
	}
	TH_LOG("%d samples for %llu SACKs, up to %d a message, %d a datagram",
	       n, (unsigned long long)(st1.sas_isacks - st0.sas_isacks),
	       most_msg, most);
	EXPECT_EQ(st1.sas_isacks - st0.sas_isacks, (uint64_t)n);
	EXPECT_TRUE(ordered);
	EXPECT_LT(1, most);
	EXPECT_LT(1, most_msg);
	close(cli);
	close(srv);
}

/* A filter entry that is not a u32 is refused by the policy. */
TEST_F(events, probe_set_rejects_bad_filter)
{
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET,
		SCTPNL_FAMILY_VERSION);
	nlt_nest(self->n, SCTPNL_A_PROBE_FILTER);
	nlt_put_u16(self->n, SCTPNL_A_PROBE_FILTER_ENTRY, 1);
	nlt_nest_end(self->n);
	EXPECT_EQ(-EINVAL, nlt_send(self->n, NULL, NULL));

	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET,
		SCTPNL_FAMILY_VERSION);
	nlt_nest(self->n, SCTPNL_A_PROBE_FILTER);
	nlt_put_u32(self->n, 2, 1);
	nlt_nest_end(self->n);
	EXPECT_EQ(-EINVAL, nlt_send(self->n, NULL, NULL));
}

TEST_HARNESS_MAIN
