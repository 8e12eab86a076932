// SPDX-License-Identifier: GPL-2.0
/*
 * ASSOC_SET: set one SCTP option on any association, through the stack's
 * own setsockopt with a kernel buffer, so the owner's validation and side
 * effects (heartbeats on demand, ASCONF for the peer primary, frag point
 * updates...) happen exactly as if the owner had asked.
 *
 * One option per request: each setsockopt validates before it changes
 * anything, so a rejected request leaves the association as it was.  A
 * batch could not promise that.
 */
#include "sctpnl.h"

/* The option being set, as the stack's setsockopt wants it. */
union sctpnl_optbuf {
	struct sctp_rtoinfo rtoinfo;
	struct sctp_assocparams assocparams;
	struct sctp_initmsg initmsg;
	struct sctp_paddrparams paddrparams;
	struct sctp_prim prim;
	struct sctp_setpeerprim peerprim;
	struct sctp_sack_info sack;
	struct sctp_sndrcvinfo sndrcv;
	struct sctp_assoc_value value;
	struct sctp_setadaptation adaptation;
	int intval;
};

struct set_arg {
	const struct sctpnl_setopt *opt;
	const struct nlattr *nla;
	struct netlink_ext_ack *extack;
	union sctpnl_optbuf buf;
	union sctp_addr addr;	/* parsed address attribute, if any */
	bool has_addr;
	bool reached_stack;	/* errors from here on are the stack's */
};

/*
 * One settable option: its attribute (a nest of fields, or one value),
 * the setsockopt it goes through, and how to build the setsockopt
 * argument (called with the socket locked).
 */
struct sctpnl_setopt {
	int attr;
	int optname;
	bool per_assoc;		/* needs the association, not the socket */
	void (*build)(struct set_arg *sa, struct sctp_association *asoc,
		      struct nlattr **tb, int *len);
	bool nested;
	const char *rejected;	/* extack when the stack says no */
};

