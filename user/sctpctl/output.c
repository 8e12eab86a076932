// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl output: table (default), JSON (-j), Erlang terms (-f erl).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sctpctl.h"

void out_begin(struct out *o, int list)
{
	o->n = 0;
	o->list = list;
	if (o->fmt != FMT_JSON)
		return;
	o->j = sctpnl_json_new(stdout, o->json_flags);
	if (o->j && list)
		sctpnl_json_begin_array(o->j, NULL);
}

int out_end(struct out *o)
{
	int err = 0;

	if (o->fmt == FMT_JSON && o->j) {
		if (o->list)
			sctpnl_json_end_array(o->j);
		err = sctpnl_json_free(o->j);
		o->j = NULL;
	}
	if (fflush(stdout) || ferror(stdout))
		err = -EIO;
	return err;
}

/*
 * A table row is built in memory and written in one piece: printf() and
 * snprintf() per cell cost several times the row's own work, at tens of
 * thousands of rows.  These put text at d and return its end.
 */
static char *put_n(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
	return d + n;
}

static char *put_u(char *d, unsigned long long v)
{
	char t[20], *e = t + sizeof(t), *p = e;

	do {
		*--p = '0' + v % 10;
		v /= 10;
	} while (v);
	return put_n(d, p, e - p);
}

/* s (n bytes) left-aligned in width columns, as %-*s, and a space. */
static char *put_col(char *d, const char *s, size_t n, size_t width)
{
	d = put_n(d, s, n);
	if (n < width) {
		memset(d, ' ', width - n);
		d += width - n;
	}
	*d++ = ' ';
	return d;
}

static char *put_col_s(char *d, const char *s, size_t width)
{
	return put_col(d, s, strlen(s), width);
}

static char *put_col_u(char *d, unsigned long long v, size_t width)
{
	char t[20];

	return put_col(d, t, put_u(t, v) - t, width);
}

/* "a1,a2:port", IPv6 addresses in brackets, cut to len - 1 as snprintf()
 * would; its length. */
static size_t addr_list(char *buf, size_t len, const struct sctpnl_addr *v,
			  unsigned int n, unsigned int more, uint16_t port)
{
	char all[(SCTPNL_ADDRSTRLEN + 3) * SCTPNL_MAX_PATHS + 32], *d = all;
	unsigned int i;
	size_t k;

	for (i = 0; i < n; i++) {
		if (i)
			*d++ = ',';
		if (v[i].family == AF_INET6)
			*d++ = '[';
		sctpnl_addr_ntop(&v[i], d, SCTPNL_ADDRSTRLEN);
		d += strlen(d);
		if (v[i].family == AF_INET6)
			*d++ = ']';
	}
	if (!n)
		*d++ = '*';
	if (more) {
		d = put_n(d, ",+", 2);
		d = put_u(d, more);
	}
	*d++ = ':';
	d = put_u(d, port);
	k = d - all;
	if (k >= len)
		k = len - 1;
	memcpy(buf, all, k);
	buf[k] = '\0';
	return k;
}

static void assoc_header(const struct out *o)
{
	printf("%-10s %-17s %-8s %-8s %-31s %-31s %-13s %-9s %-6s %-9s %-5s%s\n",
	       "ID", "STATE", "Recv-Q", "Send-Q", "LOCAL", "PEER", "STYLE",
	       "INO", "UID", "RWND", "UNACK", o->procs ? " USERS" : "");
}

static void ep_header(const struct out *o)
{
	printf("%-9s %-6s %-13s %-6s %-6s %-31s%s\n", "INO", "UID",
	       "STYLE", "LISTEN", "ASSOCS", "LOCAL",
	       o->procs ? " USERS" : "");
}

/* A table with no row still gets its header: an empty answer. */
void out_empty_header(struct out *o, int ep)
{
	if (o->fmt != FMT_TABLE || o->n)
		return;
	if (ep)
		ep_header(o);
	else
		assoc_header(o);
}

