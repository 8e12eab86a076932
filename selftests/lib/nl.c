// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

struct nlt *nlt_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nlt *n = calloc(1, sizeof(*n));
	int one = 1;

	if (!n)
		return NULL;
	n->buf = calloc(1, NLT_BUFSZ);
	n->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (!n->buf || n->fd < 0 ||
	    bind(n->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		free(n->buf);
		free(n);
		return NULL;
	}
	setsockopt(n->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(n->fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	n->seq = 1;
	n->family = nlt_resolve(n, SCTPNL_FAMILY_NAME);
	return n;
}

void nlt_close(struct nlt *n)
{
	if (!n)
		return;
	close(n->fd);
	free(n->buf);
	free(n);
}

void nlt_msg(struct nlt *n, uint16_t type, uint16_t flags, uint8_t cmd,
	     uint8_t version)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)n->buf;
	struct genlmsghdr *g;

	memset(n->buf, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++n->seq;
	g = (struct genlmsghdr *)(n->buf + NLMSG_HDRLEN);
	g->cmd = cmd;
	g->version = version;
	n->len = NLMSG_HDRLEN + GENL_HDRLEN;
	n->depth = 0;
}

void nlt_put(struct nlt *n, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(n->buf + n->len);

	if (n->len + NLA_HDRLEN + NLA_ALIGN(len) > NLT_BUFSZ)
		return;
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
	memset((char *)a + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	n->len += NLA_HDRLEN + NLA_ALIGN(len);
}

void nlt_put_u8(struct nlt *n, uint16_t type, uint8_t v)
{
	nlt_put(n, type, &v, sizeof(v));
}

void nlt_put_u16(struct nlt *n, uint16_t type, uint16_t v)
{
	nlt_put(n, type, &v, sizeof(v));
}

void nlt_put_u32(struct nlt *n, uint16_t type, uint32_t v)
{
	nlt_put(n, type, &v, sizeof(v));
}

void nlt_put_u64(struct nlt *n, uint16_t type, uint64_t v)
{
	nlt_put(n, type, &v, sizeof(v));
}

void nlt_put_str(struct nlt *n, uint16_t type, const char *s)
{
	nlt_put(n, type, s, strlen(s) + 1);
}

void nlt_nest(struct nlt *n, uint16_t type)
{
	n->nest[n->depth++] = n->len;
	nlt_put(n, type | NLA_F_NESTED, NULL, 0);
}

void nlt_nest_end(struct nlt *n)
{
	struct nlattr *a = (struct nlattr *)(n->buf + n->nest[--n->depth]);

	a->nla_len = n->len - n->nest[n->depth];
}

void nlt_put_addr(struct nlt *n, uint16_t type, const char *ip, int port)
{
	unsigned char b[16];

	nlt_nest(n, type);
	if (inet_pton(AF_INET, ip, b) == 1) {
		nlt_put_u16(n, SCTPNL_ADDR_A_FAMILY, AF_INET);
		nlt_put(n, SCTPNL_ADDR_A_IN4, b, 4);
	} else if (inet_pton(AF_INET6, ip, b) == 1) {
		nlt_put_u16(n, SCTPNL_ADDR_A_FAMILY, AF_INET6);
		nlt_put(n, SCTPNL_ADDR_A_IN6, b, 16);
	}
	if (port >= 0)
		nlt_put_u16(n, SCTPNL_ADDR_A_PORT, port);
	nlt_nest_end(n);
}

static void parse_tlvs(struct nlt *n, const struct nlmsghdr *nlh, size_t off)
{
	const struct nlattr *a;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	while (off + NLA_HDRLEN <= nlh->nlmsg_len) {
		a = (const struct nlattr *)((const char *)nlh + off);
		if (a->nla_len < NLA_HDRLEN)
			break;
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG)
			snprintf(n->extack, sizeof(n->extack), "%.*s",
				 (int)(a->nla_len - NLA_HDRLEN),
				 (const char *)nlt_data(a));
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_OFFS)
			n->extack_off = *(const uint32_t *)nlt_data(a);
		off += NLA_ALIGN(a->nla_len);
	}
}

/* An error ack: struct nlmsgerr (and the request unless capped), TLVs. */
static void parse_extack(struct nlt *n, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);
	size_t off = NLMSG_HDRLEN + sizeof(*e);

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += NLMSG_ALIGN(e->msg.nlmsg_len) - NLMSG_HDRLEN;
	parse_tlvs(n, nlh, off);
}

/* The end of a dump: the dump's errno, then TLVs. */
static void parse_done_extack(struct nlt *n, const struct nlmsghdr *nlh)
{
	parse_tlvs(n, nlh, NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(int)));
}

