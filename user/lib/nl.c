// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The handle: generic netlink socket, family resolution, request/reply
 * loop, extended ack.  Replies are decoded one netlink message at a time
 * into the handle's scratch buffer and handed to the caller's callback,
 * so a dump of any size runs in constant memory.
 *
 * libnl-3.7 has no nl_socket_set_ext_ack(): NETLINK_EXT_ACK is set with
 * setsockopt() and the NLMSGERR_ATTR_MSG string is read here from the
 * error (or NLMSG_DONE) message.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/family.h>

#include "internal.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int snl_nle_to_errno(int nle)
{
	if (nle < 0)
		nle = -nle;
	switch (nle) {
	case 0:
		return 0;
	case NLE_NOMEM:
		return -ENOMEM;
	case NLE_INTR:
		return -EINTR;
	case NLE_AGAIN:
		return -EAGAIN;
	case NLE_INVAL:
	case NLE_MSG_TOOSHORT:
		return -EINVAL;
	case NLE_NOACCESS:
		return -EACCES;
	case NLE_PERM:
		return -EPERM;
	case NLE_BUSY:
		return -EBUSY;
	case NLE_RANGE:
		return -ERANGE;
	case NLE_MSGSIZE:
	case NLE_MSG_TRUNC:
		return -EMSGSIZE;
	case NLE_OBJ_NOTFOUND:
		return -ENOENT;
	case NLE_EXIST:
		return -EEXIST;
	case NLE_OPNOTSUPP:
		return -EOPNOTSUPP;
	case NLE_AF_NOSUPPORT:
		return -EAFNOSUPPORT;
	case NLE_PROTO_MISMATCH:
		return -EPROTONOSUPPORT;
	case NLE_NODEV:
		return -ENODEV;
	case NLE_DUMP_INTR:
		return -EINTR;
	case NLE_SEQ_MISMATCH:
	case NLE_MSG_OVERFLOW:
	case NLE_MSGTYPE_NOSUPPORT:
	case NLE_PARSE_ERR:
		return -EPROTO;
	default:
		return -EIO;
	}
}

struct sctpnl *sctpnl_open(void)
{
	struct nl_cache *cache = NULL;
	struct genl_family *fam;
	struct sctpnl *h;
	int one = 1;
	int err;

