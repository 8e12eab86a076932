// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Attribute <-> struct codec.  Decoding walks the attributes once, in any
 * order, ignores attribute types it does not know (newer modules) and
 * rejects attributes shorter than the uapi says (-EBADMSG).  Each record
 * field decoded gets its "set" bit.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "fields.h"

int snl_nla_uint(const struct nlattr *a, unsigned int size, uint64_t *v)
{
	if (snl_nla_len(a) < (int)size)
		return -EBADMSG;
	*v = snl_load(snl_nla_data(a), size);
	return 0;
}

#define GET	SNL_GET

int snl_decode_addr(const struct nlattr *nest, struct sctpnl_addr *addr)
{
	const struct nlattr *a;
	int have_addr = 0;
	int rem;

	memset(addr, 0, sizeof(*addr));
	snl_for_each_nested(a, nest, rem) {
		switch (snl_nla_type(a)) {
		case SCTPNL_ADDR_A_FAMILY:
			GET(a, 2, addr->family);
			break;
		case SCTPNL_ADDR_A_IN4:
			if (snl_nla_len(a) < 4)
				return -EBADMSG;
			memcpy(&addr->v4, snl_nla_data(a), 4);
			have_addr = AF_INET;
			break;
		case SCTPNL_ADDR_A_IN6:
			if (snl_nla_len(a) < 16)
				return -EBADMSG;
			memcpy(&addr->v6, snl_nla_data(a), 16);
			have_addr = AF_INET6;
			break;
		case SCTPNL_ADDR_A_PORT:
			GET(a, 2, addr->port);
			break;
		case SCTPNL_ADDR_A_SCOPE_ID:
			GET(a, 4, addr->scope_id);
			break;
		}
	}
	if (addr->family != AF_INET && addr->family != AF_INET6)
		return -EBADMSG;
	if (have_addr != addr->family)
		return -EBADMSG;
	return 0;
}

static inline void set_bit(uint16_t off, unsigned int size, void *obj,
			   unsigned int bit)
{
	char *p = (char *)obj + off;

	if (size == 8) {
		uint64_t v;

		memcpy(&v, p, 8);
		v |= 1ull << bit;
		memcpy(p, &v, 8);
	} else {
		uint32_t v;

		memcpy(&v, p, 4);
		v |= 1u << bit;
		memcpy(p, &v, 4);
	}
}

static int decode_int(const struct snl_row *r, const struct nlattr *a,
		      void *field)
{
	uint64_t v;

	if (snl_nla_uint(a, r->wire, &v))
		return -EBADMSG;
	if (r->conv == SNL_CV_NTOHL)
		v = ntohl((uint32_t)v);
	else if (r->conv == SNL_CV_NTOHS)
		v = ntohs((uint16_t)v);
	snl_store(field, r->size, v);
	return 0;
}

/* One attribute into its row's field, and the field's presence bit. */
static int decode_row(const struct snl_desc *d, const struct snl_row *r,
		      const struct nlattr *a, void *obj)
{
	void *field = (char *)obj + r->off;
	int err;

	if (r->decode)
		err = r->decode(r, a, obj);
	else if (r->type == SNL_F_ADDR)
		err = snl_decode_addr(a, field);
	else if (r->type == SNL_F_REC)
		err = snl_decode_nest(r->rec, a, field);
	else if (r->type == SNL_F_BIN) {
		*(const void **)field = snl_nla_data(a);
		*(size_t *)((char *)obj + r->len_off) = snl_nla_len(a);
		err = 0;
	} else {
		err = decode_int(r, a, field);
	}
	if (!err && r->bit >= 0 && d->set_off != SNL_NO_OFF)
		set_bit(d->set_off, d->set_size, obj, r->bit);
	return err;
}

/* Attributes by several tables at once (one path nest, three structs). */
static int decode_multi(const struct snl_desc *const *d, void *const *obj,
			unsigned int n, const struct nlattr *attrs, int len)
{
	const struct nlattr *a;
	unsigned int i, t;
	int rem, err;

	snl_for_each_attr(a, attrs, len, rem) {
		t = snl_nla_type(a);
		for (i = 0; i < n; i++) {
			if (d[i]->seen_off != SNL_NO_OFF &&
			    t < 8u * d[i]->seen_size)
				set_bit(d[i]->seen_off, d[i]->seen_size, obj[i],
					t);
			if (t >= sizeof(d[i]->amap) || !d[i]->amap[t])
				continue;
			err = decode_row(d[i], &d[i]->rows[d[i]->amap[t] - 1],
					 a, obj[i]);
			if (err)
				return err;
		}
	}
	return 0;
}

int snl_decode_attrs(const struct snl_desc *d, const struct nlattr *attrs,
		     int len, void *obj)
{
	return decode_multi(&d, &obj, 1, attrs, len);
}

