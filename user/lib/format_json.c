// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A small streaming JSON writer and the JSON form of the records: keys
 * are the record field names, atoms strings, unset fields null, addresses
 * {"addr":"10.0.0.1","port":5000}.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "fields.h"

#define JSON_MAX_DEPTH	32

struct sctpnl_json {
	FILE *f;
	unsigned int flags;
	int depth;
	unsigned int count[JSON_MAX_DEPTH + 1];
};

struct sctpnl_json *sctpnl_json_new(FILE *f, unsigned int flags)
{
	struct sctpnl_json *j = calloc(1, sizeof(*j));

	if (j) {
		j->f = f;
		j->flags = flags;
	}
	return j;
}

int sctpnl_json_free(struct sctpnl_json *j)
{
	int err;

	if (!j)
		return 0;
	snl_putc(j->f, '\n');
	err = ferror(j->f) ? -EIO : 0;
	free(j);
	return err;
}

static void indent(struct sctpnl_json *j)
{
	int i;

	snl_putc(j->f, '\n');
	for (i = 0; i < j->depth; i++)
		snl_puts(j->f, "  ");
}

static const char *escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	}
	return NULL;
}

/* Runs of plain characters go out whole; the rest escaped. */
static void put_str(FILE *f, const char *s)
{
	const char *run = s, *esc;
	unsigned char c;

	snl_putc(f, '"');
	for (; (c = *s); s++) {
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite_unlocked(run, 1, s - run, f);
		run = s + 1;
		esc = escape(c);
		if (esc)
			snl_puts(f, esc);
		else
			fprintf(f, "\\u%04x", c);
	}
	fwrite_unlocked(run, 1, s - run, f);
	snl_putc(f, '"');
}

/* Keys are field names, almost never in need of escaping. */
static void put_key(FILE *f, const char *key)
{
	const unsigned char *p;

	for (p = (const unsigned char *)key; *p; p++)
		if (*p < 0x20 || *p == '"' || *p == '\\') {
			put_str(f, key);
			return;
		}
	snl_putc(f, '"');
	snl_puts(f, key);
	snl_putc(f, '"');
}

/* Separator, indentation and key before a value. */
static void pre(struct sctpnl_json *j, const char *key)
{
	if (j->count[j->depth]++)
		snl_putc(j->f, ',');
	if ((j->flags & SCTPNL_JSON_PRETTY) && j->depth)
		indent(j);
	if (key) {
		put_key(j->f, key);
		snl_puts(j->f, j->flags & SCTPNL_JSON_PRETTY ? ": " : ":");
	}
}

static void open_c(struct sctpnl_json *j, const char *key, char c)
{
	pre(j, key);
	snl_putc(j->f, c);
	if (j->depth < JSON_MAX_DEPTH)
		j->depth++;
	j->count[j->depth] = 0;
}

static void close_c(struct sctpnl_json *j, char c)
{
	unsigned int n = j->count[j->depth];

	if (j->depth > 0)
		j->depth--;
	if ((j->flags & SCTPNL_JSON_PRETTY) && n)
		indent(j);
	snl_putc(j->f, c);
}

void sctpnl_json_begin_object(struct sctpnl_json *j, const char *key)
{
	open_c(j, key, '{');
}

void sctpnl_json_end_object(struct sctpnl_json *j)
{
	close_c(j, '}');
}

void sctpnl_json_begin_array(struct sctpnl_json *j, const char *key)
{
	open_c(j, key, '[');
}

void sctpnl_json_end_array(struct sctpnl_json *j)
{
	close_c(j, ']');
}

void sctpnl_json_string(struct sctpnl_json *j, const char *key,
			const char *s)
{
	pre(j, key);
	put_str(j->f, s);
}

void sctpnl_json_uint(struct sctpnl_json *j, const char *key, uint64_t v)
{
	pre(j, key);
	snl_putu(j->f, v);
}

void sctpnl_json_int(struct sctpnl_json *j, const char *key, int64_t v)
{
	pre(j, key);
	if (v < 0) {
		snl_putc(j->f, '-');
		snl_putu(j->f, -(uint64_t)v);
	} else {
		snl_putu(j->f, v);
	}
}

