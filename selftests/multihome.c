// SPDX-License-Identifier: GPL-2.0
/*
 * A multi-homed association between two network namespaces joined by two
 * veth pairs (set up by multihome.sh, which passes the namespace names in
 * MH_CNS and MH_SNS):
 *
 *	client 10.1.0.1 ---- 10.1.0.2 server
 *	       10.2.0.1 ---- 10.2.0.2
 *
 * Both ends sctp_bindx() both their addresses; the client sctp_connectx()s
 * to both server addresses.  From each side's namespace, sctpnl must
 * report two paths and two local addresses, every path's values equal to
 * SCTP_GET_PEER_ADDR_INFO and SCTP_PEER_ADDR_PARAMS on the owning socket,
 * and exactly one primary path: the one SCTP_STATUS names.
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

static const char *const cli_ip[2] = { "10.1.0.1", "10.2.0.1" };
static const char *const srv_ip[2] = { "10.1.0.2", "10.2.0.2" };

FIXTURE(mh) {
	struct nlt *cn, *sn;	/* netlink sockets in the client's / server's ns */
	int lsn, cli, srv;
	sctp_assoc_t cid, sid;	/* real ids */
	sctp_assoc_t coid, soid; /* how each owner names its association */
	int port, cport;
};

FIXTURE_VARIANT(mh) {
	int type;
};

FIXTURE_VARIANT_ADD(mh, one_to_one) { SOCK_STREAM };
FIXTURE_VARIANT_ADD(mh, one_to_many) { SOCK_SEQPACKET };

static int bindx_both(int fd, const char *const ip[2], int port)
{
	struct sockaddr_in a[2];

	for (int i = 0; i < 2; i++) {
		memset(&a[i], 0, sizeof(a[i]));
		a[i].sin_family = AF_INET;
		a[i].sin_port = htons(port);
		inet_pton(AF_INET, ip[i], &a[i].sin_addr);
	}
	return sctp_bindx(fd, (struct sockaddr *)a, 2, SCTP_BINDX_ADD_ADDR);
}

/* Wait until every path of the association is confirmed and active. */
static int wait_paths_active(int fd, sctp_assoc_t oid,
			     const char *const pip[2], int port)
{
	for (int t = 0; t < 500; t++) {
		int active = 0;

		for (int i = 0; i < 2; i++) {
			struct sctp_paddrinfo pi = { .spinfo_assoc_id = oid };
			struct sockaddr_storage ss;

			snl_sockaddr(pip[i], port, &ss);
			memcpy(&pi.spinfo_address, &ss, sizeof(ss));
			if (GET(fd, SCTP_GET_PEER_ADDR_INFO, &pi))
				return -errno;
			active += pi.spinfo_state == SCTP_ACTIVE;
		}
		if (active == 2)
			return 0;
		usleep(20000);
	}
	return -ETIMEDOUT;
}

