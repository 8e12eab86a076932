// SPDX-License-Identifier: GPL-2.0
/*
 * The read path against the kernel's own view.  Each variant builds a real
 * association over loopback (one-to-one, one-to-many, peeled off; IPv4,
 * IPv6, v4-mapped), gives the owner non-default options, moves data, lets
 * it settle, and then every value sctpnl reports must equal what
 * getsockopt() on the owning socket returns, on both ends.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "kselftest_harness.h"
#include "lib/nl.h"
#include "lib/sk.h"

#define GET(fd, opt, v) ({						\
	socklen_t __l = sizeof(*(v));					\
	getsockopt(fd, IPPROTO_SCTP, opt, v, &__l);			\
})
#define SET(fd, opt, v) setsockopt(fd, IPPROTO_SCTP, opt, v, sizeof(*(v)))

enum style { O2O, O2M, PEELED };

FIXTURE(assoc) {
	struct nlt *n;
	int lsn;		/* listening / one-to-many server socket */
	int cli;		/* client socket (owner of the client side) */
	int srv;		/* server side owner: accepted, lsn or peeled */
	sctp_assoc_t cid, sid;	/* assoc ids as each owner sees them */
	int port;
};

FIXTURE_VARIANT(assoc) {
	enum style style;
	int family;		/* of the sockets */
	const char *addr;	/* what the server binds and the client targets */
	const char *connect_to;
};

FIXTURE_VARIANT_ADD(assoc, o2o_v4) { O2O, AF_INET, "127.0.0.1", "127.0.0.1" };
FIXTURE_VARIANT_ADD(assoc, o2m_v4) { O2M, AF_INET, "127.0.0.1", "127.0.0.1" };
FIXTURE_VARIANT_ADD(assoc, peeled_v4) { PEELED, AF_INET, "127.0.0.1",
					"127.0.0.1" };
FIXTURE_VARIANT_ADD(assoc, o2o_v6) { O2O, AF_INET6, "::1", "::1" };
FIXTURE_VARIANT_ADD(assoc, o2m_v6) { O2M, AF_INET6, "::1", "::1" };
FIXTURE_VARIANT_ADD(assoc, o2o_mapped) { O2O, AF_INET6, "::",
					 "::ffff:127.0.0.1" };
FIXTURE_VARIANT_ADD(assoc, o2m_mapped) { O2M, AF_INET6, "::",
					 "::ffff:127.0.0.1" };

static int send_to(int fd, sctp_assoc_t id, const void *buf, size_t len)
{
	struct sctp_sndrcvinfo si = { .sinfo_assoc_id = id };

	return sctp_send(fd, buf, len, &si, MSG_NOSIGNAL);
}

/* Receive one DATA message, skipping notifications. */
static int recv_data(int fd, void *buf, size_t len)
{
	for (;;) {
		int flags = 0;
		int r = sctp_recvmsg(fd, buf, len, NULL, NULL, NULL, &flags);

		if (r < 0 || !(flags & MSG_NOTIFICATION))
			return r;
	}
}

/* Options the owner sets, so a report of defaults can't pass by luck. */
static void tune_socket(int fd, bool o2m)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = 7, .sinit_max_instreams = 9,
		.sinit_max_attempts = 3, .sinit_max_init_timeo = 2000,
	};
	/* Events that produce no notification in these tests. */
	struct sctp_event_subscribe ev = {
		.sctp_data_io_event = 1, .sctp_partial_delivery_event = 1,
		.sctp_authentication_event = 1,
	};
	struct sctp_setadaptation ad = { .ssb_adaptation_ind = 0x1234 };
	uint32_t one = 1, ac = 600;

	SET(fd, SCTP_INITMSG, &im);
	SET(fd, SCTP_EVENTS, &ev);
	SET(fd, SCTP_ADAPTATION_LAYER, &ad);
	SET(fd, SCTP_NODELAY, &one);
	if (o2m)
		SET(fd, SCTP_AUTOCLOSE, &ac);
}