/* ss -i style: the association's counters on a line of their own. */
static void table_stats(const struct sctpnl_assoc *a)
{
	const struct sctpnl_assoc_stats *s = &a->stats;

	if (!SCTPNL_HAS(a, SCTPNL_A_STATS))
		return;
	printf("\t rtx:%llu gap:%llu ooo_tsn:%llu osack:%llu isack:%llu "
	       "octrl:%llu ictrl:%llu odata:%llu idata:%llu dup:%llu "
	       "opkt:%llu ipkt:%llu max_obs_rto_ms:%llu\n",
	       (unsigned long long)s->rtxchunks,
	       (unsigned long long)s->gapcnt,
	       (unsigned long long)s->outofseqtsns,
	       (unsigned long long)s->osacks,
	       (unsigned long long)s->isacks,
	       (unsigned long long)s->octrlchunks,
	       (unsigned long long)s->ictrlchunks,
	       (unsigned long long)(s->oodchunks + s->ouodchunks),
	       (unsigned long long)(s->iodchunks + s->iuodchunks),
	       (unsigned long long)s->idupchunks,
	       (unsigned long long)s->opackets,
	       (unsigned long long)s->ipackets,
	       (unsigned long long)s->max_obs_rto);
}

/* The row of assoc_header()'s columns, without the users. */
static char *assoc_row(char *d, const struct sctpnl_assoc *a)
{
	struct sctpnl_addr peers[SCTPNL_MAX_PATHS];
	unsigned int i, np = 0;
	char t[512];
	size_t n;

	/* primary path first */
	if (a->primary_path >= 0)
		peers[np++] = a->paths[a->primary_path].info.address;
	for (i = 0; i < a->n_paths; i++)
		if ((int)i != a->primary_path)
			peers[np++] = a->paths[i].info.address;
	d = put_col_u(d, a->assoc_id, 10);
	d = put_col_s(d, sctpnl_state_name(a->status.state), 17);
	d = put_col_u(d, a->rcvq, 8);
	d = put_col_u(d, a->sndq, 8);
	n = addr_list(t, sizeof(t), a->laddrs, a->n_laddrs,
			a->n_laddrs_total - a->n_laddrs, a->local_port);
	d = put_col(d, t, n, 31);
	n = addr_list(t, sizeof(t), peers, np,
			a->n_paths_total - a->n_paths, a->peer_port);
	d = put_col(d, t, n, 31);
	*d++ = '(';
	d = put_col_s(d, sctpnl_style_name(a->style), 11);
	d[-1] = ')';
	*d++ = ' ';
	d = put_col_u(d, a->inode, 9);
	d = put_col_u(d, a->uid, 6);
	d = put_col_u(d, a->status.rwnd, 9);
	d = put_col_u(d, a->status.unackdata, 5);
	return d - 1;	/* no space after the last column */
}

static void table_assoc(const struct out *o, const struct sctpnl_assoc *a,
			unsigned int n)
{
	char line[2048], users[1024], *d;

	if (!n)
		assoc_header(o);
	users[0] = '\0';	/* not an initializer: that zeroes it all */
	if (o->procs)
		procs_users(a->inode, users, sizeof(users));
	d = assoc_row(line, a);
	*d++ = '\n';
	if (users[0]) {
		d[-1] = ' ';
		fwrite(line, 1, d - line, stdout);
		printf("%s\n", users);
	} else {
		fwrite(line, 1, d - line, stdout);
	}
	if (o->stats)
		table_stats(a);
}

/* Client-side filters: the owning process. */
static int wanted(const struct out *o, uint64_t ino)
{
	if (!o->pid && !o->comm)
		return 1;
	return procs_match(ino, o->pid, o->comm);
}

int out_assoc(struct out *o, const struct sctpnl_assoc *a)
{
	int err = 0;

	if (!wanted(o, a->inode) || !filter_match(o->expr, a) ||
	    !family_match(o->family, a))
		return 0;
	switch (o->fmt) {
	case FMT_TABLE:
		table_assoc(o, a, o->n);
		break;
	case FMT_JSON:
		if (!o->procs) {
			err = sctpnl_json_record(o->j, NULL, SCTPNL_REC_ASSOC,
						 a);
			break;
		}
		err = sctpnl_json_record_open(o->j, NULL, SCTPNL_REC_ASSOC, a);
		procs_json(o->j, a->inode);
		sctpnl_json_end_object(o->j);
		break;
	case FMT_ERL:
		err = sctpnl_fprint_erl_assoc(stdout, a);
		break;
	}
	o->n++;
	return err;
}

