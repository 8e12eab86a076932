// SPDX-License-Identifier: GPL-2.0
/*
 * libsctpnl's monitor and sctpctl's monitor / probe commands, over
 * loopback, each test in a network namespace of its own:
 *  - load: 1,000 associations set up and torn down as fast as possible
 *    while the library counts COMM_UP and SHUTDOWN_COMP: exactly two of
 *    each per association (both ends), nothing lost;
 *  - a tiny receive buffer not read for a while: the loss is reported,
 *    by the library (on_lost, or -ENOBUFS) and by `sctpctl monitor`;
 *  - `sctpctl probe` under traffic (iperf3 --sctp beside it): samples of
 *    that association only, a plot, the filter reset afterwards, and the
 *    last sample of the quiet path equal to SCTP_GET_PEER_ADDR_INFO;
 *  - unprivileged users cannot open a monitor (EPERM).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sctpnl.h>
#include "kselftest_harness.h"
#include "lib/sk.h"


static int fresh_netns(void)
{
	if (unshare(CLONE_NEWNET))
		return -errno;
	return sh("ip link set lo up");
}

/* The sctpctl binary of this tree. */
static const char *sctpctl(void)
{
	return selftest_path("../user/sctpctl/sctpctl");
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int listener(int *port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sin);
	int fd = sk_quiet_socket();

	if (fd < 0 || bind(fd, (void *)&sin, sizeof(sin)) ||
	    listen(fd, 1024) || getsockname(fd, (void *)&sin, &len))
		return -1;
	*port = ntohs(sin.sin_port);
	return fd;
}

/* n associations to port, all up at once, then all closed. */
static int churn(int lsn, int port, int n)
{
	int *c = calloc(n, sizeof(int)), *s = calloc(n, sizeof(int));
	int i, err = 0;

	if (!c || !s)
		return -ENOMEM;
	for (i = 0; i < n && !err; i++) {
		c[i] = sk_pair_lo(lsn, port, &s[i]);
		if (c[i] < 0)
			err = -errno;
	}
	for (i = 0; i < n; i++) {
		if (c[i] > 0)
			close(c[i]);
		if (s[i] > 0)
			close(s[i]);
	}
	free(c);
	free(s);
	return err;
}

struct counts {
	int port;
	int up, comp, other;
	uint64_t overruns, kernel_lost;
	int lost_calls;
	volatile int stop;
	struct sctpnl_mon *m;
};

static int count_ev(const struct sctpnl_event *e, void *arg)
{
	struct counts *c = arg;

	if (e->lport != c->port && e->pport != c->port)
		return 0;
	if (e->u.assoc_change.state == SCTP_COMM_UP)
		c->up++;
	else if (e->u.assoc_change.state == SCTP_SHUTDOWN_COMP)
		c->comp++;
	else
		c->other++;
	return 0;
}

static int count_lost(void *arg, uint64_t overruns, uint64_t kernel_lost)
{
	struct counts *c = arg;

	c->lost_calls++;
	c->overruns = overruns;
	c->kernel_lost = kernel_lost;
	return 0;
}

static const struct sctpnl_mon_cb count_cb = {
	.on_assoc_change = count_ev,
	.on_lost = count_lost,
};

static void *reader(void *arg)
{
	struct counts *c = arg;

	while (!c->stop) {
		struct pollfd p = { .fd = sctpnl_monitor_fd(c->m),
				    .events = POLLIN };

		poll(&p, 1, 50);
		sctpnl_monitor_read(c->m, &count_cb, c);
	}
	return NULL;
}

FIXTURE(mon) {
	int dummy;
};

FIXTURE_SETUP(mon)
{
	struct rlimit rl = { 8192, 8192 };

	ASSERT_EQ(0, fresh_netns());
	setrlimit(RLIMIT_NOFILE, &rl);
}

FIXTURE_TEARDOWN(mon)
{
}

#define N_ASSOCS	1000

