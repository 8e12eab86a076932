// SPDX-License-Identifier: GPL-2.0
/*
 * Finding associations, and the ASSOC_GET do and dump.
 *
 * sctp.ko exports two ways in: a lookup by (local address, peer address)
 * through the transport hash, whose callback may sleep, and a walk over all
 * primary transports whose callback runs under RCU.  A dump therefore takes
 * a snapshot of keys in one linear walk (.start), then resolves and fills
 * each key with the sleepable lookup (.dumpit), resuming by index into the
 * snapshot.  Nothing is ever resumed by walk position: that is what makes
 * sctp_diag and /proc quadratic.
 */
#include <linux/moduleparam.h>
#include <linux/nsproxy.h>
#include <linux/sort.h>
#include "sctpnl.h"

struct sctpnl_snap {
	struct net *net;
	struct user_namespace *user_ns;
	struct sctpnl_dump_filter filter;
	struct sctpnl_tuple *keys;
	u32 n;
	u32 cap;
	u32 seen;
	bool unlistened;	/* only associations of non-listening sockets */
};

/* What a dump keeps in cb->ctx between calls. */
struct sctpnl_dump_ctx {
	struct sctpnl_snap *snap;
	u32 idx;
};

/* A snapshot is sized from the previous one so most dumps walk once. */
static atomic_t sctpnl_snap_hint = ATOMIC_INIT(256);

/*
 * What the last snapshot held, for the benchmarks' memory check: kernel
 * bytes allocated for keys, and the associations they described.
 */
static unsigned long snapshot_bytes;
module_param(snapshot_bytes, ulong, 0444);
MODULE_PARM_DESC(snapshot_bytes, "bytes of keys held by the last dump");
static unsigned long snapshot_assocs;
module_param(snapshot_assocs, ulong, 0444);
MODULE_PARM_DESC(snapshot_assocs, "associations in the last dump");

static int count_one(struct sctp_endpoint *ep, struct sctp_transport *t,
		     void *p)
{
	(*(u32 *)p)++;
	return 0;
}

/*
 * Reading "bare_walk" walks the reader's namespace once, only counting:
 * the floor the benchmark holds every listing against.
 */
static int bare_walk_get(char *buf, const struct kernel_param *kp)
{
	struct net *net = current->nsproxy->net_ns;
	u64 t0 = ktime_get_ns();
	u32 n = 0;
	int pos = 0;

	sctp_transport_traverse_process(count_one, NULL, net, &pos, &n);
	return scnprintf(buf, PAGE_SIZE, "%u %llu\n", n, ktime_get_ns() - t0);
}

static const struct kernel_param_ops bare_walk_ops = {
	.get = bare_walk_get,
};
module_param_cb(bare_walk, &bare_walk_ops, NULL, 0444);
MODULE_PARM_DESC(bare_walk,
		 "read: count the reader's namespace's associations in one walk, \"COUNT NANOSECONDS\"");

static void key_to_addr(union sctp_addr *a, u8 family,
			const struct in6_addr *in6, __be16 port, u32 scope)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->v4.sin_family = AF_INET;
		a->v4.sin_port = port;
		a->v4.sin_addr.s_addr = in6->s6_addr32[3];
	} else {
		a->v6.sin6_family = AF_INET6;
		a->v6.sin6_port = port;
		a->v6.sin6_addr = *in6;
		a->v6.sin6_scope_id = scope;
	}
}

static void addr_to_key(const union sctp_addr *a, u8 *family,
			struct in6_addr *in6)
{
	*family = a->sa.sa_family;
	if (*family == AF_INET)
		ipv6_addr_set(in6, 0, 0, 0, a->v4.sin_addr.s_addr);
	else
		*in6 = a->v6.sin6_addr;
}

/*
 * Parse the key of a request naming one association.  Exactly one of
 * ASSOC_ID or the LOCAL + PEER pair must be present.
 */