static void table_path(const struct sctpnl_assoc *a, unsigned int i,
		       int header)
{
	const struct sctpnl_path *p = &a->paths[i];
	char buf[SCTPNL_ADDRSTRLEN];

	if (header)
		printf("%-10s %-40s %-11s %-8s %-9s %-7s %-7s %-6s %-7s %-4s %s\n",
		       "ID", "PEER", "STATE", "PRIMARY", "CWND", "SRTT_MS",
		       "RTO_MS", "MTU", "HB_MS", "PMR", "FLIGHT");
	printf("%-10u %-40s %-11s %-8s %-9u %-7u %-7u %-6u %-7u %-4u %u\n",
	       a->assoc_id,
	       sctpnl_addr_port_ntop(&p->info.address, buf, sizeof(buf)),
	       sctpnl_path_state_name(p->info.state),
	       p->primary ? "yes" : "no", p->info.cwnd, p->srtt,
	       p->info.rto, p->info.mtu, p->params.hbinterval,
	       p->params.pathmaxrxt, p->flight_size);
}

int out_paddrs(struct out *o, const struct sctpnl_assoc *a)
{
	struct sctpnl_paddrinfo pi;
	struct sctpnl_paddrparams pp;
	unsigned int i;

	for (i = 0; i < a->n_paths; i++) {
		sctpnl_paddrinfo_from_assoc(a, i, &pi);
		sctpnl_paddrparams_from_assoc(a, i, &pp);
		switch (o->fmt) {
		case FMT_TABLE:
			table_path(a, i, !o->n && !i);
			break;
		case FMT_JSON:
			sctpnl_json_begin_object(o->j, NULL);
			sctpnl_json_record(o->j, "sctp_paddrinfo",
					   SCTPNL_REC_PADDRINFO, &pi);
			sctpnl_json_record(o->j, "sctp_paddrparams",
					   SCTPNL_REC_PADDRPARAMS, &pp);
			sctpnl_json_end_object(o->j);
			break;
		case FMT_ERL:
			sctpnl_fprint_erl(stdout, SCTPNL_REC_PADDRINFO, &pi);
			fputs(".\n", stdout);
			sctpnl_fprint_erl(stdout, SCTPNL_REC_PADDRPARAMS, &pp);
			fputs(".\n", stdout);
			break;
		}
	}
	if (a->n_paths_total > a->n_paths)
		fprintf(stderr, "sctpctl: %u more paths not shown\n",
			a->n_paths_total - a->n_paths);
	o->n++;
	return 0;
}

int out_status(struct out *o, const struct sctpnl_assoc *a)
{
	struct sctpnl_status s;
	char buf[SCTPNL_ADDRSTRLEN];
	int err;

	err = sctpnl_status_from_assoc(a, &s);
	if (err)
		return err;
	switch (o->fmt) {
	case FMT_TABLE:
		printf("assoc_id %u\n", s.assoc_id);
		printf("state %s\n", sctpnl_state_name(s.state));
		printf("rwnd %u\n", s.rwnd);
		printf("unackdata %u\n", s.unackdata);
		printf("penddata %u\n", s.penddata);
		printf("instrms %u\n", s.instrms);
		printf("outstrms %u\n", s.outstrms);
		printf("fragmentation_point %u\n", s.fragmentation_point);
		/* host order, as the owner's getsockopt and the peer see it */
		if (SCTPNL_HAS(a, SCTPNL_A_ADAPTATION_IND))
			printf("adaptation_ind %u\n", a->adaptation_ind);
		if (SCTPNL_HAS(a, SCTPNL_A_PEER_ADAPTATION_IND))
			printf("peer_adaptation_ind %u\n",
			       a->peer_adaptation_ind);
		if (SCTPNL_ISSET(&s, SCTPNL_STATUS_PRIMARY))
			printf("primary %s state %s cwnd %u srtt_ms %u "
			       "rto_ms %u mtu %u\n",
			       sctpnl_addr_port_ntop(&s.primary.address, buf,
						     sizeof(buf)),
			       sctpnl_path_state_name(s.primary.state),
			       s.primary.cwnd, s.primary.srtt_ms,
			       s.primary.rto, s.primary.mtu);
		break;
	case FMT_JSON:
		err = sctpnl_json_record(o->j, NULL, SCTPNL_REC_STATUS, &s);
		break;
	case FMT_ERL:
		err = sctpnl_fprint_erl(stdout, SCTPNL_REC_STATUS, &s);
		fputs(".\n", stdout);
		break;
	}
	o->n++;
	return err;
}

