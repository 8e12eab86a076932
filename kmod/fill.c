// SPDX-License-Identifier: GPL-2.0
/*
 * Association and endpoint message bodies.  Every value is rebuilt from the
 * SCTP stack's structures the way net/sctp/socket.c builds the getsockopt
 * answers (getsockopt itself takes user pointers), converted to the units
 * the uapi promises.  Callers hold the socket lock, which is what keeps the
 * association's lists and counters stable here.
 */
#include "sctpnl.h"
#include <net/sctp/ulpevent.h>

enum sctpnl_style sctpnl_sk_style(const struct sock *sk)
{
	switch (sctp_sk(sk)->type) {
	case SCTP_SOCKET_TCP:
		return SCTPNL_STYLE_ONE_TO_ONE;
	case SCTP_SOCKET_UDP_HIGH_BANDWIDTH:
		return SCTPNL_STYLE_PEELED;
	default:
		return SCTPNL_STYLE_ONE_TO_MANY;
	}
}

static int put_msecs(struct sk_buff *skb, int type, unsigned long j)
{
	return nla_put_u32(skb, type, jiffies_to_msecs(j));
}

/*
 * Which association a message is about: its id, the owner's inode when
 * known (@ino 0: not sent) and the ports.  Shared by replies and events.
 */
int sctpnl_fill_ident(struct sk_buff *skb,
		      const struct sctp_association *asoc, u64 ino)
{
	if (nla_put_u32(skb, SCTPNL_A_ASSOC_ID, asoc->assoc_id) ||
	    (ino && nla_put_u64_64bit(skb, SCTPNL_A_SK_INODE, ino,
				      SCTPNL_A_PAD)) ||
	    nla_put_u16(skb, SCTPNL_A_LOCAL_PORT, asoc->base.bind_addr.port) ||
	    nla_put_u16(skb, SCTPNL_A_PEER_PORT, asoc->peer.port))
		return -EMSGSIZE;
	return 0;
}

/* The owning socket: owner, style, how it presents addresses. */
static int fill_sock(struct sk_buff *skb, struct sock *sk,
		     struct user_namespace *user_ns)
{
	if (nla_put_u32(skb, SCTPNL_A_SK_UID,
			from_kuid_munged(user_ns, sk_uid(sk))) ||
	    nla_put_u8(skb, SCTPNL_A_SK_STYLE, sctpnl_sk_style(sk)) ||
	    nla_put_u16(skb, SCTPNL_A_SK_FAMILY, sk->sk_family) ||
	    nla_put_u8(skb, SCTPNL_A_SK_V4MAPPED, sctp_sk(sk)->v4mapped))
		return -EMSGSIZE;
	return 0;
}

static int fill_bind_addrs(struct sk_buff *skb, struct sctp_bind_addr *bp)
{
	struct sctp_sockaddr_entry *laddr;
	struct nlattr *list;

	list = nla_nest_start(skb, SCTPNL_A_LOCAL_ADDRS);
	if (!list)
		return -EMSGSIZE;
	rcu_read_lock();
	list_for_each_entry_rcu(laddr, &bp->address_list, list) {
		if (!laddr->valid)
			continue;
		if (sctpnl_put_addr(skb, SCTPNL_A_LOCAL_ADDRS_ENTRY,
				    &laddr->a, false)) {
			rcu_read_unlock();
			nla_nest_cancel(skb, list);
			return -EMSGSIZE;
		}
	}
	rcu_read_unlock();
	nla_nest_end(skb, list);
	return 0;
}

