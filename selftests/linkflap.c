// SPDX-License-Identifier: GPL-2.0
/*
 * Events across a failing link, run by linkflap.sh: two network
 * namespaces (LF_A, LF_B) joined by two veth pairs,
 *
 *	A  veth-a1 10.1.0.1 ---- 10.1.0.2 veth-b1  B
 *	   veth-a2 10.2.0.1 ---- 10.2.0.2 veth-b2
 *
 * with hb_interval 500, path_max_retrans 2, rto_min 100, rto_max 400 and
 * sack_timeout 50 in both.
 *
 *  - flap: a multi-homed association; the owner in A subscribes to
 *    address events and time-stamps its own SCTP_PEER_ADDR_CHANGE
 *    notifications while `sctpctl monitor events -j` runs in A.  One link
 *    goes down, then up: sctpnl must report the same states for the same
 *    address in the same order, each within 1 s of the owner's.
 *  - restart: the client's socket goes away while the link is down (its
 *    ABORT is lost), then a new one connects from the same address and
 *    port: the server's side restarts.  Seen through `sctpctl monitor
 *    events -f erl` in B, owners subscribed to nothing.
 *  - send_failed: a message with a 100 ms lifetime on a dead link; the
 *    library's monitor gets SEND_FAILED, owner subscribed to nothing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sctpnl.h>
#include "kselftest_harness.h"
#include "lib/sk.h"

#define SET(fd, opt, v) setsockopt(fd, IPPROTO_SCTP, opt, v, sizeof(*(v)))

static const char *const a_ip[2] = { "10.1.0.1", "10.2.0.1" };
static const char *const b_ip[2] = { "10.1.0.2", "10.2.0.2" };

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int ns(char which)
{
	const char *name = getenv(which == 'A' ? "LF_A" : "LF_B");

	return name ? enter_netns(name) : -ENOENT;
}

/* The sctpctl binary of this tree. */
static const char *sctpctl(void)
{
	return selftest_path("../user/sctpctl/sctpctl");
}

/* Start sctpctl with args, stdout and stderr to files; its pid. */
static pid_t spawn_sctpctl(const char *out, const char *err, char *const *args)
{
	pid_t pid = fork();

	if (pid)
		return pid;
	{
		char *argv[16];
		int i = 0, fd;

		argv[i++] = (char *)sctpctl();
		while (*args && i < 15)
			argv[i++] = *args++;
		argv[i] = NULL;
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 1);
		fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
}

static void stop_child(pid_t pid)
{
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

/* The packed address array sctp_bindx() and sctp_connectx() take. */
static struct sockaddr *addrs2(struct sockaddr_in a[2],
			       const char *const ip[2], int n, int port)
{
	for (int i = 0; i < n; i++) {
		memset(&a[i], 0, sizeof(a[i]));
		a[i].sin_family = AF_INET;
		a[i].sin_port = htons(port);
		inet_pton(AF_INET, ip[i], &a[i].sin_addr);
	}
	return (struct sockaddr *)a;
}

static int bindx2(int fd, const char *const ip[2], int n, int port)
{
	struct sockaddr_in a[2];

	return sctp_bindx(fd, addrs2(a, ip, n, port), n, SCTP_BINDX_ADD_ADDR);
}

static int connectx2(int fd, const char *const ip[2], int n, int port)
{
	struct sockaddr_in a[2];

	return sctp_connectx(fd, addrs2(a, ip, n, port), n, NULL);
}

/* ---- flap ---- */

#define MAX_N	64

struct pchange {
	char addr[64];
	int state;
	uint64_t ts;
};

struct plist {
	int n;
	struct pchange c[MAX_N];
};

/* The owner's notifications, time-stamped on receipt, for @ms. */
static void owner_drain(int fd, struct plist *l, int ms)
{
	uint64_t end = now_ns() + (uint64_t)ms * 1000000;
	char buf[4096];

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		uint64_t t = now_ns();
		int flags = 0;
		ssize_t r;

		if (t >= end)
			return;
		if (poll(&p, 1, (end - t) / 1000000 + 1) <= 0)
			continue;
		r = sctp_recvmsg(fd, buf, sizeof(buf), NULL, NULL, NULL,
				 &flags);
		if (r <= 0 || !(flags & MSG_NOTIFICATION))
			continue;
		{
			union sctp_notification *sn = (void *)buf;
			struct sctp_paddr_change *pc = &sn->sn_paddr_change;
			struct sockaddr_in *sin = (void *)&pc->spc_aaddr;

			if (sn->sn_header.sn_type != SCTP_PEER_ADDR_CHANGE ||
			    l->n == MAX_N)
				continue;
			inet_ntop(AF_INET, &sin->sin_addr, l->c[l->n].addr,
				  sizeof(l->c[0].addr));
			l->c[l->n].state = pc->spc_state;
			l->c[l->n].ts = now_ns();
			l->n++;
		}
	}
}

