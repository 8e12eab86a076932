// SPDX-License-Identifier: GPL-2.0
/*
 * Network namespace isolation.  Associations live in three namespaces:
 * A (one one-to-one pair over 127.0.0.1), B (two pairs over ::1) and the
 * initial one (one pair).  From each namespace, a dump shows exactly its
 * own associations, get by id and by 4-tuple find only its own, an
 * endpoint dump lists only its own sockets, SNMP_GET reports its own
 * CurrEstab, equal to /proc/net/sctp/snmp read in that namespace, and
 * a probe filter narrows the samples of its own namespace only.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "kselftest_harness.h"
#include "lib/nl.h"
#include "lib/sk.h"

enum { NS_A, NS_B, NS_INIT, NS_N };
#define MAXP	2	/* pairs per namespace */

struct pair {
	int lsn, cli, srv;
	sctp_assoc_t cid, sid;
	int port, cport;
};

struct space {
	char name[32];
	int fd;			/* /proc/self/ns/net of it */
	struct nlt *n;		/* netlink socket opened in it */
	struct pair p[MAXP];
	int np;
	const char *addr;
};

FIXTURE(ns) {
	struct space s[NS_N];
};

static int enter(struct space *s)
{
	return setns(s->fd, CLONE_NEWNET);
}

static int make_pair(struct pair *p, const char *addr)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int fam;

	if (snl_sockaddr(addr, 0, &ss))
		return -1;
	fam = ss.ss_family;
	p->lsn = socket(fam, SOCK_STREAM, IPPROTO_SCTP);
	if (p->lsn < 0 || bind(p->lsn, (void *)&ss, sizeof(ss)) ||
	    getsockname(p->lsn, (void *)&ss, &len) || listen(p->lsn, 1))
		return -1;
	p->port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	p->cli = socket(fam, SOCK_STREAM, IPPROTO_SCTP);
	if (p->cli < 0 || connect(p->cli, (void *)&ss, sizeof(ss)))
		return -1;
	p->srv = accept(p->lsn, NULL, NULL);
	len = sizeof(ss);
	if (p->srv < 0 || getsockname(p->cli, (void *)&ss, &len))
		return -1;
	p->cport = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	p->cid = sk_assoc_id(p->cli);
	p->sid = sk_assoc_id(p->srv);
	return p->cid && p->sid ? 0 : -1;
}

FIXTURE_SETUP(ns)
{
	static const char *addr[NS_N] = { "127.0.0.1", "::1", "127.0.0.1" };
	static const int np[NS_N] = { 1, 2, 1 };
	struct nlt *probe = nlt_open();

	ASSERT_NE(NULL, probe);
	if (!probe->family) {
		nlt_close(probe);
		SKIP(return, "sctpnl not loaded");
	}
	nlt_close(probe);

	/* The initial namespace first, before entering any other. */
	self->s[NS_INIT].fd = open("/proc/self/ns/net", O_RDONLY);
	ASSERT_LE(0, self->s[NS_INIT].fd);
	for (int i = 0; i < NS_N; i++) {
		struct space *s = &self->s[i];

		s->addr = addr[i];
		s->np = np[i];
		if (i == NS_INIT)
			continue;
		snprintf(s->name, sizeof(s->name), "snlns%c%d", 'A' + i,
			 getpid());
		ASSERT_EQ(0, sh("ip netns add %s && ip -n %s link set lo up",
				s->name, s->name));
		ASSERT_EQ(0, enter_netns(s->name));
		s->fd = open("/proc/self/ns/net", O_RDONLY);
		ASSERT_LE(0, s->fd);
	}
	for (int i = 0; i < NS_N; i++) {
		struct space *s = &self->s[i];

		ASSERT_EQ(0, enter(s));
		s->n = nlt_open();
		ASSERT_NE(NULL, s->n);
		ASSERT_NE(0, s->n->family);
		for (int j = 0; j < s->np; j++) {
			ASSERT_EQ(0, make_pair(&s->p[j], s->addr))
				TH_LOG("ns %d pair %d: %s", i, j,
				       strerror(errno));
		}
	}
	/* Leave the test in the initial namespace. */
	ASSERT_EQ(0, enter(&self->s[NS_INIT]));
}