/* The owner's socket-level options, shared by associations and endpoints. */
static int fill_sock_opts(struct sk_buff *skb, struct sctp_sock *sp)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(skb, SCTPNL_A_INITMSG);
	if (!nest ||
	    nla_put_u16(skb, SCTPNL_INITMSG_A_NUM_OSTREAMS,
			sp->initmsg.sinit_num_ostreams) ||
	    nla_put_u16(skb, SCTPNL_INITMSG_A_MAX_INSTREAMS,
			sp->initmsg.sinit_max_instreams) ||
	    nla_put_u16(skb, SCTPNL_INITMSG_A_MAX_ATTEMPTS,
			sp->initmsg.sinit_max_attempts) ||
	    nla_put_u16(skb, SCTPNL_INITMSG_A_MAX_INIT_TIMEO,
			sp->initmsg.sinit_max_init_timeo))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);

	/* SCTP_EVENTS reads the socket's subscription, so do we. */
	nest = nla_nest_start(skb, SCTPNL_A_EVENTS);
	if (!nest)
		return -EMSGSIZE;
	for (i = SCTPNL_EVENTS_A_DATA_IO; i <= SCTPNL_EVENTS_A_MAX; i++) {
		u16 type = SCTP_SN_TYPE_BASE + i - SCTPNL_EVENTS_A_DATA_IO;

		if (nla_put_u8(skb, i,
			       sctp_ulpevent_type_enabled(sp->subscribe, type)))
			return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);

	if (nla_put_u8(skb, SCTPNL_A_NODELAY, sp->nodelay) ||
	    nla_put_u32(skb, SCTPNL_A_AUTOCLOSE, sp->autoclose) ||
	    nla_put_u8(skb, SCTPNL_A_DISABLE_FRAGMENTS,
		       sp->disable_fragments) ||
	    nla_put_u32(skb, SCTPNL_A_ADAPTATION_IND, sp->adaptation_ind))
		return -EMSGSIZE;
	return 0;
}

/* What SCTP_GET_PEER_ADDR_INFO and SCTP_PEER_ADDR_PARAMS say of a path. */
static int fill_path_params(struct sk_buff *skb, struct sctp_transport *t)
{
	if (nla_put_u32(skb, SCTPNL_PADDR_A_CWND, t->cwnd) ||
	    put_msecs(skb, SCTPNL_PADDR_A_SRTT, t->srtt) ||
	    put_msecs(skb, SCTPNL_PADDR_A_RTO, t->rto) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_MTU, t->pathmtu) ||
	    put_msecs(skb, SCTPNL_PADDR_A_HBINTERVAL, t->hbinterval) ||
	    nla_put_u16(skb, SCTPNL_PADDR_A_PATHMAXRXT, t->pathmaxrxt) ||
	    put_msecs(skb, SCTPNL_PADDR_A_SACKDELAY, t->sackdelay) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_FLAGS, t->param_flags) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_SSTHRESH, t->ssthresh) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_FLIGHT_SIZE, t->flight_size) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED,
			t->partial_bytes_acked) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_ERROR_COUNT, t->error_count) ||
	    nla_put_u16(skb, SCTPNL_PADDR_A_PF_RETRANS, t->pf_retrans) ||
	    nla_put_u8(skb, SCTPNL_PADDR_A_HB_ACTIVE,
		       timer_pending(&t->hb_timer)))
		return -EMSGSIZE;
	return 0;
}

static int fill_path_times(struct sk_buff *skb, struct sctp_transport *t)
{
	s64 heard = ktime_ms_delta(ktime_get(), t->last_time_heard);

	if (put_msecs(skb, SCTPNL_PADDR_A_RTTVAR, t->rttvar) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_SRTT_SOCKOPT, t->srtt) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_LAST_HEARD,
			clamp_t(s64, heard, 0, U32_MAX)))
		return -EMSGSIZE;
	return 0;
}

/*
 * One peer path: every attribute with @full, else what a one-line listing
 * needs (address, state, primary).
 */