static bool owner_has(const struct plist *l, const char *addr, int state)
{
	for (int i = 0; i < l->n; i++)
		if (!strcmp(l->c[i].addr, addr) && l->c[i].state == state)
			return true;
	return false;
}

static const char *const paddr_atoms[] = {
	"addr_available", "addr_unreachable", "addr_removed", "addr_added",
	"addr_made_prim", "addr_confirmed", "addr_potentially_failed",
};

/* paddr_change lines of `sctpctl monitor events -j` for @id. */
static int parse_json(const char *file, uint32_t id, struct plist *l)
{
	char line[2048];
	FILE *f = fopen(file, "r");

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		char *p, st[64];
		unsigned long long ts;
		unsigned int aid;

		if (!strstr(line, "\"event\":\"paddr_change\"") || l->n == MAX_N)
			continue;
		if (sscanf(line, "{\"timestamp_ns\":%llu", &ts) != 1)
			continue;
		p = strstr(line, "\"assoc_id\":");
		if (!p || sscanf(p, "\"assoc_id\":%u", &aid) != 1 || aid != id)
			continue;
		p = strstr(line, "\"sctp_paddr_change\":{\"addr\":{\"addr\":\"");
		if (!p)
			continue;
		p += strlen("\"sctp_paddr_change\":{\"addr\":{\"addr\":\"");
		sscanf(p, "%63[^\"]", l->c[l->n].addr);
		p = strstr(p, "\"state\":\"");
		if (!p || sscanf(p, "\"state\":\"%63[^\"]", st) != 1)
			continue;
		l->c[l->n].state = -1;
		for (unsigned int i = 0; i < 7; i++)
			if (!strcmp(st, paddr_atoms[i]))
				l->c[l->n].state = i;
		l->c[l->n].ts = ts;
		l->n++;
	}
	fclose(f);
	return 0;
}

