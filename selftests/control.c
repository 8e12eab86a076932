// SPDX-License-Identifier: GPL-2.0
/*
 * Controlling any association: SCTPNL_CMD_ASSOC_SET, ASSOC_ABORT and
 * ASSOC_EOF from an outsider (this test talking netlink), never through
 * the owner's own setsockopt for the option under test.  After each
 * change the owner's getsockopt() must return the new value and sctpnl's
 * ASSOC_GET must agree; each rejection must leave the owner's values as
 * they were.  The CLI (sctpctl set/abort/eof) and libsctpnl's setters are
 * exercised too.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "kselftest_harness.h"
#include "lib/nl.h"
#include "lib/sk.h"
#include "sctpnl.h"	/* libsctpnl */

#define GET(fd, opt, v) ({						\
	socklen_t __l = sizeof(*(v));					\
	getsockopt(fd, IPPROTO_SCTP, opt, v, &__l);			\
})
#define SET(fd, opt, v) setsockopt(fd, IPPROTO_SCTP, opt, v, sizeof(*(v)))

#define NO_ASSOC	0x7ffffff0u

enum style { O2O, O2M, PEELED };

/* Two ends of one association; "own" is the side whose style is tested. */
struct pair {
	int lsn, cli, srv;
	sctp_assoc_t cid, sid;
	int port;
	int own, peer;			/* fds */
	uint32_t own_id, peer_id;	/* sctpnl ids */
	sctp_assoc_t own_oid, peer_oid;	/* how each owner names it */
};

static void subscribe(int fd)
{
	struct sctp_event_subscribe ev = {
		.sctp_data_io_event = 1, .sctp_association_event = 1,
		.sctp_address_event = 1, .sctp_shutdown_event = 1,
	};

	SET(fd, SCTP_EVENTS, &ev);
}

/* Receive until a DATA message; notifications skipped. */
static int recv_data(int fd, void *buf, size_t len,
		     struct sctp_sndrcvinfo *si)
{
	for (;;) {
		int flags = 0;
		int r = sctp_recvmsg(fd, buf, len, NULL, NULL, si, &flags);

		if (r < 0 || !(flags & MSG_NOTIFICATION))
			return r;
	}
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Wait up to ms for a notification of @type (and @state, -1: any) on fd;
 * DATA and other notifications are skipped.  Its length, or -ETIMEDOUT,
 * -ENODATA (EOF), -errno.
 */
static int wait_notif(int fd, uint16_t type, int state, void *buf,
		      size_t len, int ms)
{
	long end = now_ms() + ms;

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long left = end - now_ms();
		union sctp_notification *sn = buf;
		int flags = 0, r;

		if (left <= 0)
			return -ETIMEDOUT;
		r = poll(&p, 1, left);
		if (r < 0)
			return -errno;
		if (!r)
			return -ETIMEDOUT;
		r = sctp_recvmsg(fd, buf, len, NULL, NULL, NULL, &flags);
		if (r < 0)
			return errno == EAGAIN ? 0 : -errno;
		if (!r)
			return -ENODATA;
		if (!(flags & MSG_NOTIFICATION) ||
		    sn->sn_header.sn_type != type)
			continue;
		if (state < 0)
			return r;
		if (type == SCTP_ASSOC_CHANGE &&
		    sn->sn_assoc_change.sac_state == state)
			return r;
		if (type == SCTP_PEER_ADDR_CHANGE &&
		    sn->sn_paddr_change.spc_state == state)
			return r;
	}
}

/* One association over loopback; the listening side and both ends
 * subscribed to association, address, shutdown and data io events. */
static int pair_up(struct pair *p, enum style st, const char *ip)
{
	int type = st == O2O ? SOCK_STREAM : SOCK_SEQPACKET;
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char buf[64];

	memset(p, 0, sizeof(*p));
	p->lsn = socket(AF_INET, type, IPPROTO_SCTP);
	if (p->lsn < 0)
		return -1;
	subscribe(p->lsn);
	snl_sockaddr(ip, 0, &ss);
	if (bind(p->lsn, (void *)&ss, sizeof(ss)) ||
	    getsockname(p->lsn, (void *)&ss, &len) || listen(p->lsn, 8))
		return -2;
	p->port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	p->cli = socket(AF_INET, type, IPPROTO_SCTP);
	if (p->cli < 0)
		return -3;
	subscribe(p->cli);
	if (connect(p->cli, (void *)&ss, sizeof(ss)))
		return -4;
	if (st == O2O) {
		p->srv = accept(p->lsn, NULL, NULL);
		if (p->srv < 0)
			return -5;
		subscribe(p->srv);
		p->cid = sk_assoc_id(p->cli);
		p->sid = sk_assoc_id(p->srv);
	} else {
		struct sctp_sndrcvinfo si = { 0 };

		p->cid = sk_first_assoc(p->cli, NULL);
		si.sinfo_assoc_id = p->cid;
		if (sctp_send(p->cli, "hello", 5, &si, MSG_NOSIGNAL) != 5)
			return -6;
		if (recv_data(p->lsn, buf, sizeof(buf), NULL) != 5)
			return -7;
		p->sid = sk_first_assoc(p->lsn, NULL);
		p->srv = p->lsn;
		if (st == PEELED) {
			p->srv = sctp_peeloff(p->lsn, p->sid);
			if (p->srv < 0)
				return -8;
			p->sid = sk_assoc_id(p->srv);
		}
	}
	if (!p->cid || !p->sid)
		return -9;
	switch (st) {
	case O2O:
		p->own = p->cli, p->own_id = p->cid, p->own_oid = 0;
		p->peer = p->srv, p->peer_id = p->sid, p->peer_oid = 0;
		break;
	case O2M:
		p->own = p->cli, p->own_id = p->cid, p->own_oid = p->cid;
		p->peer = p->lsn, p->peer_id = p->sid, p->peer_oid = p->sid;
		break;
	case PEELED:
		p->own = p->srv, p->own_id = p->sid, p->own_oid = 0;
		p->peer = p->cli, p->peer_id = p->cid, p->peer_oid = p->cid;
		break;
	}
	/* Drain the COMM_UP notifications. */
	while (wait_notif(p->own, SCTP_ASSOC_CHANGE, SCTP_COMM_UP, buf,
			  sizeof(buf), 50) > 0)
		;
	while (wait_notif(p->peer, SCTP_ASSOC_CHANGE, SCTP_COMM_UP, buf,
			  sizeof(buf), 50) > 0)
		;
	return 0;
}

static void pair_down(struct pair *p)
{
	if (p->srv > 0 && p->srv != p->lsn)
		close(p->srv);
	if (p->cli > 0)
		close(p->cli);
	if (p->lsn > 0)
		close(p->lsn);
}

static int lo_up(void)
{
	struct ifreq ifr = { 0 };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int err;

	strcpy(ifr.ifr_name, "lo");
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= IFF_UP;
	err = ioctl(fd, SIOCSIFFLAGS, &ifr);
	close(fd);
	return err;
}

static int write_sysctl(const char *path, const char *v)
{
	int fd = open(path, O_WRONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, v, strlen(v)) == (ssize_t)strlen(v);
	close(fd);
	return ok ? 0 : -1;
}

/*
 * Each test runs in a network namespace of its own (the harness forks
 * per test): the sysctls are the defaults whatever earlier tests set in
 * the initial one (e.g. net.sctp.max_autoclose), and nothing leaks out.
 */
static int fresh_netns(void)
{
	if (unshare(CLONE_NEWNET))
		return -errno;
	return lo_up();
}

/* ---- raw requests ---- */

static void set_begin(struct nlt *n, uint32_t id)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_SET, 1);
	nlt_put_u32(n, SCTPNL_A_ASSOC_ID, id);
}

static int act(struct nlt *n, uint8_t cmd, uint32_t id, const char *reason)
{
	nlt_msg(n, n->family, NLM_F_ACK, cmd, 1);
	nlt_put_u32(n, SCTPNL_A_ASSOC_ID, id);
	if (reason)
		nlt_put_str(n, SCTPNL_A_REASON, reason);
	return nlt_send(n, NULL, NULL);
}

static int set_rto(struct nlt *n, uint32_t id, uint32_t initial,
		   uint32_t max, uint32_t min)
{
	set_begin(n, id);
	nlt_nest(n, SCTPNL_A_RTOINFO);
	if (initial)
		nlt_put_u32(n, SCTPNL_RTOINFO_A_RTO_INITIAL, initial);
	if (max)
		nlt_put_u32(n, SCTPNL_RTOINFO_A_RTO_MAX, max);
	if (min)
		nlt_put_u32(n, SCTPNL_RTOINFO_A_RTO_MIN, min);
	nlt_nest_end(n);
	return nlt_send(n, NULL, NULL);
}

static bool in_dump(struct nlt *n, uint32_t id);

/* The sctpctl binary of this tree. */
static const char *sctpctl(void)
{
	return selftest_path("../user/sctpctl/sctpctl");
}

/* ------------------------------------------------------------------ */
/* Setting every option, on every socket style                         */
/* ------------------------------------------------------------------ */

/*
 * Times below are multiples of 20 ms: the stack keeps them in jiffies
 * (HZ 250 on Debian), so 310 ms would read back as 312 -- as it would
 * for the owner's own setsockopt.
 */
FIXTURE(ctl) {
	struct nlt *n;
	struct pair p;
};

FIXTURE_VARIANT(ctl) {
	enum style style;
};

FIXTURE_VARIANT_ADD(ctl, one_to_one) { O2O };
FIXTURE_VARIANT_ADD(ctl, one_to_many) { O2M };
FIXTURE_VARIANT_ADD(ctl, peeled) { PEELED };

FIXTURE_SETUP(ctl)
{
	ASSERT_EQ(0, fresh_netns());
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");
	ASSERT_EQ(0, pair_up(&self->p, variant->style, "127.0.0.1"));
}

FIXTURE_TEARDOWN(ctl)
{
	pair_down(&self->p);
	nlt_close(self->n);
}

TEST_F(ctl, rtoinfo)
{
	struct pair *p = &self->p;
	struct sctp_rtoinfo r = { .srto_assoc_id = p->own_oid };
	struct snl_assoc a;

	ASSERT_EQ(0, set_rto(self->n, p->own_id, 1700, 7100, 320))
		TH_LOG("%s", self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &r));
	EXPECT_EQ(1700, r.srto_initial);
	EXPECT_EQ(7100, r.srto_max);
	EXPECT_EQ(320, r.srto_min);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(1700, a.rto_initial);
	EXPECT_EQ(7100, a.rto_max);
	EXPECT_EQ(320, a.rto_min);

	/* Only min: initial and max stay. */
	ASSERT_EQ(0, set_rto(self->n, p->own_id, 0, 0, 260));
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &r));
	EXPECT_EQ(1700, r.srto_initial);
	EXPECT_EQ(7100, r.srto_max);
	EXPECT_EQ(260, r.srto_min);

	/* The peer's association is another one: untouched. */
	r.srto_assoc_id = p->peer_oid;
	ASSERT_EQ(0, GET(p->peer, SCTP_RTOINFO, &r));
	EXPECT_NE(260, r.srto_min);
}

TEST_F(ctl, associnfo)
{
	struct pair *p = &self->p;
	struct sctp_assocparams ap = { .sasoc_assoc_id = p->own_oid };
	struct snl_assoc a;

	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_ASSOCINFO);
	nlt_put_u16(self->n, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 6);
	nlt_put_u32(self->n, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE, 31000);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_ASSOCINFO, &ap));
	EXPECT_EQ(6, ap.sasoc_asocmaxrxt);
	EXPECT_EQ(31000, ap.sasoc_cookie_life);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(6, a.asocmaxrxt);
	EXPECT_EQ(31000, a.cookie_life);
}

