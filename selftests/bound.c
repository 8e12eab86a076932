// SPDX-License-Identifier: GPL-2.0
/*
 * What differs between the kernels of the matrix, pinned on each of them.
 *
 * Device-bound owners (SO_BINDTODEVICE): from 6.0 the transport lookup the
 * module resolves associations with also matches the owner's bound
 * device, so a dump that looked every association up unbound lost these
 * (2 of 4 listed on 6.12 and 7.3).  Each style, bound and unbound, must
 * be listed by the dump, found by id and by addresses, and by filters,
 * as many as /proc/net/sctp/assocs lists.
 *
 * The owner of an orphaned association (its socket closed, the
 * association still shutting down): reported as the uid that created the
 * socket on every kernel (7.x's sk_uid(); 6.x's sock_i_uid() said root).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <linux/sctpnl.h>

#include "kselftest_harness.h"
#include "lib/sk.h"

enum style { O2O, O2M };

FIXTURE(bound) {
	struct nlt *n;
	int lsn, cli, srv;
	sctp_assoc_t cid, sid;
	int port, cport;
};

FIXTURE_VARIANT(bound) {
	enum style style;
	bool bind_server, bind_client;
};

FIXTURE_VARIANT_ADD(bound, o2o_unbound) { O2O, false, false };
FIXTURE_VARIANT_ADD(bound, o2o_bound) { O2O, true, true };
FIXTURE_VARIANT_ADD(bound, o2o_client_bound) { O2O, false, true };
FIXTURE_VARIANT_ADD(bound, o2m_unbound) { O2M, false, false };
FIXTURE_VARIANT_ADD(bound, o2m_bound) { O2M, true, true };
FIXTURE_VARIANT_ADD(bound, o2m_server_bound) { O2M, true, false };

static int bind_lo(int fd)
{
	return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
}

FIXTURE_SETUP(bound)
{
	int type = variant->style == O2O ? SOCK_STREAM : SOCK_SEQPACKET;
	struct sctp_sndrcvinfo si = { 0 };
	struct sockaddr_storage ss;
	char buf[16];
	int flags;

	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl not loaded");

	self->lsn = socket(AF_INET, type, IPPROTO_SCTP);
	ASSERT_LE(0, self->lsn);
	ASSERT_EQ(0, sk_events_off(self->lsn));
	if (variant->bind_server)
		ASSERT_EQ(0, bind_lo(self->lsn));
	ASSERT_EQ(0, snl_sockaddr("127.0.0.1", 0, &ss));
	ASSERT_EQ(0, bind(self->lsn, (void *)&ss, sizeof(struct sockaddr_in)));
	self->port = sk_local_port(self->lsn);
	ASSERT_EQ(0, listen(self->lsn, 8));

	self->cli = socket(AF_INET, type, IPPROTO_SCTP);
	ASSERT_LE(0, self->cli);
	ASSERT_EQ(0, sk_events_off(self->cli));
	if (variant->bind_client)
		ASSERT_EQ(0, bind_lo(self->cli));
	ASSERT_EQ(0, sk_connect_lo(self->cli, self->port));
	self->cport = sk_local_port(self->cli);

	if (variant->style == O2O) {
		self->srv = accept(self->lsn, NULL, NULL);
		ASSERT_LE(0, self->srv);
		self->cid = sk_assoc_id(self->cli);
		self->sid = sk_assoc_id(self->srv);
	} else {
		self->cid = sk_first_assoc(self->cli, NULL);
		si.sinfo_assoc_id = self->cid;
		ASSERT_EQ(2, sctp_send(self->cli, "hi", 2, &si, MSG_NOSIGNAL));
		flags = 0;
		ASSERT_EQ(2, sctp_recvmsg(self->lsn, buf, sizeof(buf), NULL,
					  NULL, NULL, &flags));
		self->sid = sk_first_assoc(self->lsn, NULL);
		self->srv = -1;
	}
	ASSERT_NE(0, self->cid);
	ASSERT_NE(0, self->sid);
}

FIXTURE_TEARDOWN(bound)
{
	if (self->srv > 0)
		close(self->srv);
	if (self->cli > 0)
		close(self->cli);
	if (self->lsn > 0)
		close(self->lsn);
	nlt_close(self->n);
}

/* Associations /proc/net/sctp/assocs lists with @port at either end. */
static int proc_count(int port)
{
	char line[512];
	int n = 0, lport, rport;
	FILE *f = fopen("/proc/net/sctp/assocs", "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		/* ... LPORT RPORT LADDRS <-> RADDRS ...: the 12th, 13th fields */
		if (sscanf(line, "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %d %d",
			   &lport, &rport) == 2 &&
		    (lport == port || rport == port))
			n++;
	}
	fclose(f);
	return n;
}