TEST(flap)
{
	struct sctp_event_subscribe addr_ev = { .sctp_address_event = 1 };
	char out[] = "/tmp/lf-mon.XXXXXX", err[64];
	struct plist own = { 0 }, nl = { 0 }, o2 = { 0 }, n2 = { 0 };
	int lsn, cli, srv, port, i;
	char *args[] = { "monitor", "events", "-j", NULL };
	uint32_t id;
	pid_t mon;

	if (!getenv("LF_A"))
		SKIP(return, "run by linkflap.sh");
	close(mkstemp(out));
	snprintf(err, sizeof(err), "%s.err", out);

	ASSERT_EQ(0, ns('B'));
	lsn = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, lsn);
	ASSERT_EQ(0, bindx2(lsn, b_ip, 2, 0)) TH_LOG("bindx: %m");
	ASSERT_EQ(0, listen(lsn, 4));
	port = sk_local_port(lsn);

	ASSERT_EQ(0, ns('A'));
	mon = spawn_sctpctl(out, err, args);
	ASSERT_LT(0, mon);
	usleep(800000);		/* joined by then, even under TCG */

	cli = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, SET(cli, SCTP_EVENTS, &addr_ev));
	ASSERT_EQ(0, bindx2(cli, a_ip, 2, 0));
	ASSERT_EQ(0, connectx2(cli, b_ip, 2, port)) TH_LOG("connectx: %m");
	srv = accept(lsn, NULL, NULL);
	ASSERT_LE(0, srv);
	id = sk_assoc_id(cli);
	/* Both paths confirmed and quiet. */
	owner_drain(cli, &own, 2000);

	ASSERT_EQ(0, sh("ip link set veth-a1 down"));
	for (i = 0; i < 20 && !owner_has(&own, b_ip[0], SCTP_ADDR_UNREACHABLE);
	     i++)
		owner_drain(cli, &own, 500);
	ASSERT_TRUE(owner_has(&own, b_ip[0], SCTP_ADDR_UNREACHABLE))
		TH_LOG("the owner never saw %s unreachable", b_ip[0]);
	ASSERT_EQ(0, sh("ip link set veth-a1 up"));
	for (i = 0; i < 20 && !owner_has(&own, b_ip[0], SCTP_ADDR_AVAILABLE);
	     i++)
		owner_drain(cli, &own, 500);
	ASSERT_TRUE(owner_has(&own, b_ip[0], SCTP_ADDR_AVAILABLE))
		TH_LOG("the owner never saw %s available again", b_ip[0]);
	owner_drain(cli, &own, 1000);
	stop_child(mon);

	ASSERT_EQ(0, parse_json(out, id, &nl));
	if (getenv("LF_DEBUG"))
		sh("echo id %u; cat %s %s >&2", id, out, err);
	/* Compare the flapped address's history. */
	for (i = 0; i < own.n; i++)
		if (!strcmp(own.c[i].addr, b_ip[0]))
			o2.c[o2.n++] = own.c[i];
	for (i = 0; i < nl.n; i++)
		if (!strcmp(nl.c[i].addr, b_ip[0]))
			n2.c[n2.n++] = nl.c[i];
	for (i = 0; i < o2.n || i < n2.n; i++)
		TH_LOG("%d: owner %s @%.3f, sctpnl %s @%.3f", i,
		       i < o2.n ? paddr_atoms[o2.c[i].state] : "-",
		       i < o2.n ? (o2.c[i].ts % 100000000000ull) / 1e9 : 0,
		       i < n2.n && n2.c[i].state >= 0 ?
		       paddr_atoms[n2.c[i].state] : "-",
		       i < n2.n ? (n2.c[i].ts % 100000000000ull) / 1e9 : 0);
	ASSERT_EQ(o2.n, n2.n);
	for (i = 0; i < o2.n; i++) {
		int64_t d = (int64_t)(o2.c[i].ts - n2.c[i].ts);

		EXPECT_EQ(o2.c[i].state, n2.c[i].state);
		/* sctpnl stamps when the stack builds the notification,
		 * the owner when it reads it: after, and soon after. */
		EXPECT_LT(llabs(d), 1000000000ll) TH_LOG("%d: %lld ns", i,
							  (long long)d);
	}
	/* unreachable, then available, for that address */
	{
		int u = -1, a = -1;

		for (i = 0; i < n2.n; i++) {
			if (n2.c[i].state == SCTP_ADDR_UNREACHABLE && u < 0)
				u = i;
			if (n2.c[i].state == SCTP_ADDR_AVAILABLE && u >= 0)
				a = i;
		}
		EXPECT_LE(0, u);
		EXPECT_LT(u, a);
	}
	close(cli);
	close(srv);
	close(lsn);
	unlink(out);
	unlink(err);
}

/* ---- restart ---- */

static bool file_has(const char *file, const char *s)
{
	char line[2048];
	bool found = false;
	FILE *f = fopen(file, "r");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, s);
	fclose(f);
	return found;
}