FIXTURE_SETUP(mh)
{
	const char *cns = getenv("MH_CNS"), *sns = getenv("MH_SNS");
	struct sockaddr_in peers[2];
	struct sctp_paddrparams pp = { 0 };
	struct sctp_initmsg im = { .sinit_num_ostreams = 3,
				   .sinit_max_instreams = 4 };
	sctp_assoc_t id = 0;

	if (!cns || !sns)
		SKIP(return, "run through multihome.sh (MH_CNS, MH_SNS unset)");

	ASSERT_EQ(0, enter_netns(sns)) TH_LOG("netns %s", sns);
	self->sn = nlt_open();
	ASSERT_NE(NULL, self->sn);
	if (!self->sn->family)
		SKIP(return, "sctpnl not loaded");
	self->lsn = socket(AF_INET, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->lsn);
	ASSERT_EQ(0, bindx_both(self->lsn, srv_ip, 0)) TH_LOG("%s",
							      strerror(errno));
	self->port = sk_local_port(self->lsn);
	ASSERT_LT(0, self->port);
	ASSERT_EQ(0, listen(self->lsn, 4));

	ASSERT_EQ(0, enter_netns(cns)) TH_LOG("netns %s", cns);
	self->cn = nlt_open();
	ASSERT_NE(NULL, self->cn);
	ASSERT_NE(0, self->cn->family);
	self->cli = socket(AF_INET, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->cli);
	ASSERT_EQ(0, SET(self->cli, SCTP_INITMSG, &im));
	ASSERT_EQ(0, bindx_both(self->cli, cli_ip, 0)) TH_LOG("%s",
							      strerror(errno));
	self->cport = sk_local_port(self->cli);
	ASSERT_LT(0, self->cport);

	for (int i = 0; i < 2; i++) {
		memset(&peers[i], 0, sizeof(peers[i]));
		peers[i].sin_family = AF_INET;
		peers[i].sin_port = htons(self->port);
		inet_pton(AF_INET, srv_ip[i], &peers[i].sin_addr);
	}
	ASSERT_EQ(0, sctp_connectx(self->cli, (struct sockaddr *)peers, 2,
				   &id)) TH_LOG("%s", strerror(errno));
	ASSERT_NE(0, id);

	if (variant->type == SOCK_STREAM) {
		self->srv = accept(self->lsn, NULL, NULL);
		ASSERT_LE(0, self->srv);
		self->cid = sk_assoc_id(self->cli);
		self->sid = sk_assoc_id(self->srv);
		self->coid = self->soid = 0;
	} else {
		/* connectx on one-to-many returns at once: wait for it. */
		for (int t = 0; t < 500 && !self->sid; t++) {
			unsigned int n;
			sctp_assoc_t sid = sk_first_assoc(self->lsn, &n);

			self->sid = n == 1 ? sid : 0;
			if (!self->sid)
				usleep(10000);
		}
		self->srv = self->lsn;
		self->cid = self->coid = id;
		self->soid = self->sid;
		for (int t = 0; t < 500; t++) {
			struct sctp_status st = { .sstat_assoc_id = id };

			if (!GET(self->cli, SCTP_STATUS, &st) &&
			    st.sstat_state == SCTP_ESTABLISHED)
				break;
			usleep(10000);
		}
	}
	ASSERT_NE(0, self->cid);
	ASSERT_NE(0, self->sid);
	EXPECT_EQ(id, self->cid);

	/* Non-default path parameters on the client, so they show. */
	pp.spp_assoc_id = self->coid;
	pp.spp_hbinterval = 5000;
	pp.spp_pathmaxrxt = 3;
	pp.spp_flags = SPP_HB_ENABLE;
	ASSERT_EQ(0, SET(self->cli, SCTP_PEER_ADDR_PARAMS, &pp));

	/* Each side confirms the other's second address by heartbeat. */
	ASSERT_EQ(0, wait_paths_active(self->cli, self->coid, srv_ip,
				       self->port));
	ASSERT_EQ(0, wait_paths_active(self->srv, self->soid, cli_ip,
				       self->cport));
	ASSERT_EQ(0, sk_quiesce(self->cli, self->coid));
	ASSERT_EQ(0, sk_quiesce(self->srv, self->soid));
}

FIXTURE_TEARDOWN(mh)
{
	if (self->srv > 0 && self->srv != self->lsn)
		close(self->srv);
	if (self->cli > 0)
		close(self->cli);
	if (self->lsn > 0)
		close(self->lsn);
	nlt_close(self->cn);
	nlt_close(self->sn);
}

static bool addr_in(const struct sockaddr_storage *a, const char *const ip[2],
		    int port)
{
	for (int i = 0; i < 2; i++) {
		struct sockaddr_storage ss;

		snl_sockaddr(ip[i], port, &ss);
		if (snl_addr_eq(a, &ss, port >= 0))
			return true;
	}
	return false;
}

/* The values of the paths that move with traffic (heartbeats). */
static bool paths_same(const struct snl_assoc *a, const struct snl_assoc *b)
{
	if (a->npaths != b->npaths)
		return false;
	for (int i = 0; i < a->npaths; i++) {
		const struct snl_path *x = &a->paths[i], *y = &b->paths[i];

		if (x->state != y->state || x->cwnd != y->cwnd ||
		    x->srtt_sockopt != y->srtt_sockopt || x->rto != y->rto ||
		    x->mtu != y->mtu || x->primary != y->primary)
			return false;
	}
	return true;
}

/*
 * Compare one side.  A heartbeat may land between the netlink read and
 * the getsockopt calls; the comparison counts only when a second netlink
 * read after the getsockopt calls saw the same path values.
 */