static int fill_path(struct sk_buff *skb, struct sctp_transport *t,
		     bool full)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_PADDRS_ENTRY);

	if (!nest ||
	    sctpnl_put_addr(skb, SCTPNL_PADDR_A_ADDR, &t->ipaddr, true) ||
	    nla_put_u8(skb, SCTPNL_PADDR_A_STATE, sctpnl_path_state(t)) ||
	    (full && fill_path_params(skb, t)) ||
	    nla_put_u8(skb, SCTPNL_PADDR_A_PRIMARY,
		       t->asoc->peer.primary_path == t) ||
	    (full && fill_path_times(skb, t)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * DATA chunks received above the cumulative TSN ack point and not yet
 * received in full, as SCTP_STATUS reports them.  sctp.ko does not export
 * its helper for this, so count the same way from the TSN map.
 */
static u16 tsnmap_pending(const struct sctp_tsnmap *map)
{
	u16 pending = map->max_tsn_seen - map->cumulative_tsn_ack_point;
	u32 gap = map->max_tsn_seen - map->base_tsn;

	if (gap && gap < map->len)
		pending -= bitmap_weight(map->tsn_map, gap + 1);
	return pending;
}

static int fill_status(struct sk_buff *skb, struct sctp_association *asoc)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_STATUS);

	if (!nest ||
	    nla_put_u8(skb, SCTPNL_STATUS_A_STATE, sctp_assoc_to_state(asoc)) ||
	    nla_put_u32(skb, SCTPNL_STATUS_A_RWND, asoc->peer.rwnd) ||
	    nla_put_u32(skb, SCTPNL_STATUS_A_UNACKDATA, asoc->unack_data) ||
	    nla_put_u32(skb, SCTPNL_STATUS_A_PENDDATA,
			tsnmap_pending(&asoc->peer.tsn_map)) ||
	    nla_put_u16(skb, SCTPNL_STATUS_A_INSTRMS, asoc->stream.incnt) ||
	    nla_put_u16(skb, SCTPNL_STATUS_A_OUTSTRMS, asoc->stream.outcnt) ||
	    nla_put_u32(skb, SCTPNL_STATUS_A_FRAGMENTATION_POINT,
			asoc->frag_point))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int fill_rtoinfo(struct sk_buff *skb, struct sctp_association *asoc)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_RTOINFO);

	if (!nest ||
	    put_msecs(skb, SCTPNL_RTOINFO_A_RTO_INITIAL, asoc->rto_initial) ||
	    put_msecs(skb, SCTPNL_RTOINFO_A_RTO_MAX, asoc->rto_max) ||
	    put_msecs(skb, SCTPNL_RTOINFO_A_RTO_MIN, asoc->rto_min))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int fill_assocparams(struct sk_buff *skb,
			    struct sctp_association *asoc)
{
	struct sctp_transport *t;
	struct nlattr *nest;
	u16 npaths = 0;

	list_for_each_entry(t, &asoc->peer.transport_addr_list, transports)
		npaths++;

