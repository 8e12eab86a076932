// SPDX-License-Identifier: GPL-2.0
/*
 * EP_GET dump: every SCTP socket of the namespace.
 *
 * sctp.ko lets us reach sockets two ways.  Listening sockets are in the
 * endpoint hash, walked by sctp_for_each_endpoint() whose callback may
 * sleep; it can only resume by position, which is fine for the few
 * listeners a host has.  Sockets that only own associations (clients,
 * accepted one-to-one sockets, peeled-off ones) are not hashed: they are
 * reached through an association snapshot, like the association dump, and
 * reported once per socket.
 */
#include <linux/xarray.h>
#include "sctpnl.h"

struct sctpnl_ep_ctx {
	struct sctpnl_snap *snap;
	struct xarray *seen;	/* inodes already reported (phase 2) */
	int pos;		/* phase 1: sctp_for_each_endpoint position */
	u32 idx;		/* phase 2: index into the snapshot */
	bool phase2;
};

struct ep_fill_arg {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	const struct sctpnl_filter *filter;
	struct user_namespace *user_ns;
	struct xarray *seen;
};

static bool ep_match(const struct sctpnl_filter *f, struct sctp_endpoint *ep)
{
	struct sock *sk = ep->base.sk;

	if ((f->present & BIT(SCTPNL_FILTER_A_LOCAL_PORT)) &&
	    ep->base.bind_addr.port != f->lport)
		return false;
	if ((f->present & BIT(SCTPNL_FILTER_A_UID)) &&
	    !uid_eq(sock_i_uid(sk), f->uid))
		return false;
	if ((f->present & BIT(SCTPNL_FILTER_A_INODE)) &&
	    sock_i_ino(sk) != f->inode)
		return false;
	return !(f->present & BIT(SCTPNL_FILTER_A_LOCAL_ADDR)) ||
	       sctpnl_bind_addr_has(&ep->base.bind_addr, &f->laddr);
}

/* Socket locked by the caller. */
static int ep_put(struct ep_fill_arg *fa, struct sctp_endpoint *ep)
{
	void *hdr;
	int err;

	if (!ep_match(fa->filter, ep))
		return 0;

	hdr = genlmsg_put(fa->skb, NETLINK_CB(fa->cb->skb).portid,
			  fa->cb->nlh->nlmsg_seq, &sctpnl_family, NLM_F_MULTI,
			  SCTPNL_CMD_EP_GET);
	if (!hdr)
		return -EMSGSIZE;
	err = sctpnl_fill_ep(fa->skb, ep, fa->user_ns);
	if (err) {
		genlmsg_cancel(fa->skb, hdr);
		return err;
	}
	genlmsg_end(fa->skb, hdr);
	return 0;
}

/* Phase 1 callback: endpoint held, process context. */
static int ep_listener(struct sctp_endpoint *ep, void *p)
{
	struct ep_fill_arg *fa = p;
	struct sock *sk = ep->base.sk;
	int err = 0;

	lock_sock(sk);
	if (!ep->base.dead && sctp_sstate(sk, LISTENING))
		err = ep_put(fa, ep);
	release_sock(sk);
	return err;
}

/* Phase 2: the owner of one snapshotted association, once per socket. */
static int ep_of_assoc(struct sctp_association *asoc, void *p)
{
	struct ep_fill_arg *fa = p;
	struct sock *sk;
	unsigned long ino;
	int err;

	sk = sctpnl_lock_asoc(asoc);
	if (!sk)
		return -EAGAIN;
	ino = sock_i_ino(sk);
	err = 0;
	if (sctp_sstate(sk, LISTENING) || xa_load(fa->seen, ino))
		goto out;
	err = ep_put(fa, asoc->ep);
	if (!err)
		err = xa_err(xa_store(fa->seen, ino, xa_mk_value(1),
				      GFP_KERNEL));
out:
	release_sock(sk);
	return err;
}