static u32 get_u32(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

static u16 get_u16(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u16(tb[type]) : 0;
}

/* Addresses given without port name the association's port. */
static void addr_with_port(union sctp_addr *addr, u16 port)
{
	if (!addr->v4.sin_port)
		addr->v4.sin_port = htons(port);
}

static void build_rtoinfo(struct set_arg *sa, struct sctp_association *asoc,
			  struct nlattr **tb, int *len)
{
	struct sctp_rtoinfo *r = &sa->buf.rtoinfo;

	/* Zero leaves a value as it is, in the stack's own semantics. */
	r->srto_assoc_id = asoc->assoc_id;
	r->srto_initial = get_u32(tb, SCTPNL_RTOINFO_A_RTO_INITIAL);
	r->srto_max = get_u32(tb, SCTPNL_RTOINFO_A_RTO_MAX);
	r->srto_min = get_u32(tb, SCTPNL_RTOINFO_A_RTO_MIN);
	*len = sizeof(*r);
}

static void build_assocparams(struct set_arg *sa, struct sctp_association *asoc,
			      struct nlattr **tb, int *len)
{
	struct sctp_assocparams *a = &sa->buf.assocparams;

	a->sasoc_assoc_id = asoc->assoc_id;
	a->sasoc_asocmaxrxt = get_u16(tb, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT);
	a->sasoc_cookie_life = get_u32(tb, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE);
	*len = sizeof(*a);
}

static void build_initmsg(struct set_arg *sa, struct sctp_association *asoc,
			  struct nlattr **tb, int *len)
{
	struct sctp_initmsg *i = &sa->buf.initmsg;

	i->sinit_num_ostreams = get_u16(tb, SCTPNL_INITMSG_A_NUM_OSTREAMS);
	i->sinit_max_instreams = get_u16(tb, SCTPNL_INITMSG_A_MAX_INSTREAMS);
	i->sinit_max_attempts = get_u16(tb, SCTPNL_INITMSG_A_MAX_ATTEMPTS);
	i->sinit_max_init_timeo = get_u16(tb, SCTPNL_INITMSG_A_MAX_INIT_TIMEO);
	*len = sizeof(*i);
}

static void build_paddrparams(struct set_arg *sa, struct sctp_association *asoc,
			      struct nlattr **tb, int *len)
{
	struct sctp_paddrparams *p = &sa->buf.paddrparams;

	p->spp_assoc_id = asoc->assoc_id;
	if (sa->has_addr) {
		addr_with_port(&sa->addr, asoc->peer.port);
		memcpy(&p->spp_address, &sa->addr, sizeof(sa->addr));
	}
	p->spp_hbinterval = get_u32(tb, SCTPNL_PADDR_A_HBINTERVAL);
	p->spp_pathmaxrxt = get_u16(tb, SCTPNL_PADDR_A_PATHMAXRXT);
	p->spp_pathmtu = get_u32(tb, SCTPNL_PADDR_A_MTU);
	p->spp_sackdelay = get_u32(tb, SCTPNL_PADDR_A_SACKDELAY);
	p->spp_flags = get_u32(tb, SCTPNL_PADDR_A_FLAGS);
	*len = sizeof(*p);
}

static void build_prim(struct set_arg *sa, struct sctp_association *asoc,
		       struct nlattr **tb, int *len)
{
	addr_with_port(&sa->addr, asoc->peer.port);
	sa->buf.prim.ssp_assoc_id = asoc->assoc_id;
	memcpy(&sa->buf.prim.ssp_addr, &sa->addr, sizeof(sa->addr));
	*len = sizeof(sa->buf.prim);
}

static void build_peerprim(struct set_arg *sa, struct sctp_association *asoc,
			   struct nlattr **tb, int *len)
{
	addr_with_port(&sa->addr, asoc->base.bind_addr.port);
	sa->buf.peerprim.sspp_assoc_id = asoc->assoc_id;
	memcpy(&sa->buf.peerprim.sspp_addr, &sa->addr, sizeof(sa->addr));
	*len = sizeof(sa->buf.peerprim);
}

static void build_sack(struct set_arg *sa, struct sctp_association *asoc,
		       struct nlattr **tb, int *len)
{
	sa->buf.sack.sack_assoc_id = asoc->assoc_id;
	sa->buf.sack.sack_delay = get_u32(tb, SCTPNL_SACK_A_DELAY);
	sa->buf.sack.sack_freq = get_u32(tb, SCTPNL_SACK_A_FREQ);
	*len = sizeof(sa->buf.sack);
}

/* setsockopt replaces every field: absent ones keep their current value. */
static void build_sndrcv(struct set_arg *sa, struct sctp_association *asoc,
			 struct nlattr **tb, int *len)
{
	struct sctp_sndrcvinfo *s = &sa->buf.sndrcv;

	s->sinfo_assoc_id = asoc->assoc_id;
	s->sinfo_stream = tb[SCTPNL_SNDRCV_A_STREAM] ?
		nla_get_u16(tb[SCTPNL_SNDRCV_A_STREAM]) : asoc->default_stream;
	s->sinfo_flags = tb[SCTPNL_SNDRCV_A_FLAGS] ?
		nla_get_u16(tb[SCTPNL_SNDRCV_A_FLAGS]) : asoc->default_flags;
	s->sinfo_ppid = tb[SCTPNL_SNDRCV_A_PPID] ?
		nla_get_u32(tb[SCTPNL_SNDRCV_A_PPID]) : asoc->default_ppid;
	s->sinfo_context = tb[SCTPNL_SNDRCV_A_CONTEXT] ?
		nla_get_u32(tb[SCTPNL_SNDRCV_A_CONTEXT]) :
		asoc->default_context;
	s->sinfo_timetolive = tb[SCTPNL_SNDRCV_A_TIMETOLIVE] ?
		nla_get_u32(tb[SCTPNL_SNDRCV_A_TIMETOLIVE]) :
		asoc->default_timetolive;
	*len = sizeof(*s);
}

static void build_maxseg(struct set_arg *sa, struct sctp_association *asoc,
			 struct nlattr **tb, int *len)
{
	sa->buf.value.assoc_id = asoc->assoc_id;
	sa->buf.value.assoc_value = nla_get_u32(sa->nla);
	*len = sizeof(sa->buf.value);
}

static void build_int_u8(struct set_arg *sa, struct sctp_association *asoc,
			 struct nlattr **tb, int *len)
{
	sa->buf.intval = nla_get_u8(sa->nla);
	*len = sizeof(sa->buf.intval);
}

static void build_int_u32(struct set_arg *sa, struct sctp_association *asoc,
			  struct nlattr **tb, int *len)
{
	sa->buf.intval = nla_get_u32(sa->nla);
	*len = sizeof(sa->buf.intval);
}

static void build_adaptation(struct set_arg *sa, struct sctp_association *asoc,
			     struct nlattr **tb, int *len)
{
	sa->buf.adaptation.ssb_adaptation_ind = nla_get_u32(sa->nla);
	*len = sizeof(sa->buf.adaptation);
}

#define NESTED(a, o, per, f, msg) \
	{ a, o, per, f, true, msg }
#define SCALAR(a, o, per, f, msg) \
	{ a, o, per, f, false, msg }

static const struct sctpnl_setopt sctpnl_setopts[] = {
	NESTED(SCTPNL_A_RTOINFO, SCTP_RTOINFO, true, build_rtoinfo,
	       "sctp_rtoinfo rejected: need min <= max"),
	NESTED(SCTPNL_A_ASSOCINFO, SCTP_ASSOCINFO, true, build_assocparams,
	       "sctp_associnfo rejected by the SCTP stack"),
	NESTED(SCTPNL_A_INITMSG, SCTP_INITMSG, false, build_initmsg,
	       "sctp_initmsg rejected by the SCTP stack"),
	NESTED(SCTPNL_A_PADDRPARAMS, SCTP_PEER_ADDR_PARAMS, true,
	       build_paddrparams,
	       "sctp_peer_addr_params rejected by the SCTP stack"),
	SCALAR(SCTPNL_A_PRIMARY, SCTP_PRIMARY_ADDR, true, build_prim,
	       "sctp_primary_addr: not a usable peer address"),
	SCALAR(SCTPNL_A_PEER_PRIMARY, SCTP_SET_PEER_PRIMARY_ADDR, true,
	       build_peerprim,
	       "sctp_set_peer_primary_addr: needs ASCONF, local address"),
	NESTED(SCTPNL_A_DELAYED_ACK, SCTP_DELAYED_SACK, true, build_sack,
	       "sctp_delayed_ack_time rejected: delay at most 500 ms"),
	NESTED(SCTPNL_A_DEFAULT_SEND, SCTP_DEFAULT_SEND_PARAM, true,
	       build_sndrcv,
	       "sctp_default_send_param rejected by the SCTP stack"),
	SCALAR(SCTPNL_A_MAXSEG, SCTP_MAXSEG, true, build_maxseg,
	       "sctp_maxseg rejected by the SCTP stack"),
	SCALAR(SCTPNL_A_NODELAY, SCTP_NODELAY, false, build_int_u8,
	       "sctp_nodelay rejected by the SCTP stack"),
	SCALAR(SCTPNL_A_AUTOCLOSE, SCTP_AUTOCLOSE, false, build_int_u32,
	       "sctp_autoclose: one-to-many sockets only"),
	SCALAR(SCTPNL_A_DISABLE_FRAGMENTS, SCTP_DISABLE_FRAGMENTS, false,
	       build_int_u8, "sctp_disable_fragments rejected by the SCTP stack"),
	SCALAR(SCTPNL_A_ADAPTATION_IND, SCTP_ADAPTATION_LAYER, false,
	       build_adaptation,
	       "sctp_adaptation_layer rejected by the SCTP stack"),
};

/*
 * Fields the stack reads as "leave unchanged" when 0: given as 0 they
 * would be accepted and ignored, so they are refused, saying so.
 */
struct zero_rule {
	int opt;		/* SCTPNL_A_* nest */
	int type;		/* attribute in it */
	const char *msg;
};

#define UNCHANGED "0 would be ignored (the stack's \"unchanged\"): "

static const struct zero_rule zero_rules[] = {
	{
		SCTPNL_A_RTOINFO, SCTPNL_RTOINFO_A_RTO_INITIAL,
		"sctp_rtoinfo initial: " UNCHANGED "give 1 ms or more, or leave it out",
	}, {
		SCTPNL_A_RTOINFO, SCTPNL_RTOINFO_A_RTO_MAX,
		"sctp_rtoinfo max: " UNCHANGED "give 1 ms or more, or leave it out",
	}, {
		SCTPNL_A_RTOINFO, SCTPNL_RTOINFO_A_RTO_MIN,
		"sctp_rtoinfo min: " UNCHANGED "give 1 ms or more, or leave it out",
	}, {
		SCTPNL_A_ASSOCINFO, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT,
		"sctp_associnfo asocmaxrxt: " UNCHANGED "give 1..65535, or leave it out",
	}, {
		SCTPNL_A_ASSOCINFO, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE,
		"sctp_associnfo cookie_life: " UNCHANGED "give 1 ms or more, or leave it out",
	}, {
		SCTPNL_A_INITMSG, SCTPNL_INITMSG_A_NUM_OSTREAMS,
		"sctp_initmsg num_ostreams: " UNCHANGED "give 1..65535, or leave it out",
	}, {
		SCTPNL_A_INITMSG, SCTPNL_INITMSG_A_MAX_INSTREAMS,
		"sctp_initmsg max_instreams: " UNCHANGED "give 1..65535, or leave it out",
	}, {
		SCTPNL_A_INITMSG, SCTPNL_INITMSG_A_MAX_ATTEMPTS,
		"sctp_initmsg max_attempts: " UNCHANGED "give 1..65535, or leave it out",
	}, {
		SCTPNL_A_INITMSG, SCTPNL_INITMSG_A_MAX_INIT_TIMEO,
		"sctp_initmsg max_init_timeo: " UNCHANGED "give 1..65535 ms, or leave it out",
	}, {
		SCTPNL_A_PADDRPARAMS, SCTPNL_PADDR_A_HBINTERVAL,
		"sctp_peer_addr_params hbinterval: " UNCHANGED
		"for a zero interval set flags hb_enable,hb_time_is_zero (SPP_HB_TIME_IS_ZERO)",
	}, {
		SCTPNL_A_PADDRPARAMS, SCTPNL_PADDR_A_PATHMAXRXT,
		"sctp_peer_addr_params pathmaxrxt: " UNCHANGED "give 1..65535, or leave it out",
	}, {
		SCTPNL_A_PADDRPARAMS, SCTPNL_PADDR_A_MTU,
		"sctp_peer_addr_params pathmtu: " UNCHANGED "give 512 or more, or leave it out",
	}, {
		SCTPNL_A_PADDRPARAMS, SCTPNL_PADDR_A_SACKDELAY,
		"sctp_peer_addr_params sackdelay: " UNCHANGED
		"give 1..500 ms, or flag sackdelay_disable",
	},
};

/* The value of a u16 or u32 attribute, whichever it is. */
static u32 attr_val(const struct nlattr *nla)
{
	return nla_len(nla) == sizeof(u16) ? nla_get_u16(nla) :
					     nla_get_u32(nla);
}

static int refuse_zero(struct set_arg *sa, struct nlattr **tb)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(zero_rules); i++) {
		const struct zero_rule *z = &zero_rules[i];

		if (z->opt != sa->opt->attr || !tb[z->type] ||
		    attr_val(tb[z->type]))
			continue;
		/* a string literal: it outlives the request */
		sa->extack->_msg = z->msg;
		NL_SET_BAD_ATTR(sa->extack, tb[z->type]);
		return -EINVAL;
	}
	return 0;
}

