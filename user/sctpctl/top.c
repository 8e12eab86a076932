// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl top: every association of the namespace, sorted by a chosen
 * column, refreshed from one dump per interval, with per-second rates
 * from the stats counters.  Plain ANSI escapes (home, clear), 80 columns,
 * the terminal's height; q quits, a key picks the sort column.  -n N
 * (--batch N): N refreshes to stdout, no escapes, no keyboard.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "sctpctl.h"

enum sort_key { S_RTX, S_SRTT, S_UNACK, S_RWND, S_OPKT, S_IPKT, S_ID, S_NKEYS };

static const struct {
	const char *name;
	char key;
} sorts[S_NKEYS] = {
	[S_RTX]	  = { "rtx", 'r' },
	[S_SRTT]  = { "srtt", 's' },
	[S_UNACK] = { "unacked", 'u' },
	[S_RWND]  = { "rwnd", 'w' },
	[S_OPKT]  = { "opkt", 'o' },
	[S_IPKT]  = { "ipkt", 'i' },
	[S_ID]	  = { "id", 'd' },
};

struct row {
	uint32_t id;
	uint32_t state;
	uint32_t srtt, unack, rwnd;
	uint64_t rtx, opkt, ipkt;		/* counters */
	double rtx_s, opkt_s, ipkt_s;		/* per second */
	struct sctpnl_addr peer;
};

struct top {
	struct out *o;
	struct sctpnl_filter f;
	struct row *rows, *prev;
	size_t n, cap, n_prev;
	enum sort_key sort;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int collect(const struct sctpnl_assoc *a, void *arg)
{
	struct top *t = arg;
	struct row *r;

	if (!filter_match(t->o->expr, a) || !family_match(t->o->family, a) ||
	    ((t->o->pid || t->o->comm) &&
	     !procs_match(a->inode, t->o->pid, t->o->comm)))
		return 0;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;

		r = realloc(t->rows, cap * sizeof(*r));
		if (!r)
			return -ENOMEM;
		t->rows = r;
		t->cap = cap;
	}
	r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	r->id = a->assoc_id;
	r->state = a->status.state;
	r->unack = a->status.unackdata;
	r->rwnd = a->status.rwnd;
	if (a->primary_path >= 0) {
		r->srtt = a->paths[a->primary_path].srtt;
		r->peer = a->paths[a->primary_path].info.address;
	}
	r->rtx = a->stats.rtxchunks;
	r->opkt = a->stats.opackets;
	r->ipkt = a->stats.ipackets;
	return 0;
}

static int by_id(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

static enum sort_key cur_sort;

#define CMP(f)	(a->f < b->f ? 1 : a->f > b->f ? -1 : 0)

/* Largest first, then by id. */
static int by_key(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c = 0;

	switch (cur_sort) {
	case S_RTX:
		c = CMP(rtx_s);
		if (!c)
			c = CMP(rtx);
		break;
	case S_SRTT:
		c = CMP(srtt);
		break;
	case S_UNACK:
		c = CMP(unack);
		break;
	case S_RWND:
		/* the smallest windows are the interesting ones */
		c = -CMP(rwnd);
		break;
	case S_OPKT:
		c = CMP(opkt_s);
		break;
	case S_IPKT:
		c = CMP(ipkt_s);
		break;
	case S_ID:
	case S_NKEYS:
		break;
	}
	return c ? c : by_id(x, y);
}

/* Rates against the previous refresh (rows sorted by id). */
static void rates(struct top *t, double dt)
{
	size_t i;

	qsort(t->rows, t->n, sizeof(*t->rows), by_id);
	for (i = 0; i < t->n && dt > 0; i++) {
		struct row *r = &t->rows[i];
		const struct row *p;

		p = bsearch(r, t->prev, t->n_prev, sizeof(*r), by_id);
		if (!p)
			continue;
		r->rtx_s = (r->rtx - p->rtx) / dt;
		r->opkt_s = (r->opkt - p->opkt) / dt;
		r->ipkt_s = (r->ipkt - p->ipkt) / dt;
	}
	/* keep this refresh, sorted by id, for the next */
	free(t->prev);
	t->prev = malloc(t->n * sizeof(*t->rows) + 1);
	if (t->prev)
		memcpy(t->prev, t->rows, t->n * sizeof(*t->rows));
	t->n_prev = t->prev ? t->n : 0;
}

static const char *state_abbr(uint32_t s)
{
	static const char *const v[] = {
		/* 6 columns: the order of enum sctpnl_state */
		"EMPTY", "CLOSED", "CWAIT", "CECHO", "ESTAB", "SPEND",
		"SSENT", "SRCVD", "SACKSN",
	};

	return s < sizeof(v) / sizeof(v[0]) ? v[s] : "?";
}

static void rows_of_terminal(int *h, int *w)
{
	struct winsize ws;

	*h = 24;
	*w = 80;
	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_row && ws.ws_col) {
		*h = ws.ws_row;
		*w = ws.ws_col;
	}
}

