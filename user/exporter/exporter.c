// SPDX-License-Identifier: GPL-2.0
/*
 * sctpnl-exporter: the SCTP associations, paths, MIB and events of one
 * network namespace for Prometheus, over libsctpnl.  HTTP is
 * libmicrohttpd's (one internal polling thread: scrapes are served one at
 * a time, each one dump); events are counted by a thread of their own
 * (events.c).  Flags follow node_exporter's spelling.
 */
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "events.h"
#include "metrics.h"

#define DEFAULT_LISTEN	"127.0.0.1:9742"
#define DEFAULT_PATH	"/metrics"
#define DEFAULT_MAX	1000
#define DEFAULT_RCVBUF	(4 << 20)

static const char usage_text[] =
"Usage: sctpnl-exporter [OPTIONS]\n"
"\n"
"Serve the SCTP associations, paths, MIB and events of the current network\n"
"namespace to Prometheus (see sctpnl-exporter(8)).\n"
"\n"
"  --web.listen-address=[HOST]:PORT  where to listen (default " DEFAULT_LISTEN ";\n"
"                                  an empty HOST: every address)\n"
"  --web.telemetry-path=PATH       metrics path (default " DEFAULT_PATH ")\n"
"  --collector.assoc               per-association and per-path series for\n"
"                                  the associations the --assoc.* flags pick\n"
"  --assoc.lport=PORT              ... with this local port\n"
"  --assoc.pport=PORT              ... with this peer port\n"
"  --assoc.laddr=ADDR              ... with this local address\n"
"  --assoc.paddr=ADDR              ... with this peer address (any path)\n"
"  --assoc.id=ID[,ID...]           ... with one of these ids (may repeat)\n"
"  --assoc.max=N                   at most N associations (default 1000,\n"
"                                  0: no limit)\n"
"  --no-collector.events           do not count events (no CAP_NET_ADMIN)\n"
"  --events.rcvbuf=BYTES           event socket receive buffer (default 4 MiB)\n"
"  --version, --help\n";

enum {
	OPT_LISTEN = 256,
	OPT_PATH,
	OPT_ASSOC,
	OPT_FILTER,
	OPT_NO_EVENTS,
	OPT_RCVBUF,
	OPT_VERSION,
	OPT_HELP,
};

/* --assoc.KEY: the key is the option's name after "assoc.". */
static const struct option long_opts[] = {
	{ "web.listen-address",	required_argument, NULL, OPT_LISTEN },
	{ "web.telemetry-path",	required_argument, NULL, OPT_PATH },
	{ "collector.assoc",	no_argument,	   NULL, OPT_ASSOC },
	{ "assoc.lport",	required_argument, NULL, OPT_FILTER },
	{ "assoc.pport",	required_argument, NULL, OPT_FILTER },
	{ "assoc.laddr",	required_argument, NULL, OPT_FILTER },
	{ "assoc.paddr",	required_argument, NULL, OPT_FILTER },
	{ "assoc.id",		required_argument, NULL, OPT_FILTER },
	{ "assoc.max",		required_argument, NULL, OPT_FILTER },
	{ "no-collector.events", no_argument,	   NULL, OPT_NO_EVENTS },
	{ "events.rcvbuf",	required_argument, NULL, OPT_RCVBUF },
	{ "version",		no_argument,	   NULL, OPT_VERSION },
	{ "help",		no_argument,	   NULL, OPT_HELP },
	{ NULL,			0,		   NULL, 0 },
};

struct exporter {
	const char *path;
	struct mx_filter filter;
	struct ev_counter *events;
	/* The handle serves one request at a time (see sctpnl.h). */
	pthread_mutex_t lock;
	struct sctpnl *h;
};

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned int code,
			     const char *type, char *body, size_t len,
			     enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, body, mode);
	if (!r) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	ret = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result reply_text(struct MHD_Connection *conn,
				  unsigned int code, const char *text)
{
	return reply(conn, code, "text/plain; charset=utf-8", (char *)text,
		     strlen(text), MHD_RESPMEM_MUST_COPY);
}