TEST(restart)
{
	char out[] = "/tmp/lf-erl.XXXXXX", err[64], want[256];
	char *args[] = { "monitor", "events", "-f", "erl", NULL };
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int lsn, cli, srv, srv2, port, cport, i;
	uint32_t sid;
	pid_t mon;

	if (!getenv("LF_A"))
		SKIP(return, "run by linkflap.sh");
	close(mkstemp(out));
	snprintf(err, sizeof(err), "%s.err", out);

	ASSERT_EQ(0, ns('B'));
	mon = spawn_sctpctl(out, err, args);
	ASSERT_LT(0, mon);
	lsn = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, lsn);
	ASSERT_EQ(0, sk_events_off(lsn));
	ASSERT_EQ(0, bindx2(lsn, b_ip, 1, 0));
	ASSERT_EQ(0, listen(lsn, 4));
	port = sk_local_port(lsn);
	usleep(800000);

	ASSERT_EQ(0, ns('A'));
	cli = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, sk_events_off(cli));
	ASSERT_EQ(0, bindx2(cli, a_ip, 1, 0));
	cport = sk_local_port(cli);
	ASSERT_EQ(0, connectx2(cli, b_ip, 1, port));
	srv = accept(lsn, NULL, NULL);
	ASSERT_LE(0, srv);
	sid = sk_assoc_id(srv);

	/* The client goes away; its ABORT cannot leave. */
	ASSERT_EQ(0, sh("ip link set veth-a1 down"));
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(cli);
	ASSERT_EQ(0, sh("ip link set veth-a1 up"));
	usleep(200000);

	/* Same addresses, same ports: the server's association restarts. */
	cli = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, sk_events_off(cli));
	ASSERT_EQ(0, bindx2(cli, a_ip, 1, cport));
	for (i = 0; i < 20; i++) {
		if (!connectx2(cli, b_ip, 1, port))
			break;
		usleep(200000);		/* neighbour still resolving */
	}
	ASSERT_LT(i, 20) TH_LOG("reconnect: %m");
	snprintf(want, sizeof(want), "#sctp_assoc_change{state = restart,"
		 "error = 0,outbound_streams = ");
	for (i = 0; i < 30 && !file_has(out, want); i++)
		usleep(100000);
	stop_child(mon);
	if (getenv("LF_DEBUG"))
		sh("echo sid %u; cat %s %s >&2", sid, out, err);
	EXPECT_TRUE(file_has(out, want)) TH_LOG("no restart term in %s", out);
	snprintf(want, sizeof(want), "assoc_id = %u}.", sid);
	EXPECT_TRUE(file_has(out, want)) TH_LOG("restart not on %u", sid);
	{
		/* No accept(): a restart keeps the association. */
		struct pollfd p = { .fd = lsn, .events = POLLIN };

		EXPECT_EQ(0, poll(&p, 1, 100));
	}
	(void)srv2;
	close(cli);
	close(srv);
	close(lsn);
	unlink(out);
	unlink(err);
}

/* ---- send_failed ---- */

struct sf {
	int n;
	uint32_t id;
	struct sctpnl_send_failed ev;
	uint8_t data[64];
	size_t len;
};

static int on_sf(const struct sctpnl_event *e, void *arg)
{
	struct sf *s = arg;

	if (getenv("LF_DEBUG"))
		fprintf(stderr, "event %s assoc %u\n",
			sctpnl_event_name(e->type), e->assoc_id);
	if (e->type != SCTPNL_CMD_EVENT_SEND_FAILED)
		return 0;

	if (e->assoc_id != s->id)
		return 0;
	if (!s->n++) {
		s->ev = e->u.send_failed;
		s->len = e->u.send_failed.data_len < 64 ?
			 e->u.send_failed.data_len : 64;
		memcpy(s->data, e->u.send_failed.data, s->len);
	}
	return 0;
}

/* SCTP_SEND_FAILED_EVENT notifications queued on @fd, read now. */
static int owner_send_failed(int fd)
{
	union {
		union sctp_notification sn;
		char buf[2048];
	} u;
	int n = 0, flags;

	for (;;) {
		struct iovec iov = { .iov_base = &u, .iov_len = sizeof(u) };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

		if (recvmsg(fd, &mh, MSG_DONTWAIT) < 0)
			return n;
		flags = mh.msg_flags;
		if ((flags & MSG_NOTIFICATION) &&
		    u.sn.sn_header.sn_type == SCTP_SEND_FAILED_EVENT)
			n++;
	}
}