static void check_side(struct __test_metadata *_metadata, struct nlt *n,
		       int fd, sctp_assoc_t id, sctp_assoc_t oid,
		       const char *const lip[2], const char *const pip[2],
		       int lport, int pport)
{
	struct sctp_paddrinfo pi[2];
	struct sctp_paddrparams pp[2];
	struct sctp_status st;
	struct snl_assoc a, b;
	struct sockaddr *addrs;
	int tries, primaries = 0, cnt;

	for (tries = 0; tries < 10; tries++) {
		ASSERT_EQ(0, snl_get_by_id(n, id, &a)) TH_LOG("%s", n->extack);
		ASSERT_EQ(2, a.npaths);
		memset(&st, 0, sizeof(st));
		st.sstat_assoc_id = oid;
		ASSERT_EQ(0, GET(fd, SCTP_STATUS, &st));
		for (int i = 0; i < 2; i++) {
			memset(&pi[i], 0, sizeof(pi[i]));
			memset(&pp[i], 0, sizeof(pp[i]));
			pi[i].spinfo_assoc_id = oid;
			pp[i].spp_assoc_id = oid;
			memcpy(&pi[i].spinfo_address, &a.paths[i].addr,
			       sizeof(a.paths[i].addr));
			memcpy(&pp[i].spp_address, &a.paths[i].addr,
			       sizeof(a.paths[i].addr));
			ASSERT_EQ(0, GET(fd, SCTP_GET_PEER_ADDR_INFO, &pi[i]));
			ASSERT_EQ(0, GET(fd, SCTP_PEER_ADDR_PARAMS, &pp[i]));
		}
		ASSERT_EQ(0, snl_get_by_id(n, id, &b));
		if (paths_same(&a, &b))
			break;
		usleep(50000);
	}
	ASSERT_GT(10, tries) TH_LOG("path values never held still");

	EXPECT_EQ(id, a.assoc_id);
	EXPECT_EQ(SCTP_ESTABLISHED, a.state);
	EXPECT_EQ(lport, a.lport);
	EXPECT_EQ(pport, a.pport);

	/* Two local addresses: exactly ours. */
	ASSERT_EQ(2, a.nladdrs);
	EXPECT_TRUE(addr_in(&a.laddrs[0], lip, -1));
	EXPECT_TRUE(addr_in(&a.laddrs[1], lip, -1));
	EXPECT_FALSE(snl_addr_eq(&a.laddrs[0], &a.laddrs[1], false));
	cnt = sctp_getladdrs(fd, oid, &addrs);
	EXPECT_EQ(2, cnt);
	if (cnt > 0)
		sctp_freeladdrs(addrs);

	/* Two paths: exactly the peer's addresses, with its port. */
	EXPECT_TRUE(addr_in(&a.paths[0].addr, pip, pport));
	EXPECT_TRUE(addr_in(&a.paths[1].addr, pip, pport));
	EXPECT_FALSE(snl_addr_eq(&a.paths[0].addr, &a.paths[1].addr, false));
	cnt = sctp_getpaddrs(fd, oid, &addrs);
	EXPECT_EQ(2, cnt);
	if (cnt > 0)
		sctp_freepaddrs(addrs);
	EXPECT_EQ(2, a.npeerdest);

	for (int i = 0; i < 2; i++) {
		struct snl_path *p = &a.paths[i];
		char s[64];

		snl_ntop(&p->addr, s, sizeof(s));
		EXPECT_EQ(SCTP_ACTIVE, p->state) TH_LOG("%s", s);
		EXPECT_EQ(pi[i].spinfo_state, p->state) TH_LOG("%s", s);
		EXPECT_EQ(pi[i].spinfo_cwnd, p->cwnd) TH_LOG("%s", s);
		EXPECT_EQ(pi[i].spinfo_srtt, p->srtt_sockopt) TH_LOG("%s", s);
		EXPECT_EQ(pi[i].spinfo_rto, p->rto) TH_LOG("%s", s);
		EXPECT_EQ(pi[i].spinfo_mtu, p->mtu) TH_LOG("%s", s);
		EXPECT_EQ(pp[i].spp_hbinterval, p->hbinterval) TH_LOG("%s", s);
		EXPECT_EQ(pp[i].spp_pathmaxrxt, p->pathmaxrxt) TH_LOG("%s", s);
		EXPECT_EQ(pp[i].spp_pathmtu, p->mtu) TH_LOG("%s", s);
		EXPECT_EQ(pp[i].spp_sackdelay, p->sackdelay) TH_LOG("%s", s);
		EXPECT_EQ(pp[i].spp_flags, p->flags) TH_LOG("%s", s);
		if (p->primary) {
			struct sockaddr_storage prim;

			primaries++;
			memcpy(&prim, &st.sstat_primary.spinfo_address,
			       sizeof(prim));
			EXPECT_TRUE(snl_addr_eq(&prim, &p->addr, true))
				TH_LOG("primary %s is not SCTP_STATUS's", s);
			EXPECT_EQ(st.sstat_primary.spinfo_cwnd, p->cwnd);
			EXPECT_EQ(st.sstat_primary.spinfo_srtt,
				  p->srtt_sockopt);
			EXPECT_EQ(st.sstat_primary.spinfo_rto, p->rto);
			EXPECT_EQ(st.sstat_primary.spinfo_mtu, p->mtu);
		}
	}
	EXPECT_EQ(1, primaries);
	EXPECT_EQ(st.sstat_instrms, a.instrms);
	EXPECT_EQ(st.sstat_outstrms, a.outstrms);
}

