// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl monitor: SCTP events (and probe samples) of the namespace as
 * they happen; sctpctl probe: one association's per-path congestion
 * samples into a CSV file, optionally plotted with gnuplot.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sctpctl.h"

#define MAX_IDS		64
#define MAX_PLOT_PATHS	16

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int mon_fail(int err, const char *what)
{
	if (err < 0)
		err = -err;
	if (err == EPERM)
		fprintf(stderr, "sctpctl: %s: %s (joining the sctpnl "
			"multicast groups needs CAP_NET_ADMIN)\n", what,
			strerror(err));
	else if (err == SCTPNL_ENOFAMILY)
		fprintf(stderr, "sctpctl: sctpnl module not loaded (no generic "
			"netlink family \"%s\")\n", SCTPNL_FAMILY_NAME);
	else
		fprintf(stderr, "sctpctl: %s: %s\n", what, strerror(err));
	return 1;
}

/* ---- monitor ---- */

struct mon {
	struct out *o;
	uint32_t ids[MAX_IDS];
	unsigned int n_ids;
	uint64_t count;		/* 0: forever */
	uint64_t seen;
	uint64_t overruns, kernel_lost;	/* reported so far */
};

static int wanted(const struct mon *m, uint32_t id)
{
	unsigned int i;

	if (!m->n_ids)
		return 1;
	for (i = 0; i < m->n_ids; i++)
		if (m->ids[i] == id)
			return 1;
	return 0;
}

static void fmt_time(char *buf, size_t len, uint64_t ns)
{
	time_t t = ns / 1000000000ull;
	struct tm tm;

	localtime_r(&t, &tm);
	snprintf(buf, len, "%02d:%02d:%02d.%06u", tm.tm_hour, tm.tm_min,
		 tm.tm_sec, (unsigned int)(ns % 1000000000ull / 1000));
}

static void addr_port(char *buf, size_t len, const struct sctpnl_addr *a,
		      uint16_t port)
{
	char t[SCTPNL_ADDRSTRLEN];

	if (a->family != AF_INET && a->family != AF_INET6) {
		snprintf(buf, len, "*:%u", port);
		return;
	}
	sctpnl_addr_ntop(a, t, sizeof(t));
	snprintf(buf, len, a->family == AF_INET6 ? "[%s]:%u" : "%s:%u", t,
		 port);
}

static void table_detail(const struct sctpnl_event *e, char *d, size_t len)
{
	char a[SCTPNL_ADDRSTRLEN + 8];

	switch (e->type) {
	case SCTPNL_CMD_EVENT_ASSOC_CHANGE:
		snprintf(d, len, "%s error=%u outbound_streams=%u "
			 "inbound_streams=%u",
			 sctpnl_assoc_change_atom(e->u.assoc_change.state),
			 e->u.assoc_change.error,
			 e->u.assoc_change.outbound_streams,
			 e->u.assoc_change.inbound_streams);
		break;
	case SCTPNL_CMD_EVENT_PADDR_CHANGE:
		addr_port(a, sizeof(a), &e->u.paddr_change.addr,
			  e->u.paddr_change.addr.port);
		snprintf(d, len, "%s %s error=%u",
			 sctpnl_paddr_change_atom(e->u.paddr_change.state), a,
			 e->u.paddr_change.error);
		break;
	case SCTPNL_CMD_EVENT_REMOTE_ERROR:
		snprintf(d, len, "error=%u data=%zu bytes",
			 e->u.remote_error.error, e->u.remote_error.data_len);
		break;
	case SCTPNL_CMD_EVENT_SEND_FAILED:
		snprintf(d, len, "%s error=%u stream=%u ppid=%u data=%zu bytes",
			 e->u.send_failed.flags ? "sent" : "unsent",
			 e->u.send_failed.error, e->u.send_failed.info.stream,
			 e->u.send_failed.info.ppid,
			 e->u.send_failed.data_len);
		break;
	case SCTPNL_CMD_EVENT_ADAPTATION:
		snprintf(d, len, "adaptation_ind=%u",
			 e->u.adaptation.adaptation_ind);
		break;
	case SCTPNL_CMD_EVENT_PDAPI:
		snprintf(d, len, "%s",
			 sctpnl_pdapi_atom(e->u.pdapi.indication));
		break;
	default:
		d[0] = '\0';
	}
}

