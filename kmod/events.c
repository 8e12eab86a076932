// SPDX-License-Identifier: GPL-2.0
/*
 * System-wide SCTP notifications on the "events" multicast group.
 *
 * The SCTP stack builds most notifications whatever the owning socket
 * subscribed to, and drops the unwanted ones only when queueing them, so
 * a kprobe on each builder sees every notification of every association.
 * sctp.ko has no tracepoints for them and exports none of the builders.
 * Two notifications are built only for subscribers; for those we probe
 * the function that would build them instead:
 *
 *  - SEND_FAILED: sctp_datamsg_destroy() (inlined into sctp_datamsg_put())
 *    builds one per chunk of a message that has failed, when the owner
 *    subscribed.  A message has failed once sctp_chunk_fail() ran on one
 *    of its chunks, and only then.  sctp_datamsg_put() runs for every
 *    DATA chunk freed, too hot to probe, so we probe the cold
 *    sctp_chunk_fail() instead and report every chunk of the message at
 *    its first failure: the same chunks, a little earlier.
 *  - PARTIAL_DELIVERY: sctp_ulpq_abort_pd() builds the ABORTED indication
 *    only for subscribers; we probe it and report when partial delivery
 *    was in progress.  With I-DATA (interleaving) the per-stream helper is
 *    inlined and renamed by the compiler, so there we fall back to the
 *    builder, sctp_ulpevent_make_pdapi(), seen only for subscribers.
 *
 * Each builder is called once per notification (its callers never retry
 * it), a builder's own allocation failure included: we report what the
 * stack meant to say.  PEER_ADDR_CHANGE's builder is inlined; its only
 * caller, sctp_ulpevent_notify_peer_addr_change(), is probed instead and
 * repeats its early return for associations not yet established.
 *
 * Handlers run in the probed function's context: softirq or process
 * context, socket locked, possibly with interrupts off.  They only copy
 * from structures their caller holds, allocate with GFP_ATOMIC and
 * multicast; nothing here can reach a probed function again.  When no one
 * listens to the group a handler costs one test.  Netlink answers that
 * for all namespaces at once (one listener mask per protocol), so with a
 * listener elsewhere the message is built and the multicast finds no one.
 */
#include <linux/kprobes.h>
#include <linux/timekeeping.h>
#include "sctpnl.h"

/* Undelivered data and error causes are cut to this many bytes. */
#define SCTPNL_EVENT_DATA_MAX	64

/* Room for the identity and the largest event payload. */
#define SCTPNL_EVENT_SIZE	512

/* Messages we could not allocate or build, since load. */
static atomic64_t sctpnl_lost_count = ATOMIC64_INIT(0);

/* A message under construction. */
struct sctpnl_ev {
	struct sk_buff *skb;
	void *hdr;
	struct net *net;
	struct nlattr *nest;
};

void sctpnl_count_lost(void)
{
	atomic64_inc(&sctpnl_lost_count);
}

/*
 * Inode of the socket owning @sk, 0 if it has none (closed while the
 * association shuts down).  sock_i_ino() takes sk_callback_lock with
 * BHs disabled, which we may not do with interrupts off.  Reading
 * sk_socket without it is safe: sock_orphan() clears it before the
 * socket is released, and sockfs frees its inodes after an RCU grace
 * period, so an inode seen here stays readable until we leave RCU.
 */
static u64 sctpnl_sk_ino(const struct sock *sk)
{
	struct socket *sock;
	u64 ino = 0;

	rcu_read_lock();
	sock = READ_ONCE(sk->sk_socket);
	if (sock)
		ino = SOCK_INODE(sock)->i_ino;
	rcu_read_unlock();
	return ino;
}

/*
 * Allocate the message for an event on @asoc and put its identity; false
 * when there is nothing to do (no listener) or on failure, which is
 * counted.  On success the SCTPNL_A_EVENT nest is open.
 */