TEST_F(ctl, initmsg)
{
	struct pair *p = &self->p;
	struct sctp_initmsg im;
	struct snl_assoc a;

	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_INITMSG);
	nlt_put_u16(self->n, SCTPNL_INITMSG_A_NUM_OSTREAMS, 13);
	nlt_put_u16(self->n, SCTPNL_INITMSG_A_MAX_INSTREAMS, 17);
	nlt_put_u16(self->n, SCTPNL_INITMSG_A_MAX_ATTEMPTS, 5);
	nlt_put_u16(self->n, SCTPNL_INITMSG_A_MAX_INIT_TIMEO, 3000);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_INITMSG, &im));
	EXPECT_EQ(13, im.sinit_num_ostreams);
	EXPECT_EQ(17, im.sinit_max_instreams);
	EXPECT_EQ(5, im.sinit_max_attempts);
	EXPECT_EQ(3000, im.sinit_max_init_timeo);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(13, a.init_ostreams);
	EXPECT_EQ(17, a.init_instreams);
	EXPECT_EQ(5, a.init_attempts);
	EXPECT_EQ(3000, a.init_timeo);
}

TEST_F(ctl, paddrparams)
{
	struct pair *p = &self->p;
	struct sctp_paddrparams pp = { .spp_assoc_id = p->own_oid };
	struct snl_assoc a;

	/* Every path (no ADDR). */
	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_HBINTERVAL, 4100);
	nlt_put_u16(self->n, SCTPNL_PADDR_A_PATHMAXRXT, 3);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_SACKDELAY, 160);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS,
		    SPP_HB_ENABLE | SPP_SACKDELAY_ENABLE);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp));
	EXPECT_EQ(4100, pp.spp_hbinterval);
	EXPECT_EQ(3, pp.spp_pathmaxrxt);
	EXPECT_EQ(160, pp.spp_sackdelay);
	EXPECT_TRUE(pp.spp_flags & SPP_HB_ENABLE);
	EXPECT_TRUE(pp.spp_flags & SPP_SACKDELAY_ENABLE);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	ASSERT_EQ(1, a.npaths);
	EXPECT_EQ(4100, a.paths[0].hbinterval);
	EXPECT_EQ(3, a.paths[0].pathmaxrxt);
	EXPECT_EQ(160, a.paths[0].sackdelay);
	EXPECT_EQ(pp.spp_flags, a.paths[0].flags);

	/* One path by address (port left to the kernel): a fixed MTU. */
	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_addr(self->n, SCTPNL_PADDR_A_ADDR, "127.0.0.1", -1);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_MTU, 1300);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS, SPP_PMTUD_DISABLE);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	struct sockaddr_in *sin = (void *)&pp.spp_address;

	memset(&pp, 0, sizeof(pp));
	pp.spp_assoc_id = p->own_oid;
	sin->sin_family = AF_INET;
	sin->sin_port = htons(a.pport);
	inet_pton(AF_INET, "127.0.0.1", &sin->sin_addr);
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp))
		TH_LOG("%s", strerror(errno));
	EXPECT_EQ(1300, pp.spp_pathmtu);
	EXPECT_TRUE(pp.spp_flags & SPP_PMTUD_DISABLE);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(1300, a.paths[0].mtu);
	EXPECT_EQ(pp.spp_flags, a.paths[0].flags);
}

/* hb_demand sends a HEARTBEAT now: the peer counts one more control chunk. */
TEST_F(ctl, hb_demand)
{
	struct pair *p = &self->p;
	struct sctp_assoc_stats before = { .sas_assoc_id = p->peer_oid };
	struct sctp_assoc_stats after = { .sas_assoc_id = p->peer_oid };
	struct snl_assoc a0, a1;
	long end;

	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a0));
	ASSERT_EQ(0, GET(p->peer, SCTP_GET_ASSOC_STATS, &before));
	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS, SPP_HB_DEMAND);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	end = now_ms() + 2000;
	do {
		usleep(20000);
		after.sas_assoc_id = p->peer_oid;
		ASSERT_EQ(0, GET(p->peer, SCTP_GET_ASSOC_STATS, &after));
	} while (after.sas_ictrlchunks == before.sas_ictrlchunks &&
		 now_ms() < end);
	EXPECT_LT(before.sas_ictrlchunks, after.sas_ictrlchunks);
	/* The owner's side sent it, and got its HEARTBEAT ACK. */
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a1));
	EXPECT_LT(a0.stats[SCTPNL_STATS_A_OCTRLCHUNKS],
		  a1.stats[SCTPNL_STATS_A_OCTRLCHUNKS]);
	EXPECT_LT(a0.stats[SCTPNL_STATS_A_ICTRLCHUNKS],
		  a1.stats[SCTPNL_STATS_A_ICTRLCHUNKS]);
}

TEST_F(ctl, delayed_ack)
{
	struct pair *p = &self->p;
	struct sctp_sack_info si = { .sack_assoc_id = p->own_oid };
	struct snl_assoc a;

	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_DELAYED_ACK);
	nlt_put_u32(self->n, SCTPNL_SACK_A_DELAY, 240);
	nlt_put_u32(self->n, SCTPNL_SACK_A_FREQ, 4);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_DELAYED_SACK, &si));
	EXPECT_EQ(240, si.sack_delay);
	EXPECT_EQ(4, si.sack_freq);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(240, a.sack_delay);
	EXPECT_EQ(4, a.sack_freq);

	/* freq 1 turns delayed SACK off: getsockopt says 0 / 1. */
	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_DELAYED_ACK);
	nlt_put_u32(self->n, SCTPNL_SACK_A_FREQ, 1);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL));
	si.sack_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_DELAYED_SACK, &si));
	EXPECT_EQ(0, si.sack_delay);
	EXPECT_EQ(1, si.sack_freq);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(0, a.sack_delay);
	EXPECT_EQ(1, a.sack_freq);
}

/* The owner's next plain send goes out with the new defaults. */
TEST_F(ctl, default_send)
{
	struct pair *p = &self->p;
	struct sctp_sndrcvinfo ds = { .sinfo_assoc_id = p->own_oid };
	struct sctp_sndrcvinfo got = { 0 };
	struct snl_assoc a;
	char buf[64];

	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_DEFAULT_SEND);
	nlt_put_u16(self->n, SCTPNL_SNDRCV_A_STREAM, 2);
	nlt_put_u16(self->n, SCTPNL_SNDRCV_A_FLAGS, SCTP_UNORDERED);
	nlt_put_u32(self->n, SCTPNL_SNDRCV_A_PPID, htonl(0x11223344));
	nlt_put_u32(self->n, SCTPNL_SNDRCV_A_CONTEXT, 99);
	nlt_put_u32(self->n, SCTPNL_SNDRCV_A_TIMETOLIVE, 5000);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_DEFAULT_SEND_PARAM, &ds));
	EXPECT_EQ(2, ds.sinfo_stream);
	EXPECT_EQ(SCTP_UNORDERED, ds.sinfo_flags);
	EXPECT_EQ(htonl(0x11223344), ds.sinfo_ppid);
	EXPECT_EQ(99, ds.sinfo_context);
	EXPECT_EQ(5000, ds.sinfo_timetolive);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(2, a.ds_stream);
	EXPECT_EQ(SCTP_UNORDERED, a.ds_flags);
	EXPECT_EQ(htonl(0x11223344), a.ds_ppid);
	EXPECT_EQ(99, a.ds_context);
	EXPECT_EQ(5000, a.ds_ttl);

	/* Only the context: the rest stays. */
	set_begin(self->n, p->own_id);
	nlt_nest(self->n, SCTPNL_A_DEFAULT_SEND);
	nlt_put_u32(self->n, SCTPNL_SNDRCV_A_CONTEXT, 100);
	nlt_nest_end(self->n);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL));
	ds.sinfo_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_DEFAULT_SEND_PARAM, &ds));
	EXPECT_EQ(2, ds.sinfo_stream);
	EXPECT_EQ(htonl(0x11223344), ds.sinfo_ppid);
	EXPECT_EQ(100, ds.sinfo_context);

	/* A send without SCTP_SNDRCV uses them. */
	if (variant->style == O2M) {
		struct sockaddr_in to = { .sin_family = AF_INET,
					  .sin_port = htons(p->port) };

		inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
		ASSERT_EQ(4, sendto(p->own, "data", 4, MSG_NOSIGNAL,
				    (void *)&to, sizeof(to)));
	} else {
		ASSERT_EQ(4, send(p->own, "data", 4, MSG_NOSIGNAL));
	}
	ASSERT_EQ(4, recv_data(p->peer, buf, sizeof(buf), &got));
	EXPECT_EQ(2, got.sinfo_stream);
	EXPECT_EQ(htonl(0x11223344), got.sinfo_ppid);
	EXPECT_TRUE(got.sinfo_flags & SCTP_UNORDERED);
}

TEST_F(ctl, maxseg)
{
	struct pair *p = &self->p;
	struct sctp_assoc_value v = { .assoc_id = p->own_oid };
	struct sctp_status st = { .sstat_assoc_id = p->own_oid };
	struct snl_assoc a;

	set_begin(self->n, p->own_id);
	nlt_put_u32(self->n, SCTPNL_A_MAXSEG, 1000);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_MAXSEG, &v));
	EXPECT_EQ(1000, v.assoc_value);
	ASSERT_EQ(0, GET(p->own, SCTP_STATUS, &st));
	EXPECT_EQ(1000, st.sstat_fragmentation_point);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(1000, a.maxseg);
	EXPECT_EQ(1000, a.fragpoint);
}

TEST_F(ctl, socket_scalars)
{
	struct pair *p = &self->p;
	struct sctp_setadaptation ad;
	struct snl_assoc a;
	uint32_t v;

	set_begin(self->n, p->own_id);
	nlt_put_u8(self->n, SCTPNL_A_NODELAY, 1);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_NODELAY, &v));
	EXPECT_EQ(1, v);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(1, a.nodelay);
	set_begin(self->n, p->own_id);
	nlt_put_u8(self->n, SCTPNL_A_NODELAY, 0);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL));
	ASSERT_EQ(0, GET(p->own, SCTP_NODELAY, &v));
	EXPECT_EQ(0, v);

	set_begin(self->n, p->own_id);
	nlt_put_u8(self->n, SCTPNL_A_DISABLE_FRAGMENTS, 1);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_DISABLE_FRAGMENTS, &v));
	EXPECT_EQ(1, v);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(1, a.disable_frag);

	set_begin(self->n, p->own_id);
	nlt_put_u32(self->n, SCTPNL_A_ADAPTATION_IND, 0x01020304);
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_ADAPTATION_LAYER, &ad));
	EXPECT_EQ(0x01020304, ad.ssb_adaptation_ind);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(0x01020304, a.adaptation);

	set_begin(self->n, p->own_id);
	nlt_put_u32(self->n, SCTPNL_A_AUTOCLOSE, 77);
	if (variant->style == O2O) {
		/* The stack's rule: one-to-many sockets only. */
		EXPECT_EQ(-EOPNOTSUPP, nlt_send(self->n, NULL, NULL));
		EXPECT_NE(0, self->n->extack[0]);
		return;
	}
	ASSERT_EQ(0, nlt_send(self->n, NULL, NULL)) TH_LOG("%s",
							   self->n->extack);
	ASSERT_EQ(0, GET(p->own, SCTP_AUTOCLOSE, &v));
	EXPECT_EQ(77, v);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(77, a.autoclose);
}

