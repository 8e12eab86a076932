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

static void erl_addr(FILE *f, const struct sctpnl_addr *a)
{
	const uint8_t *b;
	int i;

	snl_puts(f, "{{");
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
	snl_puts(f, "},");
	snl_putu(f, a->port);
	snl_putc(f, '}');
}

static int erl_rec(FILE *f, enum sctpnl_rec which, const void *rec)
{
	struct snl_field fl[SNL_MAX_FIELDS];
	const char *name = sctpnl_rec_name(which);
	int n, i, err;

	if (!name)
		return -EINVAL;
	n = snl_rec_fields(which, rec, fl);
	if (n < 0)
		return n;
	snl_putc(f, '#');
	snl_puts(f, name);
	snl_putc(f, '{');
	for (i = 0; i < n; i++) {
		const struct snl_field *x = &fl[i];

		if (i)
			snl_putc(f, ',');
		snl_puts(f, x->name);
		snl_puts(f, " = ");
		switch (x->type) {
		case SNL_F_UNDEF:
			snl_puts(f, "undefined");
			break;
		case SNL_F_UINT:
			snl_putu(f, snl_field_erl_uint(x));
			break;
		case SNL_F_ATOM:
			snl_puts(f, x->s);
			break;
		case SNL_F_BOOL:
			snl_puts(f, x->u ? "true" : "false");
			break;
		case SNL_F_ADDR:
			erl_addr(f, x->addr);
			break;
		case SNL_F_FLAGS: {
			unsigned int b;
			int first = 1;

			snl_putc(f, '[');
			for (b = 0; b < x->n_names; b++) {
				if (!(x->u & (1ull << b)) || !x->names[b])
					continue;
				if (!first)
					snl_putc(f, ',');
				snl_puts(f, x->names[b]);
				first = 0;
			}
			snl_putc(f, ']');
			break;
		}
		case SNL_F_REC:
			err = erl_rec(f, x->rec, x->ptr);
			if (err)
				return err;
			break;
		case SNL_F_BIN: {
			const uint8_t *d = x->ptr;
			uint64_t k;

			snl_puts(f, "<<");
			for (k = 0; k < x->u; k++) {
				if (k)
					snl_putc(f, ',');
				snl_putu(f, d[k]);
			}
			snl_puts(f, ">>");
			break;
		}
		}
	}
	snl_putc(f, '}');
	return 0;
}

int sctpnl_fprint_erl(FILE *f, enum sctpnl_rec which, const void *rec)
{
	int err = erl_rec(f, which, rec);

	if (!err && ferror(f))
		err = -EIO;
	return err;
}

static int term(FILE *f, enum sctpnl_rec which, const void *rec)
{
	int err = erl_rec(f, which, rec);

	if (!err)
		snl_puts(f, ".\n");
	return err;
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