static bool sctpnl_ev_begin(struct sctpnl_ev *ev,
			    const struct sctp_association *asoc, u8 cmd)
{
	const union sctp_addr *peer = &asoc->peer.primary_addr;
	struct sock *sk = asoc->base.sk;

	ev->net = sock_net(sk);
	if (!genl_has_listeners(&sctpnl_family, ev->net,
				SCTPNL_MCGRP_EVENTS_IDX))
		return false;

	ev->skb = genlmsg_new(SCTPNL_EVENT_SIZE, GFP_ATOMIC);
	if (!ev->skb)
		goto lost;
	ev->hdr = genlmsg_put(ev->skb, 0, 0, &sctpnl_family, 0, cmd);
	if (!ev->hdr)
		goto free;

	if (sctpnl_fill_ident(ev->skb, asoc, sctpnl_sk_ino(sk)) ||
	    (peer->sa.sa_family &&
	     sctpnl_put_addr(ev->skb, SCTPNL_A_PEER, peer, true)) ||
	    nla_put_u64_64bit(ev->skb, SCTPNL_A_TIMESTAMP, ktime_get_real_ns(),
			      SCTPNL_A_PAD) ||
	    nla_put_u64_64bit(ev->skb, SCTPNL_A_LOST, sctpnl_lost(),
			      SCTPNL_A_PAD))
		goto free;

	ev->nest = nla_nest_start(ev->skb, SCTPNL_A_EVENT);
	if (!ev->nest)
		goto free;
	return true;

free:
	nlmsg_free(ev->skb);
lost:
	sctpnl_count_lost();
	return false;
}

/* Close the message and multicast it. */
static void sctpnl_ev_send(struct sctpnl_ev *ev)
{
	nla_nest_end(ev->skb, ev->nest);
	genlmsg_end(ev->skb, ev->hdr);
	/*
	 * ESRCH (the listener left) and ENOBUFS (a listener's queue is
	 * full; it learns so itself) are not ours to count.
	 */
	genlmsg_multicast_netns(&sctpnl_family, ev->net, ev->skb, 0,
				SCTPNL_MCGRP_EVENTS_IDX, GFP_ATOMIC);
}

static void sctpnl_ev_fail(struct sctpnl_ev *ev)
{
	nlmsg_free(ev->skb);
	sctpnl_count_lost();
}

/*
 * Send the event, or drop and count it when @failed (an attribute did not
 * fit).  Returns 0, what a kprobe pre-handler returns.
 */
static int sctpnl_ev_end(struct sctpnl_ev *ev, bool failed)
{
	if (failed)
		sctpnl_ev_fail(ev);
	else
		sctpnl_ev_send(ev);
	return 0;
}

/* Up to SCTPNL_EVENT_DATA_MAX bytes of @skb from @off, at most @len. */
static int sctpnl_put_data(struct sk_buff *msg, const struct sk_buff *skb,
			   unsigned int off, unsigned int len)
{
	struct nlattr *nla;

	if (off > skb->len)
		return 0;
	len = min3(len, skb->len - off, (unsigned int)SCTPNL_EVENT_DATA_MAX);
	if (!len)
		return 0;
	nla = nla_reserve(msg, SCTPNL_EVENT_A_DATA, len);
	if (!nla)
		return -EMSGSIZE;
	return skb_copy_bits(skb, off, nla_data(nla), len);
}

#define ARG(regs, n)	((void *)regs_get_kernel_argument(regs, n))
#define ARG_U(regs, n)	((u32)regs_get_kernel_argument(regs, n))

/*
 * sctp_ulpevent_make_assoc_change(asoc, flags, state, error, outbound,
 *				   inbound, chunk, gfp)
 * @chunk is the ABORT that ended the association, if any: its causes are
 * the notification's sac_info, and our DATA.
 */