static void tune_assoc(struct __test_metadata *_metadata, int fd,
		       sctp_assoc_t id)
{
	struct sctp_rtoinfo rto = { id, 1500, 9000, 300 };
	struct sctp_assocparams ap = { .sasoc_assoc_id = id,
				       .sasoc_asocmaxrxt = 7 };
	struct sctp_paddrparams pp = {
		.spp_assoc_id = id, .spp_hbinterval = 7000,
		.spp_pathmaxrxt = 4, .spp_flags = SPP_HB_ENABLE,
	};
	struct sctp_sack_info si = { id, 120, 3 };
	struct sctp_sndrcvinfo ds = {
		.sinfo_stream = 1, .sinfo_ppid = htonl(42),
		.sinfo_context = 7, .sinfo_timetolive = 0,
		.sinfo_assoc_id = id,
	};

	ASSERT_EQ(0, SET(fd, SCTP_RTOINFO, &rto));
	ASSERT_EQ(0, SET(fd, SCTP_ASSOCINFO, &ap));
	ASSERT_EQ(0, SET(fd, SCTP_PEER_ADDR_PARAMS, &pp));
	ASSERT_EQ(0, SET(fd, SCTP_DELAYED_SACK, &si));
	ASSERT_EQ(0, SET(fd, SCTP_DEFAULT_SEND_PARAM, &ds));
}

FIXTURE_SETUP(assoc)
{
	int type = variant->style == O2O ? SOCK_STREAM : SOCK_SEQPACKET;
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char buf[256] = "";

	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");

	self->lsn = socket(variant->family, type, IPPROTO_SCTP);
	ASSERT_LE(0, self->lsn);
	tune_socket(self->lsn, type == SOCK_SEQPACKET);
	ASSERT_EQ(0, snl_sockaddr(variant->addr, 0, &ss));
	ASSERT_EQ(0, bind(self->lsn, (void *)&ss, sizeof(ss)));
	ASSERT_EQ(0, getsockname(self->lsn, (void *)&ss, &len));
	self->port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	ASSERT_EQ(0, listen(self->lsn, 8));

	self->cli = socket(variant->family, type, IPPROTO_SCTP);
	ASSERT_LE(0, self->cli);
	tune_socket(self->cli, type == SOCK_SEQPACKET);
	ASSERT_EQ(0, snl_sockaddr(variant->connect_to, self->port, &ss));
	ASSERT_EQ(0, connect(self->cli, (void *)&ss, sizeof(ss)));

	if (variant->style == O2O) {
		self->srv = accept(self->lsn, NULL, NULL);
		ASSERT_LE(0, self->srv);
		self->cid = sk_assoc_id(self->cli);
		self->sid = sk_assoc_id(self->srv);
	} else {
		self->cid = sk_first_assoc(self->cli, NULL);
		/* The server side comes up with the first DATA it gets. */
		ASSERT_EQ(5, send_to(self->cli, self->cid, "hello", 5));
		ASSERT_EQ(5, recv_data(self->lsn, buf, sizeof(buf)));
		self->sid = sk_first_assoc(self->lsn, NULL);
		self->srv = self->lsn;
		if (variant->style == PEELED) {
			self->srv = sctp_peeloff(self->lsn, self->sid);
			ASSERT_LE(0, self->srv);
			self->sid = sk_assoc_id(self->srv);
		}
	}
	ASSERT_NE(0, self->cid);
	ASSERT_NE(0, self->sid);

	tune_assoc(_metadata, self->cli, variant->style == O2O ? 0 : self->cid);

	/* Some traffic both ways so the counters are not all zero. */
	for (int i = 0; i < 20; i++) {
		ASSERT_EQ(100, send_to(self->cli, self->cid, buf, 100));
		ASSERT_EQ(100, recv_data(self->srv, buf, sizeof(buf)));
	}
	ASSERT_EQ(0, sk_quiesce(self->cli, variant->style == O2O ? 0 :
				self->cid));
	/* Let the last delayed SACK go out and arrive. */
	usleep(300000);
}

FIXTURE_TEARDOWN(assoc)
{
	if (self->srv > 0 && self->srv != self->lsn)
		close(self->srv);
	if (self->cli > 0)
		close(self->cli);
	if (self->lsn > 0)
		close(self->lsn);
	nlt_close(self->n);
}

