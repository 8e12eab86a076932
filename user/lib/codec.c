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

static int nu(const struct nlattr *a, int size, uint64_t *v)
{
	const void *d = nla_data(a);

	if (nla_len(a) < size)
		return -EBADMSG;
	switch (size) {
	case 1:
		*v = *(const uint8_t *)d;
		break;
	case 2: {
		uint16_t x;

		memcpy(&x, d, 2);
		*v = x;
		break;
	}
	case 4: {
		uint32_t x;

		memcpy(&x, d, 4);
		*v = x;
		break;
	}
	default: {
		uint64_t x;

		memcpy(&x, d, 8);
		*v = x;
		break;
	}
	}
	return 0;
}

/* Read an integer attribute of "sz" bytes into an lvalue, or fail. */
#define GET(a, sz, lval)						\
	do {								\
		uint64_t v_;						\
		if (nu(a, sz, &v_))					\
			return -EBADMSG;				\
		(lval) = v_;						\
	} while (0)

/* Same, and mark record field "bit" as set. */
#define GETF(a, sz, rec, field, bit)					\
	do {								\
		GET(a, sz, (rec)->field);				\
		SCTPNL_SETF(rec, bit);					\
	} while (0)

int snl_decode_addr(const struct nlattr *nest, struct sctpnl_addr *addr)
{
	const struct nlattr *a;
	int have_addr = 0;
	int rem;

	memset(addr, 0, sizeof(*addr));
	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_ADDR_A_FAMILY:
			GET(a, 2, addr->family);
			break;
		case SCTPNL_ADDR_A_IN4:
			if (nla_len(a) < 4)
				return -EBADMSG;
			memcpy(&addr->v4, nla_data(a), 4);
			have_addr = AF_INET;
			break;
		case SCTPNL_ADDR_A_IN6:
			if (nla_len(a) < 16)
				return -EBADMSG;
			memcpy(&addr->v6, nla_data(a), 16);
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

static int decode_path(const struct nlattr *nest, struct sctpnl_path *p)
{
	struct sctpnl_paddrparams *pp = &p->params;
	struct sctpnl_paddrinfo *pi = &p->info;
	const struct nlattr *a;
	int rem, err;

	memset(p, 0, sizeof(*p));
	nla_for_each_nested(a, nest, rem) {
		int t = nla_type(a);

		if (t < 32)
			p->present |= 1u << t;
		switch (t) {
		case SCTPNL_PADDR_A_ADDR:
			err = snl_decode_addr(a, &pi->address);
			if (err)
				return err;
			pp->address = pi->address;
			SCTPNL_SETF(pi, SCTPNL_PADDRINFO_ADDRESS);
			SCTPNL_SETF(pp, SCTPNL_PADDRPARAMS_ADDRESS);
			break;
		case SCTPNL_PADDR_A_STATE:
			GETF(a, 1, pi, state, SCTPNL_PADDRINFO_STATE);
			break;
		case SCTPNL_PADDR_A_CWND:
			GETF(a, 4, pi, cwnd, SCTPNL_PADDRINFO_CWND);
			break;
		case SCTPNL_PADDR_A_SRTT:
			GET(a, 4, p->srtt);
			pi->srtt_ms = p->srtt;
			SCTPNL_SETF(pi, SCTPNL_PADDRINFO_SRTT_MS);
			break;
		case SCTPNL_PADDR_A_RTO:
			GETF(a, 4, pi, rto, SCTPNL_PADDRINFO_RTO);
			break;
		case SCTPNL_PADDR_A_MTU:
			GETF(a, 4, pi, mtu, SCTPNL_PADDRINFO_MTU);
			GETF(a, 4, pp, pathmtu, SCTPNL_PADDRPARAMS_PATHMTU);
			break;
		case SCTPNL_PADDR_A_HBINTERVAL:
			GETF(a, 4, pp, hbinterval, SCTPNL_PADDRPARAMS_HBINTERVAL);
			break;
		case SCTPNL_PADDR_A_PATHMAXRXT:
			GETF(a, 2, pp, pathmaxrxt, SCTPNL_PADDRPARAMS_PATHMAXRXT);
			break;
		case SCTPNL_PADDR_A_SACKDELAY:
			GETF(a, 4, pp, sackdelay, SCTPNL_PADDRPARAMS_SACKDELAY);
			break;
		case SCTPNL_PADDR_A_FLAGS:
			GETF(a, 4, pp, flags, SCTPNL_PADDRPARAMS_FLAGS);
			break;
		case SCTPNL_PADDR_A_SSTHRESH:
			GET(a, 4, p->ssthresh);
			break;
		case SCTPNL_PADDR_A_FLIGHT_SIZE:
			GET(a, 4, p->flight_size);
			break;
		case SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED:
			GET(a, 4, p->partial_bytes_acked);
			break;
		case SCTPNL_PADDR_A_ERROR_COUNT:
			GET(a, 4, p->error_count);
			break;
		case SCTPNL_PADDR_A_PF_RETRANS:
			GET(a, 2, p->pf_retrans);
			break;
		case SCTPNL_PADDR_A_PRIMARY:
			GET(a, 1, p->primary);
			break;
		case SCTPNL_PADDR_A_RTTVAR:
			GET(a, 4, p->rttvar);
			break;
		case SCTPNL_PADDR_A_SRTT_SOCKOPT:
			GETF(a, 4, pi, srtt, SCTPNL_PADDRINFO_SRTT);
			break;
		case SCTPNL_PADDR_A_LAST_HEARD:
			GET(a, 4, p->last_heard);
			break;
		}
	}
	return 0;
}

static int decode_addr_list(const struct nlattr *nest, struct sctpnl_addr *v,
			    unsigned int *n, unsigned int *total)
{
	const struct nlattr *a;
	int rem, err;

	*n = 0;
	*total = 0;
	nla_for_each_nested(a, nest, rem) {
		struct sctpnl_addr tmp;

		if (nla_type(a) != SCTPNL_A_LOCAL_ADDRS_ENTRY)
			continue;
		err = snl_decode_addr(a, &tmp);
		if (err)
			return err;
		if (*n < SCTPNL_MAX_ADDRS)
			v[(*n)++] = tmp;
		(*total)++;
	}
	return 0;
}

static int decode_paths(const struct nlattr *nest, struct sctpnl_assoc *as)
{
	const struct nlattr *a;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		struct sctpnl_path tmp;

		if (nla_type(a) != SCTPNL_A_PADDRS_ENTRY)
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

static int decode_status(const struct nlattr *nest, struct sctpnl_status *s)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_STATUS_A_STATE:
			GETF(a, 1, s, state, SCTPNL_STATUS_STATE);
			break;
		case SCTPNL_STATUS_A_RWND:
			GETF(a, 4, s, rwnd, SCTPNL_STATUS_RWND);
			break;
		case SCTPNL_STATUS_A_UNACKDATA:
			GETF(a, 4, s, unackdata, SCTPNL_STATUS_UNACKDATA);
			break;
		case SCTPNL_STATUS_A_PENDDATA:
			GETF(a, 4, s, penddata, SCTPNL_STATUS_PENDDATA);
			break;
		case SCTPNL_STATUS_A_INSTRMS:
			GETF(a, 2, s, instrms, SCTPNL_STATUS_INSTRMS);
			break;
		case SCTPNL_STATUS_A_OUTSTRMS:
			GETF(a, 2, s, outstrms, SCTPNL_STATUS_OUTSTRMS);
			break;
		case SCTPNL_STATUS_A_FRAGMENTATION_POINT:
			GETF(a, 4, s, fragmentation_point,
			     SCTPNL_STATUS_FRAGMENTATION_POINT);
			break;
		}
	}
	return 0;
}