/* At most 80 columns a line. */
static void render(struct top *t, int batch, double dump_ms, int height)
{
	char peer[SCTPNL_ADDRSTRLEN + 8];
	size_t i, max;
	time_t now = time(NULL);
	char ts[16];

	strftime(ts, sizeof(ts), "%H:%M:%S", localtime(&now));
	if (!batch)
		fputs("\033[H\033[2J", stdout);
	printf("sctpctl top %s  %zu assocs  dump %.0f ms  sort %s%s\n", ts,
	       t->n, dump_ms, sorts[t->sort].name,
	       batch ? "" : "  [q rsuwoid]");
	printf("%-8s %-6s %-21s %7s %5s %7s %5s %6s %6s\n", "ID", "STATE",
	       "PEER", "SRTT_MS", "UNACK", "RWND", "RTX/s", "OPKT/s",
	       "IPKT/s");
	max = batch ? t->n : (height > 3 ? (size_t)height - 3 : 1);
	for (i = 0; i < t->n && i < max; i++) {
		const struct row *r = &t->rows[i];

		sctpnl_addr_port_ntop(&r->peer, peer, sizeof(peer));
		printf("%-8u %-6s %-21.21s %7u %5u %7u %5.0f %6.0f %6.0f\n",
		       r->id, state_abbr(r->state), peer, r->srtt, r->unack,
		       r->rwnd, r->rtx_s, r->opkt_s, r->ipkt_s);
	}
	fflush(stdout);
}

static struct termios saved_tio;
static int raw_on;

static void raw_mode(void)
{
	struct termios tio;

	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_tio))
		return;
	tio = saved_tio;
	tio.c_lflag &= ~(ICANON | ECHO);
	tio.c_cc[VMIN] = 0;
	tio.c_cc[VTIME] = 0;
	if (!tcsetattr(STDIN_FILENO, TCSANOW, &tio))
		raw_on = 1;
}

static void restore_mode(void)
{
	if (raw_on)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	raw_on = 0;
}

/* Wait @ms for a key: 1 to quit. */
static int keys(struct top *t, int ms)
{
	double end = now_s() + ms / 1000.0;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	while (!stop) {
		double left = end - now_s();
		char c;
		int i;

		if (left <= 0)
			return 0;
		if (poll(&p, 1, (int)(left * 1000) + 1) <= 0)
			continue;
		if (read(STDIN_FILENO, &c, 1) != 1) {
			/* stdin closed: keep refreshing, without keys */
			usleep(left * 1e6);
			return 0;
		}
		if (c == 'q' || c == 'Q')
			return 1;
		for (i = 0; i < S_NKEYS; i++)
			if (c == sorts[i].key) {
				t->sort = i;
				return 0;	/* redraw now */
			}
	}
	return 1;
}

static const char top_usage[] =
	"top [--sort rtx|srtt|unacked|rwnd|opkt|ipkt|id] [--interval MS] "
	"[-n N | --batch N] [FILTER...]";

/* One option at argv[i] (its value at argv[i + 1]): how many argv it
 * took, or -1 after a usage error. */