/* Endpoints have no peer, state or association id to filter on. */
const struct nla_policy sctpnl_ep_filter_policy[SCTPNL_FILTER_A_MAX + 1] = {
	[SCTPNL_FILTER_A_LOCAL_PORT] = { .type = NLA_U16 },
	[SCTPNL_FILTER_A_PEER_PORT]  = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
	[SCTPNL_FILTER_A_LOCAL_ADDR] = NLA_POLICY_NESTED(sctpnl_addr_policy),
	/* A nest: refused in ep_dump_prepare(), where extack still works. */
	[SCTPNL_FILTER_A_PEER_ADDR]  = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_FILTER_A_STATE]	     = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
	[SCTPNL_FILTER_A_UID]	     = { .type = NLA_U32 },
	[SCTPNL_FILTER_A_INODE]	     = { .type = NLA_U64 },
	[SCTPNL_FILTER_A_ASSOC_ID]   = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
};

/* As for associations, the work that can fail waits for .dumpit. */
int sctpnl_ep_dump_start(struct netlink_callback *cb)
{
	struct sctpnl_ep_ctx *ctx = (void *)cb->ctx;

	BUILD_BUG_ON(sizeof(*ctx) > sizeof(cb->ctx));
	memset(ctx, 0, sizeof(*ctx));
	return 0;
}

static int ep_dump_prepare(struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	const struct nlattr *filter = info->attrs[SCTPNL_A_FILTER];
	struct sctpnl_ep_ctx *ctx = (void *)cb->ctx;
	struct nlattr *tb[SCTPNL_FILTER_A_MAX + 1];
	int err;

	if (filter) {
		err = nla_parse_nested(tb, SCTPNL_FILTER_A_MAX, filter,
				       sctpnl_ep_filter_policy, cb->extack);
		if (err)
			return err;
		if (tb[SCTPNL_FILTER_A_PEER_ADDR]) {
			NL_SET_ERR_MSG_ATTR(cb->extack,
					    tb[SCTPNL_FILTER_A_PEER_ADDR],
					    "filter does not apply to endpoints");
			return -EINVAL;
		}
	}

	ctx->seen = kmalloc(sizeof(*ctx->seen), GFP_KERNEL);
	if (!ctx->seen)
		return -ENOMEM;
	xa_init(ctx->seen);

	ctx->snap = sctpnl_snap_new(cb, filter, true);
	if (IS_ERR(ctx->snap)) {
		err = PTR_ERR(ctx->snap);
		ctx->snap = NULL;
		return err;
	}
	return 0;
}

int sctpnl_ep_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct sctpnl_ep_ctx *ctx = (void *)cb->ctx;
	struct ep_fill_arg fa = {
		.skb = skb,
		.cb = cb,
		.user_ns = sk_user_ns(NETLINK_CB(cb->skb).sk),
	};
	struct net *net = sock_net(cb->skb->sk);
	struct sctpnl_key key = {};
	int err;

	if (!ctx->snap) {
		err = ep_dump_prepare(cb);
		if (err)
			return err;
	}
	fa.filter = sctpnl_snap_filter(ctx->snap);
	fa.seen = ctx->seen;

	if (!ctx->phase2) {
		err = sctp_for_each_endpoint(ep_listener, net, &ctx->pos, &fa);
		if (err == -EMSGSIZE && skb->len)
			return skb->len;
		if (err)
			return err;
		ctx->phase2 = true;
	}

	for (; ctx->idx < sctpnl_snap_len(ctx->snap); ctx->idx++) {
		sctpnl_snap_key(ctx->snap, ctx->idx, &key);
		err = sctpnl_with_assoc(net, &key, ep_of_assoc, &fa);
		if (err == -EMSGSIZE) {
			if (!skb->len)
				return err;
			break;
		}
		if (err == -ENOMEM)
			return err;
		cond_resched();
	}
	return skb->len;
}

int sctpnl_ep_dump_done(struct netlink_callback *cb)
{
	struct sctpnl_ep_ctx *ctx = (void *)cb->ctx;

	sctpnl_snap_free(ctx->snap);
	ctx->snap = NULL;
	if (ctx->seen) {
		xa_destroy(ctx->seen);
		kfree(ctx->seen);
		ctx->seen = NULL;
	}
	return 0;
}