	h = calloc(1, sizeof(*h));
	if (!h) {
		errno = ENOMEM;
		return NULL;
	}
	h->sk = nl_socket_alloc();
	if (!h->sk) {
		err = -ENOMEM;
		goto fail;
	}
	err = genl_connect(h->sk);
	if (err < 0) {
		err = snl_nle_to_errno(err);
		goto fail;
	}
	/* Best effort: old kernels lack them, errors still come back. */
	setsockopt(nl_socket_get_fd(h->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	setsockopt(nl_socket_get_fd(h->sk), SOL_NETLINK, NETLINK_CAP_ACK,
		   &one, sizeof(one));
	/* A dump message can be as large as the kernel's dump skb. */
	nl_socket_enable_msg_peek(h->sk);
	nl_socket_set_buffer_size(h->sk, 1 << 20, 0);

	err = genl_ctrl_alloc_cache(h->sk, &cache);
	if (err < 0) {
		err = snl_nle_to_errno(err);
		goto fail;
	}
	fam = genl_ctrl_search_by_name(cache, SCTPNL_FAMILY_NAME);
	if (!fam) {
		err = -SCTPNL_ENOFAMILY;
		goto fail;
	}
	h->family = genl_family_get_id(fam);
	h->version = genl_family_get_version(fam);
	genl_family_put(fam);
	nl_cache_free(cache);
	return h;

fail:
	if (cache)
		nl_cache_free(cache);
	if (h->sk)
		nl_socket_free(h->sk);
	free(h);
	errno = -err;
	return NULL;
}

void sctpnl_close(struct sctpnl *h)
{
	if (!h)
		return;
	nl_socket_free(h->sk);
	free(h);
}

const char *sctpnl_errmsg(const struct sctpnl *h)
{
	return h && h->errmsg[0] ? h->errmsg : NULL;
}

int sctpnl_family_version(const struct sctpnl *h)
{
	return h->version;
}

/* ---- request / reply loop ---- */

struct req {
	struct sctpnl *h;
	int (*on_msg)(struct req *r, const struct nlmsghdr *nlh);
	int done;
	int err;		/* kernel error, negative errno */
	int stopped;		/* decode error or stop asked: drain */
	int user_ret;
	int replies;
	union {
		sctpnl_assoc_cb assoc;
		sctpnl_ep_cb ep;
	} cb;
	void *arg;
	void *out;
};

/* Extended ack TLVs from [start, end): keep NLMSGERR_ATTR_MSG. */
static void take_extack(struct sctpnl *h, const void *start, const void *end)
{
	const struct nlattr *a;
	int rem;

	if ((const char *)end <= (const char *)start)
		return;
	rem = (const char *)end - (const char *)start;
	nla_for_each_attr(a, (struct nlattr *)start, rem, rem) {
		size_t n;

		if (nla_type(a) != NLMSGERR_ATTR_MSG || nla_len(a) < 1)
			continue;
		n = strnlen(nla_data(a), nla_len(a));
		if (n >= sizeof(h->errmsg))
			n = sizeof(h->errmsg) - 1;
		memcpy(h->errmsg, nla_data(a), n);
		h->errmsg[n] = '\0';
	}
}

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct req *r = arg;
	int ret;

	if (r->stopped)
		return NL_OK;		/* draining the rest of a dump */
	r->replies++;
	ret = r->on_msg(r, nlmsg_hdr(msg));
	if (ret) {
		/* decode failure or the caller's stop: drain the rest */
		r->stopped = 1;
		r->user_ret = ret;
	}
	return NL_OK;
}

static int on_finish(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct req *r = arg;
	int e;

	r->done = 1;
	if (nlmsg_datalen(nlh) >= (int)sizeof(int)) {
		memcpy(&e, nlmsg_data(nlh), sizeof(e));
		if (e < 0 && !r->err)
			r->err = e;
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
			take_extack(r->h, (char *)nlmsg_data(nlh) +
				    NLMSG_ALIGN(sizeof(int)),
				    (char *)nlh + nlh->nlmsg_len);
	}
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct req *r = arg;

	(void)msg;
	r->done = 1;
	return NL_STOP;
}

static int on_dump_intr(struct nl_msg *msg, void *arg)
{
	/* The module's dumps resume by key: an interrupted-flag is
	 * informational only. */
	(void)arg;
	(void)msg;
	return NL_OK;
}

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct req *r = arg;
	size_t off;

	(void)nla;
	r->done = 1;
	r->err = e->error < 0 ? e->error : -EIO;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NL_STOP;
	if (nlh->nlmsg_flags & NLM_F_CAPPED)
		off = sizeof(*e);
	else
		off = sizeof(e->error) + e->msg.nlmsg_len;
	off = NLMSG_HDRLEN + NLMSG_ALIGN(off);
	if (off < nlh->nlmsg_len)
		take_extack(r->h, (char *)nlh + off,
			    (char *)nlh + nlh->nlmsg_len);
	return NL_STOP;
}

static int run(struct sctpnl *h, struct nl_msg *msg, struct req *r)
{
	struct nl_cb *cb;
	int err;

	h->errmsg[0] = '\0';
	r->h = h;
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb)
		return -ENOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, r);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, r);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, r);
	nl_cb_set(cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, on_dump_intr, r);
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, r);

	err = nl_send_auto(h->sk, msg);
	if (err < 0) {
		err = snl_nle_to_errno(err);
		goto out;
	}
	err = 0;
	while (!r->done) {
		int ret = nl_recvmsgs(h->sk, cb);

		if (ret < 0 && !r->done) {
			err = snl_nle_to_errno(ret);
			break;
		}
	}
	if (!err)
		err = r->err;
	if (!err)
		err = r->user_ret;
out:
	nl_cb_put(cb);
	return err;
}