int snl_decode_nest(const struct snl_desc *d, const struct nlattr *nest,
		    void *obj)
{
	return decode_multi(&d, &obj, 1, snl_nla_data(nest), snl_nla_len(nest));
}

void snl_rec_set_id(const struct snl_desc *d, void *obj, uint32_t id)
{
	if (d->id_off == SNL_NO_OFF)
		return;
	memcpy((char *)obj + d->id_off, &id, sizeof(id));
	if (d->id_bit >= 0 && d->set_off != SNL_NO_OFF)
		set_bit(d->set_off, d->set_size, obj, d->id_bit);
}

int snl_dec_keep(const struct snl_row *r, const struct nlattr *a, void *obj)
{
	memcpy((char *)obj + r->off, &a, sizeof(a));
	return 0;
}

int snl_dec_laddrs(const struct snl_row *r, const struct nlattr *nest,
		   void *obj)
{
	struct snl_addr_list *l = (void *)((char *)obj + r->off);
	const struct nlattr *a;
	int rem, err;

	l->n = 0;
	l->total = 0;
	snl_for_each_nested(a, nest, rem) {
		struct sctpnl_addr tmp;

		if (snl_nla_type(a) != SCTPNL_A_LOCAL_ADDRS_ENTRY)
			continue;
		err = snl_decode_addr(a, &tmp);
		if (err)
			return err;
		if (l->n < SCTPNL_MAX_ADDRS)
			l->v[l->n++] = tmp;
		l->total++;
	}
	return 0;
}

/* A path nest: #sctp_paddrinfo, #sctp_paddrparams and the rest. */
static int decode_path(const struct nlattr *nest, struct sctpnl_path *p)
{
	const struct snl_desc *d[] = {
		snl_desc_of(SCTPNL_REC_PADDRINFO),
		snl_desc_of(SCTPNL_REC_PADDRPARAMS), &snl_path_desc,
	};
	void *obj[] = { &p->info, &p->params, p };

	memset(p, 0, sizeof(*p));
	return decode_multi(d, obj, SNL_ARRAY_SIZE(d), snl_nla_data(nest),
			    snl_nla_len(nest));
}

int snl_dec_paths(const struct snl_row *r, const struct nlattr *nest,
		  void *obj)
{
	struct sctpnl_assoc *as = obj;
	const struct nlattr *a;
	int rem, err;

	(void)r;
	snl_for_each_nested(a, nest, rem) {
		struct sctpnl_path tmp;

		if (snl_nla_type(a) != SCTPNL_A_PADDRS_ENTRY)
			continue;
		err = decode_path(a, &tmp);
		if (err)
			return err;
		if (tmp.primary) {
			as->status.primary = tmp.info;
			SCTPNL_SETF(&as->status, SCTPNL_STATUS_PRIMARY);
			if (as->n_paths < SCTPNL_MAX_PATHS)
				as->primary_path = as->n_paths;
		}
		if (as->n_paths < SCTPNL_MAX_PATHS)
			as->paths[as->n_paths++] = tmp;
		as->n_paths_total++;
	}
	return 0;
}

/* The events nest: the record, and SENDER_DRY beside it. */
int snl_dec_events(const struct snl_row *r, const struct nlattr *nest,
		   void *obj)
{
	struct snl_events *e = (void *)((char *)obj + r->off);
	const struct nlattr *a;
	int err;

	err = snl_decode_nest(r->rec, nest, &e->ev);
	if (err)
		return err;
	a = nla_find(snl_nla_data(nest), snl_nla_len(nest), SCTPNL_EVENTS_A_SENDER_DRY);
	if (a)
		GET(a, 1, e->sender_dry);
	return 0;
}

/* Records carry the association id, as gen_sctp's do. */
static void give_ids(struct sctpnl_assoc *as)
{
	const struct snl_desc *pi = snl_desc_of(SCTPNL_REC_PADDRINFO);
	const struct snl_desc *pp = snl_desc_of(SCTPNL_REC_PADDRPARAMS);
	uint32_t id = as->assoc_id;
	unsigned int i;

	snl_rec_set_id(snl_desc_of(SCTPNL_REC_STATUS), &as->status, id);
	if (SCTPNL_ISSET(&as->status, SCTPNL_STATUS_PRIMARY))
		snl_rec_set_id(pi, &as->status.primary, id);
	for (i = 0; i < as->n_paths; i++) {
		snl_rec_set_id(pi, &as->paths[i].info, id);
		snl_rec_set_id(pp, &as->paths[i].params, id);
	}
	if (as->rtoinfo.set)
		snl_rec_set_id(snl_desc_of(SCTPNL_REC_RTOINFO), &as->rtoinfo,
			       id);
	if (as->assocparams.set)
		snl_rec_set_id(snl_desc_of(SCTPNL_REC_ASSOCPARAMS),
			       &as->assocparams, id);
	if (as->default_send.set)
		snl_rec_set_id(snl_desc_of(SCTPNL_REC_SNDRCVINFO),
			       &as->default_send, id);
}