static int decode_rtoinfo(const struct nlattr *nest, struct sctpnl_rtoinfo *r)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_RTOINFO_A_RTO_INITIAL:
			GETF(a, 4, r, initial, SCTPNL_RTOINFO_INITIAL);
			break;
		case SCTPNL_RTOINFO_A_RTO_MAX:
			GETF(a, 4, r, max, SCTPNL_RTOINFO_MAX);
			break;
		case SCTPNL_RTOINFO_A_RTO_MIN:
			GETF(a, 4, r, min, SCTPNL_RTOINFO_MIN);
			break;
		}
	}
	return 0;
}

static int decode_assocparams(const struct nlattr *nest,
			      struct sctpnl_assocparams *p)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT:
			GETF(a, 2, p, asocmaxrxt, SCTPNL_ASSOCPARAMS_ASOCMAXRXT);
			break;
		case SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS:
			GETF(a, 2, p, number_peer_destinations,
			     SCTPNL_ASSOCPARAMS_NUMBER_PEER_DESTINATIONS);
			break;
		case SCTPNL_ASSOCPARAMS_A_PEER_RWND:
			GETF(a, 4, p, peer_rwnd, SCTPNL_ASSOCPARAMS_PEER_RWND);
			break;
		case SCTPNL_ASSOCPARAMS_A_LOCAL_RWND:
			GETF(a, 4, p, local_rwnd, SCTPNL_ASSOCPARAMS_LOCAL_RWND);
			break;
		case SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE:
			GETF(a, 4, p, cookie_life,
			     SCTPNL_ASSOCPARAMS_COOKIE_LIFE);
			break;
		}
	}
	return 0;
}

