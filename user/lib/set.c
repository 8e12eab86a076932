// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Setters and actions: SCTPNL_CMD_ASSOC_SET (one option per request, as
 * the kernel wants it), SCTPNL_CMD_ASSOC_ABORT and SCTPNL_CMD_ASSOC_EOF.
 * A record field whose "set" bit is clear is not sent: the kernel then
 * leaves that value as it is.
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>

#include "internal.h"

#define PUT_OR_FAIL(expr)				\
	do {						\
		if (expr)				\
			return -EMSGSIZE;		\
	} while (0)

/*
 * The key: the one given, or else the record's assoc_id.  ok_id is the
 * record's assoc_id bit state.
 */
static int put_key(struct nl_msg *msg, const struct sctpnl_key *key,
		   int has_id, uint32_t id)
{
	struct sctpnl_key k;

	if (key)
		return snl_put_key(msg, key);
	if (!has_id)
		return -EINVAL;
	memset(&k, 0, sizeof(k));
	k.assoc_id = id;
	return snl_put_key(msg, &k);
}

/* The kernel's form of an address: v4-mapped IPv6 becomes IPv4. */
static void unmap(struct sctpnl_addr *out, const struct sctpnl_addr *in)
{
	*out = *in;
	if (in->family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&in->v6)) {
		memset(out, 0, sizeof(*out));
		out->family = AF_INET;
		memcpy(&out->v4, &in->v6.s6_addr[12], 4);
		out->port = in->port;
	}
}

static int put_opt_addr(struct nl_msg *msg, int type,
			const struct sctpnl_addr *a)
{
	struct sctpnl_addr k;

	unmap(&k, a);
	return snl_put_addr(msg, type, &k, k.port != 0);
}

/* Build with fill(), send, wait for the ack. */
static int request(struct sctpnl *h, uint8_t cmd, const struct sctpnl_key *key,
		   int has_id, uint32_t id,
		   int (*fill)(struct nl_msg *msg, const void *arg),
		   const void *arg)
{
	struct nl_msg *msg;
	int err;

	if (!h)
		return -EINVAL;
	h->errmsg[0] = '\0';
	msg = snl_new_req(h, cmd, 0);
	if (!msg)
		return -ENOMEM;
	err = put_key(msg, key, has_id, id);
	if (!err && fill)
		err = fill(msg, arg);
	if (!err)
		err = snl_do(h, msg);
	nlmsg_free(msg);
	return err;
}

#define NEST_BEGIN(msg, type)					\
	struct nlattr *nest_ = nla_nest_start(msg, type);	\
	if (!nest_)						\
		return -EMSGSIZE

#define NEST_END(msg)	nla_nest_end(msg, nest_)

/* ---- rtoinfo ---- */

static int fill_rtoinfo(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_rtoinfo *r = arg;

	NEST_BEGIN(msg, SCTPNL_A_RTOINFO);
	if (SCTPNL_ISSET(r, SCTPNL_RTOINFO_INITIAL))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_RTOINFO_A_RTO_INITIAL,
					r->initial));
	if (SCTPNL_ISSET(r, SCTPNL_RTOINFO_MAX_RTO))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_RTOINFO_A_RTO_MAX, r->max));
	if (SCTPNL_ISSET(r, SCTPNL_RTOINFO_MIN))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_RTOINFO_A_RTO_MIN, r->min));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_rtoinfo(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_rtoinfo *r)
{
	if (!r)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(r, SCTPNL_RTOINFO_ASSOC_ID), r->assoc_id,
		       fill_rtoinfo, r);
}

/* ---- assocparams ---- */

static int fill_assocparams(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_assocparams *p = arg;

	NEST_BEGIN(msg, SCTPNL_A_ASSOCINFO);
	if (SCTPNL_ISSET(p, SCTPNL_ASSOCPARAMS_ASOCMAXRXT))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT,
					p->asocmaxrxt));
	if (SCTPNL_ISSET(p, SCTPNL_ASSOCPARAMS_COOKIE_LIFE))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE,
					p->cookie_life));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_assocparams(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_assocparams *p)
{
	if (!p)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(p, SCTPNL_ASSOCPARAMS_ASSOC_ID),
		       p->assoc_id, fill_assocparams, p);
}

/* ---- initmsg ---- */