FIXTURE_TEARDOWN(ns)
{
	for (int i = 0; i < NS_N; i++) {
		struct space *s = &self->s[i];

		for (int j = 0; j < s->np; j++) {
			if (s->p[j].srv > 0)
				close(s->p[j].srv);
			if (s->p[j].cli > 0)
				close(s->p[j].cli);
			if (s->p[j].lsn > 0)
				close(s->p[j].lsn);
		}
		nlt_close(s->n);
		if (s->name[0])
			sh("ip netns del %s", s->name);
		if (s->fd > 0)
			close(s->fd);
	}
}

struct idset {
	uint32_t id[256];
	uint64_t ino[256];
	int n;
};

static int collect(const struct nlmsghdr *nlh, void *arg)
{
	struct idset *s = arg;

	if (s->n < 256) {
		s->id[s->n] = nlt_uint(nlt_attr(nlh, SCTPNL_A_ASSOC_ID));
		s->ino[s->n] = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_INODE));
		s->n++;
	}
	return 0;
}

static bool has_id(const struct idset *s, uint32_t id)
{
	for (int i = 0; i < s->n; i++)
		if (s->id[i] == id)
			return true;
	return false;
}

static bool has_ino(const struct idset *s, uint64_t ino)
{
	for (int i = 0; i < s->n; i++)
		if (s->ino[i] == ino)
			return true;
	return false;
}

static uint64_t ino_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? 0 : st.st_ino;
}

static int dump(struct nlt *n, uint8_t cmd, struct idset *s)
{
	memset(s, 0, sizeof(*s));
	nlt_msg(n, n->family, NLM_F_DUMP, cmd, 1);
	return nlt_send(n, collect, s);
}

static int get_id(struct nlt *n, uint32_t id)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_u32(n, SCTPNL_A_ASSOC_ID, id);
	return nlt_send(n, NULL, NULL);
}

static int get_tuple(struct nlt *n, const char *ip, int lport, int pport)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_addr(n, SCTPNL_A_LOCAL, ip, lport);
	nlt_put_addr(n, SCTPNL_A_PEER, ip, pport);
	return nlt_send(n, NULL, NULL);
}

TEST_F(ns, dump_shows_own_only)
{
	for (int i = 0; i < NS_N; i++) {
		struct space *s = &self->s[i];
		struct idset d;

		ASSERT_EQ(0, dump(s->n, SCTPNL_CMD_ASSOC_GET, &d))
			TH_LOG("%s", s->n->extack);
		/* A and B are fresh: exactly their associations. */
		if (i != NS_INIT)
			EXPECT_EQ(2 * s->np, d.n);
		for (int j = 0; j < s->np; j++) {
			EXPECT_TRUE(has_id(&d, s->p[j].cid));
			EXPECT_TRUE(has_id(&d, s->p[j].sid));
		}
		for (int o = 0; o < NS_N; o++) {
			if (o == i)
				continue;
			for (int j = 0; j < self->s[o].np; j++) {
				EXPECT_FALSE(has_id(&d, self->s[o].p[j].cid))
					TH_LOG("ns %d sees %d's client", i, o);
				EXPECT_FALSE(has_id(&d, self->s[o].p[j].sid))
					TH_LOG("ns %d sees %d's server", i, o);
			}
		}
	}
}

TEST_F(ns, get_by_id_own_only)
{
	for (int i = 0; i < NS_N; i++) {
		struct nlt *n = self->s[i].n;

		for (int o = 0; o < NS_N; o++) {
			for (int j = 0; j < self->s[o].np; j++) {
				struct pair *p = &self->s[o].p[j];
				int want = o == i ? 0 : -ENOENT;

				EXPECT_EQ(want, get_id(n, p->cid))
					TH_LOG("from %d, id %d of %d: %s", i,
					       p->cid, o, n->extack);
				if (want)
					EXPECT_NE(NULL, strstr(n->extack,
							       "no such association"));
				EXPECT_EQ(want, get_id(n, p->sid))
					TH_LOG("from %d, id %d of %d: %s", i,
					       p->sid, o, n->extack);
			}
		}
	}
}