static int sctpnl_assoc_change_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_chunk *chunk = ARG(regs, 6);
	struct sctp_association *asoc = ARG(regs, 0);
	/* A __u16 argument: the register's upper bits are undefined. */
	u16 state = ARG_U(regs, 2);
	struct sctpnl_ev ev;

	/* Up (again): a request by id finds it without a walk. */
	if (state == SCTP_COMM_UP || state == SCTP_RESTART)
		sctpnl_index_add(asoc, asoc->peer.primary_path);

	if (!sctpnl_ev_begin(&ev, asoc, SCTPNL_CMD_EVENT_ASSOC_CHANGE))
		return 0;
	return sctpnl_ev_end(&ev,
		nla_put_u16(ev.skb, SCTPNL_EVENT_A_STATE, state) ||
		nla_put_u32(ev.skb, SCTPNL_EVENT_A_ERROR, (u16)ARG_U(regs, 3)) ||
		nla_put_u16(ev.skb, SCTPNL_EVENT_A_OUTBOUND_STREAMS,
			    (u16)ARG_U(regs, 4)) ||
		nla_put_u16(ev.skb, SCTPNL_EVENT_A_INBOUND_STREAMS,
			    (u16)ARG_U(regs, 5)) ||
		(chunk && sctpnl_put_data(ev.skb, chunk->skb, 0,
					  ntohs(chunk->chunk_hdr->length) -
					  sizeof(struct sctp_chunkhdr))));
}

/* sctp_ulpevent_notify_peer_addr_change(transport, state, error) */
static int sctpnl_paddr_change_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_transport *t = ARG(regs, 0);
	struct sctpnl_ev ev;

	/* The function returns early here, without a notification. */
	if (t->asoc->state < SCTP_STATE_ESTABLISHED)
		return 0;
	if (!sctpnl_ev_begin(&ev, t->asoc, SCTPNL_CMD_EVENT_PADDR_CHANGE))
		return 0;
	return sctpnl_ev_end(&ev,
		sctpnl_put_addr(ev.skb, SCTPNL_EVENT_A_ADDR, &t->ipaddr, true) ||
		nla_put_u16(ev.skb, SCTPNL_EVENT_A_STATE, ARG_U(regs, 1)) ||
		nla_put_u32(ev.skb, SCTPNL_EVENT_A_ERROR, ARG_U(regs, 2)));
}

/*
 * sctp_ulpevent_make_remote_error(asoc, chunk, flags, gfp): the chunk's
 * data points at the error cause the notification carries.  ERROR is
 * sre_error as the stack fills it: the cause code in network byte order.
 */
static int sctpnl_remote_error_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_chunk *chunk = ARG(regs, 1);
	const struct sk_buff *skb = chunk->skb;
	const struct sctp_errhdr *eh;
	struct sctpnl_ev ev;
	unsigned int elen;

	if (!sctpnl_ev_begin(&ev, ARG(regs, 0), SCTPNL_CMD_EVENT_REMOTE_ERROR))
		return 0;
	/* The stack reads the header in place, so it is linear. */
	eh = (const struct sctp_errhdr *)skb->data;
	elen = SCTP_PAD4(ntohs(eh->length));
	elen = elen > sizeof(*eh) ? elen - sizeof(*eh) : 0;
	return sctpnl_ev_end(&ev,
		nla_put_u32(ev.skb, SCTPNL_EVENT_A_ERROR,
			    (__force u16)eh->cause) ||
		sctpnl_put_data(ev.skb, skb, sizeof(*eh), elen));
}

