// SPDX-License-Identifier: GPL-2.0
/*
 * Requests by association id go through the module's id index (a hint:
 * the lookup it leads to checks id and namespace).  Whatever the index
 * holds, a request by id must answer exactly what a walk would:
 *
 *  - the live association of that id in the requester's namespace;
 *  - ENOENT for an id that ended (stale entry), for an id of another
 *    namespace (foreign entry), for an id never used;
 *  - the same after a peel-off (same tuple, new owner), after an
 *    association's primary address is not the one indexed, and after the
 *    module was unloaded and loaded again (empty index, filled by walks);
 *  - and under churn: ids that end and new ones that take their place.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/sctpnl.h>

#include "kselftest_harness.h"
#include "lib/sk.h"

#define NPAIRS	64

FIXTURE(idx) {
	struct nlt *n;
	int lsn, port;
	int cli[NPAIRS], srv[NPAIRS];
	sctp_assoc_t cid[NPAIRS], sid[NPAIRS];
};

FIXTURE_SETUP(idx)
{
	int i;

	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");
	self->lsn = sk_quiet_socket();
	ASSERT_LE(0, self->lsn);
	ASSERT_EQ(0, listen(self->lsn, NPAIRS));
	self->port = sk_local_port(self->lsn);
	for (i = 0; i < NPAIRS; i++) {
		self->cli[i] = sk_pair_lo(self->lsn, self->port, &self->srv[i]);
		ASSERT_LE(0, self->cli[i]);
		self->cid[i] = sk_assoc_id(self->cli[i]);
		self->sid[i] = sk_assoc_id(self->srv[i]);
	}
}

FIXTURE_TEARDOWN(idx)
{
	int i;

	for (i = 0; i < NPAIRS; i++) {
		if (self->cli[i] > 0)
			close(self->cli[i]);
		if (self->srv[i] > 0)
			close(self->srv[i]);
	}
	if (self->lsn > 0)
		close(self->lsn);
	nlt_close(self->n);
}

/* 0 and the reported id, or -errno. */
static int get_id(struct nlt *n, uint32_t id, uint32_t *got)
{
	struct snl_assoc a;
	int err = snl_get_by_id(n, id, &a);

	*got = err ? 0 : a.assoc_id;
	return err;
}

TEST_F(idx, live_ids_answer_themselves)
{
	uint32_t got;
	int i;

	for (i = 0; i < NPAIRS; i++) {
		ASSERT_EQ(0, get_id(self->n, self->cid[i], &got));
		EXPECT_EQ(self->cid[i], got);
		ASSERT_EQ(0, get_id(self->n, self->sid[i], &got));
		EXPECT_EQ(self->sid[i], got);
	}
}

/* Ended associations: their ids name nothing any more. */
TEST_F(idx, ended_ids_are_gone)
{
	uint32_t got;
	int i;

	for (i = 0; i < NPAIRS; i += 2) {
		ASSERT_EQ(0, get_id(self->n, self->cid[i], &got));
		close(self->cli[i]);
		close(self->srv[i]);
		self->cli[i] = self->srv[i] = -1;
	}
	usleep(300000);		/* both ends through SHUTDOWN */
	for (i = 0; i < NPAIRS; i++) {
		int err = get_id(self->n, self->cid[i], &got);

		if (i % 2) {
			EXPECT_EQ(0, err);
			EXPECT_EQ(self->cid[i], got);
		} else {
			EXPECT_EQ(-ENOENT, err) TH_LOG("id %u answered as %u",
						       self->cid[i], got);
		}
	}
}

/* An id never handed out. */
TEST_F(idx, unused_id)
{
	uint32_t got;

	EXPECT_EQ(-ENOENT, get_id(self->n, 0x7ffffff0, &got));
}

/* Another namespace does not see our ids, indexed or not. */
TEST_F(idx, foreign_namespace)
{
	struct nlt *other;
	uint32_t got;
	int self_ns, i;

	/* Index them all first. */
	for (i = 0; i < NPAIRS; i++)
		ASSERT_EQ(0, get_id(self->n, self->cid[i], &got));

	self_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, self_ns);
	ASSERT_EQ(0, sh("ip netns add idx-other 2>/dev/null; ip -n idx-other link set lo up"));
	ASSERT_EQ(0, enter_netns("idx-other"));
	other = nlt_open();
	ASSERT_NE(NULL, other);
	for (i = 0; i < NPAIRS; i++) {
		EXPECT_EQ(-ENOENT, get_id(other, self->cid[i], &got))
			TH_LOG("id %u of another namespace answered", got);
	}
	nlt_close(other);
	ASSERT_EQ(0, setns(self_ns, CLONE_NEWNET));
	close(self_ns);
	sh("ip netns del idx-other");
}