/* Compare every reported value with the owner's getsockopt answers. */
static void check_owner(struct __test_metadata *_metadata, struct nlt *n,
			int fd, sctp_assoc_t id, bool o2o, enum sctpnl_style st,
			bool tuned)
{
	sctp_assoc_t oid = o2o ? 0 : id;	/* how the owner names it */
	struct sctp_status ss = { .sstat_assoc_id = oid };
	struct sctp_rtoinfo rto = { .srto_assoc_id = oid };
	struct sctp_assocparams ap = { .sasoc_assoc_id = oid };
	struct sctp_sack_info si = { .sack_assoc_id = oid };
	struct sctp_assoc_value ms = { .assoc_id = oid };
	struct sctp_sndrcvinfo ds = { .sinfo_assoc_id = oid };
	struct sctp_event_subscribe ev;
	struct sctp_initmsg im;
	struct sctp_setadaptation ad;
	struct sctp_assoc_stats sas = { .sas_assoc_id = oid };
	struct sockaddr *addrs;
	struct snl_assoc a, b;
	uint32_t v;
	int cnt;

	ASSERT_EQ(0, snl_get_by_id(n, id, &a)) TH_LOG("%s", n->extack);

	ASSERT_EQ(0, GET(fd, SCTP_STATUS, &ss));
	EXPECT_EQ(id, a.assoc_id);
	EXPECT_EQ(ss.sstat_assoc_id, a.assoc_id);
	EXPECT_EQ(st, a.style);
	EXPECT_EQ(ss.sstat_state, a.state);
	EXPECT_EQ(SCTP_ESTABLISHED, a.state);
	EXPECT_EQ(ss.sstat_rwnd, a.rwnd);
	EXPECT_EQ(ss.sstat_unackdata, a.unackdata);
	EXPECT_EQ(ss.sstat_penddata, a.penddata);
	EXPECT_EQ(ss.sstat_instrms, a.instrms);
	EXPECT_EQ(ss.sstat_outstrms, a.outstrms);
	EXPECT_EQ(ss.sstat_fragmentation_point, a.fragpoint);
	EXPECT_EQ(getuid(), a.uid);

	/* Peer addresses: the set and each path's info and params. */
	cnt = sctp_getpaddrs(fd, oid, &addrs);
	ASSERT_LT(0, cnt);
	EXPECT_EQ(cnt, a.npaths);
	for (int i = 0; i < a.npaths; i++) {
		struct snl_path *p = &a.paths[i];
		struct sctp_paddrinfo pi = { .spinfo_assoc_id = oid };
		struct sctp_paddrparams pp = { .spp_assoc_id = oid };
		struct sockaddr_storage want = p->addr;
		char s[80];

		/* Ask the owner in its own presentation of the address. */
		if (a.sk_family == AF_INET6 && want.ss_family == AF_INET) {
			struct sockaddr_in6 m = { .sin6_family = AF_INET6 };
			struct sockaddr_in *s4 = (void *)&want;

			m.sin6_port = s4->sin_port;
			m.sin6_addr.s6_addr[10] = 0xff;
			m.sin6_addr.s6_addr[11] = 0xff;
			memcpy(&m.sin6_addr.s6_addr[12], &s4->sin_addr, 4);
			memcpy(&want, &m, sizeof(m));
		}
		memcpy(&pi.spinfo_address, &want, sizeof(want));
		memcpy(&pp.spp_address, &want, sizeof(want));
		ASSERT_EQ(0, GET(fd, SCTP_GET_PEER_ADDR_INFO, &pi))
			TH_LOG("path %s: %s", snl_ntop(&p->addr, s, sizeof(s)),
			       strerror(errno));
		EXPECT_EQ(pi.spinfo_state, p->state);
		EXPECT_EQ(pi.spinfo_cwnd, p->cwnd);
		EXPECT_EQ(pi.spinfo_srtt, p->srtt_sockopt);
		EXPECT_EQ(pi.spinfo_rto, p->rto);
		EXPECT_EQ(pi.spinfo_mtu, p->mtu);
		ASSERT_EQ(0, GET(fd, SCTP_PEER_ADDR_PARAMS, &pp));
		EXPECT_EQ(pp.spp_hbinterval, p->hbinterval);
		if (tuned)
			EXPECT_EQ(7000, p->hbinterval);
		EXPECT_EQ(pp.spp_pathmaxrxt, p->pathmaxrxt);
		EXPECT_EQ(pp.spp_pathmtu, p->mtu);
		EXPECT_EQ(pp.spp_sackdelay, p->sackdelay);
		EXPECT_EQ(pp.spp_flags, p->flags);
		if (p->primary) {
			struct sockaddr_storage prim;

			memcpy(&prim, (char *)&ss.sstat_primary.spinfo_address,
			       sizeof(prim));
			EXPECT_TRUE(snl_addr_eq(&prim, &p->addr, true));
			EXPECT_EQ(ss.sstat_primary.spinfo_cwnd, p->cwnd);
		}
		bool found = false;
		char *q = (char *)addrs;

		/* getpaddrs packs sockaddrs of their own sizes back to back. */
		for (int j = 0; j < cnt && !found; j++) {
			struct sockaddr_storage x = { 0 };
			struct sockaddr *sa = (void *)q;
			size_t l = sa->sa_family == AF_INET ?
				   sizeof(struct sockaddr_in) :
				   sizeof(struct sockaddr_in6);

			memcpy(&x, sa, l);
			found = snl_addr_eq(&x, &p->addr, true);
			q += l;
		}
		EXPECT_TRUE(found) TH_LOG("path %s not a peer address",
					  snl_ntop(&p->addr, s, sizeof(s)));
	}
	sctp_freepaddrs(addrs);

	cnt = sctp_getladdrs(fd, oid, &addrs);
	ASSERT_LT(0, cnt);
	EXPECT_EQ(cnt, a.nladdrs);
	sctp_freeladdrs(addrs);

	ASSERT_EQ(0, GET(fd, SCTP_RTOINFO, &rto));
	EXPECT_EQ(rto.srto_initial, a.rto_initial);
	EXPECT_EQ(rto.srto_max, a.rto_max);
	EXPECT_EQ(rto.srto_min, a.rto_min);

	ASSERT_EQ(0, GET(fd, SCTP_ASSOCINFO, &ap));
	EXPECT_EQ(ap.sasoc_asocmaxrxt, a.asocmaxrxt);
	EXPECT_EQ(ap.sasoc_number_peer_destinations, a.npeerdest);
	EXPECT_EQ(ap.sasoc_peer_rwnd, a.peer_rwnd);
	EXPECT_EQ(ap.sasoc_local_rwnd, a.local_rwnd);
	EXPECT_EQ(ap.sasoc_cookie_life, a.cookie_life);

	ASSERT_EQ(0, GET(fd, SCTP_DELAYED_SACK, &si));
	EXPECT_EQ(si.sack_delay, a.sack_delay);
	EXPECT_EQ(si.sack_freq, a.sack_freq);

	ASSERT_EQ(0, GET(fd, SCTP_MAXSEG, &ms));
	EXPECT_EQ(ms.assoc_value, a.maxseg);
	ASSERT_EQ(0, GET(fd, SCTP_NODELAY, &v));
	EXPECT_EQ(v, a.nodelay);
	if (st != SCTPNL_STYLE_ONE_TO_ONE) {
		ASSERT_EQ(0, GET(fd, SCTP_AUTOCLOSE, &v));
		EXPECT_EQ(v, a.autoclose);
	}
	ASSERT_EQ(0, GET(fd, SCTP_DISABLE_FRAGMENTS, &v));
	EXPECT_EQ(v, a.disable_frag);
	ASSERT_EQ(0, GET(fd, SCTP_ADAPTATION_LAYER, &ad));
	EXPECT_EQ(ad.ssb_adaptation_ind, a.adaptation);

	ASSERT_EQ(0, GET(fd, SCTP_DEFAULT_SEND_PARAM, &ds));
	EXPECT_EQ(ds.sinfo_stream, a.ds_stream);
	EXPECT_EQ(ds.sinfo_flags, a.ds_flags);
	EXPECT_EQ(ds.sinfo_ppid, a.ds_ppid);
	EXPECT_EQ(ds.sinfo_context, a.ds_context);
	EXPECT_EQ(ds.sinfo_timetolive, a.ds_ttl);

	memset(&ev, 0, sizeof(ev));
	ASSERT_EQ(0, GET(fd, SCTP_EVENTS, &ev));
	EXPECT_EQ(0, memcmp(&ev, a.events, 10));

	ASSERT_EQ(0, GET(fd, SCTP_INITMSG, &im));
	EXPECT_EQ(im.sinit_num_ostreams, a.init_ostreams);
	EXPECT_EQ(im.sinit_max_instreams, a.init_instreams);
	EXPECT_EQ(im.sinit_max_attempts, a.init_attempts);
	EXPECT_EQ(im.sinit_max_init_timeo, a.init_timeo);

	/*
	 * Statistics.  Reading them through sctpnl must not start a new
	 * max_obs_rto period; the owner's getsockopt does, to rto_min.
	 */
	ASSERT_EQ(0, snl_get_by_id(n, id, &b));
	EXPECT_EQ(a.stats[SCTPNL_STATS_A_MAX_OBS_RTO],
		  b.stats[SCTPNL_STATS_A_MAX_OBS_RTO]);
	ASSERT_EQ(0, GET(fd, SCTP_GET_ASSOC_STATS, &sas));
	EXPECT_EQ(sas.sas_rtxchunks, b.stats[SCTPNL_STATS_A_RTXCHUNKS]);
	EXPECT_EQ(sas.sas_gapcnt, b.stats[SCTPNL_STATS_A_GAPCNT]);
	EXPECT_EQ(sas.sas_outofseqtsns, b.stats[SCTPNL_STATS_A_OUTOFSEQTSNS]);
	EXPECT_EQ(sas.sas_osacks, b.stats[SCTPNL_STATS_A_OSACKS]);
	EXPECT_EQ(sas.sas_isacks, b.stats[SCTPNL_STATS_A_ISACKS]);
	EXPECT_EQ(sas.sas_octrlchunks, b.stats[SCTPNL_STATS_A_OCTRLCHUNKS]);
	EXPECT_EQ(sas.sas_ictrlchunks, b.stats[SCTPNL_STATS_A_ICTRLCHUNKS]);
	EXPECT_EQ(sas.sas_oodchunks, b.stats[SCTPNL_STATS_A_OODCHUNKS]);
	EXPECT_EQ(sas.sas_iodchunks, b.stats[SCTPNL_STATS_A_IODCHUNKS]);
	EXPECT_EQ(sas.sas_ouodchunks, b.stats[SCTPNL_STATS_A_OUODCHUNKS]);
	EXPECT_EQ(sas.sas_iuodchunks, b.stats[SCTPNL_STATS_A_IUODCHUNKS]);
	EXPECT_EQ(sas.sas_idupchunks, b.stats[SCTPNL_STATS_A_IDUPCHUNKS]);
	EXPECT_EQ(sas.sas_opackets, b.stats[SCTPNL_STATS_A_OPACKETS]);
	EXPECT_EQ(sas.sas_ipackets, b.stats[SCTPNL_STATS_A_IPACKETS]);
	EXPECT_LT(0, b.stats[SCTPNL_STATS_A_OPACKETS]);
	ASSERT_EQ(0, snl_get_by_id(n, id, &b));
	EXPECT_EQ(rto.srto_min, b.stats[SCTPNL_STATS_A_MAX_OBS_RTO]);
}

