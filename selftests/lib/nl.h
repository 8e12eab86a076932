/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A raw generic netlink client for the selftests: it builds exactly the
 * bytes a test wants (including malformed ones), so it deliberately does
 * not go through libsctpnl.
 */
#ifndef SCTPNL_SELFTEST_NL_H
#define SCTPNL_SELFTEST_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <linux/netlink.h>
#include <linux/genetlink.h>

#define NLT_BUFSZ	(64 * 1024)

struct nlt {
	int fd;
	uint16_t family;	/* resolved id of "sctpnl", 0 if absent */
	uint32_t seq;
	uint32_t mcgrp_events;
	uint32_t mcgrp_probe;
	uint32_t version;
	char *buf;		/* message under construction */
	size_t len;
	int nest[16];
	int depth;
	char extack[256];	/* last error's extack message */
	int extack_off;		/* NLMSGERR_ATTR_OFFS, -1 if none */
};

struct nlt *nlt_open(void);
void nlt_close(struct nlt *n);
/* Resolve a family by name; returns its id or 0. */
uint16_t nlt_resolve(struct nlt *n, const char *name);

/* Message building: start, attributes, nests. */
void nlt_msg(struct nlt *n, uint16_t type, uint16_t flags, uint8_t cmd,
	     uint8_t version);
void nlt_put(struct nlt *n, uint16_t type, const void *data, size_t len);
void nlt_put_u8(struct nlt *n, uint16_t type, uint8_t v);
void nlt_put_u16(struct nlt *n, uint16_t type, uint16_t v);
void nlt_put_u32(struct nlt *n, uint16_t type, uint32_t v);
void nlt_put_u64(struct nlt *n, uint16_t type, uint64_t v);
void nlt_put_str(struct nlt *n, uint16_t type, const char *s);
void nlt_nest(struct nlt *n, uint16_t type);
void nlt_nest_end(struct nlt *n);
/* Put an address nest (sctpnl_addr_attrs) from "a.b.c.d" or an IPv6. */
void nlt_put_addr(struct nlt *n, uint16_t type, const char *ip, int port);

/*
 * Send the message; for each reply message call @cb (may be NULL).
 * Returns 0 or the negative errno of the final ack, with n->extack set.
 */
typedef int (*nlt_cb)(const struct nlmsghdr *nlh, void *arg);
int nlt_send(struct nlt *n, nlt_cb cb, void *arg);
/* Send raw bytes as they are (the fuzzer's entry). */
int nlt_send_raw(struct nlt *n, const void *msg, size_t len, nlt_cb cb,
		 void *arg);

/* Attribute access on a received generic netlink message. */
struct nlattr *nlt_attr(const struct nlmsghdr *nlh, uint16_t type);
/* The next top-level attribute @type after @prev (NULL: the first). */
struct nlattr *nlt_attr_next(const struct nlmsghdr *nlh,
			     const struct nlattr *prev, uint16_t type);
struct nlattr *nlt_nested(const struct nlattr *nest, uint16_t type);
#define nlt_for_each(pos, nest)						\
	for (pos = (struct nlattr *)((char *)(nest) + NLA_HDRLEN);	\
	     (char *)pos + NLA_HDRLEN <= (char *)(nest) + (nest)->nla_len && \
	     pos->nla_len >= NLA_HDRLEN;				\
	     pos = (struct nlattr *)((char *)pos + NLA_ALIGN(pos->nla_len)))
#define nlt_data(a)	((void *)((char *)(a) + NLA_HDRLEN))
uint64_t nlt_uint(const struct nlattr *a);
/* Format an address nest as "ip" or "ip:port" into @buf. */
const char *nlt_addr_str(const struct nlattr *nest, char *buf, size_t len);

#endif