/* A flags word with both of a pair of opposite flags, said which. */
static const struct {
	u32 both;
	const char *msg;
} spp_pairs[] = {
	{ SPP_HB,
	  "sctp_peer_addr_params flags: hb_enable and hb_disable together" },
	{ SPP_PMTUD,
	  "sctp_peer_addr_params flags: pmtud_enable and pmtud_disable together" },
	{ SPP_SACKDELAY,
	  "sctp_peer_addr_params flags: sackdelay_enable and sackdelay_disable together" },
};

static int check_paddrparams(struct set_arg *sa, struct nlattr **tb)
{
	struct nlattr *flags = tb[SCTPNL_PADDR_A_FLAGS];
	struct nlattr *mtu = tb[SCTPNL_PADDR_A_MTU];
	u32 v = flags ? nla_get_u32(flags) : 0;
	int i;

	for (i = 0; i < ARRAY_SIZE(spp_pairs); i++) {
		if ((v & spp_pairs[i].both) == spp_pairs[i].both) {
			/* a string literal: it outlives the request */
			sa->extack->_msg = spp_pairs[i].msg;
			NL_SET_BAD_ATTR(sa->extack, flags);
			return -EINVAL;
		}
	}
	if ((v & SPP_HB_TIME_IS_ZERO) && tb[SCTPNL_PADDR_A_HBINTERVAL]) {
		NL_SET_ERR_MSG_ATTR(sa->extack, tb[SCTPNL_PADDR_A_HBINTERVAL],
				    "sctp_peer_addr_params: hbinterval with hb_time_is_zero (which sets it to 0)");
		return -EINVAL;
	}
	if ((v & SPP_HB_TIME_IS_ZERO) && !(v & SPP_HB_ENABLE)) {
		NL_SET_ERR_MSG_ATTR(sa->extack, flags,
				    "sctp_peer_addr_params flags: hb_time_is_zero needs hb_enable");
		return -EINVAL;
	}
	if (tb[SCTPNL_PADDR_A_SACKDELAY] &&
	    nla_get_u32(tb[SCTPNL_PADDR_A_SACKDELAY]) > 500) {
		NL_SET_ERR_MSG_ATTR(sa->extack, tb[SCTPNL_PADDR_A_SACKDELAY],
				    "sctp_peer_addr_params sackdelay: 1..500 ms");
		return -EINVAL;
	}
	if (mtu && nla_get_u32(mtu) &&
	    nla_get_u32(mtu) < SCTP_DEFAULT_MINSEGMENT) {
		NL_SET_ERR_MSG_ATTR(sa->extack, mtu,
				    "sctp_peer_addr_params pathmtu: at least 512 (SCTP_DEFAULT_MINSEGMENT)");
		return -EINVAL;
	}
	return 0;
}

