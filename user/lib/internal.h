/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libsctpnl internals: not installed, not exported (-fvisibility=hidden,
 * and the version script exports sctpnl_* only).
 */
#ifndef _SCTPNL_INTERNAL_H
#define _SCTPNL_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>

#include "sctpnl.h"

/*
 * Walking received attributes inline: libnl's nla_ok(), nla_next() and
 * nla_type() are calls into the shared library, several per attribute,
 * a good part of decoding an association.  Same checks as nla_ok().
 */
static inline int snl_nla_ok(const struct nlattr *a, int rem)
{
	return rem >= (int)sizeof(*a) && a->nla_len >= sizeof(*a) &&
	       a->nla_len <= rem;
}

static inline int snl_nla_type(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

static inline void *snl_nla_data(const struct nlattr *a)
{
	return (char *)a + NLA_HDRLEN;
}

static inline int snl_nla_len(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

#define snl_for_each_attr(pos, head, len, rem)				\
	for (pos = (head), rem = (len); snl_nla_ok(pos, rem);		\
	     rem -= NLA_ALIGN(pos->nla_len),				\
	     pos = (const struct nlattr *)((const char *)pos +		\
					   NLA_ALIGN(pos->nla_len)))

#define snl_for_each_nested(pos, nest, rem)				\
	snl_for_each_attr(pos, (const struct nlattr *)snl_nla_data(nest), \
			  snl_nla_len(nest), rem)

/* An integer attribute of "sz" bytes into an lvalue, or return
 * -EBADMSG (snl_nla_uint() in codec.c reads it). */
#define SNL_GET(a, sz, lval)						\
	do {								\
		uint64_t v_;						\
		if (snl_nla_uint(a, sz, &v_))				\
			return -EBADMSG;				\
		(lval) = v_;						\
	} while (0)

/*
 * Output of the record writers.  A listing of 20,000 associations writes
 * millions of small pieces: integers without printf, and no stdio call
 * per piece (its FILE lock and bookkeeping cost several times more than
 * the piece).  The writers fill a buffer of their own, handed to stdio
 * in one piece (snl_ob_flush()) at the end of each public call, so that
 * a caller may write to the stream between calls: an association is one
 * fwrite.  A stream is written by one thread at a time, as every writer
 * here assumes.
 */
#define SNL_OBUF	8192

struct snl_obuf {
	FILE *f;
	size_t len;
	char buf[SNL_OBUF];
};

static inline void snl_ob_flush(struct snl_obuf *o)
{
	if (o->len)
		fwrite_unlocked(o->buf, 1, o->len, o->f);
	o->len = 0;
}

static inline void snl_ob_n(struct snl_obuf *o, const char *p, size_t n)
{
	char *d;

	if (o->len + n > SNL_OBUF) {
		snl_ob_flush(o);
		if (n > SNL_OBUF) {
			fwrite_unlocked(p, 1, n, o->f);
			return;
		}
	}
	d = o->buf + o->len;
	o->len += n;
	memcpy(d, p, n);
}

static inline void snl_ob_c(struct snl_obuf *o, char c)
{
	if (o->len == SNL_OBUF)
		snl_ob_flush(o);
	o->buf[o->len++] = c;
}

static inline void snl_ob_s(struct snl_obuf *o, const char *s)
{
	snl_ob_n(o, s, strlen(s));
}

/* The digits straight into the buffer: no copy (a short copy loop would
 * become a call to memcpy()). */
static inline void snl_ob_u(struct snl_obuf *o, uint64_t v)
{
	unsigned int n = 1;
	uint64_t t = v;
	char *d;

	while (t >= 10) {
		t /= 10;
		n++;
	}
	if (o->len + n > SNL_OBUF)
		snl_ob_flush(o);
	o->len += n;
	d = o->buf + o->len;
	do {
		*--d = '0' + v % 10;
		v /= 10;
	} while (v);
}

#define SNL_ERRMSG_LEN	256

struct sctpnl {
	struct nl_sock *sk;
	int family;
	int version;
	char errmsg[SNL_ERRMSG_LEN];
	struct {			/* per-request scratch, reused */
		struct sctpnl_assoc assoc;
	} buf;
};

/* codec.c: attributes -> structs, by the tables of fields.c */
int snl_decode_assoc(const struct nlattr *attrs, int len,
		     struct sctpnl_assoc *a);
int snl_decode_ep(const struct nlattr *attrs, int len, struct sctpnl_ep *ep);
int snl_decode_snmp(const struct nlattr *attrs, int len,
		    struct sctpnl_snmp *s);
int snl_decode_addr(const struct nlattr *nest, struct sctpnl_addr *addr);
int snl_nla_uint(const struct nlattr *a, unsigned int size, uint64_t *v);

/* codec.c: structs -> attributes (requests) */
int snl_put_addr(struct nl_msg *msg, int type, const struct sctpnl_addr *a,
		 int with_port);
int snl_put_filter(struct nl_msg *msg, const struct sctpnl_filter *f);
int snl_put_key(struct nl_msg *msg, const struct sctpnl_key *k);

/* nl.c */
int snl_nle_to_errno(int nle);
/* A request of command cmd; snl_do() sends it and waits for the ack. */
struct nl_msg *snl_new_req(struct sctpnl *h, uint8_t cmd, int flags);
int snl_do(struct sctpnl *h, struct nl_msg *msg);

#define SNL_ARRAY_SIZE(x)	(sizeof(x) / sizeof((x)[0]))

#endif /* _SCTPNL_INTERNAL_H */