/* OpenMetrics when the scraper asks for it (Prometheus does, first). */
static unsigned int negotiate(struct MHD_Connection *conn)
{
	const char *acc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_ACCEPT);

	return acc && strstr(acc, "application/openmetrics-text") ?
	       MX_OPENMETRICS : 0;
}

static enum MHD_Result scrape(struct exporter *x, struct MHD_Connection *conn)
{
	struct mx_events ev;
	struct mx_opts o = {
		.flags = negotiate(conn),
		.filter = &x->filter,
		.events = x->events ? &ev : NULL,
	};
	struct mx_buf b = { 0 };
	char msg[512];
	int err;

	/* The counters first: their mutex is never held across a dump. */
	ev_snapshot(x->events, &ev);
	pthread_mutex_lock(&x->lock);
	if (!x->h) {
		x->h = sctpnl_open();
		if (!x->h) {
			err = errno;
			pthread_mutex_unlock(&x->lock);
			snprintf(msg, sizeof(msg), "sctpnl: %s\n",
				 err == SCTPNL_ENOFAMILY ?
				 "module not loaded" : strerror(err));
			return reply_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
					  msg);
		}
	}
	err = mx_collect(x->h, &o, &b);
	if (err) {
		const char *km = sctpnl_errmsg(x->h);

		snprintf(msg, sizeof(msg), "sctpnl dump: %s%s%s\n",
			 strerror(-err), km ? ": " : "", km ? km : "");
		/* A fresh handle next time: the module may have been reloaded. */
		sctpnl_close(x->h);
		x->h = NULL;
		pthread_mutex_unlock(&x->lock);
		mx_buf_free(&b);
		fputs(msg, stderr);
		return reply_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, msg);
	}
	pthread_mutex_unlock(&x->lock);
	/* libmicrohttpd frees the buffer with free() once it is sent. */
	return reply(conn, MHD_HTTP_OK, mx_content_type(o.flags), b.p, b.len,
		     MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
			      const char *url, const char *method,
			      const char *version, const char *upload_data,
			      size_t *upload_data_size, void **req_cls)
{
	struct exporter *x = cls;
	char page[512];

	(void)version;
	(void)upload_data;
	(void)upload_data_size;
	(void)req_cls;
	if (strcmp(method, MHD_HTTP_METHOD_GET) &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD))
		return reply_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
				  "GET only\n");
	if (!strcmp(url, x->path))
		return scrape(x, conn);
	if (!strcmp(url, "/")) {
		snprintf(page, sizeof(page), "<html><head><title>sctpnl "
			 "exporter</title></head><body><h1>sctpnl exporter"
			 "</h1><p><a href=\"%s\">Metrics</a></p></body>"
			 "</html>\n", x->path);
		return reply(conn, MHD_HTTP_OK, "text/html; charset=utf-8",
			     page, strlen(page), MHD_RESPMEM_MUST_COPY);
	}
	return reply_text(conn, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* [HOST]:PORT, HOST an IPv4 or IPv6 address or name, [IPv6]:PORT. */
static int parse_listen(const char *arg, struct addrinfo **res)
{
	struct addrinfo hints = {
		.ai_family = AF_UNSPEC,
		.ai_socktype = SOCK_STREAM,
		.ai_flags = AI_PASSIVE | AI_NUMERICSERV,
	};
	char host[256];
	const char *colon = strrchr(arg, ':');
	size_t hl;
	int err;

	if (!colon || !colon[1])
		return -EINVAL;
	hl = colon - arg;
	if (hl >= 2 && arg[0] == '[' && arg[hl - 1] == ']') {
		arg++;
		hl -= 2;
	}
	if (hl >= sizeof(host))
		return -EINVAL;
	memcpy(host, arg, hl);
	host[hl] = '\0';
	err = getaddrinfo(hl ? host : NULL, colon + 1, &hints, res);
	if (err) {
		fprintf(stderr, "sctpnl-exporter: %s: %s\n", arg,
			gai_strerror(err));
		return -EINVAL;
	}
	return 0;
}

static int usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "sctpnl-exporter: %s \"%s\" (see --help)\n", what, arg);
	return 1;
}