static int top_opt(struct top *t, char **argv, int i, int argc,
		   uint64_t *interval, uint64_t *iters)
{
	const char *a = argv[i], *nx = i + 1 < argc ? argv[i + 1] : NULL;
	uint64_t v;
	int k;

	if (!strcmp(a, "--sort") || !strcmp(a, "-o")) {
		for (k = 0; nx && k < S_NKEYS; k++)
			if (!strcmp(nx, sorts[k].name))
				break;
		if (!nx || k == S_NKEYS)
			return -bad_arg("top: --sort: one of rtx srtt unacked "
					"rwnd opkt ipkt id, not \"%s\"",
					nx ? nx : "");
		t->sort = k;
	} else if (!strcmp(a, "--interval") || !strcmp(a, "-i")) {
		if (!nx || parse_u64(nx, 3600000, interval) || *interval < 100)
			return -bad_arg("top: --interval MS: 100 or more, not "
					"\"%s\"", nx ? nx : "");
	} else if (!strcmp(a, "-n") || !strcmp(a, "--batch")) {
		if (!nx || parse_u64(nx, 1000000, &v) || !v)
			return -bad_arg("top: %s N: 1 or more refreshes", a);
		*iters = v;
	} else {
		return -bad_arg("usage: %s", top_usage);
	}
	return 2;
}

/* Options and the filter expression: 0, or 1 after a usage error. */
static int top_args(struct top *t, int argc, char **argv,
		    uint64_t *interval, uint64_t *iters)
{
	char **fv = calloc(argc + 1, sizeof(*fv));
	int i, n, nf = 0;

	if (!fv)
		return fail(ENOMEM, NULL);
	for (i = 0; i < argc; i += n) {
		n = 1;
		if (argv[i][0] == '-' && argv[i][1])
			n = top_opt(t, argv, i, argc, interval, iters);
		else
			fv[nf++] = argv[i];
		if (n < 0) {
			free(fv);
			return 1;
		}
	}
	if (t->o->fmt != FMT_TABLE) {
		free(fv);
		return bad_arg("%s: table output only", "top");
	}
	/* every filter, simple or not, is evaluated here */
	if (nf)
		t->o->expr = filter_parse(nf, fv);
	free(fv);
	return nf && !t->o->expr;
}

/* One refresh: dump, rates, sort, draw.  0 or the dump's error. */
static int refresh(struct top *t, int batch, double *last)
{
	struct out *o = t->o;
	double t0 = now_s(), t1;
	int height, width, err;

	if (filter_needs_procs(o->expr) || o->pid || o->comm)
		procs_scan();
	t->n = 0;
	err = sctpnl_assoc_dump(cli_handle(), &t->f, collect, t);
	t1 = now_s();
	if (err)
		return err;
	rates(t, *last ? t0 - *last : 0);
	*last = t0;
	cur_sort = t->sort;
	qsort(t->rows, t->n, sizeof(*t->rows), by_key);
	rows_of_terminal(&height, &width);
	render(t, batch, (t1 - t0) * 1000, height);
	return 0;
}

int cmd_top(struct out *o, int argc, char **argv)
{
	struct top t = { .o = o, .sort = S_RTX };
	uint64_t interval = 1000, iters = 0, v;
	double last = 0, t0;
	int batch, err;

	if (top_args(&t, argc, argv, &interval, &iters))
		return 1;
	batch = iters > 0;
	memset(&t.f, 0, sizeof(t.f));
	t.f.info = SCTPNL_INFO_BRIEF | SCTPNL_INFO_PATHS | SCTPNL_INFO_STATS;
	SCTPNL_SETF(&t.f, SCTPNL_FILTER_INFO);
	if (open_handle())
		return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (!batch)
		raw_mode();
	for (v = 0; !stop && (!batch || v < iters); v++) {
		t0 = now_s();
		err = refresh(&t, batch, &last);
		if (err) {
			restore_mode();
			return fail(err, "association dump");
		}
		if (batch && v + 1 == iters)
			break;
		if (batch) {
			/* the interval from the start of this refresh */
			double left = interval / 1000.0 - (now_s() - t0);

			if (left > 0)
				usleep(left * 1e6);
		} else {
			int left = interval - (int)((now_s() - t0) * 1000);

			if (keys(&t, left > 0 ? left : 0))
				break;
		}
	}
	restore_mode();
	if (!batch)
		fputs("\n", stdout);
	free(t.rows);
	free(t.prev);
	return 0;
}