static int decode_initmsg(const struct nlattr *nest, struct sctpnl_initmsg *m)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_INITMSG_A_NUM_OSTREAMS:
			GETF(a, 2, m, num_ostreams, SCTPNL_INITMSG_NUM_OSTREAMS);
			break;
		case SCTPNL_INITMSG_A_MAX_INSTREAMS:
			GETF(a, 2, m, max_instreams,
			     SCTPNL_INITMSG_MAX_INSTREAMS);
			break;
		case SCTPNL_INITMSG_A_MAX_ATTEMPTS:
			GETF(a, 2, m, max_attempts, SCTPNL_INITMSG_MAX_ATTEMPTS);
			break;
		case SCTPNL_INITMSG_A_MAX_INIT_TIMEO:
			GETF(a, 2, m, max_init_timeo,
			     SCTPNL_INITMSG_MAX_INIT_TIMEO);
			break;
		}
	}
	return 0;
}

static int decode_sack(const struct nlattr *nest, struct sctpnl_assoc *as)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_SACK_A_DELAY:
			GET(a, 4, as->sack_delay);
			break;
		case SCTPNL_SACK_A_FREQ:
			GET(a, 4, as->sack_freq);
			break;
		}
	}
	return 0;
}

int snl_decode_sndrcv(const struct nlattr *nest, struct sctpnl_sndrcvinfo *s)
{
	const struct nlattr *a;
	uint32_t ppid;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_SNDRCV_A_STREAM:
			GETF(a, 2, s, stream, SCTPNL_SNDRCVINFO_STREAM);
			break;
		case SCTPNL_SNDRCV_A_SSN:
			GETF(a, 2, s, ssn, SCTPNL_SNDRCVINFO_SSN);
			break;
		case SCTPNL_SNDRCV_A_FLAGS:
			GETF(a, 2, s, flags, SCTPNL_SNDRCVINFO_FLAGS);
			break;
		case SCTPNL_SNDRCV_A_PPID:
			/* network byte order on the wire: keep host order */
			GET(a, 4, ppid);
			s->ppid = ntohl(ppid);
			SCTPNL_SETF(s, SCTPNL_SNDRCVINFO_PPID);
			break;
		case SCTPNL_SNDRCV_A_CONTEXT:
			GETF(a, 4, s, context, SCTPNL_SNDRCVINFO_CONTEXT);
			break;
		case SCTPNL_SNDRCV_A_TIMETOLIVE:
			GETF(a, 4, s, timetolive, SCTPNL_SNDRCVINFO_TIMETOLIVE);
			break;
		case SCTPNL_SNDRCV_A_TSN:
			GETF(a, 4, s, tsn, SCTPNL_SNDRCVINFO_TSN);
			break;
		case SCTPNL_SNDRCV_A_CUMTSN:
			GETF(a, 4, s, cumtsn, SCTPNL_SNDRCVINFO_CUMTSN);
			break;
		}
	}
	return 0;
}