	nest = nla_nest_start(skb, SCTPNL_A_ASSOCINFO);
	if (!nest ||
	    nla_put_u16(skb, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT,
			asoc->max_retrans) ||
	    nla_put_u16(skb, SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS,
			npaths) ||
	    nla_put_u32(skb, SCTPNL_ASSOCPARAMS_A_PEER_RWND, asoc->peer.rwnd) ||
	    nla_put_u32(skb, SCTPNL_ASSOCPARAMS_A_LOCAL_RWND, asoc->a_rwnd) ||
	    nla_put_u32(skb, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE,
			ktime_to_ms(asoc->cookie_life)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* With delayed SACK off, SCTP_DELAYED_SACK reads delay 0, freq 1. */
static int fill_delayed_ack(struct sk_buff *skb,
			    struct sctp_association *asoc)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_DELAYED_ACK);
	bool on = asoc->param_flags & SPP_SACKDELAY_ENABLE;

	if (!nest ||
	    put_msecs(skb, SCTPNL_SACK_A_DELAY, on ? asoc->sackdelay : 0) ||
	    nla_put_u32(skb, SCTPNL_SACK_A_FREQ, on ? asoc->sackfreq : 1))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * A #sctp_sndrcvinfo{} nest.  SSN, TSN and CUMTSN belong to a message
 * that went out (@sent), not to the defaults of messages to come.
 */
int sctpnl_fill_sndrcv(struct sk_buff *skb, int attrtype,
		       const struct sctp_sndrcvinfo *si, bool sent)
{
	struct nlattr *nest = nla_nest_start(skb, attrtype);

	if (!nest ||
	    nla_put_u16(skb, SCTPNL_SNDRCV_A_STREAM, si->sinfo_stream) ||
	    (sent && nla_put_u16(skb, SCTPNL_SNDRCV_A_SSN, si->sinfo_ssn)) ||
	    nla_put_u16(skb, SCTPNL_SNDRCV_A_FLAGS, si->sinfo_flags) ||
	    nla_put_u32(skb, SCTPNL_SNDRCV_A_PPID, si->sinfo_ppid) ||
	    nla_put_u32(skb, SCTPNL_SNDRCV_A_CONTEXT, si->sinfo_context) ||
	    nla_put_u32(skb, SCTPNL_SNDRCV_A_TIMETOLIVE,
			si->sinfo_timetolive) ||
	    (sent && (nla_put_u32(skb, SCTPNL_SNDRCV_A_TSN, si->sinfo_tsn) ||
		      nla_put_u32(skb, SCTPNL_SNDRCV_A_CUMTSN,
				  si->sinfo_cumtsn))))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* SCTP_DEFAULT_SEND_PARAM */
static int fill_default_send(struct sk_buff *skb,
			     struct sctp_association *asoc)
{
	struct sctp_sndrcvinfo si = {
		.sinfo_stream = asoc->default_stream,
		.sinfo_flags = asoc->default_flags,
		.sinfo_ppid = asoc->default_ppid,
		.sinfo_context = asoc->default_context,
		.sinfo_timetolive = asoc->default_timetolive,
	};

	return sctpnl_fill_sndrcv(skb, SCTPNL_A_DEFAULT_SEND, &si, false);
}

static int fill_params(struct sk_buff *skb, struct sctp_association *asoc)
{
	if (fill_rtoinfo(skb, asoc) || fill_assocparams(skb, asoc) ||
	    fill_delayed_ack(skb, asoc) || fill_default_send(skb, asoc))
		return -EMSGSIZE;
	/* SCTP_MAXSEG on an association reports its fragmentation point. */
	if (nla_put_u32(skb, SCTPNL_A_MAXSEG, asoc->frag_point) ||
	    nla_put_u32(skb, SCTPNL_A_PEER_ADAPTATION_IND,
			asoc->peer.adaptation_ind))
		return -EMSGSIZE;
	return 0;
}

#define PUT_STAT(skb, a, f) \
	nla_put_u64_64bit(skb, SCTPNL_STATS_A_##a, (asoc)->stats.f, \
			  SCTPNL_STATS_A_PAD)

/* SCTP_GET_ASSOC_STATS without its side effect of resetting max_obs_rto. */
static int fill_stats(struct sk_buff *skb, struct sctp_association *asoc)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_STATS);

	if (!nest ||
	    PUT_STAT(skb, RTXCHUNKS, rtxchunks) ||
	    PUT_STAT(skb, GAPCNT, gapcnt) ||
	    PUT_STAT(skb, OUTOFSEQTSNS, outofseqtsns) ||
	    PUT_STAT(skb, OSACKS, osacks) ||
	    PUT_STAT(skb, ISACKS, isacks) ||
	    PUT_STAT(skb, OCTRLCHUNKS, octrlchunks) ||
	    PUT_STAT(skb, ICTRLCHUNKS, ictrlchunks) ||
	    PUT_STAT(skb, OODCHUNKS, oodchunks) ||
	    PUT_STAT(skb, IODCHUNKS, iodchunks) ||
	    PUT_STAT(skb, OUODCHUNKS, ouodchunks) ||
	    PUT_STAT(skb, IUODCHUNKS, iuodchunks) ||
	    PUT_STAT(skb, IDUPCHUNKS, idupchunks) ||
	    PUT_STAT(skb, OPACKETS, opackets) ||
	    PUT_STAT(skb, IPACKETS, ipackets) ||
	    nla_put_u64_64bit(skb, SCTPNL_STATS_A_MAX_OBS_RTO,
			      jiffies_to_msecs(asoc->stats.max_obs_rto),
			      SCTPNL_STATS_A_PAD))
		return -EMSGSIZE;
	if (asoc->stats.max_obs_rto &&
	    asoc->stats.obs_rto_ipaddr.ss_family &&
	    sctpnl_put_addr(skb, SCTPNL_STATS_A_MAX_OBS_RTO_ADDR,
			    (union sctp_addr *)&asoc->stats.obs_rto_ipaddr,
			    true))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int fill_misc(struct sk_buff *skb, struct sctp_association *asoc)
{
	if (nla_put_u32(skb, SCTPNL_A_LOCAL_VTAG, asoc->c.my_vtag) ||
	    nla_put_u32(skb, SCTPNL_A_PEER_VTAG, asoc->c.peer_vtag) ||
	    nla_put_u32(skb, SCTPNL_A_SNDQ, asoc->sndbuf_used) ||
	    nla_put_u32(skb, SCTPNL_A_RCVQ, atomic_read(&asoc->rmem_alloc)) ||
	    nla_put_u32(skb, SCTPNL_A_LOCAL_RWND, asoc->rwnd))
		return -EMSGSIZE;
	return 0;
}

static int fill_paths(struct sk_buff *skb, struct sctp_association *asoc,
		      bool full)
{
	struct nlattr *paths = nla_nest_start(skb, SCTPNL_A_PADDRS);
	struct sctp_transport *t;

	if (!paths)
		return -EMSGSIZE;
	list_for_each_entry(t, &asoc->peer.transport_addr_list, transports)
		if (fill_path(skb, t, full))
			return -EMSGSIZE;
	nla_nest_end(skb, paths);
	return 0;
}

/* @info: enum sctpnl_info bits, the parts the requester asked for. */
int sctpnl_fill_assoc(struct sk_buff *skb, struct sctp_association *asoc,
		      struct user_namespace *user_ns, u32 info)
{
	bool listed = info & (SCTPNL_INFO_BRIEF | SCTPNL_INFO_PATHS);
	struct sock *sk = asoc->base.sk;

	if (sctpnl_fill_ident(skb, asoc, sock_i_ino(sk)) ||
	    fill_sock(skb, sk, user_ns))
		return -EMSGSIZE;
	if ((info & SCTPNL_INFO_MISC) && fill_misc(skb, asoc))
		return -EMSGSIZE;
	if (listed &&
	    (fill_bind_addrs(skb, &asoc->base.bind_addr) ||
	     fill_status(skb, asoc)))
		return -EMSGSIZE;
	if ((info & SCTPNL_INFO_OPTIONS) &&
	    (fill_params(skb, asoc) || fill_sock_opts(skb, sctp_sk(sk))))
		return -EMSGSIZE;
	if ((info & SCTPNL_INFO_STATS) && fill_stats(skb, asoc))
		return -EMSGSIZE;
	if (listed && fill_paths(skb, asoc, info & SCTPNL_INFO_PATHS))
		return -EMSGSIZE;
	return 0;
}

/* The socket's defaults for its future associations and their paths. */
static int fill_ep_defaults(struct sk_buff *skb, struct sctp_sock *sp)
{
	struct nlattr *nest = nla_nest_start(skb, SCTPNL_A_RTOINFO);

	if (!nest ||
	    nla_put_u32(skb, SCTPNL_RTOINFO_A_RTO_INITIAL,
			sp->rtoinfo.srto_initial) ||
	    nla_put_u32(skb, SCTPNL_RTOINFO_A_RTO_MAX, sp->rtoinfo.srto_max) ||
	    nla_put_u32(skb, SCTPNL_RTOINFO_A_RTO_MIN, sp->rtoinfo.srto_min))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);

	nest = nla_nest_start(skb, SCTPNL_A_ASSOCINFO);
	if (!nest ||
	    nla_put_u16(skb, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT,
			sp->assocparams.sasoc_asocmaxrxt) ||
	    nla_put_u32(skb, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE,
			sp->assocparams.sasoc_cookie_life))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);