static void table_header(struct mon *m)
{
	if (m->seen)
		return;
	printf("%-15s %-16s %-6s %-22s %-28s %s\n", "TIME", "EVENT", "ASSOC",
	       "LOCAL", "PEER", "DETAIL");
}

/* After one line: stop on a write error or once --count lines are out. */
static int mon_printed(struct mon *m)
{
	m->seen++;
	if (ferror(stdout))
		return -EIO;
	return m->count && m->seen >= m->count ? -ECANCELED : 0;
}

/* A JSON line's object, opened with what events and samples share. */
static struct sctpnl_json *json_head(const struct mon *m, uint64_t ts,
				     const char *event, uint32_t assoc_id)
{
	struct sctpnl_json *j = sctpnl_json_new(stdout, m->o->json_flags);

	if (!j)
		return NULL;
	sctpnl_json_begin_object(j, NULL);
	sctpnl_json_uint(j, "timestamp_ns", ts);
	sctpnl_json_string(j, "event", event);
	sctpnl_json_uint(j, "assoc_id", assoc_id);
	return j;
}

static int mon_event(const struct sctpnl_event *e, void *arg)
{
	struct mon *m = arg;
	char t[32], l[32], p[SCTPNL_ADDRSTRLEN + 8], d[256];
	struct sctpnl_json *j;

	if (!wanted(m, e->assoc_id))
		return 0;
	switch (m->o->fmt) {
	case FMT_TABLE:
		table_header(m);
		fmt_time(t, sizeof(t), e->timestamp_ns);
		snprintf(l, sizeof(l), "*:%u", e->lport);
		addr_port(p, sizeof(p), &e->peer, e->pport);
		table_detail(e, d, sizeof(d));
		printf("%-15s %-16s %-6u %-22s %-28s %s\n", t,
		       sctpnl_event_name(e->type), e->assoc_id, l, p, d);
		break;
	case FMT_ERL:
		sctpnl_fprint_erl(stdout, e->rec, &e->u);
		fputs(".\n", stdout);
		break;
	case FMT_JSON:
		j = json_head(m, e->timestamp_ns, sctpnl_event_name(e->type),
			      e->assoc_id);
		if (!j)
			return -ENOMEM;
		if (e->inode)
			sctpnl_json_uint(j, "inode", e->inode);
		else
			sctpnl_json_null(j, "inode");
		sctpnl_json_uint(j, "local_port", e->lport);
		sctpnl_json_uint(j, "peer_port", e->pport);
		if (e->peer.family)
			sctpnl_json_addr(j, "peer", &e->peer);
		else
			sctpnl_json_null(j, "peer");
		sctpnl_json_uint(j, "kernel_lost", e->kernel_lost);
		sctpnl_json_record(j, sctpnl_rec_name(e->rec), e->rec, &e->u);
		sctpnl_json_end_object(j);
		sctpnl_json_free(j);
		break;
	}
	return mon_printed(m);
}