/* Command-line settings main() acts on, besides those kept in *x. */
struct cli {
	const char *listen;
	int events;
	int rcvbuf;
};

/* -1 to go on, or the exit status (help, version, usage errors). */
static int parse_args(int argc, char **argv, struct exporter *x,
		      struct cli *o)
{
	int idx, c, err;
	char *end;

	while ((c = getopt_long(argc, argv, "hV", long_opts, &idx)) != -1) {
		switch (c) {
		case OPT_LISTEN:
			o->listen = optarg;
			break;
		case OPT_PATH:
			if (optarg[0] != '/')
				return usage_error("path must start with /",
						   optarg);
			x->path = optarg;
			break;
		case OPT_ASSOC:
			x->filter.enabled = 1;
			break;
		case OPT_FILTER:
			err = mx_filter_parse(&x->filter,
					      long_opts[idx].name +
					      strlen("assoc."), optarg);
			if (err)
				return usage_error(err == -ENOMEM ?
						   "out of memory for" :
						   "bad value", optarg);
			break;
		case OPT_NO_EVENTS:
			o->events = 0;
			break;
		case OPT_RCVBUF:
			errno = 0;
			o->rcvbuf = strtol(optarg, &end, 0);
			if (errno || *end || o->rcvbuf < 0)
				return usage_error("bad size", optarg);
			break;
		case 'V':
		case OPT_VERSION:
			printf("sctpnl-exporter %s (libsctpnl, libmicrohttpd %s)\n",
			       SCTPNL_LIB_VERSION, MHD_get_version());
			return 0;
		case 'h':
		case OPT_HELP:
			fputs(usage_text, stdout);
			return 0;
		default:
			fputs(usage_text, stderr);
			return 1;
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument", argv[optind]);
	if (x->filter.set && !x->filter.enabled)
		fprintf(stderr, "sctpnl-exporter: --assoc.* flags without "
			"--collector.assoc select nothing\n");
	return -1;
}

int main(int argc, char **argv)
{
	struct exporter x = { .path = DEFAULT_PATH };
	struct cli o = { DEFAULT_LISTEN, 1, DEFAULT_RCVBUF };
	const char *listen;
	struct addrinfo *ai = NULL;
	struct MHD_Daemon *d;
	unsigned int flags;
	sigset_t sigs;
	int sig, err;

	x.filter.max = DEFAULT_MAX;
	err = parse_args(argc, argv, &x, &o);
	if (err >= 0)
		return err;
	listen = o.listen;
	if (parse_listen(listen, &ai))
		return usage_error("bad listen address", listen);

	/*
	 * Block the signals we wait for before any thread starts, so that
	 * every thread inherits the mask and only sigwait() sees them.
	 */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	pthread_mutex_init(&x.lock, NULL);

	if (o.events) {
		x.events = ev_start(o.rcvbuf);
		if (!x.events) {
			fprintf(stderr, "sctpnl-exporter: no event counters: "
				"%s\n", errno == SCTPNL_ENOFAMILY ?
				"sctpnl module not loaded" :
				errno == EPERM ? "needs CAP_NET_ADMIN" :
				strerror(errno));
			err = 1;
			goto out;
		}
	}

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, 0, NULL, NULL, handle, &x,
			     MHD_OPTION_SOCK_ADDR, ai->ai_addr,
			     MHD_OPTION_CONNECTION_TIMEOUT, 30u,
			     MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "sctpnl-exporter: cannot listen on %s\n",
			listen);
		err = 1;
		goto out;
	}
	fprintf(stderr, "sctpnl-exporter: listening on %s%s\n", listen, x.path);

	while (sigwait(&sigs, &sig))
		;
	MHD_stop_daemon(d);
	err = 0;
out:
	freeaddrinfo(ai);
	ev_stop(x.events);
	sctpnl_close(x.h);
	pthread_mutex_destroy(&x.lock);
	mx_filter_free(&x.filter);
	return err;
}