/* The CLI, by id and by 4-tuple. */
TEST_F(ctl, sctpctl_set)
{
	struct pair *p = &self->p;
	struct sctp_rtoinfo r = { .srto_assoc_id = p->own_oid };
	struct sctp_assocparams ap = { .sasoc_assoc_id = p->own_oid };
	struct sctp_paddrparams pp = { .spp_assoc_id = p->own_oid };
	struct sctp_sack_info si = { .sack_assoc_id = p->own_oid };
	struct sctp_sndrcvinfo ds = { .sinfo_assoc_id = p->own_oid };
	struct sctp_setadaptation ad;
	struct snl_assoc a;
	const char *ctl = sctpctl();
	uint32_t v;

	ASSERT_EQ(0, sh("%s set %u rtoinfo initial 2000 max 8000 min 400",
			ctl, p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &r));
	EXPECT_EQ(2000, r.srto_initial);
	EXPECT_EQ(8000, r.srto_max);
	EXPECT_EQ(400, r.srto_min);

	/* By 4-tuple, and with the sctp_ prefix. */
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	ASSERT_EQ(0, sh("%s set 127.0.0.1:%u 127.0.0.1:%u sctp_associnfo "
			"asocmaxrxt 8 cookie_life 32000", ctl, a.lport,
			a.pport));
	ASSERT_EQ(0, GET(p->own, SCTP_ASSOCINFO, &ap));
	EXPECT_EQ(8, ap.sasoc_asocmaxrxt);
	EXPECT_EQ(32000, ap.sasoc_cookie_life);

	/* hbinterval implies hb_enable. */
	ASSERT_EQ(0, sh("%s set %u paddrparams hbinterval 6100 pathmaxrxt 4",
			ctl, p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp));
	EXPECT_EQ(6100, pp.spp_hbinterval);
	EXPECT_EQ(4, pp.spp_pathmaxrxt);
	EXPECT_TRUE(pp.spp_flags & SPP_HB_ENABLE);
	ASSERT_EQ(0, sh("%s set %u sctp_peer_addr_params flags hb_disable",
			ctl, p->own_id));
	pp.spp_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp));
	EXPECT_TRUE(pp.spp_flags & SPP_HB_DISABLE);

	ASSERT_EQ(0, sh("%s set %u delayed_ack_time 180 freq 3", ctl,
			p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_DELAYED_SACK, &si));
	EXPECT_EQ(180, si.sack_delay);
	EXPECT_EQ(3, si.sack_freq);

	ASSERT_EQ(0, sh("%s set %u default_send_param stream 1 flags "
			"unordered ppid 258 context 5 timetolive 900", ctl,
			p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_DEFAULT_SEND_PARAM, &ds));
	EXPECT_EQ(1, ds.sinfo_stream);
	EXPECT_EQ(SCTP_UNORDERED, ds.sinfo_flags);
	EXPECT_EQ(htonl(258), ds.sinfo_ppid);	/* host order on the CLI */
	EXPECT_EQ(5, ds.sinfo_context);
	EXPECT_EQ(900, ds.sinfo_timetolive);

	ASSERT_EQ(0, sh("%s set %u maxseg 1100", ctl, p->own_id));
	struct sctp_assoc_value mv = { .assoc_id = p->own_oid };

	ASSERT_EQ(0, GET(p->own, SCTP_MAXSEG, &mv));
	EXPECT_EQ(1100, mv.assoc_value);
	ASSERT_EQ(0, sh("%s set %u nodelay on", ctl, p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_NODELAY, &v));
	EXPECT_EQ(1, v);
	ASSERT_EQ(0, sh("%s set %u disable_fragments on", ctl, p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_DISABLE_FRAGMENTS, &v));
	EXPECT_EQ(1, v);
	/* host order, as the owner's setsockopt takes it */
	ASSERT_EQ(0, sh("%s set %u adaptation_layer 7", ctl, p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_ADAPTATION_LAYER, &ad));
	EXPECT_EQ(7, ad.ssb_adaptation_ind);
	ASSERT_EQ(0, sh("%s set %u initmsg num_ostreams 21", ctl, p->own_id));
	struct sctp_initmsg im;

	ASSERT_EQ(0, GET(p->own, SCTP_INITMSG, &im));
	EXPECT_EQ(21, im.sinit_num_ostreams);
	if (variant->style != O2O) {
		ASSERT_EQ(0, sh("%s set %u autoclose 33", ctl, p->own_id));
		ASSERT_EQ(0, GET(p->own, SCTP_AUTOCLOSE, &v));
		EXPECT_EQ(33, v);
	}

	/* Rejections: exit 1, nothing changed. */
	EXPECT_EQ(1, sh("%s set %u rtoinfo min 9000 max 1000 2>/dev/null",
			ctl, p->own_id));
	EXPECT_EQ(1, sh("%s set %u rtoinfo bogus 1 2>/dev/null", ctl,
			p->own_id));
	EXPECT_EQ(1, sh("%s set %u nosuchopt 1 2>/dev/null", ctl, p->own_id));
	EXPECT_EQ(1, sh("%s set %u rtoinfo min 100 2>/dev/null", ctl,
			NO_ASSOC));
	r.srto_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &r));
	EXPECT_EQ(400, r.srto_min);
	EXPECT_EQ(8000, r.srto_max);
	/* The read path agrees with all of it. */
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	EXPECT_EQ(400, a.rto_min);
	EXPECT_EQ(8, a.asocmaxrxt);
	EXPECT_EQ(180, a.sack_delay);
	EXPECT_EQ(7, a.adaptation);
}

/* libsctpnl's setters: records in, records read back equal. */
TEST_F(ctl, library)
{
	struct pair *p = &self->p;
	struct sctpnl *h = sctpnl_open();
	struct sctpnl_key k = { .assoc_id = p->own_id };
	struct sctpnl_assoc *a = calloc(1, sizeof(*a));
	struct sctpnl_rtoinfo r = { 0 }, rb;
	struct sctpnl_setadaptation ad = { 0 }, adb;
	struct sctpnl_assoc_value dv = { 0 }, dvb;
	struct sctpnl_sndrcvinfo s = { 0 }, sb;
	struct sctpnl_paddrparams pp = { 0 };
	struct sctp_rtoinfo kr = { .srto_assoc_id = p->own_oid };
	struct sctp_sndrcvinfo kds = { .sinfo_assoc_id = p->own_oid };

	ASSERT_NE(NULL, h);
	ASSERT_NE(NULL, a);

	r.max = 6600;
	SCTPNL_SETF(&r, SCTPNL_RTOINFO_MAX);
	r.min = 340;
	SCTPNL_SETF(&r, SCTPNL_RTOINFO_MIN);
	ASSERT_EQ(0, sctpnl_set_rtoinfo(h, &k, &r)) TH_LOG("%s",
							   sctpnl_errmsg(h));
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &kr));
	EXPECT_EQ(6600, kr.srto_max);
	EXPECT_EQ(340, kr.srto_min);

	/* A record read back, changed, given back with key NULL. */
	ASSERT_EQ(0, sctpnl_assoc_get(h, &k, a));
	ASSERT_EQ(0, sctpnl_rtoinfo_from_assoc(a, &rb));
	EXPECT_EQ(6600, rb.max);
	rb.initial = 1020;
	ASSERT_EQ(0, sctpnl_set_rtoinfo(h, NULL, &rb));
	kr.srto_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &kr));
	EXPECT_EQ(1020, kr.srto_initial);
	EXPECT_EQ(6600, kr.srto_max);

	ad.adaptation_ind = 0x0a0b0c0d;
	SCTPNL_SETF(&ad, SCTPNL_SETADAPTATION_ADAPTATION_IND);
	ASSERT_EQ(0, sctpnl_set_adaptation(h, &k, &ad));
	ASSERT_EQ(0, sctpnl_assoc_get(h, &k, a));
	ASSERT_EQ(0, sctpnl_setadaptation_from_assoc(a, &adb));
	EXPECT_EQ(0x0a0b0c0d, adb.adaptation_ind);

	dv.assoc_value = 220;
	SCTPNL_SETF(&dv, SCTPNL_ASSOC_VALUE_ASSOC_VALUE);
	ASSERT_EQ(0, sctpnl_set_delayed_ack(h, &k, &dv));
	ASSERT_EQ(0, sctpnl_assoc_get(h, &k, a));
	ASSERT_EQ(0, sctpnl_delayed_ack_from_assoc(a, &dvb));
	EXPECT_EQ(220, dvb.assoc_value);

	s.ppid = 0x01020304;	/* host order, as gen_sctp */
	SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_PPID);
	s.stream = 3;
	SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_STREAM);
	ASSERT_EQ(0, sctpnl_set_default_send(h, &k, &s));
	ASSERT_EQ(0, GET(p->own, SCTP_DEFAULT_SEND_PARAM, &kds));
	EXPECT_EQ(htonl(0x01020304), kds.sinfo_ppid);
	EXPECT_EQ(3, kds.sinfo_stream);
	ASSERT_EQ(0, sctpnl_assoc_get(h, &k, a));
	ASSERT_EQ(0, sctpnl_sndrcvinfo_from_assoc(a, &sb));
	EXPECT_EQ(0x01020304, sb.ppid);

	/* A read-back path record with its address: that path. */
	ASSERT_EQ(0, sctpnl_paddrparams_from_assoc(a, 0, &pp));
	pp.set = 0;
	SCTPNL_SETF(&pp, SCTPNL_PADDRPARAMS_ADDRESS);
	pp.pathmaxrxt = 9;
	SCTPNL_SETF(&pp, SCTPNL_PADDRPARAMS_PATHMAXRXT);
	ASSERT_EQ(0, sctpnl_set_paddrparams(h, &k, &pp)) TH_LOG("%s",
		  sctpnl_errmsg(h));
	ASSERT_EQ(0, sctpnl_assoc_get(h, &k, a));
	EXPECT_EQ(9, a->paths[0].params.pathmaxrxt);

	/* Errors: negative errno and the extack. */
	r.set = 0;
	r.min = 5000;
	SCTPNL_SETF(&r, SCTPNL_RTOINFO_MIN);
	r.max = 1000;
	SCTPNL_SETF(&r, SCTPNL_RTOINFO_MAX);
	EXPECT_EQ(-EINVAL, sctpnl_set_rtoinfo(h, &k, &r));
	EXPECT_NE(NULL, sctpnl_errmsg(h));
	k.assoc_id = NO_ASSOC;
	EXPECT_EQ(-ENOENT, sctpnl_set_maxseg(h, &k, 0));
	EXPECT_NE(NULL, sctpnl_errmsg(h));
	EXPECT_EQ(-ENOENT, sctpnl_eof(h, &k));
	EXPECT_EQ(-EINVAL, sctpnl_set_rtoinfo(h, NULL, &r));	/* no id */
	free(a);
	sctpnl_close(h);
}

/* ------------------------------------------------------------------ */
/* Rejections leave everything as it was                               */
/* ------------------------------------------------------------------ */

struct snap {
	struct sctp_rtoinfo rto;
	struct sctp_assocparams ap;
	struct sctp_paddrparams pp;
	struct sctp_sndrcvinfo ds;
	struct sctp_event_subscribe ev;
	struct sctp_status st;
	struct sockaddr_storage prim;
};