	nest = nla_nest_start(skb, SCTPNL_A_PADDRPARAMS);
	if (!nest ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_HBINTERVAL, sp->hbinterval) ||
	    nla_put_u16(skb, SCTPNL_PADDR_A_PATHMAXRXT, sp->pathmaxrxt) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_MTU, sp->pathmtu) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_SACKDELAY, sp->sackdelay) ||
	    nla_put_u32(skb, SCTPNL_PADDR_A_FLAGS, sp->param_flags))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

int sctpnl_fill_ep(struct sk_buff *skb, struct sctp_endpoint *ep,
		   struct user_namespace *user_ns)
{
	struct sock *sk = ep->base.sk;
	struct sctp_sock *sp = sctp_sk(sk);
	struct sctp_association *asoc;
	u32 nassocs = 0;

	list_for_each_entry(asoc, &ep->asocs, asocs)
		nassocs++;

	if (nla_put_u64_64bit(skb, SCTPNL_A_SK_INODE, sock_i_ino(sk),
			      SCTPNL_A_PAD) ||
	    fill_sock(skb, sk, user_ns) ||
	    nla_put_u16(skb, SCTPNL_A_LOCAL_PORT, ep->base.bind_addr.port) ||
	    nla_put_u32(skb, SCTPNL_A_EP_ASSOCS, nassocs) ||
	    nla_put_u8(skb, SCTPNL_A_EP_LISTENING,
		       sctp_sstate(sk, LISTENING)) ||
	    fill_bind_addrs(skb, &ep->base.bind_addr) ||
	    fill_sock_opts(skb, sp) ||
	    nla_put_u32(skb, SCTPNL_A_MAXSEG, sp->user_frag) ||
	    fill_ep_defaults(skb, sp))
		return -EMSGSIZE;
	return 0;
}