static int mon_probe(const struct sctpnl_probe_sample *s, void *arg)
{
	struct mon *m = arg;
	char t[32], a[SCTPNL_ADDRSTRLEN + 8];
	struct sctpnl_json *j;

	if (!wanted(m, s->assoc_id))
		return 0;
	addr_port(a, sizeof(a), &s->addr, s->addr.port);
	switch (m->o->fmt) {
	case FMT_TABLE:
		table_header(m);
		fmt_time(t, sizeof(t), s->timestamp_ns);
		printf("%-15s %-16s %-6u *:%-20u %-28s cwnd=%u ssthresh=%u "
		       "srtt=%ums rto=%ums flight=%u pba=%u peer_rwnd=%u "
		       "%s%s\n", t, "probe", s->assoc_id, s->lport, a,
		       s->cwnd, s->ssthresh, s->srtt, s->rto, s->flight_size,
		       s->partial_bytes_acked, s->peer_rwnd,
		       sctpnl_path_state_name(s->state),
		       s->primary ? " primary" : "");
		break;
	case FMT_ERL:
		/* No gen_sctp record: an Erlang map. */
		printf("#{type => probe,timestamp_ns => %llu,assoc_id => %u,"
		       "addr => ", (unsigned long long)s->timestamp_ns,
		       s->assoc_id);
		sctpnl_fprint_erl_addr(stdout, &s->addr);
		printf(",cwnd => %u,ssthresh => %u,srtt => %u,rto => %u,"
		       "flight_size => %u,partial_bytes_acked => %u,"
		       "peer_rwnd => %u,state => %s,primary => %s}.\n",
		       s->cwnd, s->ssthresh, s->srtt, s->rto, s->flight_size,
		       s->partial_bytes_acked, s->peer_rwnd,
		       sctpnl_path_state_atom(s->state),
		       s->primary ? "true" : "false");
		break;
	case FMT_JSON:
		j = json_head(m, s->timestamp_ns, "probe", s->assoc_id);
		if (!j)
			return -ENOMEM;
		sctpnl_json_uint(j, "local_port", s->lport);
		sctpnl_json_uint(j, "peer_port", s->pport);
		sctpnl_json_addr(j, "addr", &s->addr);
		sctpnl_json_uint(j, "cwnd", s->cwnd);
		sctpnl_json_uint(j, "ssthresh", s->ssthresh);
		sctpnl_json_uint(j, "srtt_ms", s->srtt);
		sctpnl_json_uint(j, "rto_ms", s->rto);
		sctpnl_json_uint(j, "flight_size", s->flight_size);
		sctpnl_json_uint(j, "partial_bytes_acked",
				 s->partial_bytes_acked);
		sctpnl_json_uint(j, "peer_rwnd", s->peer_rwnd);
		sctpnl_json_string(j, "state", sctpnl_path_state_name(s->state));
		sctpnl_json_bool(j, "primary", s->primary);
		sctpnl_json_uint(j, "kernel_lost", s->kernel_lost);
		sctpnl_json_end_object(j);
		sctpnl_json_free(j);
		break;
	}
	return mon_printed(m);
}

static int mon_lost(void *arg, uint64_t overruns, uint64_t kernel_lost)
{
	struct mon *m = arg;

	fflush(stdout);
	if (overruns > m->overruns)
		fprintf(stderr, "sctpctl: events lost (receive buffer overrun; "
			"%llu overruns so far, each an unknown number of "
			"events)\n", (unsigned long long)overruns);
	if (kernel_lost > m->kernel_lost)
		fprintf(stderr, "sctpctl: %llu events lost (the module could "
			"not deliver them)\n",
			(unsigned long long)(kernel_lost - m->kernel_lost));
	m->overruns = overruns;
	m->kernel_lost = kernel_lost;
	return 0;
}

static int parse_int_opt(const char *name, const char *v, uint64_t max,
			 uint64_t *out)
{
	if (!v)
		return bad_arg("%s needs a value", name);
	if (parse_u64(v, max, out))
		return bad_arg("bad value \"%s\"", v);
	return 0;
}

/*
 * Say on stderr what the module cannot deliver of what was asked for (a
 * hook it could not place on this kernel, or one disabled at load), so
 * that silence is not taken for "nothing happened".
 */