static void erl_term(enum sctpnl_rec which, const void *rec)
{
	sctpnl_fprint_erl(stdout, which, rec);
	fputs(".\n", stdout);
}

int out_ep(struct out *o, const struct sctpnl_ep *e)
{
	char l[512], users[1024] = "";

	if (!wanted(o, e->inode))
		return 0;
	switch (o->fmt) {
	case FMT_TABLE:
		if (!o->n)
			ep_header(o);
		addr_list(l, sizeof(l), e->laddrs, e->n_laddrs,
			  e->n_laddrs_total - e->n_laddrs, e->port);
		if (o->procs)
			procs_users(e->inode, users, sizeof(users));
		printf("%-9llu %-6u %-13s %-6s %-6u %-31s%s%s\n",
		       (unsigned long long)e->inode, e->uid,
		       sctpnl_style_name(e->style),
		       e->listening ? "yes" : "no", e->assocs, l,
		       users[0] ? " " : "", users);
		break;
	case FMT_JSON:
		if (!o->procs) {
			sctpnl_json_record(o->j, NULL, SCTPNL_REC_EP, e);
			break;
		}
		sctpnl_json_record_open(o->j, NULL, SCTPNL_REC_EP, e);
		procs_json(o->j, e->inode);
		sctpnl_json_end_object(o->j);
		break;
	case FMT_ERL:
		/*
		 * Which socket the records below belong to: a map, since
		 * gen_sctp has no record for it (file:consult/1 reads it).
		 */
		printf("#{sctpnl_ep => %llu,port => %u,uid => %u,"
		       "style => '%s',listening => %s,assocs => %u}.\n",
		       (unsigned long long)e->inode, e->port, e->uid,
		       sctpnl_style_name(e->style),
		       e->listening ? "true" : "false", e->assocs);
		/* endpoint defaults: records without an association */
		if (SCTPNL_HAS(e, SCTPNL_A_INITMSG))
			erl_term(SCTPNL_REC_INITMSG, &e->initmsg);
		if (SCTPNL_HAS(e, SCTPNL_A_RTOINFO))
			erl_term(SCTPNL_REC_RTOINFO, &e->rtoinfo);
		if (SCTPNL_HAS(e, SCTPNL_A_ASSOCINFO))
			erl_term(SCTPNL_REC_ASSOCPARAMS, &e->assocparams);
		if (SCTPNL_HAS(e, SCTPNL_A_PADDRPARAMS))
			erl_term(SCTPNL_REC_PADDRPARAMS, &e->paddrparams);
		if (SCTPNL_HAS(e, SCTPNL_A_EVENTS))
			erl_term(SCTPNL_REC_EVENT_SUBSCRIBE, &e->events);
		break;
	}
	o->n++;
	return 0;
}

int out_snmp(struct out *o, const struct sctpnl_snmp *s)
{
	unsigned int i;

	switch (o->fmt) {
	case FMT_TABLE:
		/*
		 * Exactly the lines of /proc/net/sctp/snmp, which leaves out
		 * SctpT1Retransmits (a MIB slot the stack never counts; JSON
		 * has it).
		 */
		for (i = 0; i <= SCTPNL_SNMP_A_MAX; i++)
			if (sctpnl_snmp_name(i) && (s->present >> i & 1) &&
			    i != SCTPNL_SNMP_A_T1_RETRANSMITS)
				printf("%-32s\t%llu\n", sctpnl_snmp_name(i),
				       (unsigned long long)s->v[i]);
		break;
	case FMT_JSON:
		sctpnl_json_record(o->j, NULL, SCTPNL_REC_SNMP, s);
		break;
	case FMT_ERL:
		return -EOPNOTSUPP;
	}
	o->n++;
	return 0;
}