static int fill_initmsg(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_initmsg *m = arg;

	NEST_BEGIN(msg, SCTPNL_A_INITMSG);
	if (SCTPNL_ISSET(m, SCTPNL_INITMSG_NUM_OSTREAMS))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_INITMSG_A_NUM_OSTREAMS,
					m->num_ostreams));
	if (SCTPNL_ISSET(m, SCTPNL_INITMSG_MAX_INSTREAMS))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_INITMSG_A_MAX_INSTREAMS,
					m->max_instreams));
	if (SCTPNL_ISSET(m, SCTPNL_INITMSG_MAX_ATTEMPTS))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_INITMSG_A_MAX_ATTEMPTS,
					m->max_attempts));
	if (SCTPNL_ISSET(m, SCTPNL_INITMSG_MAX_INIT_TIMEO))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_INITMSG_A_MAX_INIT_TIMEO,
					m->max_init_timeo));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_initmsg(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_initmsg *m)
{
	if (!m || !key)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key, 0, 0, fill_initmsg, m);
}

/* ---- paddrparams ---- */

static int fill_paddrparams(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_paddrparams *p = arg;
	int err;

	NEST_BEGIN(msg, SCTPNL_A_PADDRPARAMS);
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_ADDRESS) &&
	    p->address.family != AF_UNSPEC) {
		err = put_opt_addr(msg, SCTPNL_PADDR_A_ADDR, &p->address);
		if (err)
			return err;
	}
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_HBINTERVAL))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_PADDR_A_HBINTERVAL,
					p->hbinterval));
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_PATHMAXRXT))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_PADDR_A_PATHMAXRXT,
					p->pathmaxrxt));
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_PATHMTU))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_PADDR_A_MTU, p->pathmtu));
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_SACKDELAY))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_PADDR_A_SACKDELAY,
					p->sackdelay));
	if (SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_FLAGS))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_PADDR_A_FLAGS, p->flags));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_paddrparams(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_paddrparams *p)
{
	if (!p)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(p, SCTPNL_PADDRPARAMS_ASSOC_ID),
		       p->assoc_id, fill_paddrparams, p);
}

/* ---- primary, peer primary ---- */

struct addr_arg {
	int type;
	const struct sctpnl_addr *addr;
};

static int fill_addr(struct nl_msg *msg, const void *arg)
{
	const struct addr_arg *a = arg;

	return put_opt_addr(msg, a->type, a->addr);
}

int sctpnl_set_primary(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_prim *p)
{
	struct addr_arg a = { SCTPNL_A_PRIMARY, p ? &p->addr : NULL };

	if (!p || !SCTPNL_ISSET(p, SCTPNL_PRIM_ADDR))
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(p, SCTPNL_PRIM_ASSOC_ID), p->assoc_id,
		       fill_addr, &a);
}

int sctpnl_set_peer_primary(struct sctpnl *h, const struct sctpnl_key *key,
			    const struct sctpnl_setpeerprim *p)
{
	struct addr_arg a = { SCTPNL_A_PEER_PRIMARY, p ? &p->addr : NULL };

	if (!p || !SCTPNL_ISSET(p, SCTPNL_SETPEERPRIM_ADDR))
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(p, SCTPNL_SETPEERPRIM_ASSOC_ID),
		       p->assoc_id, fill_addr, &a);
}

/* ---- delayed SACK ---- */

static int fill_sack(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_sack_info *s = arg;

	NEST_BEGIN(msg, SCTPNL_A_DELAYED_ACK);
	if (SCTPNL_ISSET(s, SCTPNL_SACK_INFO_DELAY))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_SACK_A_DELAY, s->delay));
	if (SCTPNL_ISSET(s, SCTPNL_SACK_INFO_FREQ))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_SACK_A_FREQ, s->freq));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_sack_info(struct sctpnl *h, const struct sctpnl_key *key,
			 const struct sctpnl_sack_info *s)
{
	if (!s)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(s, SCTPNL_SACK_INFO_ASSOC_ID), s->assoc_id,
		       fill_sack, s);
}

int sctpnl_set_delayed_ack(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_assoc_value *v)
{
	struct sctpnl_sack_info s = { 0 };

	if (!v)
		return -EINVAL;
	s.assoc_id = v->assoc_id;
	s.delay = v->assoc_value;
	if (SCTPNL_ISSET(v, SCTPNL_ASSOC_VALUE_ASSOC_ID))
		SCTPNL_SETF(&s, SCTPNL_SACK_INFO_ASSOC_ID);
	if (SCTPNL_ISSET(v, SCTPNL_ASSOC_VALUE_ASSOC_VALUE))
		SCTPNL_SETF(&s, SCTPNL_SACK_INFO_DELAY);
	return sctpnl_set_sack_info(h, key, &s);
}