/*
 * What the stack would refuse, or silently ignore, said here with the
 * attribute and the range (before anything changes): the stack itself
 * only answers -EINVAL.  Context-free checks; those that need the
 * association are in check_asoc().
 */
static int check_values(struct set_arg *sa, struct nlattr **tb)
{
	int err;

	err = refuse_zero(sa, tb);
	if (err)
		return err;
	switch (sa->opt->attr) {
	case SCTPNL_A_PADDRPARAMS:
		return check_paddrparams(sa, tb);
	case SCTPNL_A_DELAYED_ACK:
		if (tb[SCTPNL_SACK_A_DELAY] &&
		    nla_get_u32(tb[SCTPNL_SACK_A_DELAY]) > 500) {
			NL_SET_ERR_MSG_ATTR(sa->extack, tb[SCTPNL_SACK_A_DELAY],
					    "sctp_delayed_ack_time: delay at most 500 ms");
			return -EINVAL;
		}
		return 0;
	}
	return 0;
}

/* Is @addr (port included) one of the association's peer paths? */
static bool is_peer_path(struct sctp_association *asoc,
			 const union sctp_addr *addr)
{
	struct sctp_transport *t;

	list_for_each_entry(t, &asoc->peer.transport_addr_list, transports) {
		const union sctp_addr *a = &t->ipaddr;

		if (a->sa.sa_family != addr->sa.sa_family ||
		    a->v4.sin_port != addr->v4.sin_port)
			continue;
		if (a->sa.sa_family == AF_INET &&
		    a->v4.sin_addr.s_addr == addr->v4.sin_addr.s_addr)
			return true;
		if (a->sa.sa_family == AF_INET6 &&
		    ipv6_addr_equal(&a->v6.sin6_addr, &addr->v6.sin6_addr))
			return true;
	}
	return false;
}

