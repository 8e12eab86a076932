/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A record as a list of typed fields (fields.c), rendered by the Erlang
 * and JSON formatters.
 */
#ifndef _SCTPNL_FIELDS_H
#define _SCTPNL_FIELDS_H

#include <arpa/inet.h>
#include "sctpnl.h"

enum snl_ftype {
	SNL_F_UNDEF,		/* Erlang undefined, JSON null */
	SNL_F_UINT,
	SNL_F_ATOM,		/* Erlang atom, JSON string */
	SNL_F_BOOL,
	SNL_F_ADDR,		/* {IP, Port} / {"addr":..,"port":..} */
	SNL_F_FLAGS,		/* list of the names of the bits set */
	SNL_F_REC,		/* nested record */
	SNL_F_BIN,		/* binary / hex string */
};

/* The largest record, #sctp_event_subscribe{}, has 9 fields. */
#define SNL_MAX_FIELDS	12

struct snl_field {
	const char *name;
	enum snl_ftype type;
	uint64_t u;			/* UINT, BOOL, FLAGS mask, BIN len */
	const char *s;			/* ATOM */
	const char *js;			/* ATOM: JSON text if not s */
	const struct sctpnl_addr *addr;	/* ADDR */
	const char *const *names;	/* FLAGS: name of bit i */
	unsigned int n_names;
	enum sctpnl_rec rec;		/* REC */
	const void *ptr;		/* REC, BIN */
	unsigned int erl_ntohl:1;	/* UINT: Erlang shows ntohl(u) (OTP) */
	const char *jname;		/* JSON: this key and value instead */
	enum snl_ftype jtype;		/* (UINT or UNDEF) */
	uint64_t ju;
};

/* A UINT field's value as Erlang shows it (see erl_ntohl). */
static inline uint64_t snl_field_erl_uint(const struct snl_field *f)
{
	return f->erl_ntohl ? ntohl((uint32_t)f->u) : f->u;
}

/* Room for any one of an association's records, built one at a time. */
union snl_rec_buf {
	struct sctpnl_status status;
	struct sctpnl_paddrinfo pi;
	struct sctpnl_paddrparams pp;
	struct sctpnl_rtoinfo rto;
	struct sctpnl_assocparams ap;
	struct sctpnl_initmsg im;
	struct sctpnl_assoc_value av;
	struct sctpnl_sndrcvinfo sri;
	struct sctpnl_event_subscribe ev;
	struct sctpnl_setadaptation ad;
	struct sctpnl_prim prim;
};

/* Fill out[] (SNL_MAX_FIELDS) with rec's fields: count or -EINVAL. */
int snl_rec_fields(enum sctpnl_rec which, const void *rec,
		   struct snl_field *out);

#endif /* _SCTPNL_FIELDS_H */