static int decode_events(const struct nlattr *nest, struct sctpnl_assoc *as)
{
	struct sctpnl_event_subscribe *e = &as->events;
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case SCTPNL_EVENTS_A_DATA_IO:
			GETF(a, 1, e, data_io_event,
			     SCTPNL_EVENT_SUBSCRIBE_DATA_IO_EVENT);
			break;
		case SCTPNL_EVENTS_A_ASSOCIATION:
			GETF(a, 1, e, association_event,
			     SCTPNL_EVENT_SUBSCRIBE_ASSOCIATION_EVENT);
			break;
		case SCTPNL_EVENTS_A_ADDRESS:
			GETF(a, 1, e, address_event,
			     SCTPNL_EVENT_SUBSCRIBE_ADDRESS_EVENT);
			break;
		case SCTPNL_EVENTS_A_SEND_FAILURE:
			GETF(a, 1, e, send_failure_event,
			     SCTPNL_EVENT_SUBSCRIBE_SEND_FAILURE_EVENT);
			break;
		case SCTPNL_EVENTS_A_PEER_ERROR:
			GETF(a, 1, e, peer_error_event,
			     SCTPNL_EVENT_SUBSCRIBE_PEER_ERROR_EVENT);
			break;
		case SCTPNL_EVENTS_A_SHUTDOWN:
			GETF(a, 1, e, shutdown_event,
			     SCTPNL_EVENT_SUBSCRIBE_SHUTDOWN_EVENT);
			break;
		case SCTPNL_EVENTS_A_PARTIAL_DELIVERY:
			GETF(a, 1, e, partial_delivery_event,
			     SCTPNL_EVENT_SUBSCRIBE_PARTIAL_DELIVERY_EVENT);
			break;
		case SCTPNL_EVENTS_A_ADAPTATION_LAYER:
			GETF(a, 1, e, adaptation_layer_event,
			     SCTPNL_EVENT_SUBSCRIBE_ADAPTATION_LAYER_EVENT);
			break;
		case SCTPNL_EVENTS_A_AUTHENTICATION:
			GETF(a, 1, e, authentication_event,
			     SCTPNL_EVENT_SUBSCRIBE_AUTHENTICATION_EVENT);
			break;
		case SCTPNL_EVENTS_A_SENDER_DRY:
			GET(a, 1, as->sender_dry_event);
			break;
		}
	}
	return 0;
}

static int decode_paddrparams(const struct nlattr *nest,
			      struct sctpnl_paddrparams *pp)
{
	struct sctpnl_path p;
	int err;

	err = decode_path(nest, &p);
	if (err)
		return err;
	*pp = p.params;
	return 0;
}

static int decode_stats(const struct nlattr *nest,
			struct sctpnl_assoc_stats *s)
{
	/* In enum sctpnl_stats_attrs order, from RTXCHUNKS on. */
	uint64_t *const v[] = {
		&s->rtxchunks, &s->gapcnt, &s->outofseqtsns, &s->osacks,
		&s->isacks, &s->octrlchunks, &s->ictrlchunks, &s->oodchunks,
		&s->iodchunks, &s->ouodchunks, &s->iuodchunks,
		&s->idupchunks, &s->opackets, &s->ipackets, &s->max_obs_rto,
	};
	const struct nlattr *a;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		int t = nla_type(a);