TEST_F(assoc, client_matches_getsockopt)
{
	check_owner(_metadata, self->n, self->cli, self->cid,
		    variant->style == O2O,
		    variant->style == O2O ? SCTPNL_STYLE_ONE_TO_ONE :
					    SCTPNL_STYLE_ONE_TO_MANY, true);
}

TEST_F(assoc, server_matches_getsockopt)
{
	enum sctpnl_style st[] = {
		[O2O] = SCTPNL_STYLE_ONE_TO_ONE,
		[O2M] = SCTPNL_STYLE_ONE_TO_MANY,
		[PEELED] = SCTPNL_STYLE_PEELED,
	};

	check_owner(_metadata, self->n, self->srv, self->sid,
		    variant->style != O2M, st[variant->style], false);
}

/* The 4-tuple key finds the same association as its id. */
TEST_F(assoc, get_by_addrs)
{
	struct snl_assoc a, b;
	char lip[INET6_ADDRSTRLEN], pip[INET6_ADDRSTRLEN];
	struct sockaddr_storage l, p;

	ASSERT_EQ(0, snl_get_by_id(self->n, self->cid, &a));
	ASSERT_LT(0, a.nladdrs);
	l = a.laddrs[0];
	p = a.paths[0].addr;
	if (l.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&l)->sin_addr, lip,
			  sizeof(lip));
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&l)->sin6_addr,
			  lip, sizeof(lip));
	if (p.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&p)->sin_addr, pip,
			  sizeof(pip));
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&p)->sin6_addr,
			  pip, sizeof(pip));
	ASSERT_EQ(0, snl_get_by_addrs(self->n, lip, a.lport, pip, a.pport, &b))
		TH_LOG("%s", self->n->extack);
	EXPECT_EQ(self->cid, b.assoc_id);

	/* Swapped ports name the server's side of the same connection. */
	ASSERT_EQ(0, snl_get_by_addrs(self->n, pip, a.pport, lip, a.lport, &b))
		TH_LOG("%s", self->n->extack);
	EXPECT_EQ(self->sid, b.assoc_id);
}

