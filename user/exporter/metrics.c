// SPDX-License-Identifier: GPL-2.0
/*
 * Metrics of one network namespace in the Prometheus text exposition
 * format (0.0.4) or OpenMetrics 1.0, shared by sctpnl-exporter and
 * `sctpctl export`.  A scrape is one association dump, one endpoint dump
 * and one MIB read, whatever the number of associations: nothing here
 * asks the kernel about one association at a time.
 *
 * The two formats differ in three places only: a counter's family is
 * named without its _total suffix in OpenMetrics (its samples keep it),
 * the Content-Type, and the closing "# EOF".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "metrics.h"

/* ------------------------------------------------------------------ */
/* Buffer                                                              */
/* ------------------------------------------------------------------ */

static int mx_reserve(struct mx_buf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->err)
		return b->err;
	if (b->len + more + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->err = -ENOMEM;
		return b->err;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void mx_append(struct mx_buf *b, const char *s, size_t n)
{
	if (mx_reserve(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void mx_printf(struct mx_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (mx_reserve(b, 256))
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = -EINVAL;
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		if (mx_reserve(b, n))
			return;
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += n;
}

void mx_buf_free(struct mx_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

int mx_filter_add_id(struct mx_filter *f, uint32_t id)
{
	uint32_t *ids = realloc(f->ids, (f->n_ids + 1) * sizeof(*ids));

	if (!ids)
		return -ENOMEM;
	ids[f->n_ids++] = id;
	f->ids = ids;
	f->set |= MX_F_IDS;
	return 0;
}

static int parse_ulong(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!*s || *s == '-')
		return -EINVAL;
	errno = 0;
	*v = strtoul(s, &end, 10);
	return errno || *end || *v > max ? -EINVAL : 0;
}

int mx_filter_parse(struct mx_filter *f, const char *key, const char *val)
{
	unsigned long n;
	char *list, *tok, *save = NULL;
	int err = 0;

	if (!strcmp(key, "lport") || !strcmp(key, "pport")) {
		if (parse_ulong(val, 65535, &n))
			return -EINVAL;
		if (key[0] == 'l') {
			f->lport = n;
			f->set |= MX_F_LPORT;
		} else {
			f->pport = n;
			f->set |= MX_F_PPORT;
		}
	} else if (!strcmp(key, "laddr") || !strcmp(key, "paddr")) {
		struct sctpnl_addr *a = key[0] == 'l' ? &f->laddr : &f->paddr;

		if (sctpnl_addr_pton(val, a, 0))
			return -EINVAL;
		f->set |= key[0] == 'l' ? MX_F_LADDR : MX_F_PADDR;
	} else if (!strcmp(key, "id")) {
		list = strdup(val);
		if (!list)
			return -ENOMEM;
		for (tok = strtok_r(list, ",", &save); tok && !err;
		     tok = strtok_r(NULL, ",", &save)) {
			err = parse_ulong(tok, UINT32_MAX, &n);
			if (!err)
				err = mx_filter_add_id(f, n);
		}
		free(list);
		if (!err && !(f->set & MX_F_IDS))
			err = -EINVAL;
	} else if (!strcmp(key, "max")) {
		if (parse_ulong(val, SIZE_MAX, &n))
			return -EINVAL;
		f->max = n;
	} else {
		return -ENOENT;
	}
	return err;
}

void mx_filter_free(struct mx_filter *f)
{
	free(f->ids);
	f->ids = NULL;
	f->n_ids = 0;
}

const char *mx_content_type(unsigned int flags)
{
	if (flags & MX_OPENMETRICS)
		return "application/openmetrics-text; version=1.0.0; charset=utf-8";
	return "text/plain; version=0.0.4; charset=utf-8";
}

/* ------------------------------------------------------------------ */
/* Families                                                            */
/* ------------------------------------------------------------------ */

/*
 * MX_INFO: a gauge of value 1 named *_info whose labels are the point.
 * OpenMetrics has a type for it, whose family is named without "_info";
 * the Prometheus text format calls it a gauge.
 */
enum mx_type { MX_GAUGE, MX_COUNTER, MX_INFO };

/* HELP and TYPE lines.  name is the sample name without _total. */
static void family(struct mx_buf *b, unsigned int flags, const char *name,
		   enum mx_type t, const char *help)
{
	int om = flags & MX_OPENMETRICS, len = strlen(name);
	const char *sfx = t == MX_COUNTER && !om ? "_total" : "";
	const char *type = t == MX_COUNTER ? "counter" : "gauge";

	if (t == MX_INFO && om) {
		len -= strlen("_info");
		type = "info";
	}
	mx_printf(b, "# HELP %.*s%s %s\n# TYPE %.*s%s %s\n", len, name, sfx,
		  help, len, name, sfx, type);
}

/* Sample names of counters end in _total in both formats. */
static const char *sfx(enum mx_type t)
{
	return t == MX_COUNTER ? "_total" : "";
}

/* Names of the label values, index = the kernel's numbering. */
/* Path states as sctpnl_path_state_name() says them, in enum order. */
#define MX_PATH_STATES	4

/* Styles 1..3 of enum sctpnl_style (UNSPEC is never reported). */
#define MX_STYLES	(SCTPNL_STYLE_PEELED + 1)

/*
 * The MIB: every SCTPNL_SNMP_A_* counter of /proc/net/sctp/snmp under a
 * stable snake_case name.  SctpCurrEstab is the only gauge.
 */
static const struct {
	int attr;
	const char *name;
	const char *help;
} mib[] = {
	{ SCTPNL_SNMP_A_ACTIVE_ESTABS, "active_establishes",
	  "Associations established by us (SctpActiveEstabs)." },
	{ SCTPNL_SNMP_A_PASSIVE_ESTABS, "passive_establishes",
	  "Associations established by the peer (SctpPassiveEstabs)." },
	{ SCTPNL_SNMP_A_ABORTEDS, "aborted",
	  "Associations ended by ABORT (SctpAborteds)." },
	{ SCTPNL_SNMP_A_SHUTDOWNS, "shutdowns",
	  "Associations ended by SHUTDOWN (SctpShutdowns)." },
	{ SCTPNL_SNMP_A_OUT_OF_BLUES, "out_of_blue_packets",
	  "Out-of-the-blue packets received (SctpOutOfBlues)." },
	{ SCTPNL_SNMP_A_CHECKSUM_ERRORS, "checksum_errors",
	  "Packets received with a bad checksum (SctpChecksumErrors)." },
	{ SCTPNL_SNMP_A_OUT_CTRL_CHUNKS, "out_control_chunks",
	  "Control chunks sent (SctpOutCtrlChunks)." },
	{ SCTPNL_SNMP_A_OUT_ORDER_CHUNKS, "out_ordered_chunks",
	  "Ordered DATA chunks sent (SctpOutOrderChunks)." },
	{ SCTPNL_SNMP_A_OUT_UNORDER_CHUNKS, "out_unordered_chunks",
	  "Unordered DATA chunks sent (SctpOutUnorderChunks)." },
	{ SCTPNL_SNMP_A_IN_CTRL_CHUNKS, "in_control_chunks",
	  "Control chunks received (SctpInCtrlChunks)." },
	{ SCTPNL_SNMP_A_IN_ORDER_CHUNKS, "in_ordered_chunks",
	  "Ordered DATA chunks received (SctpInOrderChunks)." },
	{ SCTPNL_SNMP_A_IN_UNORDER_CHUNKS, "in_unordered_chunks",
	  "Unordered DATA chunks received (SctpInUnorderChunks)." },
	{ SCTPNL_SNMP_A_FRAG_USR_MSGS, "fragmented_user_messages",
	  "User messages fragmented (SctpFragUsrMsgs)." },
	{ SCTPNL_SNMP_A_REASM_USR_MSGS, "reassembled_user_messages",
	  "User messages reassembled (SctpReasmUsrMsgs)." },
	{ SCTPNL_SNMP_A_OUT_SCTP_PACKS, "out_packets",
	  "SCTP packets sent (SctpOutSCTPPacks)." },
	{ SCTPNL_SNMP_A_IN_SCTP_PACKS, "in_packets",
	  "SCTP packets received (SctpInSCTPPacks)." },
	{ SCTPNL_SNMP_A_T1_INIT_EXPIREDS, "t1_init_expired",
	  "T1-init timer expiries (SctpT1InitExpireds)." },
	{ SCTPNL_SNMP_A_T1_COOKIE_EXPIREDS, "t1_cookie_expired",
	  "T1-cookie timer expiries (SctpT1CookieExpireds)." },
	{ SCTPNL_SNMP_A_T2_SHUTDOWN_EXPIREDS, "t2_shutdown_expired",
	  "T2-shutdown timer expiries (SctpT2ShutdownExpireds)." },
	{ SCTPNL_SNMP_A_T3_RTX_EXPIREDS, "t3_rtx_expired",
	  "T3-rtx timer expiries (SctpT3RtxExpireds)." },
	{ SCTPNL_SNMP_A_T4_RTO_EXPIREDS, "t4_rto_expired",
	  "T4-rto timer expiries (SctpT4RtoExpireds)." },
	{ SCTPNL_SNMP_A_T5_SHUTDOWN_GUARD_EXPIREDS, "t5_shutdown_guard_expired",
	  "T5-shutdown-guard timer expiries (SctpT5ShutdownGuardExpireds)." },
	{ SCTPNL_SNMP_A_DELAY_SACK_EXPIREDS, "delay_sack_expired",
	  "Delayed-SACK timer expiries (SctpDelaySackExpireds)." },
	{ SCTPNL_SNMP_A_AUTOCLOSE_EXPIREDS, "autoclose_expired",
	  "Autoclose timer expiries (SctpAutocloseExpireds)." },
	{ SCTPNL_SNMP_A_T1_RETRANSMITS, "t1_retransmits",
	  "INIT/COOKIE-ECHO retransmissions (SctpT1Retransmits)." },
	{ SCTPNL_SNMP_A_T3_RETRANSMITS, "t3_retransmits",
	  "DATA retransmissions on T3-rtx expiry (SctpT3Retransmits)." },
	{ SCTPNL_SNMP_A_PMTUD_RETRANSMITS, "pmtud_retransmits",
	  "Retransmissions after a path MTU decrease (SctpPmtudRetransmits)." },
	{ SCTPNL_SNMP_A_FAST_RETRANSMITS, "fast_retransmits",
	  "Fast retransmissions (SctpFastRetransmits)." },
	{ SCTPNL_SNMP_A_IN_PKT_SOFTIRQ, "in_packets_softirq",
	  "Packets processed in softirq (SctpInPktSoftirq)." },
	{ SCTPNL_SNMP_A_IN_PKT_BACKLOG, "in_packets_backlog",
	  "Packets queued to the socket backlog (SctpInPktBacklog)." },
	{ SCTPNL_SNMP_A_IN_PKT_DISCARDS, "in_packet_discards",
	  "Received packets discarded (SctpInPktDiscards)." },
	{ SCTPNL_SNMP_A_IN_DATA_CHUNK_DISCARDS, "in_data_chunk_discards",
	  "Received DATA chunks discarded (SctpInDataChunkDiscards)." },
};

/*
 * Per-association and per-path families.  Their samples are written to
 * one buffer each during the dump (the exposition wants a family's
 * samples together), then appended after their HELP/TYPE lines.
 */
enum {
	PA_INFO,
	PA_PEER_RWND,
	PA_UNACKED,
	PA_PENDING,
	PA_RTX,
	PA_PATHS,
	PP_INFO,
	PP_SRTT,
	PP_RTTVAR,
	PP_RTO,
	PP_CWND,
	PP_SSTHRESH,
	PP_FLIGHT,
	PP_ERRORS,
	PP_MTU,
	PP_LAST_HEARD,
	PER_MAX
};

static const struct {
	const char *name;
	enum mx_type type;
	const char *help;
} per_fam[PER_MAX] = {
	[PA_INFO] = { "sctpnl_assoc_info", MX_INFO,
		"One association (value 1), with its state and socket style." },
	[PA_PEER_RWND] = { "sctpnl_assoc_peer_rwnd_bytes", MX_GAUGE,
		"The peer's receive window (sctp_status.sstat_rwnd)." },
	[PA_UNACKED] = { "sctpnl_assoc_unacked_chunks", MX_GAUGE,
		"DATA chunks sent and not yet acknowledged (sstat_unackdata)." },
	[PA_PENDING] = { "sctpnl_assoc_pending_chunks", MX_GAUGE,
		"DATA chunks waiting to be received by the owner (sstat_penddata)." },
	[PA_RTX] = { "sctpnl_assoc_retransmitted_chunks", MX_COUNTER,
		"DATA chunks retransmitted (sctp_assoc_stats.sas_rtxchunks)." },
	[PA_PATHS] = { "sctpnl_assoc_paths", MX_GAUGE,
		"Peer addresses (paths) of the association." },
	[PP_INFO] = { "sctpnl_path_info", MX_INFO,
		"One peer path (value 1), with its state and whether it is primary." },
	[PP_SRTT] = { "sctpnl_path_srtt_seconds", MX_GAUGE,
		"Smoothed round-trip time of the path (transport->srtt)." },
	[PP_RTTVAR] = { "sctpnl_path_rttvar_seconds", MX_GAUGE,
		"Round-trip time variation of the path (transport->rttvar)." },
	[PP_RTO] = { "sctpnl_path_rto_seconds", MX_GAUGE,
		"Retransmission timeout of the path (transport->rto)." },
	[PP_CWND] = { "sctpnl_path_cwnd_bytes", MX_GAUGE,
		"Congestion window of the path (transport->cwnd)." },
	[PP_SSTHRESH] = { "sctpnl_path_ssthresh_bytes", MX_GAUGE,
		"Slow-start threshold of the path (transport->ssthresh)." },
	[PP_FLIGHT] = { "sctpnl_path_flight_bytes", MX_GAUGE,
		"Bytes in flight on the path (transport->flight_size)." },
	[PP_ERRORS] = { "sctpnl_path_errors", MX_GAUGE,
		"Consecutive unanswered retransmissions or heartbeats of the path (transport->error_count)." },
	[PP_MTU] = { "sctpnl_path_mtu_bytes", MX_GAUGE,
		"Path MTU (transport->pathmtu)." },
	[PP_LAST_HEARD] = { "sctpnl_path_last_heard_seconds", MX_GAUGE,
		"Time since the peer was last heard from on the path (transport->last_time_heard)." },
};

/* What one scrape accumulates while the dump runs. */
struct scrape {
	const struct mx_opts *o;
	uint64_t assocs[SCTPNL_STATE_MAX + 1][MX_STYLES];
	uint64_t paths[MX_PATH_STATES];
	uint64_t stats[SCTPNL_STATS_A_MAX + 1];
	uint64_t eps[MX_STYLES];
	uint64_t eps_listening;
	size_t per_assocs;		/* associations given series */
	size_t skipped;			/* matched, beyond filter->max */
	struct mx_buf per[PER_MAX];
};

/* ------------------------------------------------------------------ */
/* Per-association series                                              */
/* ------------------------------------------------------------------ */

static int addr_eq(const struct sctpnl_addr *a, const struct sctpnl_addr *b)
{
	if (a->family != b->family)
		return 0;
	if (a->family == AF_INET)
		return a->v4.s_addr == b->v4.s_addr;
	if (a->family == AF_INET6)
		return !memcmp(&a->v6, &b->v6, sizeof(a->v6));
	return 0;
}

static int filter_match(const struct mx_filter *f, const struct sctpnl_assoc *a)
{
	unsigned int i;
	int hit;

	if (!f || !f->enabled)
		return 0;
	if ((f->set & MX_F_LPORT) && a->local_port != f->lport)
		return 0;
	if ((f->set & MX_F_PPORT) && a->peer_port != f->pport)
		return 0;
	if (f->set & MX_F_IDS) {
		for (i = 0, hit = 0; i < f->n_ids && !hit; i++)
			hit = f->ids[i] == a->assoc_id;
		if (!hit)
			return 0;
	}
	if (f->set & MX_F_LADDR) {
		for (i = 0, hit = 0; i < a->n_laddrs && !hit; i++)
			hit = addr_eq(&a->laddrs[i], &f->laddr);
		if (!hit)
			return 0;
	}
	if (f->set & MX_F_PADDR) {
		for (i = 0, hit = 0; i < a->n_paths && !hit; i++)
			hit = addr_eq(&a->paths[i].info.address, &f->paddr);
		if (!hit)
			return 0;
	}
	return 1;
}

/* The association's labels: id, the first local address, the primary. */
static void assoc_labels(const struct sctpnl_assoc *a, char *buf, size_t len)
{
	char la[SCTPNL_ADDRSTRLEN] = "", pa[SCTPNL_ADDRSTRLEN] = "";
	const struct sctpnl_addr *l = NULL, *p = NULL;

	if (SCTPNL_HAS(a, SCTPNL_A_LOCAL))
		l = &a->local;
	else if (a->n_laddrs)
		l = &a->laddrs[0];
	if (SCTPNL_HAS(a, SCTPNL_A_PEER))
		p = &a->peer;
	else if (a->primary_path >= 0)
		p = &a->paths[a->primary_path].info.address;
	if (l)
		sctpnl_addr_ntop(l, la, sizeof(la));
	if (p)
		sctpnl_addr_ntop(p, pa, sizeof(pa));
	snprintf(buf, len, "assoc_id=\"%u\",local_addr=\"%s\",local_port=\"%u\","
		 "peer_addr=\"%s\",peer_port=\"%u\"", a->assoc_id, la,
		 a->local_port, pa, a->peer_port);
}

static void per_sample(struct scrape *s, int fam, const char *labels,
		       const char *extra, const char *fmt_value)
{
	mx_printf(&s->per[fam], "%s%s{%s%s} %s\n", per_fam[fam].name,
		  sfx(per_fam[fam].type), labels, extra ? extra : "",
		  fmt_value);
}

static void per_u64(struct scrape *s, int fam, const char *labels,
		    uint64_t v)
{
	char val[24];

	snprintf(val, sizeof(val), "%" PRIu64, v);
	per_sample(s, fam, labels, NULL, val);
}

static void per_ms(struct scrape *s, int fam, const char *labels,
		   uint32_t ms)
{
	char val[24];

	snprintf(val, sizeof(val), "%u.%03u", ms / 1000, ms % 1000);
	per_sample(s, fam, labels, NULL, val);
}

static void per_path(struct scrape *s, const char *alabels,
		     const struct sctpnl_path *p)
{
	char addr[SCTPNL_ADDRSTRLEN], labels[512], extra[96];
	const struct sctpnl_paddrinfo *pi = &p->info;

	sctpnl_addr_ntop(&pi->address, addr, sizeof(addr));
	snprintf(labels, sizeof(labels), "%s,path_addr=\"%s\"", alabels, addr);
	snprintf(extra, sizeof(extra), ",state=\"%s\",primary=\"%s\"",
		 sctpnl_path_state_name(pi->state),
		 p->primary ? "true" : "false");
	per_sample(s, PP_INFO, labels, extra, "1");
	if (p->present & (1u << SCTPNL_PADDR_A_SRTT))
		per_ms(s, PP_SRTT, labels, p->srtt);
	if (p->present & (1u << SCTPNL_PADDR_A_RTTVAR))
		per_ms(s, PP_RTTVAR, labels, p->rttvar);
	if (SCTPNL_ISSET(pi, SCTPNL_PADDRINFO_RTO))
		per_ms(s, PP_RTO, labels, pi->rto);
	if (SCTPNL_ISSET(pi, SCTPNL_PADDRINFO_CWND))
		per_u64(s, PP_CWND, labels, pi->cwnd);
	if (p->present & (1u << SCTPNL_PADDR_A_SSTHRESH))
		per_u64(s, PP_SSTHRESH, labels, p->ssthresh);
	if (p->present & (1u << SCTPNL_PADDR_A_FLIGHT_SIZE))
		per_u64(s, PP_FLIGHT, labels, p->flight_size);
	if (p->present & (1u << SCTPNL_PADDR_A_ERROR_COUNT))
		per_u64(s, PP_ERRORS, labels, p->error_count);
	if (SCTPNL_ISSET(pi, SCTPNL_PADDRINFO_MTU))
		per_u64(s, PP_MTU, labels, pi->mtu);
	if (p->present & (1u << SCTPNL_PADDR_A_LAST_HEARD))
		per_ms(s, PP_LAST_HEARD, labels, p->last_heard);
}

static void per_assoc(struct scrape *s, const struct sctpnl_assoc *a)
{
	const struct sctpnl_status *st = &a->status;
	char labels[384], extra[128];
	unsigned int i;

	assoc_labels(a, labels, sizeof(labels));
	snprintf(extra, sizeof(extra), ",state=\"%s\",style=\"%s\"",
		 sctpnl_state_name(st->state), sctpnl_style_name(a->style));
	per_sample(s, PA_INFO, labels, extra, "1");
	if (SCTPNL_ISSET(st, SCTPNL_STATUS_RWND))
		per_u64(s, PA_PEER_RWND, labels, st->rwnd);
	if (SCTPNL_ISSET(st, SCTPNL_STATUS_UNACKDATA))
		per_u64(s, PA_UNACKED, labels, st->unackdata);
	if (SCTPNL_ISSET(st, SCTPNL_STATUS_PENDDATA))
		per_u64(s, PA_PENDING, labels, st->penddata);
	if (a->stats.present & (1u << SCTPNL_STATS_A_RTXCHUNKS))
		per_u64(s, PA_RTX, labels, a->stats.rtxchunks);
	per_u64(s, PA_PATHS, labels, a->n_paths_total);
	for (i = 0; i < a->n_paths; i++)
		per_path(s, labels, &a->paths[i]);
}

/* ------------------------------------------------------------------ */
/* The dump                                                            */
/* ------------------------------------------------------------------ */

/* The counter of struct sctpnl_assoc_stats an SCTPNL_STATS_A_* names. */
static uint64_t stat_of(const struct sctpnl_assoc_stats *st, unsigned int attr)
{
	switch (attr) {
	case SCTPNL_STATS_A_RTXCHUNKS:		return st->rtxchunks;
	case SCTPNL_STATS_A_GAPCNT:		return st->gapcnt;
	case SCTPNL_STATS_A_OUTOFSEQTSNS:	return st->outofseqtsns;
	case SCTPNL_STATS_A_OSACKS:		return st->osacks;
	case SCTPNL_STATS_A_ISACKS:		return st->isacks;
	case SCTPNL_STATS_A_OCTRLCHUNKS:	return st->octrlchunks;
	case SCTPNL_STATS_A_ICTRLCHUNKS:	return st->ictrlchunks;
	case SCTPNL_STATS_A_OODCHUNKS:		return st->oodchunks;
	case SCTPNL_STATS_A_IODCHUNKS:		return st->iodchunks;
	case SCTPNL_STATS_A_OUODCHUNKS:		return st->ouodchunks;
	case SCTPNL_STATS_A_IUODCHUNKS:		return st->iuodchunks;
	case SCTPNL_STATS_A_IDUPCHUNKS:		return st->idupchunks;
	case SCTPNL_STATS_A_OPACKETS:		return st->opackets;
	case SCTPNL_STATS_A_IPACKETS:		return st->ipackets;
	}
	return 0;
}

static int assoc_cb(const struct sctpnl_assoc *a, void *arg)
{
	struct scrape *s = arg;
	const struct mx_filter *f = s->o->filter;
	unsigned int i;

	if (SCTPNL_ISSET(&a->status, SCTPNL_STATUS_STATE) &&
	    a->status.state <= SCTPNL_STATE_MAX && a->style &&
	    a->style < MX_STYLES)
		s->assocs[a->status.state][a->style]++;
	for (i = 0; i < a->n_paths; i++)
		if (a->paths[i].info.state < MX_PATH_STATES)
			s->paths[a->paths[i].info.state]++;
	for (i = SCTPNL_STATS_A_RTXCHUNKS; i <= SCTPNL_STATS_A_IPACKETS; i++)
		if (a->stats.present & (1u << i))
			s->stats[i] += stat_of(&a->stats, i);

	if (!filter_match(f, a))
		return 0;
	if (f->max && s->per_assocs >= f->max) {
		s->skipped++;
		return 0;
	}
	s->per_assocs++;
	per_assoc(s, a);
	return 0;
}

static int ep_cb(const struct sctpnl_ep *e, void *arg)
{
	struct scrape *s = arg;

	if (e->style < MX_STYLES)
		s->eps[e->style]++;
	if (e->listening)
		s->eps_listening++;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Writing it out                                                      */
/* ------------------------------------------------------------------ */

static void put_namespace(struct mx_buf *b, unsigned int fl,
			  const struct scrape *s)
{
	static const char *const path_state[MX_PATH_STATES] = {
		"inactive", "pf", "active", "unconfirmed",
	};
	static const struct {
		int attr;
		const char *name;
		const char *labels;
		const char *help;
	} sums[] = {
		{ SCTPNL_STATS_A_RTXCHUNKS, "sctpnl_assocs_retransmitted_chunks",
		  "", "Retransmitted DATA chunks, summed over the current associations (sas_rtxchunks)." },
		{ SCTPNL_STATS_A_GAPCNT, "sctpnl_assocs_gap_acks",
		  "", "SACKs received with gap ack blocks, summed over the current associations (sas_gapcnt)." },
		{ SCTPNL_STATS_A_OUTOFSEQTSNS, "sctpnl_assocs_out_of_order_tsns",
		  "", "TSNs received out of order, summed over the current associations (sas_outofseqtsns)." },
		{ SCTPNL_STATS_A_OSACKS, "sctpnl_assocs_sacks",
		  "direction=\"out\"", "SACKs sent (out) and received (in), summed over the current associations (sas_osacks, sas_isacks)." },
		{ SCTPNL_STATS_A_ISACKS, NULL, "direction=\"in\"", NULL },
		{ SCTPNL_STATS_A_OCTRLCHUNKS, "sctpnl_assocs_control_chunks",
		  "direction=\"out\"", "Control chunks sent and received, summed over the current associations (sas_octrlchunks, sas_ictrlchunks)." },
		{ SCTPNL_STATS_A_ICTRLCHUNKS, NULL, "direction=\"in\"", NULL },
		{ SCTPNL_STATS_A_OODCHUNKS, "sctpnl_assocs_data_chunks",
		  "direction=\"out\",order=\"ordered\"", "DATA chunks sent and received, ordered and unordered, summed over the current associations (sas_o/iodchunks, sas_o/iuodchunks)." },
		{ SCTPNL_STATS_A_IODCHUNKS, NULL,
		  "direction=\"in\",order=\"ordered\"", NULL },
		{ SCTPNL_STATS_A_OUODCHUNKS, NULL,
		  "direction=\"out\",order=\"unordered\"", NULL },
		{ SCTPNL_STATS_A_IUODCHUNKS, NULL,
		  "direction=\"in\",order=\"unordered\"", NULL },
		{ SCTPNL_STATS_A_IDUPCHUNKS, "sctpnl_assocs_duplicate_chunks",
		  "", "Duplicate DATA chunks received, summed over the current associations (sas_idupchunks)." },
		{ SCTPNL_STATS_A_OPACKETS, "sctpnl_assocs_packets",
		  "direction=\"out\"", "SCTP packets sent and received, summed over the current associations (sas_opackets, sas_ipackets)." },
		{ SCTPNL_STATS_A_IPACKETS, NULL, "direction=\"in\"", NULL },
	};
	const char *name = NULL;
	unsigned int i, j;

	family(b, fl, "sctpnl_associations", MX_GAUGE,
	       "Associations by state and socket style.");
	for (i = SCTPNL_STATE_CLOSED; i <= SCTPNL_STATE_MAX; i++)
		for (j = SCTPNL_STYLE_ONE_TO_ONE; j < MX_STYLES; j++)
			mx_printf(b, "sctpnl_associations{state=\"%s\","
				  "style=\"%s\"} %" PRIu64 "\n",
				  sctpnl_state_name(i), sctpnl_style_name(j),
				  s->assocs[i][j]);

	family(b, fl, "sctpnl_paths", MX_GAUGE,
	       "Peer paths of all associations by state (up to 16 per association).");
	for (i = 0; i < MX_PATH_STATES; i++)
		mx_printf(b, "sctpnl_paths{state=\"%s\"} %" PRIu64 "\n",
			  path_state[i], s->paths[i]);

	family(b, fl, "sctpnl_endpoints", MX_GAUGE,
	       "SCTP sockets (listening or owning associations) by style.");
	for (j = SCTPNL_STYLE_ONE_TO_ONE; j < MX_STYLES; j++)
		mx_printf(b, "sctpnl_endpoints{style=\"%s\"} %" PRIu64 "\n",
			  sctpnl_style_name(j), s->eps[j]);
	family(b, fl, "sctpnl_endpoints_listening", MX_GAUGE,
	       "SCTP sockets listening.");
	mx_printf(b, "sctpnl_endpoints_listening %" PRIu64 "\n",
		  s->eps_listening);

	/*
	 * Sums over the associations that exist now drop when associations
	 * end: gauges, not counters, or rate() would take every drop for a
	 * reset.  The MIB below has the namespace's true counters.
	 */
	for (i = 0; i < sizeof(sums) / sizeof(sums[0]); i++) {
		if (sums[i].name) {
			name = sums[i].name;
			family(b, fl, name, MX_GAUGE, sums[i].help);
		}
		mx_printf(b, "%s%s%s%s %" PRIu64 "\n", name,
			  *sums[i].labels ? "{" : "", sums[i].labels,
			  *sums[i].labels ? "}" : "", s->stats[sums[i].attr]);
	}
}

static void put_mib(struct mx_buf *b, unsigned int fl,
		    const struct sctpnl_snmp *m)
{
	unsigned int i;

	family(b, fl, "sctpnl_snmp_current_established", MX_GAUGE,
	       "Associations in ESTABLISHED, SHUTDOWN-PENDING or SHUTDOWN-RECEIVED (SctpCurrEstab).");
	mx_printf(b, "sctpnl_snmp_current_established %" PRIu64 "\n",
		  m->v[SCTPNL_SNMP_A_CURR_ESTAB]);
	for (i = 0; i < sizeof(mib) / sizeof(mib[0]); i++) {
		char name[96];

		if (!((m->present >> mib[i].attr) & 1))
			continue;
		snprintf(name, sizeof(name), "sctpnl_snmp_%s", mib[i].name);
		family(b, fl, name, MX_COUNTER, mib[i].help);
		mx_printf(b, "%s_total %" PRIu64 "\n", name,
			  m->v[mib[i].attr]);
	}
}

static void put_events(struct mx_buf *b, unsigned int fl,
		       const struct mx_events *e)
{
	unsigned int i;

	family(b, fl, "sctpnl_exporter_events_subscribed", MX_GAUGE,
	       "1 if the exporter receives the events multicast group (needs CAP_NET_ADMIN).");
	mx_printf(b, "sctpnl_exporter_events_subscribed %d\n", !!e->subscribed);
	family(b, fl, "sctpnl_events_assoc_change", MX_COUNTER,
	       "SCTP_ASSOC_CHANGE notifications by state, since the exporter started.");
	for (i = 0; i < MX_ASSOC_CHANGE_STATES; i++)
		mx_printf(b, "sctpnl_events_assoc_change_total{state=\"%s\"} "
			  "%" PRIu64 "\n", sctpnl_assoc_change_atom(i),
			  e->assoc_change[i]);
	family(b, fl, "sctpnl_events_paddr_change", MX_COUNTER,
	       "SCTP_PEER_ADDR_CHANGE notifications by state, since the exporter started.");
	for (i = 0; i < MX_PADDR_CHANGE_STATES; i++)
		mx_printf(b, "sctpnl_events_paddr_change_total{state=\"%s\"} "
			  "%" PRIu64 "\n", sctpnl_paddr_change_atom(i),
			  e->paddr_change[i]);
	family(b, fl, "sctpnl_events_send_failed", MX_COUNTER,
	       "SCTP_SEND_FAILED notifications, since the exporter started.");
	mx_printf(b, "sctpnl_events_send_failed_total %" PRIu64 "\n",
		  e->send_failed);
	family(b, fl, "sctpnl_events_remote_error", MX_COUNTER,
	       "SCTP_REMOTE_ERROR notifications, since the exporter started.");
	mx_printf(b, "sctpnl_events_remote_error_total %" PRIu64 "\n",
		  e->remote_error);
	family(b, fl, "sctpnl_events_shutdown", MX_COUNTER,
	       "SCTP_SHUTDOWN_EVENT notifications, since the exporter started.");
	mx_printf(b, "sctpnl_events_shutdown_total %" PRIu64 "\n",
		  e->shutdown);
	family(b, fl, "sctpnl_events_other", MX_COUNTER,
	       "Adaptation, partial delivery and unknown notifications, since the exporter started.");
	mx_printf(b, "sctpnl_events_other_total %" PRIu64 "\n", e->other);
	family(b, fl, "sctpnl_events_lost", MX_COUNTER,
	       "Events the module could not build or send, seen by the exporter (SCTPNL_A_LOST increase).");
	mx_printf(b, "sctpnl_events_lost_total %" PRIu64 "\n", e->kernel_lost);
	family(b, fl, "sctpnl_exporter_event_overruns", MX_COUNTER,
	       "Receive buffer overruns of the exporter's event socket (each lost an unknown number of events).");
	mx_printf(b, "sctpnl_exporter_event_overruns_total %" PRIu64 "\n",
		  e->overruns);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int mx_collect(struct sctpnl *h, const struct mx_opts *o, struct mx_buf *out)
{
	const struct mx_filter *f = o->filter;
	unsigned int fl = o->flags;
	struct sctpnl_filter df = { 0 };
	struct sctpnl_snmp mibv;
	struct scrape *s;
	double t0 = now_s();
	int err, i;

	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->o = o;
	/* Path details only when someone will see them: they cost. */
	df.info = SCTPNL_INFO_BRIEF | SCTPNL_INFO_STATS;
	if (f && f->enabled)
		df.info |= SCTPNL_INFO_PATHS;
	SCTPNL_SETF(&df, SCTPNL_FILTER_INFO);

	err = sctpnl_assoc_dump(h, &df, assoc_cb, s);
	if (!err)
		err = sctpnl_ep_dump(h, NULL, ep_cb, s);
	if (!err)
		err = sctpnl_snmp_get(h, &mibv);
	if (err)
		goto out;

	put_namespace(out, fl, s);
	put_mib(out, fl, &mibv);
	if (o->events)
		put_events(out, fl, o->events);
	for (i = 0; i < PER_MAX; i++) {
		if (!s->per[i].len)
			continue;
		family(out, fl, per_fam[i].name, per_fam[i].type,
		       per_fam[i].help);
		mx_append(out, s->per[i].p, s->per[i].len);
	}
	if (f && f->enabled) {
		family(out, fl, "sctpnl_exporter_assocs_exported", MX_GAUGE,
		       "Associations given per-association series by the filter.");
		mx_printf(out, "sctpnl_exporter_assocs_exported %zu\n",
			  s->per_assocs);
		family(out, fl, "sctpnl_exporter_assocs_skipped", MX_GAUGE,
		       "Associations that matched the filter beyond its maximum, without series.");
		mx_printf(out, "sctpnl_exporter_assocs_skipped %zu\n",
			  s->skipped);
	}
	family(out, fl, "sctpnl_exporter_scrape_duration_seconds", MX_GAUGE,
	       "Time this scrape took to dump and format the namespace.");
	mx_printf(out, "sctpnl_exporter_scrape_duration_seconds %.6f\n",
		  now_s() - t0);
	if (fl & MX_OPENMETRICS)
		mx_append(out, "# EOF\n", 6);
	err = out->err;
	for (i = 0; i < PER_MAX; i++)
		if (s->per[i].err)
			err = s->per[i].err;
out:
	for (i = 0; i < PER_MAX; i++)
		mx_buf_free(&s->per[i]);
	free(s);
	return err;
}
