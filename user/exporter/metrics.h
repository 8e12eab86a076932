/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The metric code shared by sctpnl-exporter and `sctpctl export`: one
 * association dump, one endpoint dump and one MIB read become the
 * Prometheus text exposition format (or OpenMetrics).  Metric names,
 * types and labels are documented in Documentation/exporter.rst; change
 * both together.
 */
#ifndef _SCTPNL_EXPORTER_METRICS_H
#define _SCTPNL_EXPORTER_METRICS_H

#include <stddef.h>
#include <stdint.h>
#include <sctpnl.h>

/* A growing output buffer; err is sticky (-ENOMEM), checked once. */
struct mx_buf {
	char *p;
	size_t len;
	size_t cap;
	int err;
};

void mx_buf_free(struct mx_buf *b);
__attribute__((format(printf, 2, 3)))
void mx_printf(struct mx_buf *b, const char *fmt, ...);
void mx_append(struct mx_buf *b, const char *s, size_t n);

/*
 * Which associations get per-association and per-path series.  Off by
 * default: at 100k associations one series per association and path
 * would swamp Prometheus.  Every criterion given must match; ids matches
 * any id of the list.  max caps the associations exported (0: no cap);
 * those past it are counted in sctpnl_exporter_assocs_skipped.
 */
struct mx_filter {
	int enabled;
	uint16_t lport;
	uint16_t pport;
	struct sctpnl_addr laddr;	/* port ignored */
	struct sctpnl_addr paddr;	/* port ignored */
	uint32_t *ids;
	size_t n_ids;
	size_t max;
	unsigned int set;		/* MX_F_* */
};

#define MX_F_LPORT	(1u << 0)
#define MX_F_PPORT	(1u << 1)
#define MX_F_LADDR	(1u << 2)
#define MX_F_PADDR	(1u << 3)
#define MX_F_IDS	(1u << 4)

/* Add one id to f->ids: 0 or -ENOMEM. */
int mx_filter_add_id(struct mx_filter *f, uint32_t id);
/*
 * One criterion by name, as both front ends spell it: lport, pport
 * (port), laddr, paddr (address), id (ID[,ID...], may repeat), max (N).
 * 0, -EINVAL (bad value), -ENOENT (unknown key) or -ENOMEM.
 */
int mx_filter_parse(struct mx_filter *f, const char *key, const char *val);
void mx_filter_free(struct mx_filter *f);

/* The assoc_change and paddr_change states the module reports. */
#define MX_ASSOC_CHANGE_STATES	5
#define MX_PADDR_CHANGE_STATES	7

/*
 * Event counters, kept by the exporter's event thread since it started
 * (sctpctl export has none: it runs once).  A copy is taken under the
 * exporter's mutex, so that building a scrape never holds it.
 */
struct mx_events {
	int subscribed;			/* the monitor joined the group */
	uint64_t assoc_change[MX_ASSOC_CHANGE_STATES];
	uint64_t paddr_change[MX_PADDR_CHANGE_STATES];
	uint64_t remote_error;
	uint64_t send_failed;
	uint64_t shutdown;
	uint64_t other;			/* adaptation, pdapi, unknown */
	uint64_t kernel_lost;		/* the module's SCTPNL_A_LOST increase */
	uint64_t overruns;		/* ENOBUFS on our socket */
};

#define MX_OPENMETRICS	(1u << 0)

struct mx_opts {
	unsigned int flags;		/* MX_OPENMETRICS */
	const struct mx_filter *filter;	/* NULL: no per-association series */
	const struct mx_events *events;	/* NULL: no event counters */
};

/*
 * Append every metric of the caller's network namespace to out: one
 * association dump (with paths only when per-association series are on),
 * one endpoint dump, one MIB read.  Ends with the scrape's own duration
 * and, for OpenMetrics, "# EOF".  0, or a negative errno of the failed
 * request (sctpnl_errmsg(h) may say more); out then holds a partial
 * exposition the caller must not serve.
 */
int mx_collect(struct sctpnl *h, const struct mx_opts *o, struct mx_buf *out);

/* The Content-Type of what mx_collect() writes. */
const char *mx_content_type(unsigned int flags);

#endif /* _SCTPNL_EXPORTER_METRICS_H */