static void snapshot(struct __test_metadata *_metadata, struct pair *p,
		     struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->rto.srto_assoc_id = p->own_oid;
	s->ap.sasoc_assoc_id = p->own_oid;
	s->pp.spp_assoc_id = p->own_oid;
	s->ds.sinfo_assoc_id = p->own_oid;
	s->st.sstat_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_RTOINFO, &s->rto));
	ASSERT_EQ(0, GET(p->own, SCTP_ASSOCINFO, &s->ap));
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &s->pp));
	ASSERT_EQ(0, GET(p->own, SCTP_DEFAULT_SEND_PARAM, &s->ds));
	ASSERT_EQ(0, GET(p->own, SCTP_EVENTS, &s->ev));
	ASSERT_EQ(0, GET(p->own, SCTP_STATUS, &s->st));
	memcpy(&s->prim, (char *)&s->st.sstat_primary.spinfo_address,
	       sizeof(s->prim));
}

static void unchanged(struct __test_metadata *_metadata, struct pair *p,
		      const struct snap *before)
{
	struct snap now;

	snapshot(_metadata, p, &now);
	EXPECT_EQ(before->rto.srto_initial, now.rto.srto_initial);
	EXPECT_EQ(before->rto.srto_max, now.rto.srto_max);
	EXPECT_EQ(before->rto.srto_min, now.rto.srto_min);
	EXPECT_EQ(before->ap.sasoc_asocmaxrxt, now.ap.sasoc_asocmaxrxt);
	EXPECT_EQ(before->ap.sasoc_cookie_life, now.ap.sasoc_cookie_life);
	EXPECT_EQ(before->pp.spp_hbinterval, now.pp.spp_hbinterval);
	EXPECT_EQ(before->pp.spp_pathmaxrxt, now.pp.spp_pathmaxrxt);
	EXPECT_EQ(before->pp.spp_sackdelay, now.pp.spp_sackdelay);
	EXPECT_EQ(before->pp.spp_pathmtu, now.pp.spp_pathmtu);
	EXPECT_EQ(before->pp.spp_flags, now.pp.spp_flags);
	EXPECT_EQ(before->ds.sinfo_stream, now.ds.sinfo_stream);
	EXPECT_EQ(before->ds.sinfo_flags, now.ds.sinfo_flags);
	EXPECT_EQ(0, memcmp(&before->ev, &now.ev, sizeof(now.ev)));
	EXPECT_EQ(SCTP_ESTABLISHED, now.st.sstat_state);
	EXPECT_TRUE(snl_addr_eq(&before->prim, &now.prim, true));
}

FIXTURE(rej) {
	struct nlt *n;
	struct pair p;
	struct snap before;
};

FIXTURE_SETUP(rej)
{
	ASSERT_EQ(0, fresh_netns());
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");
	ASSERT_EQ(0, pair_up(&self->p, O2M, "127.0.0.1"));
	snapshot(_metadata, &self->p, &self->before);
}

FIXTURE_TEARDOWN(rej)
{
	pair_down(&self->p);
	nlt_close(self->n);
}

static void reject(struct __test_metadata *_metadata, struct nlt *n,
		   int err, const char *what)
{
	EXPECT_EQ(err, nlt_send(n, NULL, NULL));
	EXPECT_NE(0, n->extack[0]) TH_LOG("no extack");
	if (what)
		EXPECT_NE(NULL, strstr(n->extack, what))
			TH_LOG("extack \"%s\"", n->extack);
}

#define EXPECT_REJECT(err, what) reject(_metadata, self->n, err, what)

TEST_F(rej, rto_min_above_max)
{
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_RTOINFO);
	nlt_put_u32(self->n, SCTPNL_RTOINFO_A_RTO_MAX, 1000);
	nlt_put_u32(self->n, SCTPNL_RTOINFO_A_RTO_MIN, 5000);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "sctp_rtoinfo");
	EXPECT_LE(0, self->n->extack_off);	/* names the RTOINFO nest */
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, paddrparams_invalid)
{
	/* hb_enable together with hb_disable: the stack says no. */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u16(self->n, SCTPNL_PADDR_A_PATHMAXRXT, 9);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS,
		    SPP_HB_ENABLE | SPP_HB_DISABLE);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "sctp_peer_addr_params");
	/* sackdelay above 500 ms */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u16(self->n, SCTPNL_PADDR_A_PATHMAXRXT, 9);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_SACKDELAY, 600);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS, SPP_SACKDELAY_ENABLE);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "sctp_peer_addr_params");
	/* a path MTU below the minimum segment */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_MTU, 100);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS, SPP_PMTUD_DISABLE);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, NULL);
	/* a path that is not one of the association's */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_addr(self->n, SCTPNL_PADDR_A_ADDR, "127.0.0.9", -1);
	nlt_put_u16(self->n, SCTPNL_PADDR_A_PATHMAXRXT, 9);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, NULL);
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, unknown_flag_bits)
{
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PADDRPARAMS);
	nlt_put_u16(self->n, SCTPNL_PADDR_A_PATHMAXRXT, 9);
	nlt_put_u32(self->n, SCTPNL_PADDR_A_FLAGS, SPP_HB_ENABLE | 1u << 20);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, NULL);
	EXPECT_LE(0, self->n->extack_off);
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_DEFAULT_SEND);
	nlt_put_u16(self->n, SCTPNL_SNDRCV_A_STREAM, 3);
	nlt_put_u16(self->n, SCTPNL_SNDRCV_A_FLAGS, 0x100);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, NULL);
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, primary_not_a_peer)
{
	set_begin(self->n, self->p.own_id);
	nlt_put_addr(self->n, SCTPNL_A_PRIMARY, "127.0.0.9", -1);
	EXPECT_REJECT(-EINVAL, "sctp_primary_addr");
	/* wrong family for this IPv4 socket's association */
	set_begin(self->n, self->p.own_id);
	nlt_put_addr(self->n, SCTPNL_A_PRIMARY, "::1", -1);
	EXPECT_REJECT(-EINVAL, NULL);
	/* a family the policy does not know */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_PRIMARY);
	nlt_put_u16(self->n, SCTPNL_ADDR_A_FAMILY, 99);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-ERANGE, NULL);
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, peer_primary_without_asconf)
{
	/* ASCONF is off by default (net.sctp.addip_enable = 0). */
	set_begin(self->n, self->p.own_id);
	nlt_put_addr(self->n, SCTPNL_A_PEER_PRIMARY, "127.0.0.1", -1);
	EXPECT_REJECT(-EPERM, "sctp_set_peer_primary_addr");
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, unknown_assoc)
{
	EXPECT_EQ(-ENOENT, set_rto(self->n, NO_ASSOC, 0, 0, 100));
	EXPECT_NE(NULL, strstr(self->n->extack, "no such association"));
	EXPECT_EQ(-ENOENT, act(self->n, SCTPNL_CMD_ASSOC_ABORT, NO_ASSOC,
			       NULL));
	EXPECT_EQ(-ENOENT, act(self->n, SCTPNL_CMD_ASSOC_EOF, NO_ASSOC,
			       NULL));
	/* by 4-tuple: a port nobody uses */
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_SET, 1);
	nlt_put_addr(self->n, SCTPNL_A_LOCAL, "127.0.0.1", 1);
	nlt_put_addr(self->n, SCTPNL_A_PEER, "127.0.0.1", 2);
	nlt_put_u8(self->n, SCTPNL_A_NODELAY, 1);
	EXPECT_REJECT(-ENOENT, "no such association");
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, two_options)
{
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_RTOINFO);
	nlt_put_u32(self->n, SCTPNL_RTOINFO_A_RTO_MIN, 222);
	nlt_nest_end(self->n);
	nlt_put_u32(self->n, SCTPNL_A_MAXSEG, 1000);
	EXPECT_REJECT(-EINVAL, "one option per request");
	/* none at all */
	set_begin(self->n, self->p.own_id);
	EXPECT_REJECT(-EINVAL, "no option");
	unchanged(_metadata, &self->p, &self->before);
}

TEST_F(rej, owners_choices)
{
	/* EVENTS, the nest it is: refused, saying why, naming it. */
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_EVENTS);
	nlt_put_u8(self->n, SCTPNL_EVENTS_A_DATA_IO, 0);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "owner's choice");
	EXPECT_LE(0, self->n->extack_off);
	/* Malformed (not flagged nested): strict validation refuses it. */
	set_begin(self->n, self->p.own_id);
	nlt_put(self->n, SCTPNL_A_EVENTS, NULL, 0);
	EXPECT_REJECT(-EINVAL, NULL);
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_STATUS);
	nlt_put_u8(self->n, SCTPNL_STATUS_A_STATE, 1);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "read-only");
	set_begin(self->n, self->p.own_id);
	nlt_put_u8(self->n, SCTPNL_A_SK_V4MAPPED, 1);
	EXPECT_REJECT(-EINVAL, NULL);
	set_begin(self->n, self->p.own_id);
	nlt_put_u8(self->n, SCTPNL_A_SK_STYLE, SCTPNL_STYLE_ONE_TO_ONE);
	EXPECT_REJECT(-EINVAL, NULL);
	set_begin(self->n, self->p.own_id);
	nlt_nest(self->n, SCTPNL_A_ASSOCINFO);
	nlt_put_u32(self->n, SCTPNL_ASSOCPARAMS_A_PEER_RWND, 1);
	nlt_nest_end(self->n);
	EXPECT_REJECT(-EINVAL, "read-only");
	/* a reason goes with abort only */
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_EOF, 1);
	nlt_put_u32(self->n, SCTPNL_A_ASSOC_ID, self->p.own_id);
	nlt_put_str(self->n, SCTPNL_A_REASON, "x");
	EXPECT_REJECT(-EINVAL, "abort only");
	unchanged(_metadata, &self->p, &self->before);
}

/* Unprivileged: no change, no abort, no eof; reading is fine. */
struct unpriv_arg {
	uint32_t id;
	int found;
};

static int unpriv_dump_cb(const struct snl_assoc *a, void *arg)
{
	struct unpriv_arg *u = arg;

	if (a->assoc_id == u->id)
		u->found = 1;
	return 0;
}

TEST_F(rej, unprivileged)
{
	pid_t pid;
	int status;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct unpriv_arg u = { .id = self->p.own_id };
		struct snl_assoc a;
		struct nlt *n;

		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(20);
		n = nlt_open();
		if (!n || !n->family)
			_exit(21);
		if (set_rto(n, self->p.own_id, 0, 0, 123) != -EPERM)
			_exit(1);
		if (act(n, SCTPNL_CMD_ASSOC_ABORT, self->p.own_id, NULL) !=
		    -EPERM)
			_exit(2);
		if (act(n, SCTPNL_CMD_ASSOC_EOF, self->p.own_id, NULL) !=
		    -EPERM)
			_exit(3);
		if (snl_get_by_id(n, self->p.own_id, &a) ||
		    a.assoc_id != self->p.own_id ||
		    a.state != SCTP_ESTABLISHED)
			_exit(4);
		if (snl_dump(n, NULL, NULL, unpriv_dump_cb, &u) || !u.found)
			_exit(5);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	unchanged(_metadata, &self->p, &self->before);
}

/* Another network namespace does not see the association at all. */
TEST_F(rej, other_netns)
{
	pid_t pid;
	int status;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct snl_assoc a;
		struct nlt *n;

		if (unshare(CLONE_NEWNET))
			_exit(20);
		n = nlt_open();
		if (!n || !n->family)
			_exit(21);
		if (set_rto(n, self->p.own_id, 0, 0, 123) != -ENOENT)
			_exit(1);
		if (act(n, SCTPNL_CMD_ASSOC_ABORT, self->p.own_id, NULL) !=
		    -ENOENT)
			_exit(2);
		if (act(n, SCTPNL_CMD_ASSOC_EOF, self->p.own_id, NULL) !=
		    -ENOENT)
			_exit(3);
		if (snl_get_by_id(n, self->p.own_id, &a) != -ENOENT)
			_exit(4);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	unchanged(_metadata, &self->p, &self->before);
}