/* A peeled-off association keeps its id and its tuple. */
TEST(peeled_off)
{
	struct nlt *n = nlt_open();
	struct sctp_sndrcvinfo si = { 0 };
	int srv, cli, peeled, flags = 0;
	sctp_assoc_t sid;
	uint32_t got;
	char buf[8];
	struct {
		struct sctp_assoc_ids ids;
		sctp_assoc_t more[4];
	} list;
	socklen_t len = sizeof(list);

	ASSERT_NE(NULL, n);
	srv = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	cli = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, srv);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, sk_events_off(srv));
	ASSERT_EQ(0, sk_events_off(cli));
	ASSERT_EQ(0, listen(srv, 4));
	ASSERT_EQ(0, sk_connect_lo(cli, sk_local_port(srv)));
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST,
				&list, &len));
	ASSERT_EQ(1, list.ids.gaids_number_of_ids);
	si.sinfo_assoc_id = list.ids.gaids_assoc_id[0];
	ASSERT_EQ(2, sctp_send(cli, "hi", 2, &si, MSG_NOSIGNAL));
	len = sizeof(list);
	ASSERT_EQ(2, sctp_recvmsg(srv, buf, sizeof(buf), NULL, NULL, NULL,
				  &flags));
	ASSERT_EQ(0, getsockopt(srv, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST,
				&list, &len));
	sid = list.ids.gaids_assoc_id[0];
	ASSERT_EQ(0, get_id(n, sid, &got));	/* indexed */
	peeled = sctp_peeloff(srv, sid);
	ASSERT_LE(0, peeled);
	ASSERT_EQ(0, get_id(n, sid, &got));
	EXPECT_EQ(sid, got);
	close(peeled);
	close(cli);
	close(srv);
	nlt_close(n);
}

/*
 * Churn: rounds of closing some pairs and opening new ones in their
 * place; after each, every id ever used answers iff it is live.
 */
TEST_F(idx, churn)
{
	static uint32_t dead[2048];
	int ndead = 0, round, i, err;
	uint32_t got;

	for (round = 0; round < 8; round++) {
		for (i = round % 3; i < NPAIRS; i += 3) {
			if (ndead + 2 <= 2048) {
				dead[ndead++] = self->cid[i];
				dead[ndead++] = self->sid[i];
			}
			close(self->cli[i]);
			close(self->srv[i]);
			self->cli[i] = sk_pair_lo(self->lsn, self->port,
						  &self->srv[i]);
			ASSERT_LE(0, self->cli[i]);
			self->cid[i] = sk_assoc_id(self->cli[i]);
			self->sid[i] = sk_assoc_id(self->srv[i]);
		}
		usleep(200000);
		for (i = 0; i < NPAIRS; i++) {
			ASSERT_EQ(0, get_id(self->n, self->cid[i], &got));
			EXPECT_EQ(self->cid[i], got);
		}
		for (i = 0; i < ndead; i++) {
			err = get_id(self->n, dead[i], &got);
			EXPECT_EQ(-ENOENT, err) TH_LOG("dead id %u answered as %u",
						       dead[i], got);
		}
	}
}

/* Unloaded and loaded again: an empty index, and the same answers. */
TEST_F(idx, zz_reload)
{
	const char *ko = getenv("SCTPNL_KO");
	uint32_t got;
	int i;

	if (!ko || !*ko)
		SKIP(return, "SCTPNL_KO not set");
	nlt_close(self->n);
	self->n = NULL;
	ASSERT_EQ(0, sh("rmmod sctpnl && insmod %s", ko));
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	ASSERT_NE(0, self->n->family);
	for (i = 0; i < NPAIRS; i++) {
		ASSERT_EQ(0, get_id(self->n, self->sid[i], &got));
		EXPECT_EQ(self->sid[i], got);
	}
	close(self->cli[0]);
	close(self->srv[0]);
	self->cli[0] = self->srv[0] = -1;
	usleep(300000);
	EXPECT_EQ(-ENOENT, get_id(self->n, self->sid[0], &got));
}

TEST_HARNESS_MAIN