int sctpnl_parse_key(struct genl_info *info, struct sctpnl_asoc_key *key)
{
	struct nlattr **tb = info->attrs;
	struct nlattr *local = tb[SCTPNL_A_LOCAL], *peer = tb[SCTPNL_A_PEER];
	int err;

	memset(key, 0, sizeof(*key));
	if (tb[SCTPNL_A_ASSOC_ID]) {
		if (local || peer) {
			NL_SET_ERR_MSG_ATTR(info->extack, local ? local : peer,
					    "give either an assoc id or addresses, not both");
			return -EINVAL;
		}
		key->assoc_id = nla_get_u32(tb[SCTPNL_A_ASSOC_ID]);
		if (!key->assoc_id) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[SCTPNL_A_ASSOC_ID],
					    "assoc id 0 names no association");
			return -EINVAL;
		}
		return 0;
	}
	if (!local && !peer) {
		NL_SET_ERR_MSG(info->extack,
			       "missing key: ASSOC_ID, or LOCAL and PEER");
		return -EINVAL;
	}
	if (!peer) {
		NL_SET_ERR_MSG_ATTR(info->extack, local,
				    "PEER address missing for a 4-tuple key");
		return -EINVAL;
	}
	if (!local) {
		NL_SET_ERR_MSG_ATTR(info->extack, peer,
				    "LOCAL address missing for a 4-tuple key");
		return -EINVAL;
	}
	err = sctpnl_parse_addr(local, &key->laddr, true, info->extack);
	if (err)
		return err;
	err = sctpnl_parse_addr(peer, &key->paddr, true, info->extack);
	if (err)
		return err;
	key->has_addrs = true;
	return 0;
}

struct with_assoc_arg {
	const struct sctpnl_asoc_key *key;
	sctp_assoc_t id;
	int (*fn)(struct sctp_association *asoc, void *arg);
	void *arg;
	int err;
	bool found;
};

/* Sleepable: the walk or the lookup holds the endpoint and transport. */
static int with_assoc_call(struct sctp_endpoint *ep, struct sctp_transport *t,
			   void *p)
{
	struct with_assoc_arg *wa = p;
	struct sctp_association *asoc = t->asoc;

	if (wa->id && asoc->assoc_id != wa->id)
		return -ENOENT;
	if (asoc->ep != ep)	/* peeled off meanwhile */
		return -EAGAIN;
	return wa->fn(asoc, wa->arg);
}

/* Whether @want is one of the valid addresses bound in @bp. */
bool sctpnl_bind_addr_has(struct sctp_bind_addr *bp,
			  const union sctp_addr *want)
{
	struct sctp_sockaddr_entry *la;
	bool found = false;

	rcu_read_lock();
	list_for_each_entry_rcu(la, &bp->address_list, list)
		if (la->valid && sctpnl_addr_equal(&la->a, want)) {
			found = true;
			break;
		}
	rcu_read_unlock();
	return found;
}

static bool match_addr_list(struct sctp_association *asoc,
			    const union sctp_addr *want, bool local)
{
	struct sctp_transport *t;

	if (local)
		return sctpnl_bind_addr_has(&asoc->base.bind_addr, want);
	list_for_each_entry_rcu(t, &asoc->peer.transport_addr_list, transports)
		if (sctpnl_addr_equal(&t->ipaddr, want))
			return true;
	return false;
}

/* Under RCU in the transport walk: spot the key, stop the walk. */
static int with_assoc_match(struct sctp_endpoint *ep, struct sctp_transport *t,
			    void *p)
{
	struct with_assoc_arg *wa = p;
	const struct sctpnl_asoc_key *key = wa->key;
	struct sctp_association *asoc = t->asoc;

	if (!key->has_addrs)
		return asoc->assoc_id == wa->id;
	return asoc->base.bind_addr.port == ntohs(key->laddr.v4.sin_port) &&
	       asoc->peer.port == ntohs(key->paddr.v4.sin_port) &&
	       match_addr_list(asoc, &key->laddr, true) &&
	       match_addr_list(asoc, &key->paddr, false);
}

/* Called outside RCU when the walk stopped on our association. */
static int with_assoc_done(struct sctp_endpoint *ep, struct sctp_transport *t,
			   void *p)
{
	struct with_assoc_arg *wa = p;

	if (!wa->key->has_addrs)	/* found the slow way: next time fast */
		sctpnl_index_add(t->asoc, t);
	wa->found = true;
	wa->err = with_assoc_call(ep, t, p);
	return 1;	/* do not restart the walk */
}