int nlt_send_raw(struct nlt *n, const void *msg, size_t len, nlt_cb cb,
		 void *arg)
{
	static char rbuf[256 * 1024];
	const struct nlmsghdr *req = msg;
	int err = 0;

	n->extack[0] = 0;
	n->extack_off = -1;
	if (send(n->fd, msg, len, 0) < 0)
		return -errno;
	for (;;) {
		ssize_t r = recv(n->fd, rbuf, sizeof(rbuf), 0);
		struct nlmsghdr *nlh;

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (nlh = (struct nlmsghdr *)rbuf; NLMSG_OK(nlh, r);
		     nlh = NLMSG_NEXT(nlh, r)) {
			if (nlh->nlmsg_seq != req->nlmsg_seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = NLMSG_DATA(nlh);

				parse_extack(n, nlh);
				return e->error;
			}
			if (nlh->nlmsg_type == NLMSG_DONE) {
				const int *v = NLMSG_DATA(nlh);

				if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(int)))
					err = *v;
				parse_done_extack(n, nlh);
				return err;
			}
			if (cb && !err)
				err = cb(nlh, arg);
			if (!(nlh->nlmsg_flags & NLM_F_MULTI) &&
			    !(req->nlmsg_flags & NLM_F_ACK))
				return err;
		}
	}
}

int nlt_send(struct nlt *n, nlt_cb cb, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)n->buf;

	nlh->nlmsg_len = n->len;
	return nlt_send_raw(n, n->buf, n->len, cb, arg);
}

struct nlattr *nlt_attr(const struct nlmsghdr *nlh, uint16_t type)
{
	return nlt_attr_next(nlh, NULL, type);
}

struct nlattr *nlt_attr_next(const struct nlmsghdr *nlh,
			     const struct nlattr *prev, uint16_t type)
{
	const char *p = (const char *)nlh + NLMSG_HDRLEN + GENL_HDRLEN;
	const char *end = (const char *)nlh + nlh->nlmsg_len;

	if (prev)
		p = (const char *)prev + NLA_ALIGN(prev->nla_len);

	while (p + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)p;

		if (a->nla_len < NLA_HDRLEN)
			break;
		if ((a->nla_type & NLA_TYPE_MASK) == type)
			return (struct nlattr *)a;
		p += NLA_ALIGN(a->nla_len);
	}
	return NULL;
}

struct nlattr *nlt_nested(const struct nlattr *nest, uint16_t type)
{
	struct nlattr *a;

	if (!nest)
		return NULL;
	nlt_for_each(a, nest)
		if ((a->nla_type & NLA_TYPE_MASK) == type)
			return a;
	return NULL;
}

uint64_t nlt_uint(const struct nlattr *a)
{
	if (!a)
		return 0;
	switch (a->nla_len - NLA_HDRLEN) {
	case 1:
		return *(uint8_t *)nlt_data(a);
	case 2:
		return *(uint16_t *)nlt_data(a);
	case 4:
		return *(uint32_t *)nlt_data(a);
	case 8:
		return *(uint64_t *)nlt_data(a);
	}
	return 0;
}

const char *nlt_addr_str(const struct nlattr *nest, char *buf, size_t len)
{
	const struct nlattr *a4 = nlt_nested(nest, SCTPNL_ADDR_A_IN4);
	const struct nlattr *a6 = nlt_nested(nest, SCTPNL_ADDR_A_IN6);
	const struct nlattr *port = nlt_nested(nest, SCTPNL_ADDR_A_PORT);
	char ip[INET6_ADDRSTRLEN] = "?";

	if (a4)
		inet_ntop(AF_INET, nlt_data(a4), ip, sizeof(ip));
	else if (a6)
		inet_ntop(AF_INET6, nlt_data(a6), ip, sizeof(ip));
	if (port)
		snprintf(buf, len, "%s:%u", ip, (unsigned int)nlt_uint(port));
	else
		snprintf(buf, len, "%s", ip);
	return buf;
}

struct resolve_arg {
	struct nlt *n;
	uint16_t id;
};

static int resolve_cb(const struct nlmsghdr *nlh, void *p)
{
	struct resolve_arg *ra = p;
	struct nlattr *a, *grp, *g;

	a = nlt_attr(nlh, CTRL_ATTR_FAMILY_ID);
	if (a)
		ra->id = nlt_uint(a);
	a = nlt_attr(nlh, CTRL_ATTR_VERSION);
	if (a)
		ra->n->version = nlt_uint(a);
	grp = nlt_attr(nlh, CTRL_ATTR_MCAST_GROUPS);
	if (!grp)
		return 0;
	nlt_for_each(g, grp) {
		struct nlattr *name = nlt_nested(g, CTRL_ATTR_MCAST_GRP_NAME);
		struct nlattr *id = nlt_nested(g, CTRL_ATTR_MCAST_GRP_ID);

		if (!name || !id)
			continue;
		if (!strcmp(nlt_data(name), SCTPNL_MCGRP_EVENTS))
			ra->n->mcgrp_events = nlt_uint(id);
		else if (!strcmp(nlt_data(name), SCTPNL_MCGRP_PROBE))
			ra->n->mcgrp_probe = nlt_uint(id);
	}
	return 0;
}

uint16_t nlt_resolve(struct nlt *n, const char *name)
{
	struct resolve_arg ra = { .n = n };

	nlt_msg(n, GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY, 1);
	nlt_put_str(n, CTRL_ATTR_FAMILY_NAME, name);
	if (nlt_send(n, resolve_cb, &ra))
		return 0;
	return ra.id;
}