/* One SEND_FAILED for @chunk, as sctp_ulpevent_make_send_failed() would. */
static void sctpnl_send_failed(const struct sctp_chunk *chunk, u32 error)
{
	const struct sctp_association *asoc = chunk->asoc;
	struct sctp_sndrcvinfo si = chunk->sinfo;
	unsigned int hlen, len;
	struct sctpnl_ev ev;

	if (!asoc || !asoc->stream.si || !chunk->chunk_hdr)
		return;
	if (!sctpnl_ev_begin(&ev, asoc, SCTPNL_CMD_EVENT_SEND_FAILED))
		return;

	hlen = sctp_datachk_len(&asoc->stream);
	len = ntohs(chunk->chunk_hdr->length);
	len = len > hlen ? len - hlen : 0;
	if (nla_put_u32(ev.skb, SCTPNL_EVENT_A_FLAGS,
			chunk->has_tsn ? SCTP_DATA_SENT : SCTP_DATA_UNSENT) ||
	    nla_put_u32(ev.skb, SCTPNL_EVENT_A_ERROR,
			error ?: asoc->outqueue.error))
		goto fail;

	/* The stack reports the chunk's flags, to allow reassembly. */
	si.sinfo_flags = chunk->chunk_hdr->flags;
	if (sctpnl_fill_sndrcv(ev.skb, SCTPNL_EVENT_A_SNDRCVINFO, &si, true))
		goto fail;

	sctpnl_ev_end(&ev, sctpnl_put_data(ev.skb, chunk->skb, hlen, len));
	return;
fail:
	sctpnl_ev_fail(&ev);
}

/*
 * sctp_chunk_fail(chunk, error): the first call for a message marks it
 * failed.  Its chunks stay on msg->chunks until the message is destroyed
 * and none of them is sent after a failure, so what we report here is
 * what the stack would notify then (its error is the last failure's;
 * they are all the same unless a queue teardown follows an expiry).
 * Every call runs under the socket's lock.
 */
static int sctpnl_chunk_fail_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_chunk *chunk = ARG(regs, 0), *c;
	const struct sctp_datamsg *msg = chunk->msg;

	if (!msg || msg->send_failed)
		return 0;
	list_for_each_entry(c, &msg->chunks, frag_list)
		sctpnl_send_failed(c, ARG_U(regs, 1));
	return 0;
}

/* sctp_ulpevent_make_shutdown_event(asoc, flags, gfp) */
static int sctpnl_shutdown_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct sctpnl_ev ev;

	if (sctpnl_ev_begin(&ev, ARG(regs, 0), SCTPNL_CMD_EVENT_SHUTDOWN))
		sctpnl_ev_send(&ev);
	return 0;
}

/* sctp_ulpevent_make_adaptation_indication(asoc, gfp) */
static int sctpnl_adaptation_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_association *asoc = ARG(regs, 0);
	struct sctpnl_ev ev;

	if (!sctpnl_ev_begin(&ev, asoc, SCTPNL_CMD_EVENT_ADAPTATION))
		return 0;
	return sctpnl_ev_end(&ev, nla_put_u32(ev.skb,
					     SCTPNL_EVENT_A_ADAPTATION_IND,
					     asoc->peer.adaptation_ind));
}

static void sctpnl_pdapi(const struct sctp_association *asoc, u32 indication)
{
	struct sctpnl_ev ev;

	if (!sctpnl_ev_begin(&ev, asoc, SCTPNL_CMD_EVENT_PDAPI))
		return;
	sctpnl_ev_end(&ev, nla_put_u32(ev.skb, SCTPNL_EVENT_A_INDICATION,
				       indication));
}

/* sctp_ulpq_abort_pd(ulpq, gfp): DATA (not I-DATA) partial delivery. */
static int sctpnl_abort_pd_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_ulpq *ulpq = ARG(regs, 0);

	if (ulpq->pd_mode)
		sctpnl_pdapi(ulpq->asoc, SCTP_PARTIAL_DELIVERY_ABORTED);
	return 0;
}

/*
 * sctp_ulpevent_make_pdapi(asoc, indication, sid, seq, flags, gfp): only
 * for I-DATA associations, DATA ones are seen in sctp_ulpq_abort_pd().
 */