static void filter_id(struct nlt *n, void *arg)
{
	nlt_put_u32(n, SCTPNL_FILTER_A_ASSOC_ID, *(uint32_t *)arg);
}

static void filter_state_closed(struct nlt *n, void *arg)
{
	nlt_put_u32(n, SCTPNL_FILTER_A_STATE, 1 << SCTP_CLOSED);
}

static void filter_inode(struct nlt *n, void *arg)
{
	nlt_put_u64(n, SCTPNL_FILTER_A_INODE, *(uint64_t *)arg);
}

static void filter_paddr(struct nlt *n, void *arg)
{
	nlt_put_addr(n, SCTPNL_FILTER_A_PEER_ADDR, arg, -1);
}

TEST_F(assoc, dump_and_filters)
{
	struct snl_seen s = { 0 };
	struct snl_assoc a;
	uint32_t id = self->cid;

	ASSERT_EQ(0, snl_dump(self->n, NULL, NULL, snl_collect, &s));
	EXPECT_TRUE(snl_seen_count(&s, self->cid));
	EXPECT_TRUE(snl_seen_count(&s, self->sid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, snl_filter_lport, &self->port, snl_collect, &s));
	EXPECT_EQ(1, s.n);
	EXPECT_TRUE(snl_seen_count(&s, self->sid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, snl_filter_pport, &self->port, snl_collect, &s));
	EXPECT_EQ(1, s.n);
	EXPECT_TRUE(snl_seen_count(&s, self->cid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, filter_id, &id, snl_collect, &s));
	EXPECT_EQ(1, s.n);
	EXPECT_TRUE(snl_seen_count(&s, self->cid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, filter_state_closed, NULL, snl_collect, &s));
	EXPECT_FALSE(snl_seen_count(&s, self->cid));

	ASSERT_EQ(0, snl_get_by_id(self->n, self->cid, &a));
	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, filter_inode, &a.inode, snl_collect, &s));
	EXPECT_TRUE(snl_seen_count(&s, self->cid));
	EXPECT_FALSE(snl_seen_count(&s, self->sid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, filter_paddr, "192.0.2.1", snl_collect, &s));
	EXPECT_EQ(0, s.n);
}