TEST_F_TIMEOUT(mon, load_nothing_lost, 240)
{
	struct counts c = { 0 };
	pthread_t t;
	double t0;
	int lsn, i;

	c.m = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	ASSERT_NE(NULL, c.m) TH_LOG("monitor: %m");
	ASSERT_EQ(0, sctpnl_monitor_set_rcvbuf(c.m, 4 << 20));
	lsn = listener(&c.port);
	ASSERT_LE(0, lsn);
	ASSERT_EQ(0, pthread_create(&t, NULL, reader, &c));

	t0 = now_s();
	ASSERT_EQ(0, churn(lsn, c.port, N_ASSOCS));
	TH_LOG("%d associations up and closed in %.2f s", N_ASSOCS,
	       now_s() - t0);
	for (i = 0; i < 300 && c.comp < 2 * N_ASSOCS; i++)
		usleep(100000);
	TH_LOG("all shut down after %.2f s", now_s() - t0);
	usleep(300000);
	c.stop = 1;
	pthread_join(t, NULL);
	EXPECT_EQ(2 * N_ASSOCS, c.up);
	EXPECT_EQ(2 * N_ASSOCS, c.comp);
	EXPECT_EQ(0, c.other);
	EXPECT_EQ(0, c.lost_calls);
	EXPECT_EQ(0, c.overruns);
	EXPECT_EQ(0, c.kernel_lost);
	sctpnl_monitor_close(c.m);
	close(lsn);
}

TEST_F_TIMEOUT(mon, overrun_reported, 240)
{
	struct sctpnl_mon_cb plain = { .on_assoc_change = count_ev };
	char out[] = "/tmp/mon-out.XXXXXX", err[64], line[512];
	struct counts c = { 0 }, c2 = { 0 };
	bool said = false;
	FILE *f;
	pid_t pid;
	int lsn, ret, n = 0;

	lsn = listener(&c.port);
	ASSERT_LE(0, lsn);
	c2.port = c.port;

	/* The library, with on_lost: called, reading goes on. */
	c.m = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	ASSERT_NE(NULL, c.m);
	ASSERT_EQ(0, sctpnl_monitor_set_rcvbuf(c.m, 4096));
	/* ... and without: -ENOBUFS, then the rest. */
	c2.m = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	ASSERT_NE(NULL, c2.m);
	ASSERT_EQ(0, sctpnl_monitor_set_rcvbuf(c2.m, 4096));

	/* sctpctl, stopped so that it does not read. */
	close(mkstemp(out));
	snprintf(err, sizeof(err), "%s.err", out);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int fd = open(out, O_WRONLY | O_TRUNC);

		dup2(fd, 1);
		fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 2);
		execl(sctpctl(), "sctpctl", "monitor", "events", "--rcvbuf",
		      "4096", NULL);
		_exit(127);
	}
	usleep(800000);
	kill(pid, SIGSTOP);

	ASSERT_EQ(0, churn(lsn, c.port, 200));
	usleep(1500000);

	ret = sctpnl_monitor_read(c.m, &count_cb, &c);
	EXPECT_LE(0, ret);
	EXPECT_LE(1, c.lost_calls);
	EXPECT_LE(1, c.overruns);
	TH_LOG("with on_lost: %d delivered, %d COMM_UP + %d SHUTDOWN_COMP "
	       "of 800, %llu overruns", ret, c.up, c.comp,
	       (unsigned long long)c.overruns);
	EXPECT_GT(800, c.up + c.comp);

	ret = sctpnl_monitor_read(c2.m, &plain, &c2);
	EXPECT_EQ(-ENOBUFS, ret);
	ret = sctpnl_monitor_read(c2.m, &plain, &c2);
	EXPECT_LE(0, ret) TH_LOG("reading after the overrun: %d", ret);
	sctpnl_monitor_lost(c2.m, &c2.overruns, NULL);
	EXPECT_EQ(1, c2.overruns);

	/* sctpctl reads again, sees the overrun, says so, goes on. */
	kill(pid, SIGCONT);
	usleep(500000);
	ASSERT_EQ(0, churn(lsn, c.port, 1));
	usleep(1000000);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	f = fopen(err, "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f)) {
		TH_LOG("sctpctl: %s", line);
		said |= !!strstr(line, "events lost (receive buffer overrun");
	}
	fclose(f);
	EXPECT_TRUE(said);
	f = fopen(out, "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f))
		n++;
	fclose(f);
	/* It went on: the last association's events came after. */
	EXPECT_LT(2, n);
	unlink(out);
	unlink(err);
	sctpnl_monitor_close(c.m);
	sctpnl_monitor_close(c2.m);
	close(lsn);
}

TEST_F(mon, unprivileged_eperm)
{
	int status;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (!pid) {
		struct sctpnl_mon *m;
		int rc = 0;

		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(10);
		m = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
		if (m || errno != EPERM)
			rc |= 1;
		m = sctpnl_monitor_open(SCTPNL_MON_PROBE);
		if (m || errno != EPERM)
			rc |= 2;
		_exit(rc);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status))
		TH_LOG("exit %d: 1 events, 2 probe joined", WEXITSTATUS(status));
	/* and the CLI says why */
	EXPECT_NE(0, sh("setpriv --reuid=65534 --regid=65534 --clear-groups "
			"%s monitor events --count 1 2>&1 | grep -q "
			"CAP_NET_ADMIN && exit 1; exit 0", sctpctl()));
}