		if (t >= SCTPNL_STATS_A_RTXCHUNKS &&
		    t <= SCTPNL_STATS_A_MAX_OBS_RTO) {
			GET(a, 8, *v[t - SCTPNL_STATS_A_RTXCHUNKS]);
			s->present |= 1u << t;
		} else if (t == SCTPNL_STATS_A_MAX_OBS_RTO_ADDR) {
			err = snl_decode_addr(a, &s->max_obs_rto_addr);
			if (err)
				return err;
			s->present |= 1u << t;
		}
	}
	return 0;
}

int snl_decode_assoc(const struct nlattr *attrs, int len,
		     struct sctpnl_assoc *as, struct snl_ep_extra *ep)
{
	const struct nlattr *a;
	unsigned int i;
	int rem, err = 0;

	memset(as, 0, sizeof(*as));
	as->primary_path = -1;
	nla_for_each_attr(a, (struct nlattr *)attrs, len, rem) {
		int t = nla_type(a);

		if (t < 64)
			as->present |= 1ull << t;
		switch (t) {
		case SCTPNL_A_ASSOC_ID:
			GET(a, 4, as->assoc_id);
			break;
		case SCTPNL_A_LOCAL:
			err = snl_decode_addr(a, &as->local);
			break;
		case SCTPNL_A_PEER:
			err = snl_decode_addr(a, &as->peer);
			break;
		case SCTPNL_A_SK_INODE:
			GET(a, 8, as->inode);
			break;
		case SCTPNL_A_SK_UID:
			GET(a, 4, as->uid);
			break;
		case SCTPNL_A_SK_STYLE:
			GET(a, 1, as->style);
			break;
		case SCTPNL_A_SK_FAMILY:
			GET(a, 2, as->sk_family);
			break;
		case SCTPNL_A_SK_V4MAPPED:
			GET(a, 1, as->v4mapped);
			break;
		case SCTPNL_A_LOCAL_PORT:
			GET(a, 2, as->local_port);
			break;
		case SCTPNL_A_PEER_PORT:
			GET(a, 2, as->peer_port);
			break;
		case SCTPNL_A_LOCAL_ADDRS:
			err = decode_addr_list(a, as->laddrs, &as->n_laddrs,
					       &as->n_laddrs_total);
			break;
		case SCTPNL_A_PADDRS:
			err = decode_paths(a, as);
			break;
		case SCTPNL_A_STATUS:
			err = decode_status(a, &as->status);
			break;
		case SCTPNL_A_RTOINFO:
			err = decode_rtoinfo(a, &as->rtoinfo);
			break;
		case SCTPNL_A_ASSOCINFO:
			err = decode_assocparams(a, &as->assocparams);
			break;
		case SCTPNL_A_INITMSG:
			err = decode_initmsg(a, &as->initmsg);
			break;
		case SCTPNL_A_DELAYED_ACK:
			err = decode_sack(a, as);
			break;
		case SCTPNL_A_DEFAULT_SEND:
			err = snl_decode_sndrcv(a, &as->default_send);
			break;
		case SCTPNL_A_EVENTS:
			err = decode_events(a, as);
			break;
		case SCTPNL_A_PADDRPARAMS:
			err = decode_paddrparams(a, &as->paddrparams);
			break;
		case SCTPNL_A_STATS:
			err = decode_stats(a, &as->stats);
			break;
		case SCTPNL_A_MAXSEG:
			GET(a, 4, as->maxseg);
			break;
		case SCTPNL_A_NODELAY:
			GET(a, 1, as->nodelay);
			break;
		case SCTPNL_A_AUTOCLOSE:
			GET(a, 4, as->autoclose);
			break;
		case SCTPNL_A_DISABLE_FRAGMENTS:
			GET(a, 1, as->disable_fragments);
			break;
		case SCTPNL_A_ADAPTATION_IND:
			GET(a, 4, as->adaptation_ind);
			break;
		case SCTPNL_A_PEER_ADAPTATION_IND:
			GET(a, 4, as->peer_adaptation_ind);
			break;
		case SCTPNL_A_LOCAL_VTAG:
			GET(a, 4, as->local_vtag);
			break;
		case SCTPNL_A_PEER_VTAG:
			GET(a, 4, as->peer_vtag);
			break;
		case SCTPNL_A_SNDQ:
			GET(a, 4, as->sndq);
			break;
		case SCTPNL_A_RCVQ:
			GET(a, 4, as->rcvq);
			break;
		case SCTPNL_A_LOCAL_RWND:
			GET(a, 4, as->local_rwnd);
			break;
		case SCTPNL_A_EP_ASSOCS:
			if (ep)
				GET(a, 4, ep->assocs);
			break;
		case SCTPNL_A_EP_LISTENING:
			if (ep)
				GET(a, 1, ep->listening);
			break;
		}
		if (err)
			return err;
	}