TEST_F(mh, client_side)
{
	struct snl_assoc a;

	check_side(_metadata, self->cn, self->cli, self->cid, self->coid,
		   cli_ip, srv_ip, self->cport, self->port);
	/* The client asked for 3 streams out; the server allowed them. */
	ASSERT_EQ(0, snl_get_by_id(self->cn, self->cid, &a));
	EXPECT_EQ(3, a.outstrms);
	EXPECT_EQ(5000, a.paths[0].hbinterval);
	EXPECT_EQ(5000, a.paths[1].hbinterval);
	EXPECT_EQ(3, a.paths[0].pathmaxrxt);
}

TEST_F(mh, server_side)
{
	struct snl_assoc a;

	check_side(_metadata, self->sn, self->srv, self->sid, self->soid,
		   srv_ip, cli_ip, self->port, self->cport);
	ASSERT_EQ(0, snl_get_by_id(self->sn, self->sid, &a));
	EXPECT_EQ(3, a.instrms);
}

/* Each namespace sees exactly its one association. */
TEST_F(mh, dumps_per_namespace)
{
	struct snl_seen s = { 0 };

	ASSERT_EQ(0, snl_dump(self->cn, NULL, NULL, snl_collect, &s));
	ASSERT_EQ(1, s.n);
	EXPECT_EQ(self->cid, s.ids[0]);
	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->sn, NULL, NULL, snl_collect, &s));
	ASSERT_EQ(1, s.n);
	EXPECT_EQ(self->sid, s.ids[0]);
}

static void filter_paddr(struct nlt *n, void *arg)
{
	nlt_put_addr(n, SCTPNL_FILTER_A_PEER_ADDR, arg, -1);
}

static void filter_laddr(struct nlt *n, void *arg)
{
	nlt_put_addr(n, SCTPNL_FILTER_A_LOCAL_ADDR, arg, -1);
}

TEST_F(mh, filters_match_any_path)
{
	for (int i = 0; i < 2; i++) {
		struct snl_seen s = { 0 };

		ASSERT_EQ(0, snl_dump(self->cn, filter_paddr, (void *)srv_ip[i],
				      snl_collect, &s));
		EXPECT_EQ(1, s.n) TH_LOG("peer %s", srv_ip[i]);
		memset(&s, 0, sizeof(s));
		ASSERT_EQ(0, snl_dump(self->cn, filter_laddr, (void *)cli_ip[i],
				      snl_collect, &s));
		EXPECT_EQ(1, s.n) TH_LOG("local %s", cli_ip[i]);
		memset(&s, 0, sizeof(s));
		/* The client's addresses are no peer of the client. */
		ASSERT_EQ(0, snl_dump(self->cn, filter_paddr, (void *)cli_ip[i],
				      snl_collect, &s));
		EXPECT_EQ(0, s.n);
	}
}

/* Either path's 4-tuple names the association. */
TEST_F(mh, get_by_either_tuple)
{
	for (int i = 0; i < 2; i++) {
		for (int j = 0; j < 2; j++) {
			struct snl_assoc a;

			ASSERT_EQ(0, snl_get_by_addrs(self->cn, cli_ip[i],
						      self->cport, srv_ip[j],
						      self->port, &a))
				TH_LOG("%s -> %s: %s", cli_ip[i], srv_ip[j],
				       self->cn->extack);
			EXPECT_EQ(self->cid, a.assoc_id);
			ASSERT_EQ(0, snl_get_by_addrs(self->sn, srv_ip[j],
						      self->port, cli_ip[i],
						      self->cport, &a))
				TH_LOG("%s -> %s: %s", srv_ip[j], cli_ip[i],
				       self->sn->extack);
			EXPECT_EQ(self->sid, a.assoc_id);
		}
	}
}

/* Moving the primary with SCTP_PRIMARY_ADDR moves the flag. */
TEST_F(mh, primary_follows_setsockopt)
{
	for (int k = 0; k < 2; k++) {
		struct sctp_prim pr = { .ssp_assoc_id = self->coid };
		struct sockaddr_storage want;
		struct snl_assoc a;
		int primaries = 0;

		snl_sockaddr(srv_ip[1 - k], self->port, &want);
		memcpy(&pr.ssp_addr, &want, sizeof(want));
		ASSERT_EQ(0, SET(self->cli, SCTP_PRIMARY_ADDR, &pr))
			TH_LOG("%s", strerror(errno));
		ASSERT_EQ(0, snl_get_by_id(self->cn, self->cid, &a));
		ASSERT_EQ(2, a.npaths);
		for (int i = 0; i < 2; i++) {
			if (!a.paths[i].primary)
				continue;
			primaries++;
			EXPECT_TRUE(snl_addr_eq(&a.paths[i].addr, &want, true))
				TH_LOG("round %d", k);
		}
		EXPECT_EQ(1, primaries);
	}
}

TEST_HARNESS_MAIN