struct brief_seen {
	uint32_t id;
	int found, has_status, has_stats, has_rtoinfo, path_attrs;
};

static int check_brief(const struct nlmsghdr *nlh, void *arg)
{
	struct brief_seen *b = arg;
	struct nlattr *paths = nlt_attr(nlh, SCTPNL_A_PADDRS), *p, *a;

	if (nlt_uint(nlt_attr(nlh, SCTPNL_A_ASSOC_ID)) != b->id)
		return 0;
	b->found = 1;
	b->has_status = !!nlt_attr(nlh, SCTPNL_A_STATUS);
	b->has_stats = !!nlt_attr(nlh, SCTPNL_A_STATS);
	b->has_rtoinfo = !!nlt_attr(nlh, SCTPNL_A_RTOINFO);
	if (paths)
		nlt_for_each(p, paths)
			nlt_for_each(a, p)
				b->path_attrs++;
	return 0;
}

/* SCTPNL_INFO_BRIEF: what a listing needs, and nothing more. */
TEST_F(assoc, info_brief)
{
	struct brief_seen b = { .id = self->cid };
	struct snl_assoc full;

	nlt_msg(self->n, self->n->family, NLM_F_DUMP, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_u32(self->n, SCTPNL_A_INFO, SCTPNL_INFO_BRIEF);
	ASSERT_EQ(0, nlt_send(self->n, check_brief, &b));
	ASSERT_TRUE(b.found);
	EXPECT_TRUE(b.has_status);
	EXPECT_FALSE(b.has_stats);
	EXPECT_FALSE(b.has_rtoinfo);
	ASSERT_EQ(0, snl_get_by_id(self->n, self->cid, &full));
	EXPECT_EQ(3 * full.npaths, b.path_attrs);	/* addr, state, primary */

	/* Bits the family does not know are refused. */
	nlt_msg(self->n, self->n->family, 0, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_u32(self->n, SCTPNL_A_ASSOC_ID, self->cid);
	nlt_put_u32(self->n, SCTPNL_A_INFO, 0x100);
	EXPECT_EQ(-EINVAL, nlt_send(self->n, NULL, NULL));
	EXPECT_STRNE("", self->n->extack);
}

TEST_HARNESS_MAIN
