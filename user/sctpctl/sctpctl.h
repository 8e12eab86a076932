/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SCTPCTL_H
#define _SCTPCTL_H

#include <sctpnl.h>

enum out_fmt {
	FMT_TABLE,
	FMT_JSON,
	FMT_ERL,
};

struct out {
	enum out_fmt fmt;
	unsigned int json_flags;
	struct sctpnl_json *j;		/* FMT_JSON, when an array is open */
	unsigned int n;			/* objects printed */
	int list;
};

/* output.c */
/* list: a JSON array of objects (else one object) */
void out_begin(struct out *o, int list);
int out_end(struct out *o);
int out_assoc(struct out *o, const struct sctpnl_assoc *a);
int out_status(struct out *o, const struct sctpnl_assoc *a);
int out_paddrs(struct out *o, const struct sctpnl_assoc *a);
int out_ep(struct out *o, const struct sctpnl_ep *e);
int out_snmp(struct out *o, const struct sctpnl_snmp *s);

#endif /* _SCTPCTL_H */