struct noise {
	int n_other;
	uint32_t ours;
};

static int other_sample(const struct sctpnl_probe_sample *s, void *arg)
{
	struct noise *n = arg;

	n->n_other += s->assoc_id != n->ours;
	return 0;
}

TEST_F_TIMEOUT(mon, probe_cli, 120)
{
	char csv[] = "../.cache/probe-test.XXXXXX", png[128];
	char line[512], addr[64], st[32], peer[64];
	struct sctp_paddrinfo pi = { 0 };
	socklen_t len = sizeof(pi);
	static char buf[4000];
	int lsn, port, cli, srv, i, n = 0, bad = 0, iport = 5301;
	pid_t iperf;
	unsigned int aid, cwnd = 0, pri;
	uint32_t id;
	double t;
	pid_t pid;
	FILE *f;

	if (sh("command -v iperf3 >/dev/null"))
		SKIP(return, "no iperf3");
	mkdir("../.cache", 0755);
	close(mkstemp(csv));
	snprintf(png, sizeof(png), "%s.png", csv);

	/* Other traffic: iperf3 --sctp over loopback. */
	ASSERT_EQ(0, sh("iperf3 -s -1 -D -p %d >/dev/null 2>&1", iport));
	usleep(500000);
	/* Runs until killed below (the server, -1, then exits too). */
	iperf = fork();
	ASSERT_LE(0, iperf);
	if (!iperf) {
		char p[16];
		int fd = open("/tmp/iperf-c.log", O_WRONLY | O_CREAT | O_TRUNC,
			      0644);

		dup2(fd, 1);
		dup2(fd, 2);
		snprintf(p, sizeof(p), "%d", iport);
		execlp("iperf3", "iperf3", "--sctp", "-c", "127.0.0.1", "-p",
		       p, "-t", "120", "-b", "5M", NULL);
		_exit(127);
	}

	lsn = listener(&port);
	ASSERT_LE(0, lsn);
	cli = sk_pair_lo(lsn, port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	id = sk_assoc_id(cli);
	snprintf(peer, sizeof(peer), "127.0.0.1:%d", port);

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char ids[16];

		snprintf(ids, sizeof(ids), "%u", id);
		execl(sctpctl(), "sctpctl", "probe", ids, "--duration", "3",
		      "--out", csv, "--plot", png, NULL);
		_exit(127);
	}
	usleep(500000);
	t = now_s();
	while (now_s() - t < 1.2) {
		ASSERT_EQ(sizeof(buf), send(cli, buf, sizeof(buf), 0));
		ASSERT_LT(0, recv(srv, buf, sizeof(buf), 0));
	}
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	/* A small message into an idle window: its SACK's sample is the
	 * path's state from then on (see events.c). */
	ASSERT_EQ(1, send(cli, "p", 1, 0));
	ASSERT_EQ(1, recv(srv, buf, sizeof(buf), 0));
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	memcpy(&pi.spinfo_address, &(struct sockaddr_in){
		.sin_family = AF_INET, .sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK) },
	       sizeof(struct sockaddr_in));
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
				&pi, &len));
	{
		int status;

		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_TRUE(WIFEXITED(status));
		ASSERT_EQ(0, WEXITSTATUS(status));
	}

	f = fopen(csv, "r");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	EXPECT_STREQ("time_s,assoc_id,addr,cwnd,ssthresh,srtt_ms,rto_ms,"
		     "flight_size,partial_bytes_acked,peer_rwnd,state,"
		     "primary\n", line);
	while (fgets(line, sizeof(line), f)) {
		double ts;

		if (sscanf(line, "%lf,%u,%63[^,],%u,%*u,%*u,%*u,%*u,%*u,%*u,"
			   "%31[^,],%u", &ts, &aid, addr, &cwnd, st,
			   &pri) != 6 || aid != id || strcmp(addr, peer))
			bad++;
		n++;
	}
	fclose(f);
	TH_LOG("%d samples, last cwnd %u, getsockopt cwnd %u", n, cwnd,
	       pi.spinfo_cwnd);
	EXPECT_LT(1, n);
	EXPECT_EQ(0, bad);
	EXPECT_EQ(pi.spinfo_cwnd, cwnd);
	EXPECT_STREQ("active", st);
	EXPECT_EQ(1, pri);
	f = fopen(png, "r");
	ASSERT_NE(NULL, f) TH_LOG("no %s", png);
	EXPECT_EQ(1, fread(line, 8, 1, f));
	EXPECT_EQ(0, memcmp(line, "\x89PNG\r\n\x1a\n", 8));
	fclose(f);

	/* The filter was reset: iperf3's association is sampled again. */
	{
		struct sctpnl_mon_cb cb = { .on_probe = other_sample };
		struct noise nz = { .ours = id };
		struct sctpnl_mon *m = sctpnl_monitor_open(SCTPNL_MON_PROBE);

		ASSERT_NE(NULL, m);
		for (i = 0; i < 20 && !nz.n_other; i++) {
			struct pollfd p = { .fd = sctpnl_monitor_fd(m),
					    .events = POLLIN };

			poll(&p, 1, 100);
			sctpnl_monitor_read(m, &cb, &nz);
		}
		EXPECT_LT(0, nz.n_other);
		if (!nz.n_other)
			sh("cat /tmp/iperf-c.log >&2; ss -S -a >&2");
		sctpnl_monitor_close(m);
	}
	if (getenv("KEEP_PROBE_FILES"))
		TH_LOG("kept %s and %s", csv, png);
	else {
		unlink(csv);
		unlink(png);
	}
	kill(iperf, SIGINT);
	waitpid(iperf, NULL, 0);
	close(cli);
	close(srv);
	close(lsn);
}

