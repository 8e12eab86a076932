// SPDX-License-Identifier: GPL-2.0
/*
 * EP_GET dump: every SCTP socket of the namespace.
 *
 * sctp.ko lets us reach sockets two ways.  Listening sockets are in the
 * endpoint hash, walked once by sctpnl_for_each_endpoint() (compat.h: on
 * some kernels under the bucket's read lock), which records each listener
 * with a reference on its socket; phase 1 then fills them one by one,
 * resuming by index.  Sockets that only own associations (clients,
 * accepted one-to-one sockets, peeled-off ones) are not hashed: they are
 * reached through an association snapshot, like the association dump, and
 * reported once per socket (phase 2).
 */
#include <linux/overflow.h>
#include <linux/xarray.h>
#include "sctpnl.h"

/* The listening sockets of one namespace, each held. */
struct sctpnl_listeners {
	struct net *net;
	u32 n;
	u32 cap;
	u32 seen;
	struct sock *sks[];
};

struct sctpnl_ep_ctx {
	struct sctpnl_snap *snap;
	struct sctpnl_listeners *lis;
	struct xarray *seen;	/* inodes already reported (phase 2) */
	u32 lidx;		/* phase 1: index into lis */
	u32 idx;		/* phase 2: index into the snapshot */
};

struct ep_fill_arg {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	const struct sctpnl_dump_filter *filter;
	struct user_namespace *user_ns;
	struct xarray *seen;
};

static bool ep_match(const struct sctpnl_dump_filter *f, struct sctp_endpoint *ep)
{
	struct sock *sk = ep->base.sk;

	if ((f->present & BIT(SCTPNL_FILTER_A_LOCAL_PORT)) &&
	    ep->base.bind_addr.port != f->lport)
		return false;
	if ((f->present & BIT(SCTPNL_FILTER_A_UID)) &&
	    !uid_eq(sk_uid(sk), f->uid))
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

/*
 * Endpoint walk callback: may run under a spinlock, so it only takes a
 * reference.  The state is looked at again under the socket lock.
 */
static int listener_one(struct sctp_endpoint *ep, void *p)
{
	struct sctpnl_listeners *lis = p;
	struct sock *sk = ep->base.sk;

	if (!net_eq(sock_net(sk), lis->net) || ep->base.dead ||
	    !sctp_sstate(sk, LISTENING))
		return 0;
	lis->seen++;
	if (lis->n < lis->cap) {
		sock_hold(sk);
		lis->sks[lis->n++] = sk;
	}
	return 0;
}

static void listeners_free(struct sctpnl_listeners *lis)
{
	u32 i;

	if (!lis)
		return;
	for (i = 0; i < lis->n; i++)
		sock_put(lis->sks[i]);
	kvfree(lis);
}

/* One walk, or a few while listeners appear faster than we grow. */
static struct sctpnl_listeners *listeners_take(struct net *net)
{
	struct sctpnl_listeners *lis;
	u32 cap = 16;
	int tries = 4;

	for (;;) {
		lis = kvzalloc(struct_size(lis, sks, cap), GFP_KERNEL);
		if (!lis)
			return ERR_PTR(-ENOMEM);
		lis->net = net;
		lis->cap = cap;
		sctpnl_for_each_endpoint(listener_one, net, lis);
		if (lis->seen <= lis->cap || !--tries)
			return lis;
		cap = lis->seen + lis->seen / 4 + 16;
		listeners_free(lis);
	}
}

/*
 * Phase 1: one held listener.  Still listening under the lock means
 * close has not begun (sctp_close() leaves LISTENING under this lock
 * before the endpoint is freed), so its endpoint is alive.
 */
static int ep_listener(struct ep_fill_arg *fa, struct sock *sk)
{
	int err = 0;

	lock_sock(sk);
	if (sctp_sstate(sk, LISTENING) && !sock_flag(sk, SOCK_DEAD))
		err = ep_put(fa, sctp_sk(sk)->ep);
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
	const struct nlattr *filter = genl_info_dump(cb)->attrs[SCTPNL_A_FILTER];
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

	ctx->lis = listeners_take(sock_net(cb->skb->sk));
	if (IS_ERR(ctx->lis)) {
		err = PTR_ERR(ctx->lis);
		ctx->lis = NULL;
		return err;
	}

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
	struct sctpnl_asoc_key key = {};
	int err;

	if (!ctx->snap) {
		err = ep_dump_prepare(cb);
		if (err)
			return err;
	}
	fa.filter = sctpnl_snap_filter(ctx->snap);
	fa.seen = ctx->seen;

	for (; ctx->lidx < ctx->lis->n; ctx->lidx++) {
		err = ep_listener(&fa, ctx->lis->sks[ctx->lidx]);
		if (err == -EMSGSIZE && skb->len)
			return skb->len;
		if (err)
			return err;
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
	listeners_free(ctx->lis);
	ctx->lis = NULL;
	if (ctx->seen) {
		xa_destroy(ctx->seen);
		kfree(ctx->seen);
		ctx->seen = NULL;
	}
	return 0;
}