int snl_decode_assoc(const struct nlattr *attrs, int len,
		     struct sctpnl_assoc *as)
{
	int err;

	memset(as, 0, sizeof(*as));
	as->primary_path = -1;
	err = snl_decode_attrs(&snl_assoc_desc, attrs, len, as);
	if (!err && SCTPNL_HAS(as, SCTPNL_A_ASSOC_ID))
		give_ids(as);
	return err;
}

/* Endpoint messages: the same attributes, decoded into the endpoint. */
int snl_decode_ep(const struct nlattr *attrs, int len, struct sctpnl_ep *ep)
{
	memset(ep, 0, sizeof(*ep));
	return snl_decode_attrs(&snl_ep_desc, attrs, len, ep);
}

int snl_decode_snmp(const struct nlattr *attrs, int len,
		    struct sctpnl_snmp *s)
{
	const struct nlattr *a, *c;
	int rem, rem2;

	memset(s, 0, sizeof(*s));
	snl_for_each_attr(a, attrs, len, rem) {
		if (snl_nla_type(a) != SCTPNL_A_SNMP)
			continue;
		snl_for_each_nested(c, a, rem2) {
			int t = snl_nla_type(c);

			if (t <= SCTPNL_SNMP_A_PAD || t > SCTPNL_SNMP_A_MAX)
				continue;
			GET(c, 8, s->v[t]);
			s->present |= 1ull << t;
		}
	}
	return 0;
}

/* ---- requests ---- */

int snl_put_addr(struct nl_msg *msg, int type, const struct sctpnl_addr *a,
		 int with_port)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u16(msg, SCTPNL_ADDR_A_FAMILY, a->family))
		return -EMSGSIZE;
	switch (a->family) {
	case AF_INET:
		if (nla_put(msg, SCTPNL_ADDR_A_IN4, 4, &a->v4))
			return -EMSGSIZE;
		break;
	case AF_INET6:
		if (nla_put(msg, SCTPNL_ADDR_A_IN6, 16, &a->v6))
			return -EMSGSIZE;
		if (a->scope_id &&
		    nla_put_u32(msg, SCTPNL_ADDR_A_SCOPE_ID, a->scope_id))
			return -EMSGSIZE;
		break;
	default:
		return -EAFNOSUPPORT;
	}
	if (with_port && nla_put_u16(msg, SCTPNL_ADDR_A_PORT, a->port))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int snl_put_filter(struct nl_msg *msg, const struct sctpnl_filter *f)
{
	struct nlattr *nest;
	int err;

	if (!f || !f->set)
		return 0;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_INFO) &&
	    nla_put_u32(msg, SCTPNL_A_INFO, f->info))
		return -EMSGSIZE;
	if (!(f->set & ~(1u << SCTPNL_FILTER_INFO)))
		return 0;
	nest = nla_nest_start(msg, SCTPNL_A_FILTER);
	if (!nest)
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_LPORT) &&
	    nla_put_u16(msg, SCTPNL_FILTER_A_LOCAL_PORT, f->lport))
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_PPORT) &&
	    nla_put_u16(msg, SCTPNL_FILTER_A_PEER_PORT, f->pport))
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_LADDR)) {
		err = snl_put_addr(msg, SCTPNL_FILTER_A_LOCAL_ADDR, &f->laddr,
				   0);
		if (err)
			return err;
	}
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_PADDR)) {
		err = snl_put_addr(msg, SCTPNL_FILTER_A_PEER_ADDR, &f->paddr,
				   0);
		if (err)
			return err;
	}
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_STATE) &&
	    nla_put_u32(msg, SCTPNL_FILTER_A_STATE, f->state_mask))
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_UID) &&
	    nla_put_u32(msg, SCTPNL_FILTER_A_UID, f->uid))
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_INODE) &&
	    nla_put_u64(msg, SCTPNL_FILTER_A_INODE, f->inode))
		return -EMSGSIZE;
	if (SCTPNL_ISSET(f, SCTPNL_FILTER_ASSOC_ID) &&
	    nla_put_u32(msg, SCTPNL_FILTER_A_ASSOC_ID, f->assoc_id))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int snl_put_key(struct nl_msg *msg, const struct sctpnl_key *k)
{
	int err;

	if (!k)
		return -EINVAL;
	if (!k->by_addr)
		return nla_put_u32(msg, SCTPNL_A_ASSOC_ID, k->assoc_id) ?
		       -EMSGSIZE : 0;
	err = snl_put_addr(msg, SCTPNL_A_LOCAL, &k->local, 1);
	if (!err)
		err = snl_put_addr(msg, SCTPNL_A_PEER, &k->peer, 1);
	return err;
}