static int sctpnl_make_pdapi_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct sctp_association *asoc = ARG(regs, 0);

	if (asoc->peer.intl_capable)
		sctpnl_pdapi(asoc, ARG_U(regs, 1));
	return 0;
}

/* A kprobe, and the events lost without it. */
struct sctpnl_kprobe {
	struct kprobe kp;
	enum sctpnl_hook hook;
};

#define SCTPNL_KPROBE(h, sym, fn) \
	{ .kp = { .symbol_name = sym, .pre_handler = fn }, .hook = h }

static struct sctpnl_kprobe sctpnl_kprobes[] = {
	SCTPNL_KPROBE(SCTPNL_HOOK_ASSOC_CHANGE,
		      "sctp_ulpevent_make_assoc_change",
		      sctpnl_assoc_change_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_PADDR_CHANGE,
		      "sctp_ulpevent_notify_peer_addr_change",
		      sctpnl_paddr_change_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_REMOTE_ERROR,
		      "sctp_ulpevent_make_remote_error",
		      sctpnl_remote_error_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_SEND_FAILED, "sctp_chunk_fail",
		      sctpnl_chunk_fail_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_SHUTDOWN,
		      "sctp_ulpevent_make_shutdown_event",
		      sctpnl_shutdown_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_ADAPTATION,
		      "sctp_ulpevent_make_adaptation_indication",
		      sctpnl_adaptation_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_PDAPI, "sctp_ulpq_abort_pd",
		      sctpnl_abort_pd_pre),
	SCTPNL_KPROBE(SCTPNL_HOOK_PDAPI, "sctp_ulpevent_make_pdapi",
		      sctpnl_make_pdapi_pre),
};

/* The registered ones, for one unregister_kprobes() call. */
static struct kprobe *sctpnl_kprobes_on[ARRAY_SIZE(sctpnl_kprobes)];
static unsigned int sctpnl_n_kprobes_on;

/*
 * Everything we failed to deliver: our own allocation failures plus the
 * hits kprobes skipped because another kprobe handler was running on the
 * CPU (an interrupt ran the SCTP stack under one of ours).
 */
u64 sctpnl_lost(void)
{
	u64 lost = atomic64_read(&sctpnl_lost_count);
	unsigned int i;

	/* An unregistered kprobe's count stays 0. */
	for (i = 0; i < ARRAY_SIZE(sctpnl_kprobes); i++)
		lost += READ_ONCE(sctpnl_kprobes[i].kp.nmissed);
	return lost;
}

/*
 * Register what can be: a kernel whose sctp.ko inlined or renamed one of
 * the functions loses that event, not the module (hooks.c says which).
 * Returns how many failed, each logged once.
 */
int sctpnl_events_init(void)
{
	unsigned long failed = 0, disabled = 0;
	struct sctpnl_kprobe *p;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(sctpnl_kprobes); i++) {
		p = &sctpnl_kprobes[i];
		if (sctpnl_hook_disabled(p->hook)) {
			disabled |= BIT(p->hook);
			continue;
		}
		err = register_kprobe(&p->kp);
		if (err) {
			pr_warn("sctpnl: cannot probe %s (%d), its events are not reported\n",
				p->kp.symbol_name, err);
			failed |= BIT(p->hook);
			continue;
		}
		sctpnl_kprobes_on[sctpnl_n_kprobes_on++] = &p->kp;
	}
	/* An event with two probes is whole only with both. */
	for (i = 0; i < ARRAY_SIZE(sctpnl_kprobes); i++) {
		p = &sctpnl_kprobes[i];
		sctpnl_hook_up(p->hook, !((failed | disabled) & BIT(p->hook)));
	}
	return hweight_long(failed);
}

/* Returns once no handler runs any more (one RCU grace period). */
void sctpnl_events_exit(void)
{
	unregister_kprobes(sctpnl_kprobes_on, sctpnl_n_kprobes_on);
	sctpnl_n_kprobes_on = 0;
}