/* ------------------------------------------------------------------ */
/* Primary path of a multi-homed association                           */
/* ------------------------------------------------------------------ */

struct mh {
	int lsn, cli, srv;
	sctp_assoc_t cid, sid;
	int port;
};

static int bindx2(int fd, const char *a, const char *b, int port)
{
	struct sockaddr_in s[2] = {
		{ .sin_family = AF_INET, .sin_port = htons(port) },
		{ .sin_family = AF_INET, .sin_port = htons(port) },
	};

	inet_pton(AF_INET, a, &s[0].sin_addr);
	inet_pton(AF_INET, b, &s[1].sin_addr);
	return sctp_bindx(fd, (void *)s, 2, SCTP_BINDX_ADD_ADDR);
}

/* One-to-many, both ends on 127.0.0.1 and 127.0.0.2. */
static int mh_up(struct mh *m)
{
	struct sockaddr_in s[2] = {
		{ .sin_family = AF_INET }, { .sin_family = AF_INET },
	};
	struct sockaddr_in ss;
	socklen_t len = sizeof(ss);
	char buf[64];
	long end;

	memset(m, 0, sizeof(*m));
	m->lsn = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	m->cli = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (m->lsn < 0 || m->cli < 0)
		return -1;
	subscribe(m->lsn);
	subscribe(m->cli);
	if (bindx2(m->lsn, "127.0.0.1", "127.0.0.2", 0) ||
	    getsockname(m->lsn, (void *)&ss, &len) || listen(m->lsn, 8))
		return -2;
	m->port = ntohs(ss.sin_port);
	if (bindx2(m->cli, "127.0.0.1", "127.0.0.2", 0))
		return -3;
	for (int i = 0; i < 2; i++)
		s[i].sin_port = htons(m->port);
	inet_pton(AF_INET, "127.0.0.1", &s[0].sin_addr);
	inet_pton(AF_INET, "127.0.0.2", &s[1].sin_addr);
	if (sctp_connectx(m->cli, (void *)s, 2, &m->cid))
		return -4;
	end = now_ms() + 3000;
	while (!(m->sid = sk_first_assoc(m->lsn, NULL)) && now_ms() < end)
		usleep(10000);
	if (!m->sid)
		return -5;
	/* Both sides up. */
	if (wait_notif(m->cli, SCTP_ASSOC_CHANGE, SCTP_COMM_UP, buf,
		       sizeof(buf), 3000) <= 0)
		return -6;
	if (wait_notif(m->lsn, SCTP_ASSOC_CHANGE, SCTP_COMM_UP, buf,
		       sizeof(buf), 3000) <= 0)
		return -7;
	return 0;
}

static void mh_down(struct mh *m)
{
	if (m->cli > 0)
		close(m->cli);
	if (m->lsn > 0)
		close(m->lsn);
}

static int primary_of(int fd, sctp_assoc_t id, struct sockaddr_storage *out)
{
	struct sctp_status st = { .sstat_assoc_id = id };

	if (GET(fd, SCTP_STATUS, &st))
		return -errno;
	memcpy(out, &st.sstat_primary.spinfo_address, sizeof(*out));
	return 0;
}

static const char *ip_of(const struct sockaddr_storage *ss, char *buf)
{
	inet_ntop(AF_INET, &((struct sockaddr_in *)ss)->sin_addr, buf,
		  INET_ADDRSTRLEN);
	return buf;
}

TEST(primary_multihomed)
{
	struct sockaddr_storage before, after, want, got;
	union {
		union sctp_notification sn;
		char b[512];
	} u;
	char ip[INET_ADDRSTRLEN], other[INET_ADDRSTRLEN];
	struct sctp_assocparams ap, ap2;
	struct snl_assoc a;
	struct nlt *n;
	struct mh m;
	int r, prim = -1;

	ASSERT_EQ(0, fresh_netns());
	n = nlt_open();
	ASSERT_NE(NULL, n);
	if (!n->family)
		SKIP(return, "sctpnl not loaded");
	ASSERT_EQ(0, mh_up(&m));

	ASSERT_EQ(0, snl_get_by_id(n, m.cid, &a));
	ASSERT_EQ(2, a.npaths);
	ASSERT_EQ(0, primary_of(m.cli, m.cid, &before));
	ip_of(&before, ip);
	strcpy(other, strcmp(ip, "127.0.0.1") ? "127.0.0.1" : "127.0.0.2");

	/* Not a peer address: refused, nothing moves, no notification. */
	set_begin(n, m.cid);
	nlt_put_addr(n, SCTPNL_A_PRIMARY, "127.0.0.3", -1);
	EXPECT_EQ(-EINVAL, nlt_send(n, NULL, NULL));
	EXPECT_NE(0, n->extack[0]);
	ASSERT_EQ(0, primary_of(m.cli, m.cid, &after));
	EXPECT_TRUE(snl_addr_eq(&before, &after, true));

	/* asocmaxrxt above the paths' sum is invalid when multi-homed. */
	ap = (struct sctp_assocparams){ .sasoc_assoc_id = m.cid };
	ASSERT_EQ(0, GET(m.cli, SCTP_ASSOCINFO, &ap));
	set_begin(n, m.cid);
	nlt_nest(n, SCTPNL_A_ASSOCINFO);
	nlt_put_u16(n, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 60000);
	nlt_nest_end(n);
	EXPECT_EQ(-EINVAL, nlt_send(n, NULL, NULL));
	EXPECT_NE(0, n->extack[0]);
	ap2.sasoc_assoc_id = m.cid;
	ASSERT_EQ(0, GET(m.cli, SCTP_ASSOCINFO, &ap2));
	EXPECT_EQ(ap.sasoc_asocmaxrxt, ap2.sasoc_asocmaxrxt);

	/* The other address, port left to the kernel. */
	set_begin(n, m.cid);
	nlt_put_addr(n, SCTPNL_A_PRIMARY, other, -1);
	ASSERT_EQ(0, nlt_send(n, NULL, NULL)) TH_LOG("%s", n->extack);
	ASSERT_EQ(0, primary_of(m.cli, m.cid, &after));
	snl_sockaddr(other, m.port, &want);
	EXPECT_TRUE(snl_addr_eq(&want, &after, true))
		TH_LOG("primary %s, wanted %s", ip_of(&after, ip), other);

	/* The owner hears of it as if it had asked itself. */
	r = wait_notif(m.cli, SCTP_PEER_ADDR_CHANGE, SCTP_ADDR_MADE_PRIM,
		       &u, sizeof(u), 2000);
	ASSERT_LT(0, r);
	memcpy(&got, (char *)&u.sn.sn_paddr_change.spc_aaddr, sizeof(got));
	EXPECT_TRUE(snl_addr_eq(&want, &got, true));
	EXPECT_EQ(m.cid, u.sn.sn_paddr_change.spc_assoc_id);

	/* sctpnl agrees. */
	ASSERT_EQ(0, snl_get_by_id(n, m.cid, &a));
	for (int i = 0; i < a.npaths; i++) {
		if (a.paths[i].primary)
			prim = i;
	}
	ASSERT_LE(0, prim);
	EXPECT_TRUE(snl_addr_eq(&want, &a.paths[prim].addr, true));

	/* And back through the CLI, with an explicit port. */
	ASSERT_EQ(0, sh("%s set %u sctp_primary_addr %s:%d", sctpctl(), m.cid,
			ip, m.port));
	ASSERT_EQ(0, primary_of(m.cli, m.cid, &after));
	EXPECT_TRUE(snl_addr_eq(&before, &after, true));

	mh_down(&m);
	nlt_close(n);
}

/* With ASCONF on (in a namespace of our own), the peer moves its primary
 * to the local address we name. */
TEST(peer_primary_asconf)
{
	struct sockaddr_storage before, after, want;
	union {
		union sctp_notification sn;
		char b[512];
	} u;
	char ip[INET_ADDRSTRLEN], other[INET_ADDRSTRLEN];
	struct nlt *n;
	struct mh m;
	long end;

	ASSERT_EQ(0, fresh_netns());
	ASSERT_EQ(0, write_sysctl("/proc/sys/net/sctp/addip_enable", "1"));
	ASSERT_EQ(0, write_sysctl("/proc/sys/net/sctp/auth_enable", "1"));
	n = nlt_open();
	ASSERT_NE(NULL, n);
	if (!n->family)
		SKIP(return, "sctpnl not loaded");
	ASSERT_EQ(0, mh_up(&m));

	/* The server's primary towards the client, moved by the client. */
	ASSERT_EQ(0, primary_of(m.lsn, m.sid, &before));
	ip_of(&before, ip);
	strcpy(other, strcmp(ip, "127.0.0.1") ? "127.0.0.1" : "127.0.0.2");

	set_begin(n, m.cid);
	nlt_put_addr(n, SCTPNL_A_PEER_PRIMARY, other, -1);
	ASSERT_EQ(0, nlt_send(n, NULL, NULL)) TH_LOG("%s", n->extack);

	snl_sockaddr(other, 0, &want);
	end = now_ms() + 3000;
	do {
		usleep(20000);
		ASSERT_EQ(0, primary_of(m.lsn, m.sid, &after));
	} while (!snl_addr_eq(&want, &after, false) && now_ms() < end);
	EXPECT_TRUE(snl_addr_eq(&want, &after, false))
		TH_LOG("peer's primary %s, wanted %s", ip_of(&after, ip),
		       other);
	EXPECT_LT(0, wait_notif(m.lsn, SCTP_PEER_ADDR_CHANGE,
				SCTP_ADDR_MADE_PRIM, &u, sizeof(u), 2000));
	mh_down(&m);
	nlt_close(n);
}

/* ------------------------------------------------------------------ */
/* Abort and eof                                                       */
/* ------------------------------------------------------------------ */

static int find_id_cb(const struct snl_assoc *a, void *arg)
{
	uint32_t *id = arg;

	if (a->assoc_id == *id)
		*id = 0;
	return 0;
}

static bool in_dump(struct nlt *n, uint32_t id)
{
	uint32_t want = id;

	if (snl_dump(n, NULL, NULL, find_id_cb, &want))
		return true;
	return want == 0;
}

/* Gone from the dump (both ends), polled for up to 2 s. */
static bool gone(struct nlt *n, uint32_t a, uint32_t b)
{
	long end = now_ms() + 2000;

	do {
		if (!in_dump(n, a) && !in_dump(n, b))
			return true;
		usleep(20000);
	} while (now_ms() < end);
	return false;
}

TEST_F(ctl, abort)
{
	struct pair *p = &self->p;
	union {
		union sctp_notification sn;
		char b[1024];
	} u;
	int r;

	ASSERT_TRUE(in_dump(self->n, p->own_id));
	r = act(self->n, SCTPNL_CMD_ASSOC_ABORT, p->own_id, NULL);
	if (variant->style == O2O) {
		struct sctp_status st = { 0 };

		EXPECT_EQ(-EOPNOTSUPP, r);
		EXPECT_NE(NULL, strstr(self->n->extack, "eof"))
			TH_LOG("extack \"%s\"", self->n->extack);
		ASSERT_EQ(0, GET(p->own, SCTP_STATUS, &st));
		EXPECT_EQ(SCTP_ESTABLISHED, st.sstat_state);
		EXPECT_TRUE(in_dump(self->n, p->own_id));
		return;
	}
	ASSERT_EQ(0, r) TH_LOG("%s", self->n->extack);
	r = wait_notif(p->own, SCTP_ASSOC_CHANGE, SCTP_COMM_LOST, &u,
		       sizeof(u), 2000);
	ASSERT_LT(0, r);
	EXPECT_EQ(p->own_oid ? p->own_oid : u.sn.sn_assoc_change.sac_assoc_id,
		  u.sn.sn_assoc_change.sac_assoc_id);
	r = wait_notif(p->peer, SCTP_ASSOC_CHANGE, SCTP_COMM_LOST, &u,
		       sizeof(u), 2000);
	ASSERT_LT(0, r);
	EXPECT_TRUE(gone(self->n, p->own_id, p->peer_id));
}