static void warn_unavailable(unsigned int groups)
{
	char buf[256], *p, *name, out[256] = "";
	size_t n = 0;

	if (sctpnl_hooks_unavailable(buf, sizeof(buf)) || !buf[0])
		return;
	for (p = buf; (name = strsep(&p, ",")) != NULL;) {
		bool probe = !strcmp(name, "probe");

		if (!(groups & (probe ? SCTPNL_MON_PROBE : SCTPNL_MON_EVENTS)))
			continue;
		n += snprintf(out + n, sizeof(out) - n, "%s%s", n ? ", " : "",
			      name);
		if (n >= sizeof(out))
			break;
	}
	if (out[0])
		fprintf(stderr,
			"sctpctl: not delivered by the module on this kernel: %s (see sctpctl module)\n",
			out);
}

struct mon_opts {
	unsigned int groups;
	uint64_t rcvbuf;
	uint64_t interval;
	bool set_interval;
};

static int mon_format(struct out *o, const char *a, const char *nx)
{
	if (!nx)
		return bad_arg("%s needs a value", a);
	if (!strcmp(nx, "json"))
		o->fmt = FMT_JSON;
	else if (!strcmp(nx, "erl") || !strcmp(nx, "erlang"))
		o->fmt = FMT_ERL;
	else if (!strcmp(nx, "table"))
		o->fmt = FMT_TABLE;
	else
		return bad_arg("unknown format \"%s\"", nx);
	return 0;
}

/* One option with a value at argv[i + 1]: 0, or 1 after a usage error. */
static int mon_opt(struct mon *m, struct mon_opts *op, const char *a,
		   const char *nx)
{
	uint64_t v;

	if (!strcmp(a, "id")) {
		if (parse_int_opt("id", nx, UINT32_MAX, &v))
			return 1;
		if (m->n_ids == MAX_IDS)
			return bad_arg("at most 64 ids%s", "");
		m->ids[m->n_ids++] = v;
	} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
		return mon_format(m->o, a, nx);
	} else if (!strcmp(a, "--rcvbuf")) {
		return parse_int_opt(a, nx, INT32_MAX, &op->rcvbuf);
	} else if (!strcmp(a, "--count")) {
		if (parse_int_opt(a, nx, UINT64_MAX, &m->count))
			return 1;
		if (!m->count)
			return bad_arg("%s: N must be 1 or more (without "
				       "--count, monitor runs until "
				       "interrupted)", a);
	} else if (!strcmp(a, "--interval")) {
		if (parse_int_opt(a, nx, 3600000, &op->interval))
			return 1;
		op->set_interval = true;
	} else {
		return bad_arg("monitor: unexpected \"%s\"", a);
	}
	return 0;
}

static int mon_args(struct mon *m, struct mon_opts *op, int argc,
		    char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *nx = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "events"))
			op->groups |= SCTPNL_MON_EVENTS;
		else if (!strcmp(a, "probe"))
			op->groups |= SCTPNL_MON_PROBE;
		else if (!strcmp(a, "all"))
			op->groups |= SCTPNL_MON_EVENTS | SCTPNL_MON_PROBE;
		else if (!strcmp(a, "-j") || !strcmp(a, "--json"))
			m->o->fmt = FMT_JSON;
		else if (mon_opt(m, op, a, nx))
			return 1;
		else
			i++;
	}
	if (!op->groups)
		op->groups = SCTPNL_MON_EVENTS;
	if (op->set_interval && !(op->groups & SCTPNL_MON_PROBE))
		return bad_arg("--interval applies to %s", "probe");
	return 0;
}

/* The receive buffer and the namespace's probe filter: the ids given
 * (none: all) at this interval; without --interval the filter is left
 * as it is.  0 or the exit status. */
static int mon_setup(struct sctpnl_mon *mn, const struct mon *m,
		     const struct mon_opts *op)
{
	int ret;

	if (op->rcvbuf) {
		ret = sctpnl_monitor_set_rcvbuf(mn, op->rcvbuf);
		if (ret)
			return mon_fail(ret, "--rcvbuf");
	}
	if (!op->set_interval)
		return 0;
	if (open_handle())
		return 1;
	ret = sctpnl_probe_filter_interval(cli_handle(), m->ids, m->n_ids,
					   op->interval);
	return ret ? fail(ret, "probe filter") : 0;
}

