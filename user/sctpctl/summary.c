// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl summary: one screen about the namespace's SCTP, like ss -s.
 * One association dump (brief + stats), one endpoint dump, the MIB.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sctpctl.h"

#define N_STYLES	(SCTPNL_STYLE_PEELED + 1)

struct summary {
	uint64_t assocs;
	uint64_t by_state[SCTPNL_STATE_MAX + 1];
	uint64_t by_style[N_STYLES];
	uint64_t rtxchunks;		/* sum of the associations' */
	uint64_t eps, listening;
};

static int sum_assoc(const struct sctpnl_assoc *a, void *arg)
{
	struct summary *s = arg;

	s->assocs++;
	if (a->status.state <= SCTPNL_STATE_MAX)
		s->by_state[a->status.state]++;
	if (a->style < N_STYLES)
		s->by_style[a->style]++;
	s->rtxchunks += a->stats.rtxchunks;
	return 0;
}

static int sum_ep(const struct sctpnl_ep *e, void *arg)
{
	struct summary *s = arg;

	s->eps++;
	s->listening += !!e->listening;
	return 0;
}

static uint64_t mib(const struct sctpnl_snmp *m, int i)
{
	return (m->present >> i & 1) ? m->v[i] : 0;
}

static void table(const struct summary *s, const struct sctpnl_snmp *m)
{
	const char *sep = "";
	unsigned int i;

	printf("Associations: %llu (", (unsigned long long)s->assocs);
	for (i = 0; i <= SCTPNL_STATE_MAX; i++) {
		if (!s->by_state[i])
			continue;
		printf("%s%s %llu", sep, sctpnl_state_name(i),
		       (unsigned long long)s->by_state[i]);
		sep = ", ";
	}
	printf(")\n  one-to-one %llu, one-to-many %llu, peeled %llu\n",
	       (unsigned long long)s->by_style[SCTPNL_STYLE_ONE_TO_ONE],
	       (unsigned long long)s->by_style[SCTPNL_STYLE_ONE_TO_MANY],
	       (unsigned long long)s->by_style[SCTPNL_STYLE_PEELED]);
	printf("Endpoints: %llu (listening %llu)\n",
	       (unsigned long long)s->eps, (unsigned long long)s->listening);
	printf("Retransmitted chunks (current associations): %llu\n",
	       (unsigned long long)s->rtxchunks);
	printf("Since boot (MIB): established %llu active, %llu passive; "
	       "aborted %llu, shut down %llu; current %llu\n",
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_ACTIVE_ESTABS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_PASSIVE_ESTABS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_ABORTEDS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_SHUTDOWNS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_CURR_ESTAB));
	printf("  retransmissions: T3 %llu, fast %llu, PMTUD %llu; "
	       "T3-rtx timeouts %llu; out of the blue %llu\n",
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_T3_RETRANSMITS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_FAST_RETRANSMITS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_PMTUD_RETRANSMITS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_T3_RTX_EXPIREDS),
	       (unsigned long long)mib(m, SCTPNL_SNMP_A_OUT_OF_BLUES));
}

static void json(struct out *o, const struct summary *s,
		 const struct sctpnl_snmp *m)
{
	struct sctpnl_json *j = o->j;
	unsigned int i;

	sctpnl_json_begin_object(j, NULL);
	sctpnl_json_begin_object(j, "associations");
	sctpnl_json_uint(j, "total", s->assocs);
	sctpnl_json_begin_object(j, "by_state");
	for (i = 0; i <= SCTPNL_STATE_MAX; i++)
		if (s->by_state[i])
			sctpnl_json_uint(j, sctpnl_state_name(i),
					 s->by_state[i]);
	sctpnl_json_end_object(j);
	sctpnl_json_begin_object(j, "by_style");
	for (i = SCTPNL_STYLE_ONE_TO_ONE; i < N_STYLES; i++)
		sctpnl_json_uint(j, sctpnl_style_name(i), s->by_style[i]);
	sctpnl_json_end_object(j);
	sctpnl_json_uint(j, "rtxchunks", s->rtxchunks);
	sctpnl_json_end_object(j);
	sctpnl_json_begin_object(j, "endpoints");
	sctpnl_json_uint(j, "total", s->eps);
	sctpnl_json_uint(j, "listening", s->listening);
	sctpnl_json_end_object(j);
	sctpnl_json_record(j, "snmp", SCTPNL_REC_SNMP, m);
	sctpnl_json_end_object(j);
}

int cmd_summary(struct out *o, int argc, char **argv)
{
	struct summary s;
	struct sctpnl_snmp m;
	struct sctpnl_filter f;
	int err;

	if (argc)
		return bad_arg("summary: unexpected \"%s\"", argv[0]);
	if (o->fmt == FMT_ERL)
		return bad_arg("%s: no Erlang form", "summary");
	if (open_handle())
		return 1;
	memset(&s, 0, sizeof(s));
	memset(&f, 0, sizeof(f));
	f.info = SCTPNL_INFO_BRIEF | SCTPNL_INFO_STATS;
	SCTPNL_SETF(&f, SCTPNL_FILTER_INFO);
	err = sctpnl_assoc_dump(cli_handle(), &f, sum_assoc, &s);
	if (err)
		return fail(err, "association dump");
	err = sctpnl_ep_dump(cli_handle(), NULL, sum_ep, &s);
	if (err)
		return fail(err, "endpoint dump");
	err = sctpnl_snmp_get(cli_handle(), &m);
	if (err)
		return fail(err, "snmp");
	out_begin(o, 0);
	if (o->fmt == FMT_JSON)
		json(o, &s, &m);
	else
		table(&s, &m);
	return out_end(o) ? fail(EIO, "stdout") : 0;
}