TEST_F(ctl, abort_with_reason)
{
	struct pair *p = &self->p;
	const char *why = "maintenance window 42";
	union {
		union sctp_notification sn;
		char b[1024];
	} u;
	int r;

	if (variant->style == O2O)
		SKIP(return, "one-to-one abort is refused");
	ASSERT_EQ(0, sh("%s abort %u reason '%s'", sctpctl(), p->own_id, why));
	r = wait_notif(p->peer, SCTP_ASSOC_CHANGE, SCTP_COMM_LOST, &u,
		       sizeof(u), 2000);
	ASSERT_LT(0, r);
	/* The peer's sac_info holds the ABORT's causes: our text. */
	EXPECT_NE(NULL, memmem(u.b, r, why, strlen(why)))
		TH_LOG("reason not in the peer's COMM_LOST (%d bytes)", r);
	EXPECT_LT(0, wait_notif(p->own, SCTP_ASSOC_CHANGE, SCTP_COMM_LOST, &u,
				sizeof(u), 2000));
	EXPECT_TRUE(gone(self->n, p->own_id, p->peer_id));
}

TEST_F(ctl, eof)
{
	struct pair *p = &self->p;
	union {
		union sctp_notification sn;
		char b[1024];
	} u;

	ASSERT_EQ(0, act(self->n, SCTPNL_CMD_ASSOC_EOF, p->own_id, NULL))
		TH_LOG("%s", self->n->extack);
	/* The peer learns of the SHUTDOWN, then both complete it. */
	EXPECT_LT(0, wait_notif(p->peer, SCTP_SHUTDOWN_EVENT, -1, &u,
				sizeof(u), 2000));
	EXPECT_LT(0, wait_notif(p->own, SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_COMP,
				&u, sizeof(u), 3000));
	EXPECT_LT(0, wait_notif(p->peer, SCTP_ASSOC_CHANGE,
				SCTP_SHUTDOWN_COMP, &u, sizeof(u), 3000));
	EXPECT_TRUE(gone(self->n, p->own_id, p->peer_id));
}

TEST_F(ctl, sctpctl_eof_by_tuple)
{
	struct pair *p = &self->p;
	union {
		union sctp_notification sn;
		char b[1024];
	} u;
	struct snl_assoc a;

	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	ASSERT_EQ(0, sh("%s eof 127.0.0.1:%u 127.0.0.1:%u", sctpctl(),
			a.lport, a.pport));
	EXPECT_LT(0, wait_notif(p->own, SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_COMP,
				&u, sizeof(u), 3000));
	EXPECT_LT(0, wait_notif(p->peer, SCTP_ASSOC_CHANGE,
				SCTP_SHUTDOWN_COMP, &u, sizeof(u), 3000));
	EXPECT_TRUE(gone(self->n, p->own_id, p->peer_id));
}

/* ------------------------------------------------------------------ */
/* Issue 18: what the views say, and what a rejection says             */
/* ------------------------------------------------------------------ */

/* Run a shell command, its stdout and stderr into @out: exit status. */
static int run(char *out, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int run(char *out, size_t len, const char *fmt, ...)
{
	char cmd[1024];
	size_t off = 0, r;
	va_list ap;
	FILE *f;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd) - 8, fmt, ap);
	va_end(ap);
	strcat(cmd, " 2>&1");
	out[0] = '\0';
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (off + 1 < len && (r = fread(out + off, 1, len - 1 - off, f)) > 0)
		off += r;
	out[off] = '\0';
	rc = pclose(f);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

FIXTURE(i18) {
	struct nlt *n;
	struct pair p;
	char out[16384];
};

FIXTURE_SETUP(i18)
{
	ASSERT_EQ(0, fresh_netns());
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");
	ASSERT_EQ(0, pair_up(&self->p, O2M, "127.0.0.1"));
}

FIXTURE_TEARDOWN(i18)
{
	pair_down(&self->p);
	nlt_close(self->n);
}

/*
 * The adaptation indication is host order in the sockets API: 42 set
 * through sctpctl reads back 42 from the owner, reaches a C peer as 42,
 * and every view but -f erl (OTP's byte-swapped form) says 42.
 */
TEST_F(i18, adaptation_host_order)
{
	struct pair *p = &self->p;
	struct sctp_setadaptation ad;
	struct sctp_event_subscribe ev = { .sctp_adaptation_layer_event = 1,
					   .sctp_association_event = 1 };
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	union {
		union sctp_notification sn;
		char b[1024];
	} u;
	char mon[] = "/tmp/i18monXXXXXX", *o = self->out;
	const char *ctl = sctpctl();
	sctp_assoc_t nid;
	int l2, port2, mfd, subs;

	ASSERT_EQ(0, run(o, sizeof(self->out),
			 "%s set %u adaptation_layer 42", ctl, p->own_id)) {
		TH_LOG("%s", o);
	}
	ASSERT_EQ(0, GET(p->own, SCTP_ADAPTATION_LAYER, &ad));
	EXPECT_EQ(42, ad.ssb_adaptation_ind);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j assoc show id %u", ctl,
			 p->own_id));
	EXPECT_NE(NULL, strstr(o, "\"adaptation_ind\":42")) TH_LOG("%s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s status %u", ctl,
			 p->own_id));
	EXPECT_NE(NULL, strstr(o, "adaptation_ind 42")) TH_LOG("%s", o);
	/* OTP's driver shows ntohl() of the kernel's value */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -f erl assoc show id %u",
			 ctl, p->own_id));
	EXPECT_NE(NULL, strstr(o, "#sctp_setadaptation{adaptation_ind = "
				  "704643072}")) TH_LOG("%s", o);

	/* A new association from the owner's socket: the peer's view. */
	mfd = mkstemp(mon);
	ASSERT_LE(0, mfd);
	close(mfd);
	l2 = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, l2);
	ASSERT_EQ(0, SET(l2, SCTP_EVENTS, &ev));
	snl_sockaddr("127.0.0.1", 0, &ss);
	ASSERT_EQ(0, bind(l2, (void *)&ss, sizeof(struct sockaddr_in)));
	ASSERT_EQ(0, getsockname(l2, (void *)&ss, &sl));
	ASSERT_EQ(0, listen(l2, 4));
	port2 = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	subs = genl_subscribers();
	ASSERT_EQ(0, sh("timeout 5 %s -j monitor events > %s 2>&1 &", ctl,
			mon));
	/* A loaded host may take longer than any fixed wait to start it. */
	ASSERT_EQ(0, genl_wait_subscriber(subs, 4000));
	ASSERT_EQ(5, sctp_sendmsg(p->own, "hello", 5, (void *)&ss,
				  sizeof(struct sockaddr_in), 0, 0, 0, 0, 0));
	ASSERT_LT(0, wait_notif(l2, SCTP_ADAPTATION_INDICATION, -1, &u,
				sizeof(u), 3000));
	EXPECT_EQ(42, u.sn.sn_adaptation_event.sai_adaptation_ind);
	nid = u.sn.sn_adaptation_event.sai_assoc_id;
	ASSERT_NE(0, nid);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j assoc show lport %d",
			 ctl, port2));
	EXPECT_NE(NULL, strstr(o, "\"peer_adaptation_ind\":42"))
		TH_LOG("%s", o);
	usleep(300000);
	ASSERT_EQ(0, run(o, sizeof(self->out), "cat %s", mon));
	EXPECT_NE(NULL, strstr(o, "\"adaptation_ind\":42")) TH_LOG("%s", o);
	unlink(mon);
	close(l2);
}

/* srtt: raw in the records (-f erl, as getsockopt), ms in every view. */
TEST_F(i18, srtt_ms)
{
	struct pair *p = &self->p;
	struct sctp_status st = { .sstat_assoc_id = p->own_oid };
	struct sctp_sndrcvinfo si = { .sinfo_assoc_id = p->own_oid };
	const char *ctl = sctpctl();
	char *o = self->out, *q, buf[64];
	struct snl_assoc a;
	unsigned int v;
	int i;

	/* 20 ms each way: srtt about 40 ms, 10 jiffies at HZ 250 */
	if (sh("tc qdisc add dev lo root netem delay 20ms 2>/dev/null"))
		SKIP(return, "no netem");
	for (i = 0; i < 6; i++) {
		ASSERT_EQ(5, sctp_send(p->own, "hello", 5, &si, MSG_NOSIGNAL));
		ASSERT_EQ(5, recv_data(p->peer, buf, sizeof(buf), NULL));
	}
	usleep(300000);
	ASSERT_EQ(0, GET(p->own, SCTP_STATUS, &st));
	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	ASSERT_EQ(1, a.npaths);
	/* the records: getsockopt's raw value */
	EXPECT_EQ(st.sstat_primary.spinfo_srtt, a.paths[0].srtt_sockopt);
	EXPECT_LT(20, a.paths[0].srtt);
	EXPECT_NE(a.paths[0].srtt, a.paths[0].srtt_sockopt);
	TH_LOG("srtt: getsockopt %u, ms %u", st.sstat_primary.spinfo_srtt,
	       a.paths[0].srtt);

	ASSERT_EQ(0, run(o, sizeof(self->out), "%s status %u", ctl,
			 p->own_id));
	q = strstr(o, "srtt_ms ");
	ASSERT_NE(NULL, q) TH_LOG("%s", o);
	ASSERT_EQ(1, sscanf(q, "srtt_ms %u", &v));
	EXPECT_EQ(a.paths[0].srtt, v);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s paddr %u", ctl,
			 p->own_id));
	EXPECT_NE(NULL, strstr(o, "SRTT_MS")) TH_LOG("%s", o);
	snprintf(buf, sizeof(buf), " %u ", a.paths[0].srtt);
	EXPECT_NE(NULL, strstr(o, buf)) TH_LOG("%s", o);
	/* JSON: srtt_ms, never a bare srtt */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j status %u", ctl,
			 p->own_id));
	snprintf(buf, sizeof(buf), "\"srtt_ms\":%u", a.paths[0].srtt);
	EXPECT_NE(NULL, strstr(o, buf)) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "\"srtt\"")) TH_LOG("%s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j paddr %u", ctl,
			 p->own_id));
	EXPECT_NE(NULL, strstr(o, buf)) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "\"srtt\"")) TH_LOG("%s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j assoc show id %u", ctl,
			 p->own_id));
	EXPECT_EQ(NULL, strstr(o, "\"srtt\"")) TH_LOG("%s", o);
	/* Erlang: the record as getsockopt fills it */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -f erl status %u", ctl,
			 p->own_id));
	snprintf(buf, sizeof(buf), "srtt = %u,",
		 st.sstat_primary.spinfo_srtt);
	EXPECT_NE(NULL, strstr(o, buf)) TH_LOG("%s", o);
	sh("tc qdisc del dev lo root 2>/dev/null");
}