void sctpnl_json_bool(struct sctpnl_json *j, const char *key, int v)
{
	pre(j, key);
	snl_puts(j->f, v ? "true" : "false");
}

void sctpnl_json_null(struct sctpnl_json *j, const char *key)
{
	pre(j, key);
	snl_puts(j->f, "null");
}

void sctpnl_json_addr(struct sctpnl_json *j, const char *key,
		      const struct sctpnl_addr *a)
{
	char buf[SCTPNL_ADDRSTRLEN];

	if (a->family != AF_INET && a->family != AF_INET6) {
		sctpnl_json_null(j, key);
		return;
	}
	sctpnl_json_begin_object(j, key);
	sctpnl_json_string(j, "addr", sctpnl_addr_ntop(a, buf, sizeof(buf)));
	sctpnl_json_uint(j, "port", a->port);
	sctpnl_json_end_object(j);
}

static int json_fields(struct sctpnl_json *j, const char *key,
		       enum sctpnl_rec which, const void *rec)
{
	struct snl_field fl[SNL_MAX_FIELDS];
	int n, i, err;

	n = snl_rec_fields(which, rec, fl);
	if (n < 0)
		return n;
	sctpnl_json_begin_object(j, key);
	for (i = 0; i < n; i++) {
		const struct snl_field *x = &fl[i];

		if (x->jname) {
			if (x->jtype == SNL_F_UINT)
				sctpnl_json_uint(j, x->jname, x->ju);
			else
				sctpnl_json_null(j, x->jname);
			continue;
		}
		switch (x->type) {
		case SNL_F_UNDEF:
			sctpnl_json_null(j, x->name);
			break;
		case SNL_F_UINT:
			sctpnl_json_uint(j, x->name, x->u);
			break;
		case SNL_F_ATOM:
			sctpnl_json_string(j, x->name, x->js ? x->js : x->s);
			break;
		case SNL_F_BOOL:
			sctpnl_json_bool(j, x->name, x->u);
			break;
		case SNL_F_ADDR:
			sctpnl_json_addr(j, x->name, x->addr);
			break;
		case SNL_F_FLAGS: {
			unsigned int b;

			sctpnl_json_begin_array(j, x->name);
			for (b = 0; b < x->n_names; b++)
				if ((x->u & (1ull << b)) && x->names[b])
					sctpnl_json_string(j, NULL,
							   x->names[b]);
			sctpnl_json_end_array(j);
			break;
		}
		case SNL_F_REC:
			err = json_fields(j, x->name, x->rec, x->ptr);
			if (err)
				return err;
			break;
		case SNL_F_BIN: {
			const uint8_t *d = x->ptr;
			char *hex = malloc(2 * x->u + 1);
			uint64_t k;

			if (!hex)
				return -ENOMEM;
			for (k = 0; k < x->u; k++)
				sprintf(hex + 2 * k, "%02x", d[k]);
			hex[2 * x->u] = '\0';
			sctpnl_json_string(j, x->name, hex);
			free(hex);
			break;
		}
		}
	}
	sctpnl_json_end_object(j);
	return 0;
}

static const char *family_name(unsigned int family)
{
	return family == AF_INET ? "inet" :
	       family == AF_INET6 ? "inet6" : "unspec";
}

static void json_laddrs(struct sctpnl_json *j, const struct sctpnl_addr *v,
			unsigned int n, unsigned int total)
{
	char buf[SCTPNL_ADDRSTRLEN];
	unsigned int i;

	sctpnl_json_begin_array(j, "local_addrs");
	for (i = 0; i < n; i++)
		sctpnl_json_string(j, NULL,
				   sctpnl_addr_ntop(&v[i], buf, sizeof(buf)));
	sctpnl_json_end_array(j);
	if (total > n)
		sctpnl_json_uint(j, "local_addrs_total", total);
}

static void json_sock(struct sctpnl_json *j, const struct sctpnl_assoc *a)
{
	if (SCTPNL_HAS(a, SCTPNL_A_SK_INODE))
		sctpnl_json_uint(j, "inode", a->inode);
	if (SCTPNL_HAS(a, SCTPNL_A_SK_UID))
		sctpnl_json_uint(j, "uid", a->uid);
	if (SCTPNL_HAS(a, SCTPNL_A_SK_STYLE))
		sctpnl_json_string(j, "style", sctpnl_style_name(a->style));
	if (SCTPNL_HAS(a, SCTPNL_A_SK_FAMILY))
		sctpnl_json_string(j, "sk_family", family_name(a->sk_family));
	if (SCTPNL_HAS(a, SCTPNL_A_SK_V4MAPPED))
		sctpnl_json_bool(j, "v4mapped", a->v4mapped);
}