TEST_F(bound, dump_lists_both_ends_once)
{
	struct snl_seen s = { 0 };

	ASSERT_EQ(0, snl_dump(self->n, NULL, NULL, snl_collect, &s));
	EXPECT_EQ(1, snl_seen_count(&s, self->cid));
	EXPECT_EQ(1, snl_seen_count(&s, self->sid));
	EXPECT_EQ(2, proc_count(self->port));
}

TEST_F(bound, filters_find_each_end)
{
	struct snl_seen s = { 0 };

	ASSERT_EQ(0, snl_dump(self->n, snl_filter_lport, &self->port, snl_collect, &s));
	EXPECT_EQ(1, s.n);
	EXPECT_EQ(1, snl_seen_count(&s, self->sid));

	memset(&s, 0, sizeof(s));
	ASSERT_EQ(0, snl_dump(self->n, snl_filter_pport, &self->port, snl_collect, &s));
	EXPECT_EQ(1, s.n);
	EXPECT_EQ(1, snl_seen_count(&s, self->cid));
}

TEST_F(bound, get_by_id)
{
	struct snl_assoc a;

	ASSERT_EQ(0, snl_get_by_id(self->n, self->cid, &a)) TH_LOG("%s",
								  self->n->extack);
	EXPECT_EQ(self->cid, a.assoc_id);
	ASSERT_EQ(0, snl_get_by_id(self->n, self->sid, &a)) TH_LOG("%s",
								  self->n->extack);
	EXPECT_EQ(self->sid, a.assoc_id);
}

/* A request cannot know the owner's device: found all the same. */
TEST_F(bound, get_by_addrs)
{
	struct snl_assoc a;

	ASSERT_EQ(0, snl_get_by_addrs(self->n, "127.0.0.1", self->cport,
				      "127.0.0.1", self->port, &a))
		TH_LOG("%s", self->n->extack);
	EXPECT_EQ(self->cid, a.assoc_id);
	ASSERT_EQ(0, snl_get_by_addrs(self->n, "127.0.0.1", self->port,
				      "127.0.0.1", self->cport, &a))
		TH_LOG("%s", self->n->extack);
	EXPECT_EQ(self->sid, a.assoc_id);
	/* And a tuple of nobody's still is no one's. */
	EXPECT_EQ(-ENOENT, snl_get_by_addrs(self->n, "127.0.0.1",
					    self->cport, "127.0.0.1",
					    self->port + 1 ?: 1, &a));
}

struct owner {
	int cport;
	uint32_t uid, state;
	uint64_t inode;
	int found;
};

static int find_cport(const struct snl_assoc *a, void *arg)
{
	struct owner *o = arg;

	if ((int)a->lport == o->cport) {
		o->found++;
		o->uid = a->uid;
		o->inode = a->inode;
		o->state = a->state;
	}
	return 0;
}

/*
 * A client of uid 4321 fills a peer that never reads, and closes: its
 * association outlives the socket, in SHUTDOWN_PENDING with data queued.
 */
TEST(orphan_keeps_its_owner)
{
	struct owner o = { 0 };
	struct nlt *n = nlt_open();
	int lsn, srv, sync[2], rcvbuf = 4096;
	pid_t pid;

	ASSERT_NE(NULL, n);
	if (!n->family)
		SKIP(return, "sctpnl not loaded");
	lsn = sk_quiet_socket();
	ASSERT_LE(0, lsn);
	ASSERT_EQ(0, setsockopt(lsn, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
				sizeof(rcvbuf)));
	ASSERT_EQ(0, listen(lsn, 1));
	ASSERT_EQ(0, pipe(sync));

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		static char buf[65536];
		int fd, port;

		close(sync[0]);
		if (setresgid(4321, 4321, 4321) || setresuid(4321, 4321, 4321))
			_exit(1);
		fd = sk_quiet_socket();
		if (fd < 0 || sk_connect_lo(fd, sk_local_port(lsn)))
			_exit(2);
		port = sk_local_port(fd);
		fcntl(fd, F_SETFL, O_NONBLOCK);
		while (send(fd, buf, sizeof(buf), MSG_NOSIGNAL) > 0)
			;
		if (write(sync[1], &port, sizeof(port)) != sizeof(port))
			_exit(3);
		close(fd);	/* graceful: waits for the peer to read */
		_exit(0);
	}
	close(sync[1]);
	ASSERT_EQ(sizeof(o.cport), read(sync[0], &o.cport, sizeof(o.cport)));
	close(sync[0]);
	srv = accept(lsn, NULL, NULL);	/* and never read */
	ASSERT_LE(0, srv);
	waitpid(pid, NULL, 0);
	usleep(200000);

	ASSERT_EQ(0, snl_dump(n, NULL, NULL, find_cport, &o));
	ASSERT_EQ(1, o.found);
	EXPECT_EQ(0, o.inode);		/* orphaned: no socket, no inode */
	EXPECT_EQ(SCTP_SHUTDOWN_PENDING, o.state);	/* uapi numbering */
	EXPECT_EQ(4321, o.uid);

	close(srv);
	close(lsn);
	nlt_close(n);
}

TEST_HARNESS_MAIN