/* ---- default send parameters ---- */

static int fill_sndrcv(struct nl_msg *msg, const void *arg)
{
	const struct sctpnl_sndrcvinfo *s = arg;

	NEST_BEGIN(msg, SCTPNL_A_DEFAULT_SEND);
	if (SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_STREAM))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_SNDRCV_A_STREAM,
					s->stream));
	if (SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_FLAGS))
		PUT_OR_FAIL(nla_put_u16(msg, SCTPNL_SNDRCV_A_FLAGS, s->flags));
	/* host order in the record, network order in the attribute */
	if (SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_PPID))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_SNDRCV_A_PPID,
					htonl(s->ppid)));
	if (SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_CONTEXT))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_SNDRCV_A_CONTEXT,
					s->context));
	if (SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_TIMETOLIVE))
		PUT_OR_FAIL(nla_put_u32(msg, SCTPNL_SNDRCV_A_TIMETOLIVE,
					s->timetolive));
	NEST_END(msg);
	return 0;
}

int sctpnl_set_default_send(struct sctpnl *h, const struct sctpnl_key *key,
			    const struct sctpnl_sndrcvinfo *s)
{
	if (!s)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key,
		       SCTPNL_ISSET(s, SCTPNL_SNDRCVINFO_ASSOC_ID), s->assoc_id,
		       fill_sndrcv, s);
}

/* ---- scalars ---- */

struct scalar_arg {
	int type;
	int size;
	uint32_t v;
};

static int fill_scalar(struct nl_msg *msg, const void *arg)
{
	const struct scalar_arg *a = arg;

	if (a->size == 1)
		PUT_OR_FAIL(nla_put_u8(msg, a->type, a->v));
	else
		PUT_OR_FAIL(nla_put_u32(msg, a->type, a->v));
	return 0;
}

static int set_scalar(struct sctpnl *h, const struct sctpnl_key *key,
		      int type, int size, uint32_t v)
{
	struct scalar_arg a = { type, size, v };

	if (!key)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_SET, key, 0, 0, fill_scalar, &a);
}

int sctpnl_set_adaptation(struct sctpnl *h, const struct sctpnl_key *key,
			  const struct sctpnl_setadaptation *a)
{
	if (!a || !SCTPNL_ISSET(a, SCTPNL_SETADAPTATION_ADAPTATION_IND))
		return -EINVAL;
	/*
	 * Host order, as setsockopt(SCTP_ADAPTATION_LAYER) takes it: the
	 * owner reads it back, and the peer receives it, unchanged.
	 */
	return set_scalar(h, key, SCTPNL_A_ADAPTATION_IND, 4,
			  a->adaptation_ind);
}

int sctpnl_set_maxseg(struct sctpnl *h, const struct sctpnl_key *key,
		      uint32_t maxseg)
{
	return set_scalar(h, key, SCTPNL_A_MAXSEG, 4, maxseg);
}

int sctpnl_set_nodelay(struct sctpnl *h, const struct sctpnl_key *key,
		       int on)
{
	return set_scalar(h, key, SCTPNL_A_NODELAY, 1, !!on);
}

int sctpnl_set_autoclose(struct sctpnl *h, const struct sctpnl_key *key,
			 uint32_t seconds)
{
	return set_scalar(h, key, SCTPNL_A_AUTOCLOSE, 4, seconds);
}

int sctpnl_set_disable_fragments(struct sctpnl *h,
				 const struct sctpnl_key *key, int on)
{
	return set_scalar(h, key, SCTPNL_A_DISABLE_FRAGMENTS, 1, !!on);
}

/* ---- actions ---- */

static int fill_reason(struct nl_msg *msg, const void *arg)
{
	const char *reason = arg;

	if (reason && nla_put_string(msg, SCTPNL_A_REASON, reason))
		return -EMSGSIZE;
	return 0;
}

int sctpnl_abort(struct sctpnl *h, const struct sctpnl_key *key,
		 const char *reason)
{
	if (!key)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_ABORT, key, 0, 0, fill_reason,
		       reason);
}

int sctpnl_eof(struct sctpnl *h, const struct sctpnl_key *key)
{
	if (!key)
		return -EINVAL;
	return request(h, SCTPNL_CMD_ASSOC_EOF, key, 0, 0, NULL, NULL);
}