/* A rejection names the attribute and the allowed range. */
TEST_F(i18, rejections_say_why)
{
	static const struct {
		const char *args, *want;
	} cases[] = {
		{ "paddrparams sackdelay 900", "sackdelay: 1..500 ms" },
		{ "paddrparams addr 10.9.9.9 hbinterval 1234",
		  "not a peer address" },
		{ "paddrparams pathmtu 100", "pathmtu: at least 512" },
		{ "maxseg 5", "sctp_maxseg: 0 (the path MTU decides) or" },
		{ "maxseg 70000", "to 65519" },
		{ "paddrparams flags hb_enable,hb_disable",
		  "hb_enable and hb_disable together" },
		{ "delayed_ack_time 700", "at most 500 ms" },
	};
	const char *ctl = sctpctl();
	char *o = self->out;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		EXPECT_EQ(1, run(o, sizeof(self->out), "%s set %u %s", ctl,
				 self->p.own_id, cases[i].args));
		EXPECT_NE(NULL, strstr(o, cases[i].want))
			TH_LOG("%s: %s", cases[i].args, o);
		EXPECT_EQ(NULL, strstr(o, "rejected by the SCTP stack"))
			TH_LOG("%s: %s", cases[i].args, o);
	}
}

/* 0 is the stack's "unchanged": refused, saying so; hb_time_is_zero. */
TEST_F(i18, zero_refused)
{
	static const struct {
		const char *args, *want;
	} cases[] = {
		{ "paddrparams hbinterval 0", "hb_time_is_zero" },
		{ "rtoinfo min 0", "sctp_rtoinfo min: 0 would be ignored" },
		{ "initmsg num_ostreams 0",
		  "sctp_initmsg num_ostreams: 0 would be ignored" },
		{ "associnfo cookie_life 0",
		  "sctp_associnfo cookie_life: 0 would be ignored" },
		{ "paddrparams pathmaxrxt 0", "0 would be ignored" },
	};
	struct pair *p = &self->p;
	struct sctp_paddrparams pp = { .spp_assoc_id = p->own_oid };
	const char *ctl = sctpctl();
	char *o = self->out;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		EXPECT_EQ(1, run(o, sizeof(self->out), "%s set %u %s", ctl,
				 p->own_id, cases[i].args))
			TH_LOG("%s: %s", cases[i].args, o);
		EXPECT_NE(NULL, strstr(o, cases[i].want))
			TH_LOG("%s: %s", cases[i].args, o);
	}
	/* The real way to a zero heartbeat interval. */
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp));
	ASSERT_NE(0, pp.spp_hbinterval);
	ASSERT_EQ(0, run(o, sizeof(self->out),
			 "%s set %u paddrparams flags hb_time_is_zero", ctl,
			 p->own_id)) TH_LOG("%s", o);
	pp.spp_assoc_id = p->own_oid;
	ASSERT_EQ(0, GET(p->own, SCTP_PEER_ADDR_PARAMS, &pp));
	EXPECT_EQ(0, pp.spp_hbinterval);
	EXPECT_TRUE(pp.spp_flags & SPP_HB_ENABLE);
}

TEST_F(i18, messages)
{
	struct pair *p = &self->p;
	const char *ctl = sctpctl();
	char *o = self->out;
	pid_t pid;
	int status;

	/* the subscription is the owner's */
	EXPECT_EQ(1, run(o, sizeof(self->out), "%s set %u events "
			 "data_io_event on", ctl, p->own_id));
	EXPECT_NE(NULL, strstr(o, "read-only")) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "unknown option")) TH_LOG("%s", o);

	/* unprivileged: say what is missing */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(20);
		if (run(o, sizeof(self->out), "%s set %u rtoinfo min 300",
			ctl, p->own_id) != 1 || !strstr(o, "CAP_NET_ADMIN"))
			_exit(1);
		if (run(o, sizeof(self->out), "%s eof %u", ctl,
			p->own_id) != 1 || !strstr(o, "CAP_NET_ADMIN"))
			_exit(2);
		if (run(o, sizeof(self->out), "%s abort %u", ctl,
			p->own_id) != 1 || !strstr(o, "CAP_NET_ADMIN"))
			_exit(3);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* An association in a listener's accept queue is established. */
struct find_tuple {
	uint32_t lport, pport, id;
};

static int find_tuple_cb(const struct snl_assoc *a, void *arg)
{
	struct find_tuple *t = arg;

	if (a->lport == t->lport && a->pport == t->pport)
		t->id = a->assoc_id;
	return 0;
}

TEST_F(i18, accept_queue)
{
	struct find_tuple t = { 0 };
	const char *ctl = sctpctl();
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char *o = self->out;
	int lsn, cli;

	lsn = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, lsn);
	snl_sockaddr("127.0.0.1", 0, &ss);
	ASSERT_EQ(0, bind(lsn, (void *)&ss, sizeof(struct sockaddr_in)));
	ASSERT_EQ(0, getsockname(lsn, (void *)&ss, &sl));
	ASSERT_EQ(0, listen(lsn, 4));
	cli = sk_quiet_socket();
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, connect(cli, (void *)&ss, sizeof(struct sockaddr_in)));
	t.lport = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	t.pport = sk_local_port(cli);
	usleep(200000);
	ASSERT_EQ(0, snl_dump(self->n, NULL, NULL, find_tuple_cb, &t));
	ASSERT_NE(0, t.id);
	EXPECT_EQ(1, run(o, sizeof(self->out), "%s set %u rtoinfo min 300",
			 ctl, t.id));
	EXPECT_NE(NULL, strstr(o, "not yet accepted")) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "not established")) TH_LOG("%s", o);
	EXPECT_EQ(1, run(o, sizeof(self->out), "%s eof %u", ctl, t.id));
	EXPECT_NE(NULL, strstr(o, "not yet accepted")) TH_LOG("%s", o);
	close(cli);
	close(lsn);
}

/* -f erl ep show: each endpoint's records follow a map naming it. */
TEST_F(i18, ep_erl_identity)
{
	struct stat st;
	char want[128], *o = self->out;

	ASSERT_EQ(0, fstat(self->p.lsn, &st));
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -f erl ep show lport %d",
			 sctpctl(), self->p.port));
	snprintf(want, sizeof(want), "#{sctpnl_ep => %llu,port => %d,",
		 (unsigned long long)st.st_ino, self->p.port);
	EXPECT_NE(NULL, strstr(o, want)) TH_LOG("%s", o);
	/* and the records come after it */
	EXPECT_NE(NULL, strstr(o, "}.\n#sctp_initmsg{")) TH_LOG("%s", o);
}

/* IPv6 loopback is [::1] on both sides (no scope on a global address). */
TEST_F(i18, ipv6_loopback)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	socklen_t sl = sizeof(a);
	char *o = self->out, *line;
	int lsn, cli, srv, n = 0;

	lsn = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
	cli = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, lsn);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, bind(lsn, (void *)&a, sizeof(a)));
	ASSERT_EQ(0, getsockname(lsn, (void *)&a, &sl));
	ASSERT_EQ(0, listen(lsn, 4));
	ASSERT_EQ(0, connect(cli, (void *)&a, sizeof(a)));
	srv = accept(lsn, NULL, NULL);
	ASSERT_LE(0, srv);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s assoc show lport %d; "
			 "%s assoc show pport %d", sctpctl(),
			 ntohs(a.sin6_port), sctpctl(), ntohs(a.sin6_port)));
	EXPECT_EQ(NULL, strchr(o, '%')) TH_LOG("%s", o);
	for (line = strtok(o, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "ID", 2))
			continue;
		n++;
		/* LOCAL and PEER both [::1] (the peer may list 127.0.0.1 too) */
		EXPECT_NE(NULL, strstr(strstr(line, "[::1]") + 1, "[::1]"))
			TH_LOG("%s", line);
	}
	EXPECT_EQ(2, n);
	close(srv);
	close(cli);
	close(lsn);
}

TEST_F(i18, filter_and_empty)
{
	const char *ctl = sctpctl();
	char *o = self->out;

	/* a repeated key is an error, not "the last one wins" */
	EXPECT_EQ(1, run(o, sizeof(self->out), "%s assoc show id %u id %u",
			 ctl, self->p.own_id, self->p.peer_id));
	EXPECT_NE(NULL, strstr(o, "given twice")) TH_LOG("%s", o);
	/* an empty answer is a header and no row, and success */
	EXPECT_EQ(0, run(o, sizeof(self->out), "%s assoc show id %u", ctl,
			 NO_ASSOC));
	EXPECT_EQ(0, strncmp(o, "ID ", 3)) TH_LOG("%s", o);
	EXPECT_EQ(1, (int)(strchr(o, '\n') - o + 1 == (long)strlen(o)))
		TH_LOG("%s", o);
	EXPECT_EQ(0, run(o, sizeof(self->out), "%s ep show lport 1", ctl));
	EXPECT_EQ(0, strncmp(o, "INO ", 4)) TH_LOG("%s", o);
}

/* sctpctl snmp: the very lines of /proc/net/sctp/snmp (names). */
TEST_F(i18, snmp_matches_proc)
{
	char *o = self->out;

	EXPECT_EQ(0, run(o, sizeof(self->out), "%s snmp | awk '{print $1}' "
			 ">/tmp/i18.a && awk '{print $1}' /proc/net/sctp/snmp "
			 ">/tmp/i18.b && diff /tmp/i18.a /tmp/i18.b",
			 sctpctl())) TH_LOG("%s", o);
}

TEST_F(i18, monitor_probe_args)
{
	const char *ctl = sctpctl();
	char *o = self->out;

	EXPECT_EQ(1, run(o, sizeof(self->out), "timeout 5 %s monitor "
			 "--count 0", ctl));
	EXPECT_NE(NULL, strstr(o, "--count")) TH_LOG("%s", o);
	EXPECT_EQ(1, run(o, sizeof(self->out), "timeout 5 %s probe %u "
			 "--duration 0 --out /tmp/i18.csv", ctl,
			 self->p.own_id));
	EXPECT_NE(NULL, strstr(o, "--duration S: 1 second or more"))
		TH_LOG("%s", o);
}

/* -P: the owning process, as ss -p prints it; pid and comm filters. */
TEST_F(i18, processes)
{
	struct pair *p = &self->p;
	const char *ctl = sctpctl();
	char want[128], *o = self->out;
	unsigned int rows = 0;
	char *line;

	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -P assoc show id %u", ctl,
			 p->own_id));
	EXPECT_NE(NULL, strstr(o, " USERS")) TH_LOG("%s", o);
	/* (the shell that runs sctpctl inherits the fd: listed too) */
	snprintf(want, sizeof(want), "users:((\"control\",pid=%d,fd=%d)",
		 getpid(), p->own);
	EXPECT_NE(NULL, strstr(o, want)) TH_LOG("%s", o);
	/* JSON */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j -P assoc show id %u",
			 ctl, p->own_id));
	snprintf(want, sizeof(want),
		 "\"users\":[{\"name\":\"control\",\"pid\":%d,\"fd\":%d}",
		 getpid(), p->own);
	EXPECT_NE(NULL, strstr(o, want)) TH_LOG("%s", o);
	/* ss agrees on the process of this socket */
	ASSERT_EQ(0, run(o, sizeof(self->out), "ss -S -a -n -p -H | "
			 "grep -c 'pid=%d,fd=%d' || true", getpid(), p->own));
	EXPECT_LE(1, atoi(o)) TH_LOG("ss: %s", o);
	/* the pid filter: both ends of the pair are ours */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s assoc show pid %d", ctl,
			 getpid()));
	for (line = strtok(o, "\n"); line; line = strtok(NULL, "\n"))
		rows += !!strncmp(line, "ID", 2);
	EXPECT_EQ(2, rows);
	/* pid 1 (the guest's init) holds no SCTP socket: a header only */
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s assoc show pid 1 | wc -l",
			 ctl));
	EXPECT_EQ(1, atoi(o)) TH_LOG("%s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s ep show comm control", ctl));
	snprintf(want, sizeof(want), "pid=%d", getpid());
	EXPECT_EQ(NULL, strstr(o, want)) TH_LOG("no -P, no users: %s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -P ep show comm control",
			 ctl));
	EXPECT_NE(NULL, strstr(o, want)) TH_LOG("%s", o);
}

