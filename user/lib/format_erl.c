// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Erlang terms: records as erl reads them with
 * -include_lib("kernel/include/inet_sctp.hrl"), e.g.
 * #sctp_rtoinfo{assoc_id = 5,initial = 3000,max = 60000,min = 1000}
 */
#include <errno.h>
#include <arpa/inet.h>

#include "internal.h"
#include "fields.h"

static void erl_ip(struct snl_obuf *o, const struct sctpnl_addr *a)
{
	const uint8_t *b;
	int i;

	snl_ob_c(o, '{');
	if (a->family == AF_INET) {
		b = (const uint8_t *)&a->v4;
		for (i = 0; i < 4; i++) {
			if (i)
				snl_ob_c(o, ',');
			snl_ob_u(o, b[i]);
		}
	} else {
		b = a->v6.s6_addr;
		for (i = 0; i < 8; i++) {
			if (i)
				snl_ob_c(o, ',');
			snl_ob_u(o, b[2 * i] << 8 | b[2 * i + 1]);
		}
	}
	snl_ob_c(o, '}');
}

static void erl_addr(struct snl_obuf *o, const struct sctpnl_addr *a)
{
	if (a->family != AF_INET && a->family != AF_INET6) {
		snl_ob_s(o, "undefined");
		return;
	}
	snl_ob_c(o, '{');
	erl_ip(o, a);
	snl_ob_c(o, ',');
	snl_ob_u(o, a->port);
	snl_ob_c(o, '}');
}

/* What was written, to f: 0 or -EIO. */
static int erl_done(struct snl_obuf *o)
{
	snl_ob_flush(o);
	return ferror(o->f) ? -EIO : 0;
}

int sctpnl_fprint_erl_addr(FILE *f, const struct sctpnl_addr *a)
{
	struct snl_obuf o = { .f = f };

	erl_addr(&o, a);
	return erl_done(&o);
}

static void erl_flags(struct snl_obuf *o, const struct snl_names *t, uint64_t mask)
{
	unsigned int b;
	int first = 1;

	snl_ob_c(o, '[');
	for (b = 0; b < t->n; b++) {
		if (!(mask & (1ull << b)) || !t->v[b])
			continue;
		if (!first)
			snl_ob_c(o, ',');
		snl_ob_s(o, t->v[b]);
		first = 0;
	}
	snl_ob_c(o, ']');
}

static void erl_bin(struct snl_obuf *o, const uint8_t *d, size_t len)
{
	size_t k;

	snl_ob_s(o, "<<");
	for (k = 0; d && k < len; k++) {
		if (k)
			snl_ob_c(o, ',');
		snl_ob_u(o, d[k]);
	}
	snl_ob_s(o, ">>");
}

static void erl_rec(struct snl_obuf *o, const struct snl_desc *d, const void *rec);

static void erl_value(struct snl_obuf *o, const struct snl_desc *d,
		      const struct snl_row *r, const void *rec)
{
	const void *p = snl_at(rec, r);

	if (!snl_row_isset(d, rec, r)) {
		snl_ob_s(o, "undefined");
		return;
	}
	switch (r->type) {
	case SNL_F_UINT:
		snl_ob_u(o, snl_row_erl_u(rec, r));
		break;
	case SNL_F_ATOM:
		snl_ob_s(o, snl_row_atom(rec, r, 0));
		break;
	case SNL_F_BOOL:
		snl_ob_s(o, snl_row_u(rec, r) ? "true" : "false");
		break;
	case SNL_F_ADDR:
		erl_addr(o, p);
		break;
	case SNL_F_FLAGS:
		erl_flags(o, r->names, snl_row_u(rec, r));
		break;
	case SNL_F_REC:
		erl_rec(o, r->rec, p);
		break;
	case SNL_F_BIN:
		erl_bin(o, *(const uint8_t *const *)p,
			*(const size_t *)((const char *)rec + r->len_off));
		break;
	}
}

static void erl_rec(struct snl_obuf *o, const struct snl_desc *d, const void *rec)
{
	const struct snl_row *r;
	int first = 1;

	snl_ob_c(o, '#');
	snl_ob_s(o, d->name);
	snl_ob_c(o, '{');
	for (r = d->rows; r < d->rows + d->n; r++) {
		if (!r->name)
			continue;
		if (!first)
			snl_ob_c(o, ',');
		first = 0;
		snl_ob_s(o, r->name);
		snl_ob_s(o, " = ");
		erl_value(o, d, r, rec);
	}
	snl_ob_c(o, '}');
}

int sctpnl_fprint_erl(FILE *f, enum sctpnl_rec which, const void *rec)
{
	const struct snl_desc *d = snl_desc_of(which);
	struct snl_obuf o = { .f = f };

	if (!d)
		return -EINVAL;
	erl_rec(&o, d, rec);
	return erl_done(&o);
}

static void term(struct snl_obuf *o, enum sctpnl_rec which, const void *rec)
{
	erl_rec(o, snl_desc_of(which), rec);
	snl_ob_s(o, ".\n");
}

int sctpnl_fprint_erl_assoc(FILE *f, const struct sctpnl_assoc *a)
{
	struct snl_obuf ob = { .f = f }, *o = &ob;
	union snl_rec_buf r;
	unsigned int i;

	if (!sctpnl_status_from_assoc(a, &r.status))
		term(o, SCTPNL_REC_STATUS, &r.status);
	for (i = 0; i < a->n_paths; i++) {
		if (!sctpnl_paddrinfo_from_assoc(a, i, &r.pi))
			term(o, SCTPNL_REC_PADDRINFO, &r.pi);
		if (!sctpnl_paddrparams_from_assoc(a, i, &r.pp))
			term(o, SCTPNL_REC_PADDRPARAMS, &r.pp);
	}
	if (!sctpnl_rtoinfo_from_assoc(a, &r.rto))
		term(o, SCTPNL_REC_RTOINFO, &r.rto);
	if (!sctpnl_assocparams_from_assoc(a, &r.ap))
		term(o, SCTPNL_REC_ASSOCPARAMS, &r.ap);
	if (!sctpnl_initmsg_from_assoc(a, &r.im))
		term(o, SCTPNL_REC_INITMSG, &r.im);
	if (!sctpnl_delayed_ack_from_assoc(a, &r.av))
		term(o, SCTPNL_REC_ASSOC_VALUE, &r.av);
	if (!sctpnl_sndrcvinfo_from_assoc(a, &r.sri))
		term(o, SCTPNL_REC_SNDRCVINFO, &r.sri);
	if (!sctpnl_events_from_assoc(a, &r.ev))
		term(o, SCTPNL_REC_EVENT_SUBSCRIBE, &r.ev);
	if (!sctpnl_setadaptation_from_assoc(a, &r.ad))
		term(o, SCTPNL_REC_SETADAPTATION, &r.ad);
	if (!sctpnl_prim_from_assoc(a, &r.prim))
		term(o, SCTPNL_REC_PRIM, &r.prim);
	return erl_done(o);
}