	/* Records carry the association id, as gen_sctp's do. */
	if (SCTPNL_HAS(as, SCTPNL_A_ASSOC_ID)) {
		as->status.assoc_id = as->assoc_id;
		SCTPNL_SETF(&as->status, SCTPNL_STATUS_ASSOC_ID);
		if (SCTPNL_ISSET(&as->status, SCTPNL_STATUS_PRIMARY)) {
			as->status.primary.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->status.primary,
				    SCTPNL_PADDRINFO_ASSOC_ID);
		}
		for (i = 0; i < as->n_paths; i++) {
			as->paths[i].info.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->paths[i].info,
				    SCTPNL_PADDRINFO_ASSOC_ID);
			as->paths[i].params.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->paths[i].params,
				    SCTPNL_PADDRPARAMS_ASSOC_ID);
		}
		if (as->rtoinfo.set) {
			as->rtoinfo.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->rtoinfo, SCTPNL_RTOINFO_ASSOC_ID);
		}
		if (as->assocparams.set) {
			as->assocparams.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->assocparams,
				    SCTPNL_ASSOCPARAMS_ASSOC_ID);
		}
		if (as->default_send.set) {
			as->default_send.assoc_id = as->assoc_id;
			SCTPNL_SETF(&as->default_send,
				    SCTPNL_SNDRCVINFO_ASSOC_ID);
		}
	}
	return 0;
}

/* Endpoint messages share the top-level attributes of associations. */
void snl_ep_from_assoc(struct sctpnl_ep *ep, const struct sctpnl_assoc *a,
		       const struct snl_ep_extra *x)
{
	memset(ep, 0, sizeof(*ep));
	ep->assocs = x->assocs;
	ep->listening = x->listening;
	ep->inode = a->inode;
	ep->uid = a->uid;
	ep->style = a->style;
	ep->sk_family = a->sk_family;
	ep->v4mapped = a->v4mapped;
	ep->port = a->local_port;
	ep->n_laddrs = a->n_laddrs;
	ep->n_laddrs_total = a->n_laddrs_total;
	memcpy(ep->laddrs, a->laddrs, sizeof(ep->laddrs));
	ep->initmsg = a->initmsg;
	ep->rtoinfo = a->rtoinfo;
	ep->assocparams = a->assocparams;
	ep->maxseg = a->maxseg;
	ep->nodelay = a->nodelay;
	ep->autoclose = a->autoclose;
	ep->disable_fragments = a->disable_fragments;
	ep->adaptation_ind = a->adaptation_ind;
	ep->events = a->events;
	ep->sender_dry_event = a->sender_dry_event;
	ep->paddrparams = a->paddrparams;
	ep->present = a->present;
}

int snl_decode_snmp(const struct nlattr *attrs, int len,
		    struct sctpnl_snmp *s)
{
	const struct nlattr *a, *c;
	int rem, rem2;

	memset(s, 0, sizeof(*s));
	nla_for_each_attr(a, (struct nlattr *)attrs, len, rem) {
		if (nla_type(a) != SCTPNL_A_SNMP)
			continue;
		nla_for_each_nested(c, a, rem2) {
			int t = nla_type(c);

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