/* Socket options common to associations and endpoints. */
#define JSON_U(j, obj, attr, name, field)				\
	do {								\
		if (SCTPNL_HAS(obj, attr))				\
			sctpnl_json_uint(j, name, (obj)->field);	\
	} while (0)
#define JSON_B(j, obj, attr, name, field)				\
	do {								\
		if (SCTPNL_HAS(obj, attr))				\
			sctpnl_json_bool(j, name, (obj)->field);	\
	} while (0)

static void json_stats(struct sctpnl_json *j,
		       const struct sctpnl_assoc_stats *s)
{
	sctpnl_json_begin_object(j, "stats");
	sctpnl_json_uint(j, "rtxchunks", s->rtxchunks);
	sctpnl_json_uint(j, "gapcnt", s->gapcnt);
	sctpnl_json_uint(j, "outofseqtsns", s->outofseqtsns);
	sctpnl_json_uint(j, "osacks", s->osacks);
	sctpnl_json_uint(j, "isacks", s->isacks);
	sctpnl_json_uint(j, "octrlchunks", s->octrlchunks);
	sctpnl_json_uint(j, "ictrlchunks", s->ictrlchunks);
	sctpnl_json_uint(j, "oodchunks", s->oodchunks);
	sctpnl_json_uint(j, "iodchunks", s->iodchunks);
	sctpnl_json_uint(j, "ouodchunks", s->ouodchunks);
	sctpnl_json_uint(j, "iuodchunks", s->iuodchunks);
	sctpnl_json_uint(j, "idupchunks", s->idupchunks);
	sctpnl_json_uint(j, "opackets", s->opackets);
	sctpnl_json_uint(j, "ipackets", s->ipackets);
	sctpnl_json_uint(j, "max_obs_rto", s->max_obs_rto);
	sctpnl_json_addr(j, "max_obs_rto_addr", &s->max_obs_rto_addr);
	sctpnl_json_end_object(j);
}