static struct nl_msg *new_req(struct sctpnl *h, uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, h->family, 0, flags,
			 cmd, SCTPNL_FAMILY_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static const struct nlattr *msg_attrs(const struct nlmsghdr *nlh, int *len)
{
	const struct genlmsghdr *g;

	if (!genlmsg_valid_hdr((struct nlmsghdr *)nlh, 0))
		return NULL;
	g = nlmsg_data(nlh);
	*len = genlmsg_attrlen(g, 0);
	return genlmsg_attrdata(g, 0);
}

int sctpnl_parse_assoc(const void *nlh, struct sctpnl_assoc *out)
{
	const struct nlattr *attrs;
	int len;

	attrs = msg_attrs(nlh, &len);
	if (!attrs)
		return -EBADMSG;
	return snl_decode_assoc(attrs, len, out);
}

int sctpnl_parse_ep(const void *nlh, struct sctpnl_ep *out)
{
	const struct nlattr *attrs;
	int len;

	attrs = msg_attrs(nlh, &len);
	if (!attrs)
		return -EBADMSG;
	return snl_decode_ep(attrs, len, out);
}

int sctpnl_parse_snmp(const void *nlh, struct sctpnl_snmp *out)
{
	const struct nlattr *attrs;
	int len;

	attrs = msg_attrs(nlh, &len);
	if (!attrs)
		return -EBADMSG;
	return snl_decode_snmp(attrs, len, out);
}

/* ---- requests answered by an ack only (lib/set.c) ---- */

struct nl_msg *snl_new_req(struct sctpnl *h, uint8_t cmd, int flags)
{
	return new_req(h, cmd, flags);
}

static int ack_only_msg(struct req *r, const struct nlmsghdr *nlh)
{
	(void)r;
	(void)nlh;
	return 0;
}

int snl_do(struct sctpnl *h, struct nl_msg *msg)
{
	struct req r = { .on_msg = ack_only_msg };

	return run(h, msg, &r);
}

/* ---- associations ---- */

static int assoc_dump_msg(struct req *r, const struct nlmsghdr *nlh)
{
	struct sctpnl_assoc *a = &r->h->buf.assoc;
	int err;

	err = sctpnl_parse_assoc(nlh, a);
	if (err)
		return err;
	return r->cb.assoc(a, r->arg);
}

/* A dump of command cmd matching f, each message to r->on_msg. */
static int dump(struct sctpnl *h, uint8_t cmd, const struct sctpnl_filter *f,
		struct req *r)
{
	struct nl_msg *msg;
	int err;

	msg = new_req(h, cmd, NLM_F_DUMP);
	if (!msg)
		return -ENOMEM;
	err = snl_put_filter(msg, f);
	if (!err)
		err = run(h, msg, r);
	nlmsg_free(msg);
	return err;
}

int sctpnl_assoc_dump(struct sctpnl *h, const struct sctpnl_filter *f,
		      sctpnl_assoc_cb cb, void *arg)
{
	struct req r = { .on_msg = assoc_dump_msg, .arg = arg };

	r.cb.assoc = cb;
	return dump(h, SCTPNL_CMD_ASSOC_GET, f, &r);
}

static int assoc_get_msg(struct req *r, const struct nlmsghdr *nlh)
{
	if (r->replies > 1)
		return 0;		/* one association only */
	return sctpnl_parse_assoc(nlh, r->out);
}

int sctpnl_assoc_get(struct sctpnl *h, const struct sctpnl_key *key,
		     struct sctpnl_assoc *out)
{
	struct req r = { .on_msg = assoc_get_msg, .out = out };
	struct nl_msg *msg;
	int err;

	msg = new_req(h, SCTPNL_CMD_ASSOC_GET, 0);
	if (!msg)
		return -ENOMEM;
	err = snl_put_key(msg, key);
	if (!err)
		err = run(h, msg, &r);
	if (!err && !r.replies)
		err = -ENOENT;
	nlmsg_free(msg);
	return err;
}

/* ---- endpoints ---- */

static int ep_dump_msg(struct req *r, const struct nlmsghdr *nlh)
{
	struct sctpnl_ep ep;
	int err;

	err = sctpnl_parse_ep(nlh, &ep);
	if (err)
		return err;
	return r->cb.ep(&ep, r->arg);
}

int sctpnl_ep_dump(struct sctpnl *h, const struct sctpnl_filter *f,
		   sctpnl_ep_cb cb, void *arg)
{
	struct req r = { .on_msg = ep_dump_msg, .arg = arg };

	r.cb.ep = cb;
	return dump(h, SCTPNL_CMD_EP_GET, f, &r);
}

/* ---- MIB ---- */

static int snmp_msg(struct req *r, const struct nlmsghdr *nlh)
{
	if (r->replies > 1)
		return 0;
	return sctpnl_parse_snmp(nlh, r->out);
}

int sctpnl_snmp_get(struct sctpnl *h, struct sctpnl_snmp *out)
{
	struct req r = { .on_msg = snmp_msg, .out = out };
	struct nl_msg *msg;
	int err;

	msg = new_req(h, SCTPNL_CMD_SNMP_GET, 0);
	if (!msg)
		return -ENOMEM;
	err = run(h, msg, &r);
	if (!err && !r.replies)
		err = -ENODATA;
	nlmsg_free(msg);
	return err;
}