/* The same 4-tuple names nothing in another namespace. */
TEST_F(ns, get_by_tuple_own_only)
{
	for (int i = 0; i < NS_N; i++) {
		struct nlt *n = self->s[i].n;

		for (int o = 0; o < NS_N; o++) {
			struct space *so = &self->s[o];

			for (int j = 0; j < so->np; j++) {
				struct pair *p = &so->p[j];
				int want = o == i ? 0 : -ENOENT;

				EXPECT_EQ(want, get_tuple(n, so->addr,
							  p->cport, p->port))
					TH_LOG("from %d, %s %d->%d of %d: %s",
					       i, so->addr, p->cport, p->port,
					       o, n->extack);
			}
		}
	}
}

/* Endpoint dumps: listeners and association owners, own sockets only. */
TEST_F(ns, ep_dump_own_only)
{
	for (int i = 0; i < NS_N; i++) {
		struct space *s = &self->s[i];
		struct idset d;

		ASSERT_EQ(0, dump(s->n, SCTPNL_CMD_EP_GET, &d))
			TH_LOG("%s", s->n->extack);
		if (i != NS_INIT)
			EXPECT_EQ(3 * s->np, d.n);
		for (int o = 0; o < NS_N; o++) {
			for (int j = 0; j < self->s[o].np; j++) {
				struct pair *p = &self->s[o].p[j];
				bool want = o == i;

				EXPECT_EQ(want, has_ino(&d, ino_of(p->lsn)))
					TH_LOG("ns %d, listener of %d", i, o);
				EXPECT_EQ(want, has_ino(&d, ino_of(p->cli)))
					TH_LOG("ns %d, client of %d", i, o);
				EXPECT_EQ(want, has_ino(&d, ino_of(p->srv)))
					TH_LOG("ns %d, accepted of %d", i, o);
			}
		}
	}
}

static int snmp_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *snmp = nlt_attr(nlh, SCTPNL_A_SNMP);

	*(int64_t *)arg = snmp ? (int64_t)nlt_uint(nlt_nested(snmp,
					SCTPNL_SNMP_A_CURR_ESTAB)) : -1;
	return 0;
}

static int64_t proc_curr_estab(void)
{
	FILE *f = fopen("/proc/net/sctp/snmp", "r");
	char name[64];
	long long v;
	int64_t r = -1;

	if (!f)
		return -1;
	while (fscanf(f, "%63s %lld", name, &v) == 2)
		if (!strcmp(name, "SctpCurrEstab"))
			r = v;
	fclose(f);
	return r;
}

TEST_F(ns, snmp_per_namespace)
{
	int64_t nl[NS_N], proc[NS_N];
	struct nlt *n;

	for (int i = 0; i < NS_N; i++) {
		n = self->s[i].n;
		ASSERT_EQ(0, enter(&self->s[i]));
		nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_SNMP_GET, 1);
		ASSERT_EQ(0, nlt_send(n, snmp_cb, &nl[i]));
		proc[i] = proc_curr_estab();
		EXPECT_EQ(proc[i], nl[i]) TH_LOG("ns %d", i);
	}
	ASSERT_EQ(0, enter(&self->s[NS_INIT]));
	/* Both ends of every pair are established in their namespace. */
	EXPECT_EQ(2, nl[NS_A]);
	EXPECT_EQ(4, nl[NS_B]);
	EXPECT_LE(2, nl[NS_INIT]);

	/* Closing A's pair moves A's counter only. */
	close(self->s[NS_A].p[0].cli);
	self->s[NS_A].p[0].cli = -1;
	n = self->s[NS_A].n;
	for (int t = 0; t < 200; t++) {
		nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_SNMP_GET, 1);
		ASSERT_EQ(0, nlt_send(n, snmp_cb, &nl[NS_A]));
		if (nl[NS_A] == 0)
			break;
		usleep(20000);
	}
	EXPECT_EQ(0, nl[NS_A]);

	n = self->s[NS_B].n;
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_SNMP_GET, 1);
	ASSERT_EQ(0, nlt_send(n, snmp_cb, &nl[NS_B]));
	EXPECT_EQ(4, nl[NS_B]);
}

/* A socket of the current namespace that joined the probe group. */
static struct nlt *probe_listener(void)
{
	struct nlt *l = nlt_open();