/*
 * Run @fn on the association named by @key in @net, with references held
 * and the socket not locked (@fn locks what it needs, or calls into the
 * SCTP stack which locks).  By address this is an O(1) hash lookup; by id
 * it is a hash lookup too, through the tuple the id index (index.c) keeps,
 * or else one walk over the primary transports, stopped at the match.
 * An address key from a request, whose owner's bound device we cannot
 * know, is looked up unbound first and then walked for.
 */
int sctpnl_with_assoc(struct net *net, const struct sctpnl_asoc_key *key,
		      int (*fn)(struct sctp_association *asoc, void *arg),
		      void *arg)
{
	struct with_assoc_arg wa = {
		.key = key, .id = key->assoc_id, .fn = fn, .arg = arg,
	};
	struct sctpnl_asoc_key hint;
	int tries = 3, pos, err;

	do {
		err = -ENOENT;
		if (key->has_addrs)
			err = sctp_transport_lookup_process(with_assoc_call,
							    net, &key->laddr,
							    &key->paddr, &wa,
							    key->dif);
		else if (sctpnl_index_find(key->assoc_id, &hint))
			/* A hint only: with_assoc_call() checks the id. */
			err = sctp_transport_lookup_process(with_assoc_call,
							    net, &hint.laddr,
							    &hint.paddr, &wa,
							    hint.dif);
		if (err == -ENOENT && !key->dif_known) {
			pos = 0;
			wa.found = false;
			sctp_transport_traverse_process(with_assoc_match,
							with_assoc_done, net,
							&pos, &wa);
			err = wa.found ? wa.err : -ENOENT;
		}
	} while (err == -EAGAIN && --tries);

	return err;
}

/*
 * Lock the owner of @asoc and check it still is the owner: the association
 * may have been peeled off or freed while we waited for the lock.
 */
struct sock *sctpnl_lock_asoc(struct sctp_association *asoc)
{
	struct sctp_endpoint *ep = asoc->ep;
	struct sock *sk = ep->base.sk;

	lock_sock(sk);
	if (asoc->ep != ep || asoc->base.dead || asoc->base.sk != sk) {
		release_sock(sk);
		return NULL;
	}
	return sk;
}

struct fill_arg {
	struct sk_buff *skb;
	u32 portid;
	u32 seq;
	int flags;
	u32 info;		/* enum sctpnl_info */
	struct user_namespace *user_ns;
};

/* The parts asked for; all of them unless said otherwise. */
static u32 info_mask(struct nlattr **attrs)
{
	return attrs[SCTPNL_A_INFO] ? nla_get_u32(attrs[SCTPNL_A_INFO]) :
				      SCTPNL_INFO_ALL;
}

static int fill_one(struct sctp_association *asoc, void *p)
{
	struct fill_arg *fa = p;
	struct sock *sk;
	void *hdr;
	int err;

	sk = sctpnl_lock_asoc(asoc);
	if (!sk)
		return -EAGAIN;

	hdr = genlmsg_put(fa->skb, fa->portid, fa->seq, &sctpnl_family,
			  fa->flags, SCTPNL_CMD_ASSOC_GET);
	if (!hdr) {
		err = -EMSGSIZE;
		goto out;
	}
	err = sctpnl_fill_assoc(fa->skb, asoc, fa->user_ns, fa->info);
	if (err)
		genlmsg_cancel(fa->skb, hdr);
	else
		genlmsg_end(fa->skb, hdr);
out:
	release_sock(sk);
	return err;
}

