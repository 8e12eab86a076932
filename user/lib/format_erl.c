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

static void erl_ip(FILE *f, const struct sctpnl_addr *a)
{
	const uint8_t *b;
	int i;

	snl_putc(f, '{');
	if (a->family == AF_INET) {
		b = (const uint8_t *)&a->v4;
		for (i = 0; i < 4; i++) {
			if (i)
				snl_putc(f, ',');
			snl_putu(f, b[i]);
		}
	} else {
		b = a->v6.s6_addr;
		for (i = 0; i < 8; i++) {
			if (i)
				snl_putc(f, ',');
			snl_putu(f, b[2 * i] << 8 | b[2 * i + 1]);
		}
	}
	snl_putc(f, '}');
}

int sctpnl_fprint_erl_addr(FILE *f, const struct sctpnl_addr *a)
{
	if (a->family != AF_INET && a->family != AF_INET6) {
		snl_puts(f, "undefined");
	} else {
		snl_putc(f, '{');
		erl_ip(f, a);
		snl_putc(f, ',');
		snl_putu(f, a->port);
		snl_putc(f, '}');
	}
	return ferror(f) ? -EIO : 0;
}

static void erl_flags(FILE *f, const struct snl_names *t, uint64_t mask)
{
	unsigned int b;
	int first = 1;

	snl_putc(f, '[');
	for (b = 0; b < t->n; b++) {
		if (!(mask & (1ull << b)) || !t->v[b])
			continue;
		if (!first)
			snl_putc(f, ',');
		snl_puts(f, t->v[b]);
		first = 0;
	}
	snl_putc(f, ']');
}

static void erl_bin(FILE *f, const uint8_t *d, size_t len)
{
	size_t k;

	snl_puts(f, "<<");
	for (k = 0; d && k < len; k++) {
		if (k)
			snl_putc(f, ',');
		snl_putu(f, d[k]);
	}
	snl_puts(f, ">>");
}

static void erl_rec(FILE *f, const struct snl_desc *d, const void *rec);

static void erl_value(FILE *f, const struct snl_desc *d,
		      const struct snl_row *r, const void *rec)
{
	const void *p = snl_at(rec, r);

	if (!snl_row_isset(d, rec, r)) {
		snl_puts(f, "undefined");
		return;
	}
	switch (r->type) {
	case SNL_F_UINT:
		snl_putu(f, snl_row_erl_u(rec, r));
		break;
	case SNL_F_ATOM:
		snl_puts(f, snl_row_atom(rec, r, 0));
		break;
	case SNL_F_BOOL:
		snl_puts(f, snl_row_u(rec, r) ? "true" : "false");
		break;
	case SNL_F_ADDR:
		sctpnl_fprint_erl_addr(f, p);
		break;
	case SNL_F_FLAGS:
		erl_flags(f, r->names, snl_row_u(rec, r));
		break;
	case SNL_F_REC:
		erl_rec(f, r->rec, p);
		break;
	case SNL_F_BIN:
		erl_bin(f, *(const uint8_t *const *)p,
			*(const size_t *)((const char *)rec + r->len_off));
		break;
	}
}

static void erl_rec(FILE *f, const struct snl_desc *d, const void *rec)
{
	const struct snl_row *r;
	int first = 1;

	snl_putc(f, '#');
	snl_puts(f, d->name);
	snl_putc(f, '{');
	for (r = d->rows; r < d->rows + d->n; r++) {
		if (!r->name)
			continue;
		if (!first)
			snl_putc(f, ',');
		first = 0;
		snl_puts(f, r->name);
		snl_puts(f, " = ");
		erl_value(f, d, r, rec);
	}
	snl_putc(f, '}');
}

int sctpnl_fprint_erl(FILE *f, enum sctpnl_rec which, const void *rec)
{
	const struct snl_desc *d = snl_desc_of(which);

	if (!d)
		return -EINVAL;
	erl_rec(f, d, rec);
	return ferror(f) ? -EIO : 0;
}

static void term(FILE *f, enum sctpnl_rec which, const void *rec)
{
	erl_rec(f, snl_desc_of(which), rec);
	snl_puts(f, ".\n");
}

int sctpnl_fprint_erl_assoc(FILE *f, const struct sctpnl_assoc *a)
{
	union snl_rec_buf r;
	unsigned int i;

	if (!sctpnl_status_from_assoc(a, &r.status))
		term(f, SCTPNL_REC_STATUS, &r.status);
	for (i = 0; i < a->n_paths; i++) {
		if (!sctpnl_paddrinfo_from_assoc(a, i, &r.pi))
			term(f, SCTPNL_REC_PADDRINFO, &r.pi);
		if (!sctpnl_paddrparams_from_assoc(a, i, &r.pp))
			term(f, SCTPNL_REC_PADDRPARAMS, &r.pp);
	}
	if (!sctpnl_rtoinfo_from_assoc(a, &r.rto))
		term(f, SCTPNL_REC_RTOINFO, &r.rto);
	if (!sctpnl_assocparams_from_assoc(a, &r.ap))
		term(f, SCTPNL_REC_ASSOCPARAMS, &r.ap);
	if (!sctpnl_initmsg_from_assoc(a, &r.im))
		term(f, SCTPNL_REC_INITMSG, &r.im);
	if (!sctpnl_delayed_ack_from_assoc(a, &r.av))
		term(f, SCTPNL_REC_ASSOC_VALUE, &r.av);
	if (!sctpnl_sndrcvinfo_from_assoc(a, &r.sri))
		term(f, SCTPNL_REC_SNDRCVINFO, &r.sri);
	if (!sctpnl_events_from_assoc(a, &r.ev))
		term(f, SCTPNL_REC_EVENT_SUBSCRIBE, &r.ev);
	if (!sctpnl_setadaptation_from_assoc(a, &r.ad))
		term(f, SCTPNL_REC_SETADAPTATION, &r.ad);
	if (!sctpnl_prim_from_assoc(a, &r.prim))
		term(f, SCTPNL_REC_PRIM, &r.prim);
	return ferror(f) ? -EIO : 0;
}