/* Checks against the association (socket locked, after build()). */
static int check_asoc(struct set_arg *sa, struct sctp_association *asoc)
{
	struct sctp_sock *sp = sctp_sk(asoc->base.sk);
	u32 min, max, val;

	switch (sa->opt->attr) {
	case SCTPNL_A_PADDRPARAMS:
		if (sa->has_addr && !is_peer_path(asoc, &sa->addr)) {
			NL_SET_ERR_MSG_ATTR(sa->extack, sa->nla,
					    "sctp_peer_addr_params addr: not a peer address of this association");
			return -EINVAL;
		}
		return 0;
	case SCTPNL_A_PRIMARY:
		if (!is_peer_path(asoc, &sa->addr)) {
			NL_SET_ERR_MSG_ATTR(sa->extack, sa->nla,
					    "sctp_primary_addr: not a peer address of this association");
			return -EINVAL;
		}
		return 0;
	case SCTPNL_A_MAXSEG:
		val = sa->buf.value.assoc_value;
		if (!val)
			return 0;	/* the path MTU decides */
		min = sctp_min_frag_point(sp, sctp_datachk_len(&asoc->stream));
		max = SCTP_MAX_CHUNK_LEN - sctp_datachk_len(&asoc->stream);
		if (val < min || val > max) {
			NL_SET_ERR_MSG_ATTR(sa->extack, sa->nla,
					    "sctp_maxseg: 0 (the path MTU decides) or from what a 512-byte packet carries (IPv4 464, IPv6 444, less with AUTH) to 65519");
			return -EINVAL;
		}
		return 0;
	}
	return 0;
}

/* An option's nest, parsed with the policy ASSOC_SET validated it by. */
static int parse_opt_nest(struct set_arg *sa, struct nlattr **tb)
{
	const struct nla_policy *p = &sctpnl_set_policy[sa->opt->attr];

	return nla_parse_nested(tb, p->len, sa->nla, p->nested_policy,
				sa->extack);
}