static int mon_loop(struct sctpnl_mon *mn, struct mon *m)
{
	const struct sctpnl_mon_cb cb = {
		.on_event = mon_event,
		.on_probe = mon_probe,
		.on_lost = mon_lost,
	};
	int ret = 0;

	while (!stop) {
		struct pollfd pfd = { .fd = sctpnl_monitor_fd(mn),
				      .events = POLLIN };

		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			ret = -errno;
			break;
		}
		ret = sctpnl_monitor_read(mn, &cb, m);
		if (ret == -ECANCELED && m->count && m->seen >= m->count)
			ret = 0;	/* --count reached */
		else if (ret >= 0)
			continue;
		break;
	}
	return ret;
}

int cmd_monitor(struct out *o, int argc, char **argv)
{
	struct mon m = { .o = o };
	struct mon_opts op = { 0 };
	struct sctpnl_mon *mn;
	int ret;

	if (mon_args(&m, &op, argc, argv))
		return 1;
	o->json_flags = 0;	/* one object per line */

	setvbuf(stdout, NULL, _IOLBF, 0);
	catch_signals();
	mn = sctpnl_monitor_open(op.groups);
	if (!mn)
		return mon_fail(errno, "monitor");
	warn_unavailable(op.groups);
	ret = mon_setup(mn, &m, &op);
	if (ret) {
		sctpnl_monitor_close(mn);
		return ret;
	}
	ret = mon_loop(mn, &m);
	sctpnl_monitor_close(mn);
	fflush(stdout);
	return ret < 0 ? mon_fail(ret, "monitor") : 0;
}

/* ---- probe ---- */

struct rec {
	FILE *csv;
	uint32_t id;
	uint64_t t0;
	uint64_t n;
	unsigned int n_paths;
	char paths[MAX_PLOT_PATHS][SCTPNL_ADDRSTRLEN + 8];
	int lost;
	uint64_t dur;			/* seconds */
	int filter_err;			/* resetting the probe filter */
	/* the association's events while recording, for the plot */
	unsigned int n_ev;
	struct {
		double t;
		char what[72];
	} ev[32];
};

/* Its address and path events, marked on the plot's time axis. */
static int rec_event(const struct sctpnl_event *e, void *arg)
{
	static const char *const paddr[] = {
		"addr_available", "addr_unreachable", "addr_removed",
		"addr_added", "addr_made_prim", "addr_confirmed",
		"addr_potentially_failed",
	};
	static const char *const assoc[] = {
		"comm_up", "comm_lost", "restart", "shutdown_comp",
		"cant_assoc",
	};
	struct rec *r = arg;
	char a[SCTPNL_ADDRSTRLEN];
	uint32_t st;

	if (e->assoc_id != r->id || r->n_ev >= 32)
		return 0;
	r->ev[r->n_ev].t = e->timestamp_ns >= r->t0 ?
		(double)(e->timestamp_ns - r->t0) / 1e9 : 0.0;
	if (e->type == SCTPNL_CMD_EVENT_PADDR_CHANGE) {
		st = e->u.paddr_change.state;
		snprintf(r->ev[r->n_ev].what, sizeof(r->ev[0].what), "%s %s",
			 st < 7 ? paddr[st] : "paddr_change",
			 sctpnl_addr_ntop(&e->u.paddr_change.addr, a,
					  sizeof(a)));
	} else if (e->type == SCTPNL_CMD_EVENT_ASSOC_CHANGE) {
		st = e->u.assoc_change.state;
		snprintf(r->ev[r->n_ev].what, sizeof(r->ev[0].what), "%s",
			 st < 5 ? assoc[st] : "assoc_change");
	} else {
		return 0;
	}
	r->n_ev++;
	return 0;
}