/* Recv-Q / Send-Q columns: what the owner has not read yet. */
TEST_F(i18, queues)
{
	struct pair *p = &self->p;
	struct sctp_sndrcvinfo si = { .sinfo_assoc_id = p->own_oid };
	char *o = self->out, buf[2000] = { 0 }, id[16];
	unsigned int rq = 0, sq = 0;
	struct snl_assoc a;
	long end;

	ASSERT_EQ(sizeof(buf), sctp_send(p->own, buf, sizeof(buf), &si,
					 MSG_NOSIGNAL));
	/* unread by the peer: its Recv-Q grows */
	end = now_ms() + 2000;
	do {
		usleep(50000);
		ASSERT_EQ(0, run(o, sizeof(self->out), "%s assoc show id %u",
				 sctpctl(), p->peer_id));
		ASSERT_NE(NULL, strstr(o, "Recv-Q")) TH_LOG("%s", o);
		snprintf(id, sizeof(id), "\n%u ", p->peer_id);
		ASSERT_NE(NULL, strstr(o, id));
		ASSERT_EQ(2, sscanf(strstr(o, id), "%*u %*s %u %u", &rq, &sq));
	} while (!rq && now_ms() < end);
	EXPECT_LT(sizeof(buf), rq);
	EXPECT_EQ(0, sq);
	ASSERT_EQ(0, snl_get_by_id(self->n, p->peer_id, &a));
	ASSERT_EQ(sizeof(buf), recv_data(p->peer, buf, sizeof(buf), NULL));
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s assoc show id %u",
			 sctpctl(), p->peer_id));
	ASSERT_EQ(2, sscanf(strstr(o, id), "%*u %*s %u %u", &rq, &sq));
	EXPECT_EQ(0, rq);
}

/* -s: the association's counters, equal to the owner's getsockopt. */
TEST_F(i18, stats)
{
	struct pair *p = &self->p;
	struct sctp_assoc_stats st = { .sas_assoc_id = p->own_oid };
	char *o = self->out, *q;
	unsigned long long opkt, ipkt, osack;

	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -s assoc show id %u",
			 sctpctl(), p->own_id));
	ASSERT_EQ(0, GET(p->own, SCTP_GET_ASSOC_STATS, &st));
	q = strstr(o, "\t rtx:");
	ASSERT_NE(NULL, q) TH_LOG("%s", o);
	ASSERT_NE(NULL, strstr(q, "osack:"));
	ASSERT_EQ(1, sscanf(strstr(q, "osack:"), "osack:%llu", &osack));
	ASSERT_EQ(1, sscanf(strstr(q, "opkt:"), "opkt:%llu", &opkt));
	ASSERT_EQ(1, sscanf(strstr(q, "ipkt:"), "ipkt:%llu", &ipkt));
	EXPECT_EQ(st.sas_osacks, osack);
	EXPECT_EQ(st.sas_opackets, opkt);
	EXPECT_EQ(st.sas_ipackets, ipkt);
	EXPECT_LT(0, opkt);
}

/* summary: its counts are a dump's counts. */
static int count_cb(const struct snl_assoc *a, void *arg)
{
	unsigned int *c = arg;

	c[0]++;
	if (a->state == SCTP_ESTABLISHED)
		c[1]++;
	return 0;
}

TEST_F(i18, summary)
{
	unsigned int c[2] = { 0 }, total, est, eps, lst;
	char *o = self->out, *q;

	/* one more, one-to-one, and a listener without associations */
	int l2 = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	struct sockaddr_storage ss;

	ASSERT_LE(0, l2);
	snl_sockaddr("127.0.0.1", 0, &ss);
	ASSERT_EQ(0, bind(l2, (void *)&ss, sizeof(struct sockaddr_in)));
	ASSERT_EQ(0, listen(l2, 1));
	ASSERT_EQ(0, snl_dump(self->n, NULL, NULL, count_cb, c));
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s summary", sctpctl()));
	ASSERT_EQ(1, sscanf(o, "Associations: %u", &total)) TH_LOG("%s", o);
	EXPECT_EQ(c[0], total);
	q = strstr(o, "established ");
	ASSERT_NE(NULL, q) TH_LOG("%s", o);
	ASSERT_EQ(1, sscanf(q, "established %u", &est));
	EXPECT_EQ(c[1], est);
	q = strstr(o, "Endpoints: ");
	ASSERT_NE(NULL, q) TH_LOG("%s", o);
	ASSERT_EQ(2, sscanf(q, "Endpoints: %u (listening %u)", &eps, &lst));
	/* the pair's two one-to-many sockets, and l2 */
	EXPECT_EQ(3, eps);
	EXPECT_EQ(2, lst);
	EXPECT_NE(NULL, strstr(o, "one-to-many 2")) TH_LOG("%s", o);
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s -j summary", sctpctl()));
	q = strstr(o, "\"total\":");
	ASSERT_NE(NULL, q) TH_LOG("%s", o);
	EXPECT_EQ(c[0], (unsigned int)atoi(q + 8));
	close(l2);
}

/* Filters as an ss user writes them: or, not, ranges, groups, -4/-6. */
static int rows(char *o, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int rows(char *o, size_t len, const char *fmt, ...)
{
	char cmd[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (run(o, len, "%s %s | tail -n +2 | wc -l", sctpctl(), cmd))
		return -1;
	return atoi(o);
}

TEST_F(i18, filters)
{
	struct pair *p = &self->p;
	char *o = self->out;
	size_t l = sizeof(self->out);
	int P = p->port, C;
	struct snl_assoc a;

	ASSERT_EQ(0, snl_get_by_id(self->n, p->own_id, &a));
	C = a.lport;	/* the client's port */
	EXPECT_EQ(1, rows(o, l, "assoc show sport %d-%d", P - 1, P + 1));
	EXPECT_EQ(1, rows(o, l, "assoc show lport %d-%d", P, P));
	EXPECT_EQ(2, rows(o, l, "assoc show sport %d or dport %d", P, P));
	EXPECT_EQ(2, rows(o, l, "assoc show lport %d '||' lport %d", P, C));
	EXPECT_EQ(1, rows(o, l, "assoc show not lport %d and pport %d", P,
			  P));
	EXPECT_EQ(1, rows(o, l, "assoc show '!' sport %d dport %d", P, P));
	EXPECT_EQ(1, rows(o, l, "assoc show '(' lport %d or pport %d ')' "
			  "and id %u", P, P, p->own_id));
	EXPECT_EQ(2, rows(o, l, "assoc show state connected lport %d or "
			  "lport %d", P, C));
	EXPECT_EQ(1, rows(o, l, "assoc show state synchronized lport %d", P));
	EXPECT_EQ(0, rows(o, l, "assoc show state closing lport %d", P));
	EXPECT_EQ(0, rows(o, l, "assoc show state handshake"));
	EXPECT_EQ(2, rows(o, l, "-4 assoc show sport %d or sport %d", P, C));
	EXPECT_EQ(0, rows(o, l, "-6 assoc show sport %d or sport %d", P, C));
	EXPECT_EQ(1, rows(o, l, "assoc show src 127.0.0.1 and dport %d", P));
	EXPECT_EQ(0, rows(o, l, "assoc show dst 127.0.0.9 or dport 1-2"));
	EXPECT_EQ(1, rows(o, l, "assoc show pid %d and lport %d", getpid(),
			  P));
	/* syntax errors say where */
	EXPECT_EQ(1, run(o, l, "%s assoc show lport %d or", sctpctl(), P));
	EXPECT_NE(NULL, strstr(o, "filter")) TH_LOG("%s", o);
	EXPECT_EQ(1, run(o, l, "%s assoc show sport 9-3", sctpctl()));
	EXPECT_NE(NULL, strstr(o, "port range")) TH_LOG("%s", o);
	EXPECT_EQ(1, run(o, l, "%s assoc show '(' lport 1", sctpctl()));
	EXPECT_NE(NULL, strstr(o, ")")) TH_LOG("%s", o);
}

/* top -n: one dump per refresh, rates from the counters, sorted. */
TEST_F(i18, top_batch)
{
	struct pair *p = &self->p;
	char *o = self->out, *last, *line, want[32];
	unsigned int n = 0, w = 0;
	pid_t pid;
	int status;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct sctp_sndrcvinfo si = { .sinfo_assoc_id = p->own_oid };
		long end = now_ms() + 2500;
		int one = 1;

		/* 100 packets a second from the owner's side (the peer
		 * SACKs every other one) */
		SET(p->own, SCTP_NODELAY, &one);
		while (now_ms() < end) {
			sctp_send(p->own, "x", 1, &si, MSG_NOSIGNAL);
			usleep(10000);
		}
		_exit(0);
	}
	ASSERT_EQ(0, run(o, sizeof(self->out), "%s top -n 3 --interval 500 "
			 "--sort opkt", sctpctl())) TH_LOG("%s", o);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	/* the last refresh: both associations, the sender's first */
	last = o;
	while (strstr(last + 1, "sctpctl top "))
		last = strstr(last + 1, "sctpctl top ");
	ASSERT_NE(NULL, strstr(last, " 2 assocs")) TH_LOG("%s", o);
	for (line = strtok(last, "\n"); line; line = strtok(NULL, "\n")) {
		if (strlen(line) > w)
			w = strlen(line);
		if (n++ == 2) {
			snprintf(want, sizeof(want), "%-8u ", p->own_id);
			EXPECT_EQ(0, strncmp(line, want, strlen(want)))
				TH_LOG("%s", line);
			/* about 100 packets a second, surely more than 20 */
			EXPECT_LT(20, atoi(line + 66)) TH_LOG("%s", line);
		}
	}
	EXPECT_EQ(4, n);
	EXPECT_GE(80, w);
}

/* top in a real 80x24 terminal (tmux): it draws, and q quits. */
TEST_F(i18, top_tty)
{
	char *o = self->out;

	if (sh("command -v tmux >/dev/null"))
		SKIP(return, "no tmux");
	ASSERT_EQ(0, sh("tmux -L i18 new-session -d -x 80 -y 24 "
			"'%s top --interval 300; echo TOP-EXITED; sleep 5'",
			sctpctl()));
	usleep(1500000);
	ASSERT_EQ(0, run(o, sizeof(self->out), "tmux -L i18 capture-pane -p"));
	EXPECT_NE(NULL, strstr(o, "SRTT_MS")) TH_LOG("%s", o);
	EXPECT_NE(NULL, strstr(o, " 2 assocs")) TH_LOG("%s", o);
	EXPECT_EQ(NULL, strstr(o, "TOP-EXITED")) TH_LOG("%s", o);
	ASSERT_EQ(0, sh("tmux -L i18 send-keys s"));
	usleep(500000);
	ASSERT_EQ(0, run(o, sizeof(self->out), "tmux -L i18 capture-pane -p"));
	EXPECT_NE(NULL, strstr(o, "sort srtt")) TH_LOG("%s", o);
	ASSERT_EQ(0, sh("tmux -L i18 send-keys q"));
	usleep(800000);
	ASSERT_EQ(0, run(o, sizeof(self->out), "tmux -L i18 capture-pane -p"));
	EXPECT_NE(NULL, strstr(o, "TOP-EXITED")) TH_LOG("%s", o);
	sh("tmux -L i18 kill-server 2>/dev/null");
}

TEST_HARNESS_MAIN