/*
 * On a one-to-one or peeled socket the stack finds the association only
 * while it is established or closing; otherwise setsockopt would silently
 * apply to the socket's future associations instead.  @sk locked.
 */
static int check_reachable(struct set_arg *sa, struct sock *sk,
			   struct sctp_association *asoc)
{
	if (!sa->opt->per_assoc || sctp_style(sk, UDP) ||
	    sctp_sstate(sk, ESTABLISHED) || sctp_sstate(sk, CLOSING))
		return 0;
	if (sctpnl_in_accept_queue(sk, asoc))
		NL_SET_ERR_MSG_ATTR(sa->extack, sa->nla,
				    "association established but not yet accepted (in the listener's accept queue): per-association options apply once accept() gives it a socket");
	else
		NL_SET_ERR_MSG_ATTR(sa->extack, sa->nla,
				    "association not established");
	return -ENOTCONN;
}

static int set_one(struct sctp_association *asoc, void *p)
{
	struct set_arg *sa = p;
	const struct sctpnl_setopt *opt = sa->opt;
	struct nlattr *tb[SCTPNL_A_MAX + 1] = {};
	struct sock *sk;
	int err, len = 0;

	if (opt->nested) {
		err = parse_opt_nest(sa, tb);
		if (!err)
			err = check_values(sa, tb);
		if (err)
			return err;
	}

	sk = sctpnl_lock_asoc(asoc);
	if (!sk)
		return -EAGAIN;
	err = check_reachable(sa, sk, asoc);
	if (!err) {
		memset(&sa->buf, 0, sizeof(sa->buf));
		opt->build(sa, asoc, tb, &len);
		err = check_asoc(sa, asoc);
	}
	release_sock(sk);
	if (err)
		return err;

	/* The endpoint reference held by the lookup keeps @sk alive. */
	sa->reached_stack = true;
	err = sk->sk_prot->setsockopt(sk, SOL_SCTP, opt->optname,
				      KERNEL_SOCKPTR(&sa->buf), len);
	if (err) {
		sa->extack->_msg = opt->rejected;
		NL_SET_BAD_ATTR(sa->extack, sa->nla);
	}
	return err;
}

/* The address a PRIMARY, PEER_PRIMARY or PADDRPARAMS request names. */
static int parse_opt_addr(struct set_arg *sa)
{
	const struct nlattr *addr = NULL;
	struct nlattr *tb[SCTPNL_PADDR_A_MAX + 1];
	int err;

	switch (sa->opt->attr) {
	case SCTPNL_A_PRIMARY:
	case SCTPNL_A_PEER_PRIMARY:
		addr = sa->nla;
		break;
	case SCTPNL_A_PADDRPARAMS:
		err = parse_opt_nest(sa, tb);
		if (err)
			return err;
		addr = tb[SCTPNL_PADDR_A_ADDR];
		break;
	}
	if (!addr)
		return 0;
	err = sctpnl_parse_addr(addr, &sa->addr, false, sa->extack);
	sa->has_addr = !err;
	return err;
}

int sctpnl_assoc_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct set_arg sa = { .extack = info->extack };
	struct sctpnl_asoc_key key;
	int i, err;

	if (info->attrs[SCTPNL_A_EVENTS]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[SCTPNL_A_EVENTS],
				    "sctp_events is the owner's choice of notifications");
		return -EINVAL;
	}
	if (info->attrs[SCTPNL_A_STATUS]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[SCTPNL_A_STATUS],
				    "sctp_status is read-only");
		return -EINVAL;
	}

	for (i = 0; i < ARRAY_SIZE(sctpnl_setopts); i++) {
		struct nlattr *nla = info->attrs[sctpnl_setopts[i].attr];

		if (!nla)
			continue;
		if (sa.nla) {
			NL_SET_ERR_MSG_ATTR(info->extack, nla,
					    "one option per request");
			return -EINVAL;
		}
		sa.nla = nla;
		sa.opt = &sctpnl_setopts[i];
	}
	if (!sa.nla) {
		GENL_SET_ERR_MSG(info, "no option to set");
		return -EINVAL;
	}

	err = sctpnl_parse_key(info, &key);
	if (!err)
		err = parse_opt_addr(&sa);
	if (err)
		return err;

	err = sctpnl_with_assoc(genl_info_net(info), &key, set_one, &sa);
	if (!sa.reached_stack && (err == -ENOENT || err == -EAGAIN))
		return sctpnl_no_assoc(info, &key);
	return err;
}