static int rec_sample(const struct sctpnl_probe_sample *s, void *arg)
{
	struct rec *r = arg;
	char a[SCTPNL_ADDRSTRLEN + 8];
	unsigned int i;

	if (s->assoc_id != r->id)
		return 0;	/* another listener's filter let it through */
	addr_port(a, sizeof(a), &s->addr, s->addr.port);
	for (i = 0; i < r->n_paths; i++)
		if (!strcmp(r->paths[i], a))
			break;
	if (i == r->n_paths && r->n_paths < MAX_PLOT_PATHS)
		strcpy(r->paths[r->n_paths++], a);
	fprintf(r->csv, "%.6f,%u,%s,%u,%u,%u,%u,%u,%u,%u,%s,%u\n",
		s->timestamp_ns >= r->t0 ?
		(double)(s->timestamp_ns - r->t0) / 1e9 : 0.0,
		s->assoc_id, a, s->cwnd, s->ssthresh, s->srtt, s->rto,
		s->flight_size, s->partial_bytes_acked, s->peer_rwnd,
		sctpnl_path_state_name(s->state), s->primary);
	r->n++;
	return 0;
}

static int rec_lost(void *arg, uint64_t overruns, uint64_t kernel_lost)
{
	struct rec *r = arg;

	fprintf(stderr, "sctpctl: probe samples lost (%llu receive buffer "
		"overruns, %llu not delivered by the module)\n",
		(unsigned long long)overruns,
		(unsigned long long)kernel_lost);
	r->lost = 1;
	return 0;
}

/* One datablock per path: rows of one path only, so that lines join
 * its samples instead of breaking at the other paths' rows. */
static void plot_data(FILE *g, const struct rec *r, FILE *in)
{
	char line[512];
	unsigned int i;

	for (i = 0; i < r->n_paths; i++) {
		size_t l = strlen(r->paths[i]);

		rewind(in);
		fprintf(g, "$p%u << EOD\n", i);
		while (fgets(line, sizeof(line), in)) {
			char *c = strchr(line, ',');

			c = c ? strchr(c + 1, ',') : NULL;
			if (c && !strncmp(c + 1, r->paths[i], l) &&
			    c[1 + l] == ',')
				fputs(line, g);
		}
		fputs("EOD\n", g);
	}
}

/* The two panels: bytes (cwnd, ssthresh, flight, peer rwnd), then ms. */
static void plot_panels(FILE *g, const struct rec *r)
{
	unsigned int i;

	fputs("plot ", g);
	for (i = 0; i < r->n_paths; i++) {
		const char *p = r->paths[i];

		fprintf(g, "%s$p%u using 1:4 with steps lw 2 title 'cwnd %s', "
			"$p%u using 1:5 with steps dt 2 title 'ssthresh %s', "
			"$p%u using 1:8 with lines title 'flight size %s'",
			i ? ", " : "", i, p, i, p, i, p);
	}
	/* the peer's window: one per association, every path samples it */
	if (r->n_paths)
		fputs(", $p0 using 1:10 with steps dt 4 lw 2 "
		      "title 'peer rwnd'", g);
	if (!r->n_paths)
		fputs("0 notitle", g);
	fputs("\nset ylabel 'ms'\nset format y '%g'\nplot ", g);
	for (i = 0; i < r->n_paths; i++) {
		const char *p = r->paths[i];

		fprintf(g, "%s$p%u using 1:6 with lines lw 2 title 'srtt %s', "
			"$p%u using 1:7 with lines dt 2 title 'rto %s'",
			i ? ", " : "", i, p, i, p);
	}
	if (!r->n_paths)
		fputs("0 notitle", g);
	fputs("\nunset multiplot\n", g);
}