/*
 * One path's probe sample, on every SACK: plain stores into one
 * attribute, none per field.  The state is the path filler's.
 */
int sctpnl_fill_path_sample(struct sk_buff *skb,
			    const struct sctp_association *asoc,
			    const struct sctp_transport *t, u64 now)
{
	const union sctp_addr *a = &t->ipaddr;
	struct sctpnl_path_sample *s;
	struct nlattr *nla;

	nla = nla_reserve_64bit(skb, SCTPNL_A_PROBE_SAMPLE, sizeof(*s),
				SCTPNL_A_PAD);
	if (!nla)
		return -EMSGSIZE;
	s = nla_data(nla);
	memset(s, 0, sizeof(*s));
	s->timestamp = now;
	s->assoc_id = asoc->assoc_id;
	s->local_port = asoc->base.bind_addr.port;
	s->peer_port = asoc->peer.port;
	s->family = a->sa.sa_family;
	if (a->sa.sa_family == AF_INET6) {
		memcpy(s->addr, &a->v6.sin6_addr, sizeof(a->v6.sin6_addr));
		s->scope_id = a->v6.sin6_scope_id;
	} else {
		memcpy(s->addr, &a->v4.sin_addr, sizeof(a->v4.sin_addr));
	}
	s->port = ntohs(a->v4.sin_port);
	s->cwnd = t->cwnd;
	s->ssthresh = t->ssthresh;
	s->srtt = jiffies_to_msecs(t->srtt);
	s->rto = jiffies_to_msecs(t->rto);
	s->flight_size = t->flight_size;
	s->partial_bytes_acked = t->partial_bytes_acked;
	s->peer_rwnd = asoc->peer.rwnd;
	s->state = sctpnl_path_state(t);
	s->primary = asoc->peer.primary_path == t;
	return 0;
}