TEST(send_failed)
{
	struct sctpnl_mon_cb cb = { .on_event = on_sf };
	char msg[1000];
	struct sf s = { 0 };
	struct sctpnl_mon *m;
	int lsn, cli, srv, port, i, owner;

	if (!getenv("LF_A"))
		SKIP(return, "run by linkflap.sh");
	ASSERT_EQ(0, ns('B'));
	lsn = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, lsn);
	ASSERT_EQ(0, sk_events_off(lsn));
	ASSERT_EQ(0, bindx2(lsn, b_ip, 1, 0));
	ASSERT_EQ(0, listen(lsn, 4));
	port = sk_local_port(lsn);

	ASSERT_EQ(0, ns('A'));
	m = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	ASSERT_NE(NULL, m) TH_LOG("monitor: %m");
	cli = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, cli);
	ASSERT_EQ(0, sk_events_off(cli));
	ASSERT_EQ(0, bindx2(cli, a_ip, 1, 0));
	ASSERT_EQ(0, connectx2(cli, b_ip, 1, port));
	srv = accept(lsn, NULL, NULL);
	ASSERT_LE(0, srv);
	s.id = sk_assoc_id(cli);
	/* The owner's own view, to count against: it subscribes now. */
	ASSERT_EQ(0, SET(cli, SCTP_EVENT, (&(struct sctp_event){
		.se_assoc_id = s.id, .se_type = SCTP_SEND_FAILED_EVENT,
		.se_on = 1 })));

	ASSERT_EQ(0, sh("ip link set veth-a1 down"));
	/*
	 * The first messages fill the congestion window and go out into
	 * the void: abandoned once sent, they are not notified.  The
	 * others expire unsent, in the queue: those fail, with a
	 * notification (SCTP_DATA_UNSENT).
	 */
	memset(msg, '.', sizeof(msg));
	memcpy(msg, "ttl-100-ms", 10);
	for (i = 0; i < 20; i++)
		ASSERT_EQ(sizeof(msg), sctp_sendmsg(cli, msg, sizeof(msg),
						    NULL, 0, htonl(42), 0, 1,
						    100, 7));
	for (i = 0; i < 50 && !s.n; i++) {
		if (i == 10)	/* a later send flushes the queue */
			sctp_sendmsg(cli, msg, sizeof(msg), NULL, 0, htonl(42),
				     0, 1, 100, 7);
		struct pollfd p = { .fd = sctpnl_monitor_fd(m),
				    .events = POLLIN };

		poll(&p, 1, 100);
		ASSERT_LE(0, sctpnl_monitor_read(m, &cb, &s));
	}
	/* The rest of the queue fails in the same flush. */
	for (i = 0; i < 3; i++) {
		struct pollfd p = { .fd = sctpnl_monitor_fd(m),
				    .events = POLLIN };

		poll(&p, 1, 100);
		ASSERT_LE(0, sctpnl_monitor_read(m, &cb, &s));
	}
	sh("ip link set veth-a1 up");
	ASSERT_LT(0, s.n) TH_LOG("no SEND_FAILED within 5 s");
	owner = owner_send_failed(cli);
	EXPECT_EQ(owner, s.n)
		TH_LOG("sctpnl reported %d SEND_FAILED, the owner got %d",
		       s.n, owner);
	EXPECT_EQ(64, s.len);
	EXPECT_EQ(0, memcmp(s.data, "ttl-100-ms", 10));
	EXPECT_EQ(0, s.ev.flags);	/* unsent */
	EXPECT_EQ(42, s.ev.info.ppid);
	EXPECT_EQ(7, s.ev.info.context);
	EXPECT_EQ(1, s.ev.info.stream);
	EXPECT_EQ(100, s.ev.info.timetolive);
	EXPECT_EQ(s.id, s.ev.assoc_id);
	TH_LOG("send_failed: %d of them, as the owner's; flags %u (%s) error %u",
	       s.n, s.ev.flags, s.ev.flags ? "sent" : "unsent", s.ev.error);
	sctpnl_monitor_close(m);
	close(cli);
	close(srv);
	close(lsn);
}

TEST_HARNESS_MAIN