static int plot(const struct rec *r, const char *csv, const char *png)
{
	unsigned int i;
	FILE *g, *in;
	int rc;

	in = fopen(csv, "r");
	if (!in)
		return -errno;
	g = popen("gnuplot", "w");
	if (!g) {
		fclose(in);
		return -errno;
	}
	plot_data(g, r, in);
	fclose(in);
	fprintf(g,
		"set terminal png size 1000,800\n"
		"set output '%s'\n"
		"set datafile separator ','\n"
		"set key outside right top\n"
		"set yrange [0:*]\n"
		/* Headroom, so a flat line at the maximum is not the border. */
		"set offsets 0, 0, graph 0.1, 0\n"
		"set grid\n"
		/* Both panels: one time axis, the same margins. */
		"set xrange [0:%llu]\n"
		"set lmargin at screen 0.08\n"
		"set rmargin at screen 0.70\n"
		"set multiplot layout 2,1 title 'sctpnl probe: association %u'\n"
		"set ylabel 'bytes'\n"
		"set format y '%%.0s%%c'\n"
		"set xlabel 'time (s)'\n",
		png, (unsigned long long)r->dur, r->id);
	/* The association's events, on both panels' time axes. */
	for (i = 0; i < r->n_ev; i++)
		fprintf(g, "set arrow from %.3f, graph 0 to %.3f, graph 1 "
			"nohead dt 3 lc rgb 'red'\n"
			"set label %u '%s' at %.3f, graph 0.98 rotate by 90 "
			"right front noenhanced font ',8' tc rgb 'red'\n",
			r->ev[i].t, r->ev[i].t, i + 1, r->ev[i].what,
			r->ev[i].t);
	plot_panels(g, r);
	rc = pclose(g);
	if (rc == -1)
		return -errno;
	return rc ? -EIO : 0;
}

static const char probe_usage[] =
	"probe ASSOC --duration S --out FILE.csv [--plot FILE.png] "
	"[--interval MS] [--rcvbuf BYTES]";

struct probe_opts {
	const char *out, *png;
	uint64_t dur, rcvbuf, interval;
	char *keyv[2];
	int nkey;
};

/* One option with its value nx: 0, or 1 after a usage error. */
static int probe_opt(struct probe_opts *p, const char *a, const char *nx)
{
	if (!strcmp(a, "--duration") || !strcmp(a, "-d"))
		return parse_int_opt(a, nx, 86400 * 365, &p->dur);
	if (!strcmp(a, "--rcvbuf"))
		return parse_int_opt(a, nx, INT32_MAX, &p->rcvbuf);
	if (!strcmp(a, "--interval"))
		return parse_int_opt(a, nx, 3600000, &p->interval);
	if (!strcmp(a, "--out") || !strcmp(a, "-o") ||
	    !strcmp(a, "--plot")) {
		if (!nx)
			return bad_arg("%s needs a file", a);
		if (!strcmp(a, "--plot"))
			p->png = nx;
		else
			p->out = nx;
		return 0;
	}
	return bad_arg("usage: %s", probe_usage);
}

static int probe_args(struct probe_opts *p, int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *nx = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' && p->nkey < 2)
			p->keyv[p->nkey++] = argv[i];
		else if (probe_opt(p, a, nx))
			return 1;
		else
			i++;
	}
	if (!p->nkey)
		return bad_arg("probe: which association? usage: %s",
			       probe_usage);
	if (!p->dur)
		return bad_arg("probe: --duration S: 1 second or more (%s)",
			       "how long to record");
	if (!p->out)
		return bad_arg("probe: --out FILE.csv: where to write the "
			       "samples (usage: %s)", probe_usage);
	if (p->png && (strchr(p->png, '\'') || strchr(p->out, '\'')))
		return bad_arg("%s: no quotes in file names, please", "probe");
	return 0;
}