static int json_assoc(struct sctpnl_json *j, const char *key, int open,
		      const struct sctpnl_assoc *a)
{
	union snl_rec_buf r;
	unsigned int i;

	sctpnl_json_begin_object(j, key);
	sctpnl_json_uint(j, "assoc_id", a->assoc_id);
	json_sock(j, a);
	JSON_U(j, a, SCTPNL_A_LOCAL_PORT, "local_port", local_port);
	JSON_U(j, a, SCTPNL_A_PEER_PORT, "peer_port", peer_port);
	if (SCTPNL_HAS(a, SCTPNL_A_LOCAL_ADDRS))
		json_laddrs(j, a->laddrs, a->n_laddrs, a->n_laddrs_total);
	if (!sctpnl_status_from_assoc(a, &r.status))
		json_fields(j, "sctp_status", SCTPNL_REC_STATUS, &r.status);
	if (SCTPNL_HAS(a, SCTPNL_A_PADDRS)) {
		sctpnl_json_begin_array(j, "paths");
		for (i = 0; i < a->n_paths; i++) {
			const struct sctpnl_path *p = &a->paths[i];

			sctpnl_json_begin_object(j, NULL);
			sctpnl_paddrinfo_from_assoc(a, i, &r.pi);
			json_fields(j, "sctp_paddrinfo", SCTPNL_REC_PADDRINFO,
				    &r.pi);
			sctpnl_paddrparams_from_assoc(a, i, &r.pp);
			json_fields(j, "sctp_paddrparams",
				    SCTPNL_REC_PADDRPARAMS, &r.pp);
			sctpnl_json_bool(j, "primary", p->primary);
			sctpnl_json_uint(j, "srtt_ms", p->srtt);
			sctpnl_json_uint(j, "rttvar", p->rttvar);
			sctpnl_json_uint(j, "ssthresh", p->ssthresh);
			sctpnl_json_uint(j, "flight_size", p->flight_size);
			sctpnl_json_uint(j, "partial_bytes_acked",
					 p->partial_bytes_acked);
			sctpnl_json_uint(j, "error_count", p->error_count);
			sctpnl_json_uint(j, "pf_retrans", p->pf_retrans);
			sctpnl_json_uint(j, "last_heard", p->last_heard);
			sctpnl_json_end_object(j);
		}
		sctpnl_json_end_array(j);
		if (a->n_paths_total > a->n_paths)
			sctpnl_json_uint(j, "paths_total", a->n_paths_total);
	}
	if (!sctpnl_rtoinfo_from_assoc(a, &r.rto))
		json_fields(j, "sctp_rtoinfo", SCTPNL_REC_RTOINFO, &r.rto);
	if (!sctpnl_assocparams_from_assoc(a, &r.ap))
		json_fields(j, "sctp_assocparams", SCTPNL_REC_ASSOCPARAMS,
			    &r.ap);
	if (!sctpnl_initmsg_from_assoc(a, &r.im))
		json_fields(j, "sctp_initmsg", SCTPNL_REC_INITMSG, &r.im);
	if (SCTPNL_HAS(a, SCTPNL_A_DELAYED_ACK)) {
		sctpnl_json_begin_object(j, "delayed_ack");
		sctpnl_json_uint(j, "sack_delay", a->sack_delay);
		sctpnl_json_uint(j, "sack_freq", a->sack_freq);
		sctpnl_json_end_object(j);
	}
	if (!sctpnl_sndrcvinfo_from_assoc(a, &r.sri))
		json_fields(j, "sctp_sndrcvinfo", SCTPNL_REC_SNDRCVINFO,
			    &r.sri);
	if (SCTPNL_HAS(a, SCTPNL_A_EVENTS)) {
		/* the kernel's view, authentication_event included */
		json_fields(j, "sctp_event_subscribe",
			    SCTPNL_REC_EVENT_SUBSCRIBE, &a->events);
		sctpnl_json_bool(j, "sender_dry_event", a->sender_dry_event);
	}
	if (SCTPNL_HAS(a, SCTPNL_A_STATS))
		json_stats(j, &a->stats);
	JSON_U(j, a, SCTPNL_A_MAXSEG, "maxseg", maxseg);
	JSON_B(j, a, SCTPNL_A_NODELAY, "nodelay", nodelay);
	JSON_U(j, a, SCTPNL_A_AUTOCLOSE, "autoclose", autoclose);
	JSON_B(j, a, SCTPNL_A_DISABLE_FRAGMENTS, "disable_fragments",
	       disable_fragments);
	JSON_U(j, a, SCTPNL_A_ADAPTATION_IND, "adaptation_ind",
	       adaptation_ind);
	JSON_U(j, a, SCTPNL_A_PEER_ADAPTATION_IND, "peer_adaptation_ind",
	       peer_adaptation_ind);
	JSON_U(j, a, SCTPNL_A_LOCAL_VTAG, "local_vtag", local_vtag);
	JSON_U(j, a, SCTPNL_A_PEER_VTAG, "peer_vtag", peer_vtag);
	JSON_U(j, a, SCTPNL_A_SNDQ, "sndq", sndq);
	JSON_U(j, a, SCTPNL_A_RCVQ, "rcvq", rcvq);
	JSON_U(j, a, SCTPNL_A_LOCAL_RWND, "local_rwnd", local_rwnd);
	if (!open)
		sctpnl_json_end_object(j);
	return 0;
}