int sctpnl_assoc_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct fill_arg fa = {
		.portid = info->snd_portid,
		.seq = info->snd_seq,
		.info = info_mask(info->attrs),
		.user_ns = sk_user_ns(NETLINK_CB(skb).sk),
	};
	struct sctpnl_asoc_key key;
	int err;

	err = sctpnl_parse_key(info, &key);
	if (err)
		return err;

	/* One association with 16 paths fits a page with room to spare. */
	fa.skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!fa.skb)
		return -ENOMEM;

	err = sctpnl_with_assoc(genl_info_net(info), &key, fill_one, &fa);
	if (err) {
		nlmsg_free(fa.skb);
		if (err == -ENOENT || err == -EAGAIN)
			return sctpnl_no_assoc(info, &key);
		if (err == -EMSGSIZE)
			GENL_SET_ERR_MSG(info, "association too large to report");
		return err;
	}
	return genlmsg_reply(fa.skb, info);
}

/* ---- dump ---------------------------------------------------------- */

/*
 * The reply to a request whose key names no association of the
 * requester's namespace (or one that went away while we looked).
 */
int sctpnl_no_assoc(struct genl_info *info, const struct sctpnl_asoc_key *key)
{
	NL_SET_ERR_MSG_ATTR(info->extack,
			    key->has_addrs ? info->attrs[SCTPNL_A_PEER] :
			    info->attrs[SCTPNL_A_ASSOC_ID],
			    "no such association in this network namespace");
	return -ENOENT;
}

static bool snap_match(const struct sctpnl_dump_filter *f,
		       struct sctp_association *asoc, struct sock *sk)
{
	u32 p = f->present;

	if (!p)
		return true;
	if ((p & BIT(SCTPNL_FILTER_A_ASSOC_ID)) && asoc->assoc_id != f->assoc_id)
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_LOCAL_PORT)) &&
	    asoc->base.bind_addr.port != f->lport)
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_PEER_PORT)) && asoc->peer.port != f->pport)
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_STATE)) &&
	    !(f->state_mask & BIT(sctp_assoc_to_state(asoc))))
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_UID)) && !uid_eq(sk_uid(sk), f->uid))
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_INODE)) && sock_i_ino(sk) != f->inode)
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_LOCAL_ADDR)) &&
	    !match_addr_list(asoc, &f->laddr, true))
		return false;
	if ((p & BIT(SCTPNL_FILTER_A_PEER_ADDR)) &&
	    !match_addr_list(asoc, &f->paddr, false))
		return false;
	return true;
}

/*
 * The tuple that finds @asoc again through its transport @t.  Under RCU;
 * false if it has no valid local address left.
 */
bool sctpnl_tuple_of(struct sctp_association *asoc, struct sctp_transport *t,
		     struct sctpnl_tuple *k)
{
	struct sctp_sockaddr_entry *la, *pick = NULL;

	/* Any valid local address matches in the lookup; prefer the peer's
	 * family so the lookup compares like with like.
	 */
	list_for_each_entry_rcu(la, &asoc->base.bind_addr.address_list, list) {
		if (!la->valid)
			continue;
		if (!pick || la->a.sa.sa_family == t->ipaddr.sa.sa_family)
			pick = la;
		if (pick->a.sa.sa_family == t->ipaddr.sa.sa_family)
			break;
	}
	if (!pick)
		return false;

	addr_to_key(&pick->a, &k->lfamily, &k->laddr);
	addr_to_key(&t->ipaddr, &k->pfamily, &k->paddr);
	k->id = asoc->assoc_id;
	k->dif = READ_ONCE(asoc->base.sk->sk_bound_dev_if);
	k->lport = htons(asoc->base.bind_addr.port);
	k->pport = t->ipaddr.v4.sin_port;
	k->scope_id = k->pfamily == AF_INET6 ?
		      t->ipaddr.v6.sin6_scope_id : 0;
	return true;
}

/*
 * Transport walk callback, under RCU: record one key per association.
 * Never stops the walk; when the array is full it only counts, and .start
 * walks again with a larger array.
 */
static int snap_one(struct sctp_endpoint *ep, struct sctp_transport *t,
		    void *p)
{
	struct sctpnl_snap *snap = p;
	struct sctp_association *asoc = t->asoc;
	struct sctpnl_tuple k;

	if (asoc->base.dead || !snap_match(&snap->filter, asoc, ep->base.sk))
		return 0;
	if (snap->unlistened && sctp_sstate(ep->base.sk, LISTENING))
		return 0;
	if (!sctpnl_tuple_of(asoc, t, &k))
		return 0;

	snap->seen++;
	if (snap->n < snap->cap)
		snap->keys[snap->n++] = k;
	return 0;
}