/*
 * monitor --interval sets the namespace's probe filter: 1.5 s of
 * ping-pong (hundreds of SACKs) at 200 ms yields a handful of samples.
 */
TEST_F_TIMEOUT(mon, monitor_probe_interval, 60)
{
	char out[] = "../.cache/monitor-ival.XXXXXX", line[1024], ids[16];
	static char buf[4000];
	int lsn, port, cli, srv, fd, n = 0, status;
	struct sctp_assoc_stats st0 = { 0 }, st1 = { 0 };
	socklen_t len = sizeof(st0);
	uint32_t id;
	pid_t pid;
	double t;
	FILE *f;

	/* --interval without the probe group is refused. */
	EXPECT_NE(0, sh("%s monitor events --interval 10 2>/dev/null",
			sctpctl()));

	lsn = listener(&port);
	ASSERT_LE(0, lsn);
	cli = sk_pair_lo(lsn, port, &srv);
	ASSERT_LE(0, cli) TH_LOG("%s", strerror(errno));
	id = sk_assoc_id(cli);
	/* A SACK for every packet, not every 200 ms of ping-pong. */
	ASSERT_EQ(0, setsockopt(srv, IPPROTO_SCTP, SCTP_DELAYED_SACK,
				&(struct sctp_sack_info){ .sack_freq = 1 },
				sizeof(struct sctp_sack_info)));

	mkdir("../.cache", 0755);
	fd = mkstemp(out);
	ASSERT_LE(0, fd);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		dup2(fd, 1);
		snprintf(ids, sizeof(ids), "%u", id);
		execl(sctpctl(), "sctpctl", "-j", "monitor", "probe", "id", ids,
		      "--interval", "200", NULL);
		_exit(127);
	}
	close(fd);
	usleep(500000);
	st0.sas_assoc_id = id;
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				&st0, &len));
	t = now_s();
	while (now_s() - t < 1.5) {
		ASSERT_EQ(sizeof(buf), send(cli, buf, sizeof(buf), 0));
		ASSERT_LT(0, recv(srv, buf, sizeof(buf), 0));
	}
	ASSERT_EQ(0, sk_quiesce(cli, 0));
	st1.sas_assoc_id = id;
	len = sizeof(st1);
	ASSERT_EQ(0, getsockopt(cli, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				&st1, &len));
	usleep(300000);		/* the last batch */
	kill(pid, SIGINT);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));

	f = fopen(out, "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "\"cwnd\""))
			n++;
	fclose(f);
	unlink(out);
	TH_LOG("%d samples for %llu SACKs at 200 ms", n,
	       (unsigned long long)(st1.sas_isacks - st0.sas_isacks));
	EXPECT_LT(50, st1.sas_isacks - st0.sas_isacks);
	EXPECT_LE(1, n);
	/* 1.5 s of traffic plus the quiet sample: at most 9 or 10. */
	EXPECT_GE(10, n);
	close(cli);
	close(srv);
	close(lsn);
}

TEST_HARNESS_MAIN