	if (l && setsockopt(l->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
			    &l->mcgrp_probe, sizeof(l->mcgrp_probe))) {
		nlt_close(l);
		l = NULL;
	}
	return l;
}

/* Set @n's namespace probe filter to @id alone, or clear it. */
static int probe_filter(struct nlt *n, bool set, uint32_t id)
{
	nlt_msg(n, n->family, NLM_F_ACK, SCTPNL_CMD_PROBE_SET, 1);
	if (set) {
		nlt_nest(n, SCTPNL_A_PROBE_FILTER);
		nlt_put_u32(n, SCTPNL_A_PROBE_FILTER_ENTRY, id);
		nlt_nest_end(n);
	}
	return nlt_send(n, NULL, NULL);
}

/* Eight messages from client to server: the client takes SACKs. */
static int exchange(const struct pair *p)
{
	char buf[1000] = { 0 };

	for (int i = 0; i < 8; i++) {
		if (send(p->cli, buf, sizeof(buf), 0) != sizeof(buf) ||
		    recv(p->srv, buf, sizeof(buf), 0) != sizeof(buf))
			return -1;
	}
	return 0;
}

/*
 * Samples of the association with local port @port read from @l until
 * it stays quiet for 400 ms: longer than the delayed SACK (200 ms) plus
 * the batching delay (50 ms).
 */
static int samples(struct nlt *l, int port)
{
	struct pollfd pfd = { .fd = l->fd, .events = POLLIN };
	static char buf[64 * 1024];
	int n = 0;

	while (poll(&pfd, 1, 400) > 0) {
		ssize_t r = recv(l->fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (r <= 0)
			return -1;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, r);
		     nlh = NLMSG_NEXT(nlh, r)) {
			struct genlmsghdr *g = NLMSG_DATA(nlh);
			struct nlattr *a = NULL;

			if (nlh->nlmsg_type != l->family ||
			    g->cmd != SCTPNL_CMD_PROBE)
				continue;
			/* A batch: one attribute per sample. */
			while ((a = nlt_attr_next(nlh, a,
						  SCTPNL_A_PROBE_SAMPLE))) {
				struct sctpnl_path_sample ps = { 0 };

				memcpy(&ps, nlt_data(a),
				       a->nla_len - NLA_HDRLEN < sizeof(ps) ?
				       a->nla_len - NLA_HDRLEN : sizeof(ps));
				if (ps.local_port == port)
					n++;
			}
		}
	}
	return n;
}

/*
 * A's filter, naming an id no association has, silences A's samples and
 * not B's, which has none; cleared, A's come back.  The namespace then
 * goes away with a filter set again.
 */
TEST_F(ns, probe_filter_per_namespace)
{
	struct space *a = &self->s[NS_A], *b = &self->s[NS_B];
	struct nlt *la, *lb;
	int na, nb;

	ASSERT_EQ(0, enter(a));
	la = probe_listener();
	ASSERT_EQ(0, enter(b));
	lb = probe_listener();
	ASSERT_EQ(0, enter(&self->s[NS_INIT]));
	ASSERT_NE(NULL, la);
	ASSERT_NE(NULL, lb);

	ASSERT_EQ(0, probe_filter(a->n, true, 0)) TH_LOG("%s", a->n->extack);
	ASSERT_EQ(0, exchange(&a->p[0]));
	ASSERT_EQ(0, exchange(&b->p[0]));
	na = samples(la, a->p[0].cport);
	nb = samples(lb, b->p[0].cport);
	TH_LOG("filtered A: %d samples, unfiltered B: %d", na, nb);
	EXPECT_EQ(0, na);
	EXPECT_LT(0, nb);

	ASSERT_EQ(0, probe_filter(a->n, false, 0));
	ASSERT_EQ(0, exchange(&a->p[0]));
	na = samples(la, a->p[0].cport);
	TH_LOG("A after clearing its filter: %d samples", na);
	EXPECT_LT(0, na);

	EXPECT_EQ(0, probe_filter(a->n, true, a->p[0].cid));
	nlt_close(la);
	nlt_close(lb);
}

TEST_HARNESS_MAIN