static int json_ep(struct sctpnl_json *j, const char *key, int open,
		   const struct sctpnl_ep *e)
{
	sctpnl_json_begin_object(j, key);
	if (SCTPNL_HAS(e, SCTPNL_A_SK_INODE))
		sctpnl_json_uint(j, "inode", e->inode);
	JSON_U(j, e, SCTPNL_A_SK_UID, "uid", uid);
	if (SCTPNL_HAS(e, SCTPNL_A_SK_STYLE))
		sctpnl_json_string(j, "style", sctpnl_style_name(e->style));
	if (SCTPNL_HAS(e, SCTPNL_A_SK_FAMILY))
		sctpnl_json_string(j, "sk_family", family_name(e->sk_family));
	JSON_B(j, e, SCTPNL_A_SK_V4MAPPED, "v4mapped", v4mapped);
	JSON_U(j, e, SCTPNL_A_LOCAL_PORT, "port", port);
	if (SCTPNL_HAS(e, SCTPNL_A_LOCAL_ADDRS))
		json_laddrs(j, e->laddrs, e->n_laddrs, e->n_laddrs_total);
	JSON_U(j, e, SCTPNL_A_EP_ASSOCS, "assocs", assocs);
	JSON_B(j, e, SCTPNL_A_EP_LISTENING, "listening", listening);
	if (SCTPNL_HAS(e, SCTPNL_A_INITMSG))
		json_fields(j, "sctp_initmsg", SCTPNL_REC_INITMSG, &e->initmsg);
	if (SCTPNL_HAS(e, SCTPNL_A_RTOINFO))
		json_fields(j, "sctp_rtoinfo", SCTPNL_REC_RTOINFO, &e->rtoinfo);
	if (SCTPNL_HAS(e, SCTPNL_A_ASSOCINFO))
		json_fields(j, "sctp_assocparams", SCTPNL_REC_ASSOCPARAMS,
			    &e->assocparams);
	if (SCTPNL_HAS(e, SCTPNL_A_PADDRPARAMS))
		json_fields(j, "sctp_paddrparams", SCTPNL_REC_PADDRPARAMS,
			    &e->paddrparams);
	if (SCTPNL_HAS(e, SCTPNL_A_EVENTS)) {
		json_fields(j, "sctp_event_subscribe",
			    SCTPNL_REC_EVENT_SUBSCRIBE, &e->events);
		sctpnl_json_bool(j, "sender_dry_event", e->sender_dry_event);
	}
	JSON_U(j, e, SCTPNL_A_MAXSEG, "maxseg", maxseg);
	JSON_B(j, e, SCTPNL_A_NODELAY, "nodelay", nodelay);
	JSON_U(j, e, SCTPNL_A_AUTOCLOSE, "autoclose", autoclose);
	JSON_B(j, e, SCTPNL_A_DISABLE_FRAGMENTS, "disable_fragments",
	       disable_fragments);
	JSON_U(j, e, SCTPNL_A_ADAPTATION_IND, "adaptation_ind",
	       adaptation_ind);
	if (!open)
		sctpnl_json_end_object(j);
	return 0;
}

static int json_snmp(struct sctpnl_json *j, const char *key,
		     const struct sctpnl_snmp *s)
{
	unsigned int i;

	sctpnl_json_begin_object(j, key);
	for (i = 0; i <= SCTPNL_SNMP_A_MAX; i++)
		if (sctpnl_snmp_name(i) && (s->present >> i & 1))
			sctpnl_json_uint(j, sctpnl_snmp_name(i), s->v[i]);
	sctpnl_json_end_object(j);
	return 0;
}

int sctpnl_json_record(struct sctpnl_json *j, const char *key,
		       enum sctpnl_rec which, const void *rec)
{
	switch (which) {
	case SCTPNL_REC_ASSOC:
		return json_assoc(j, key, 0, rec);
	case SCTPNL_REC_EP:
		return json_ep(j, key, 0, rec);
	case SCTPNL_REC_SNMP:
		return json_snmp(j, key, rec);
	default:
		return json_fields(j, key, which, rec);
	}
}

int sctpnl_json_record_open(struct sctpnl_json *j, const char *key,
			    enum sctpnl_rec which, const void *rec)
{
	switch (which) {
	case SCTPNL_REC_ASSOC:
		return json_assoc(j, key, 1, rec);
	case SCTPNL_REC_EP:
		return json_ep(j, key, 1, rec);
	default:
		return -EINVAL;
	}
}

int sctpnl_fprint_json(FILE *f, enum sctpnl_rec which, const void *rec,
		       unsigned int flags)
{
	struct sctpnl_json *j = sctpnl_json_new(f, flags);
	int err, err2;

	if (!j)
		return -ENOMEM;
	err = sctpnl_json_record(j, NULL, which, rec);
	err2 = sctpnl_json_free(j);
	return err ? err : err2;
}