/* The association's id, looked up when given by addresses. */
static int probe_id(const struct probe_opts *p, uint32_t *id)
{
	struct sctpnl_assoc *a;
	struct sctpnl_key k;
	int err;

	if (parse_key(p->nkey, (char **)p->keyv, &k) || open_handle())
		return 1;
	if (!k.by_addr) {
		*id = k.assoc_id;
		return 0;
	}
	a = malloc(sizeof(*a));
	if (!a)
		return fail(ENOMEM, NULL);
	err = sctpnl_assoc_get(cli_handle(), &k, a);
	*id = a->assoc_id;
	free(a);
	return err ? fail(err, "association") : 0;
}

/* Samples (and events) until the end of the duration: 0 or -errno. */
static int probe_loop(struct sctpnl_mon *mn, struct rec *r, uint64_t end)
{
	const struct sctpnl_mon_cb cb = { .on_probe = rec_sample,
					  .on_lost = rec_lost,
					  .on_paddr_change = rec_event,
					  .on_assoc_change = rec_event };
	int ret = 0;

	while (!stop) {
		struct pollfd pfd = { .fd = sctpnl_monitor_fd(mn),
				      .events = POLLIN };
		uint64_t t = now_ns();
		int ms;

		if (t >= end)
			break;
		ms = (end - t + 999999) / 1000000;
		if (poll(&pfd, 1, ms) < 0 && errno != EINTR) {
			ret = -errno;
			break;
		}
		ret = sctpnl_monitor_read(mn, &cb, r);
		if (ret < 0)
			break;
		ret = 0;
	}
	/* What arrived before the end. */
	if (!ret)
		sctpnl_monitor_read(mn, &cb, r);
	return ret;
}

/* Record into r->csv; 0, -errno, or 1 (message printed). */
static int probe_record(const struct probe_opts *p, struct rec *r)
{
	struct sctpnl_mon *mn;
	int ret, err;

	catch_signals();
	/* events too: the association's are marked on the plot */
	mn = sctpnl_monitor_open(SCTPNL_MON_PROBE |
				 (p->png ? SCTPNL_MON_EVENTS : 0));
	if (!mn)
		return mon_fail(errno, "probe");
	warn_unavailable(SCTPNL_MON_PROBE);
	sctpnl_monitor_set_rcvbuf(mn, p->rcvbuf);
	err = sctpnl_probe_filter_interval(cli_handle(), &r->id, 1,
					   p->interval);
	if (err) {
		sctpnl_monitor_close(mn);
		return fail(err, "probe filter");
	}
	r->t0 = now_ns();
	r->dur = p->dur;
	ret = probe_loop(mn, r, r->t0 + p->dur * 1000000000ull);
	/* then every association again */
	err = sctpnl_probe_filter(cli_handle(), NULL, 0);
	if (err)
		fail(err, "resetting the probe filter");
	sctpnl_monitor_close(mn);
	r->filter_err = err;
	return ret;
}

int cmd_probe(int argc, char **argv)
{
	struct probe_opts p = { .rcvbuf = 4 << 20 };
	struct rec r = { 0 };
	int ret;

	if (probe_args(&p, argc, argv) || probe_id(&p, &r.id))
		return 1;
	r.csv = fopen(p.out, "w");
	if (!r.csv)
		return fail(errno, p.out);
	fputs("time_s,assoc_id,addr,cwnd,ssthresh,srtt_ms,rto_ms,flight_size,"
	      "partial_bytes_acked,peer_rwnd,state,primary\n", r.csv);
	ret = probe_record(&p, &r);
	if (fclose(r.csv) && !ret)
		ret = -errno;
	if (ret == 1)
		return 1;
	if (ret)
		return fail(ret, "probe");
	fprintf(stderr, "sctpctl: %llu samples of association %u (%u paths) "
		"in %s\n", (unsigned long long)r.n, r.id, r.n_paths, p.out);
	if (p.png) {
		ret = plot(&r, p.out, p.png);
		if (ret)
			return fail(ret, "gnuplot");
		fprintf(stderr, "sctpctl: plot in %s\n", p.png);
	}
	return r.filter_err ? 1 : 0;
}