static int cmp_key_id(const void *a, const void *b)
{
	const struct sctpnl_tuple *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/*
 * One linear walk, or a few if associations appear faster than the array
 * grows; then sort by id and drop the duplicates an rhashtable resize can
 * show the walk.
 */
static int snap_take(struct sctpnl_snap *snap)
{
	u32 cap = max_t(u32, atomic_read(&sctpnl_snap_hint), 64);
	int tries = 8, pos;
	u32 i, j;

	for (;;) {
		snap->keys = kvmalloc_array(cap, sizeof(*snap->keys),
					    GFP_KERNEL_ACCOUNT);
		if (!snap->keys)
			return -ENOMEM;
		snap->cap = cap;
		snap->n = 0;
		snap->seen = 0;
		pos = 0;
		sctp_transport_traverse_process(snap_one, NULL, snap->net,
						&pos, snap);
		if (snap->seen <= snap->cap || !--tries)
			break;
		kvfree(snap->keys);
		cap = snap->seen + snap->seen / 8 + 64;
	}

	sort(snap->keys, snap->n, sizeof(*snap->keys), cmp_key_id, NULL);
	for (i = 0, j = 0; i < snap->n; i++)
		if (!j || snap->keys[j - 1].id != snap->keys[i].id)
			snap->keys[j++] = snap->keys[i];
	snap->n = j;

	atomic_set(&sctpnl_snap_hint, snap->n + snap->n / 8 + 64);
	WRITE_ONCE(snapshot_bytes, (unsigned long)snap->cap * sizeof(*snap->keys));
	WRITE_ONCE(snapshot_assocs, snap->n);
	return 0;
}

static int parse_filter(const struct nlattr *nla, struct sctpnl_dump_filter *f,
			struct user_namespace *user_ns,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[SCTPNL_FILTER_A_MAX + 1];
	int err, i;

	memset(f, 0, sizeof(*f));
	if (!nla)
		return 0;
	err = nla_parse_nested(tb, SCTPNL_FILTER_A_MAX, nla,
			       sctpnl_filter_policy, extack);
	if (err)
		return err;

	for (i = 1; i <= SCTPNL_FILTER_A_MAX; i++)
		if (tb[i])
			f->present |= BIT(i);

	if (tb[SCTPNL_FILTER_A_LOCAL_PORT])
		f->lport = nla_get_u16(tb[SCTPNL_FILTER_A_LOCAL_PORT]);
	if (tb[SCTPNL_FILTER_A_PEER_PORT])
		f->pport = nla_get_u16(tb[SCTPNL_FILTER_A_PEER_PORT]);
	if (tb[SCTPNL_FILTER_A_STATE])
		f->state_mask = nla_get_u32(tb[SCTPNL_FILTER_A_STATE]);
	if (tb[SCTPNL_FILTER_A_INODE])
		f->inode = nla_get_u64(tb[SCTPNL_FILTER_A_INODE]);
	if (tb[SCTPNL_FILTER_A_ASSOC_ID])
		f->assoc_id = nla_get_u32(tb[SCTPNL_FILTER_A_ASSOC_ID]);
	if (tb[SCTPNL_FILTER_A_UID]) {
		f->uid = make_kuid(user_ns, nla_get_u32(tb[SCTPNL_FILTER_A_UID]));
		if (!uid_valid(f->uid)) {
			NL_SET_ERR_MSG_ATTR(extack, tb[SCTPNL_FILTER_A_UID],
					    "uid not mapped in this user namespace");
			return -EINVAL;
		}
	}
	if (tb[SCTPNL_FILTER_A_LOCAL_ADDR]) {
		err = sctpnl_parse_addr(tb[SCTPNL_FILTER_A_LOCAL_ADDR],
					&f->laddr, false, extack);
		if (err)
			return err;
	}
	if (tb[SCTPNL_FILTER_A_PEER_ADDR]) {
		err = sctpnl_parse_addr(tb[SCTPNL_FILTER_A_PEER_ADDR],
					&f->paddr, false, extack);
		if (err)
			return err;
	}
	return 0;
}

struct sctpnl_snap *sctpnl_snap_new(struct netlink_callback *cb,
				    const struct nlattr *filter,
				    bool unlistened)
{
	struct sctpnl_snap *snap;
	int err;

	snap = kzalloc(sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return ERR_PTR(-ENOMEM);
	snap->net = sock_net(cb->skb->sk);
	snap->user_ns = sk_user_ns(NETLINK_CB(cb->skb).sk);
	snap->unlistened = unlistened;

	err = parse_filter(filter, &snap->filter, snap->user_ns, cb->extack);
	if (!err)
		err = snap_take(snap);
	if (err) {
		kfree(snap);
		return ERR_PTR(err);
	}
	return snap;
}

void sctpnl_snap_free(struct sctpnl_snap *snap)
{
	if (snap) {
		kvfree(snap->keys);
		kfree(snap);
	}
}

u32 sctpnl_snap_len(const struct sctpnl_snap *snap)
{
	return snap->n;
}

const struct sctpnl_dump_filter *sctpnl_snap_filter(const struct sctpnl_snap *snap)
{
	return &snap->filter;
}

void sctpnl_snap_key(const struct sctpnl_snap *snap, u32 i,
		     struct sctpnl_asoc_key *key)
{
	sctpnl_tuple_key(&snap->keys[i], key);
}

void sctpnl_tuple_key(const struct sctpnl_tuple *k, struct sctpnl_asoc_key *key)
{
	key->has_addrs = true;
	key->dif_known = true;
	key->dif = k->dif;
	key->assoc_id = k->id;
	key_to_addr(&key->laddr, k->lfamily, &k->laddr, k->lport, 0);
	key_to_addr(&key->paddr, k->pfamily, &k->paddr, k->pport, k->scope_id);
}

/*
 * Generic netlink on 6.1 gives .start no extack, so everything that can
 * fail with a message beyond the policy (filter values, the snapshot)
 * happens in the first .dumpit, whose errors reach the NLMSG_DONE ack.
 */
int sctpnl_assoc_dump_start(struct netlink_callback *cb)
{
	struct sctpnl_dump_ctx *ctx = (void *)cb->ctx;

	BUILD_BUG_ON(sizeof(*ctx) > sizeof(cb->ctx));

	ctx->snap = NULL;
	ctx->idx = 0;
	return 0;
}

int sctpnl_assoc_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct sctpnl_dump_ctx *ctx = (void *)cb->ctx;
	struct sctpnl_snap *snap = ctx->snap;
	struct fill_arg fa = {
		.skb = skb,
		.portid = NETLINK_CB(cb->skb).portid,
		.seq = cb->nlh->nlmsg_seq,
		.flags = NLM_F_MULTI,
	};
	struct sctpnl_asoc_key key = {};
	int err;

	if (!snap) {
		struct nlattr **attrs = genl_info_dump(cb)->attrs;

		snap = sctpnl_snap_new(cb, attrs[SCTPNL_A_FILTER], false);
		if (IS_ERR(snap))
			return PTR_ERR(snap);
		ctx->snap = snap;
	}
	fa.user_ns = snap->user_ns;
	fa.info = info_mask(genl_info_dump(cb)->attrs);

	for (; ctx->idx < snap->n; ctx->idx++) {
		sctpnl_snap_key(snap, ctx->idx, &key);
		err = sctpnl_with_assoc(snap->net, &key, fill_one, &fa);
		if (err == -EMSGSIZE) {
			/* Nothing fits even alone: report, don't spin. */
			if (!skb->len)
				return err;
			break;
		}
		/* Gone or replaced since the snapshot: skip it. */
		cond_resched();
	}
	return skb->len;
}

int sctpnl_assoc_dump_done(struct netlink_callback *cb)
{
	struct sctpnl_dump_ctx *ctx = (void *)cb->ctx;

	sctpnl_snap_free(ctx->snap);
	ctx->snap = NULL;
	return 0;
}
