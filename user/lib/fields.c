// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Records as lists of typed fields, in inet_sctp.hrl order: the one place
 * that knows each record's layout.  format_erl.c and format_json.c only
 * render these lists.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "fields.h"

static const char *const spp_flag_names[] = {
	"hb_enable", "hb_disable", "hb_demand", "pmtud_enable",
	"pmtud_disable", "sackdelay_enable", "sackdelay_disable",
};

/* By bit: SCTP_EOF is MSG_FIN (bit 9), the gap is unnamed. */
static const char *const sinfo_flag_names[] = {
	[0] = "unordered", [1] = "addr_over", [2] = "abort", [9] = "eof",
};

static const char *const assoc_change_atoms[] = {
	"comm_up", "comm_lost", "restart", "shutdown_comp", "cant_assoc",
};

static const char *const paddr_change_atoms[] = {
	"addr_available", "addr_unreachable", "addr_removed", "addr_added",
	"addr_made_prim", "addr_confirmed",
	/* SCTP_ADDR_POTENTIALLY_FAILED: OTP has no atom (its driver would
	 * assert); ours, documented in sctpnl.h. */
	"addr_potentially_failed",
};

struct builder {
	struct snl_field *f;
	unsigned int n;
	uint32_t set;
};

static struct snl_field *add(struct builder *b, const char *name, int bit,
			     enum snl_ftype type)
{
	struct snl_field *f = &b->f[b->n++];

	memset(f, 0, sizeof(*f));
	f->name = name;
	f->type = (bit >= 0 && !((b->set >> bit) & 1)) ? SNL_F_UNDEF : type;
	return f;
}

static struct snl_field *u(struct builder *b, const char *name, int bit,
			   uint64_t v)
{
	struct snl_field *f = add(b, name, bit, SNL_F_UINT);

	f->u = v;
	return f;
}

static struct snl_field *atom(struct builder *b, const char *name, int bit,
			      const char *s)
{
	struct snl_field *f = add(b, name, bit, SNL_F_ATOM);

	f->s = s;
	return f;
}

static void boolean(struct builder *b, const char *name, int bit, int v)
{
	add(b, name, bit, SNL_F_BOOL)->u = !!v;
}

static void addr(struct builder *b, const char *name, int bit,
		 const struct sctpnl_addr *a)
{
	struct snl_field *f = add(b, name, bit, SNL_F_ADDR);

	if (f->type == SNL_F_ADDR && a->family != AF_INET &&
	    a->family != AF_INET6)
		f->type = SNL_F_UNDEF;
	f->addr = a;
}

static void flags(struct builder *b, const char *name, int bit, uint32_t m,
		  const char *const *names, unsigned int n)
{
	struct snl_field *f = add(b, name, bit, SNL_F_FLAGS);

	f->u = m;
	f->names = names;
	f->n_names = n;
}

static void rec(struct builder *b, const char *name, int bit,
		enum sctpnl_rec which, const void *r)
{
	struct snl_field *f = add(b, name, bit, SNL_F_REC);

	f->rec = which;
	f->ptr = r;
}

static void bin(struct builder *b, const char *name, const uint8_t *d,
		size_t len)
{
	struct snl_field *f = add(b, name, -1, SNL_F_BIN);

	f->ptr = d;
	f->u = d ? len : 0;
}

static const char *pick(const char *const *v, unsigned int n, uint32_t i,
			const char *dflt)
{
	return i < n ? v[i] : dflt;
}

int snl_rec_fields(enum sctpnl_rec which, const void *r,
		   struct snl_field *out)
{
	struct builder b = { .f = out };

	switch (which) {
	case SCTPNL_REC_STATUS: {
		const struct sctpnl_status *s = r;

		b.set = s->set;
		u(&b, "assoc_id", SCTPNL_STATUS_ASSOC_ID, s->assoc_id);
		atom(&b, "state", SCTPNL_STATUS_STATE,
		     sctpnl_state_name(s->state));
		u(&b, "rwnd", SCTPNL_STATUS_RWND, s->rwnd);
		u(&b, "unackdata", SCTPNL_STATUS_UNACKDATA, s->unackdata);
		u(&b, "penddata", SCTPNL_STATUS_PENDDATA, s->penddata);
		u(&b, "instrms", SCTPNL_STATUS_INSTRMS, s->instrms);
		u(&b, "outstrms", SCTPNL_STATUS_OUTSTRMS, s->outstrms);
		u(&b, "fragmentation_point",
		  SCTPNL_STATUS_FRAGMENTATION_POINT, s->fragmentation_point);
		rec(&b, "primary", SCTPNL_STATUS_PRIMARY,
		    SCTPNL_REC_PADDRINFO, &s->primary);
		break;
	}
	case SCTPNL_REC_PADDRINFO: {
		const struct sctpnl_paddrinfo *p = r;
		struct snl_field *f;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_PADDRINFO_ASSOC_ID, p->assoc_id);
		addr(&b, "address", SCTPNL_PADDRINFO_ADDRESS, &p->address);
		atom(&b, "state", SCTPNL_PADDRINFO_STATE,
		     sctpnl_path_state_atom(p->state))->js =
			sctpnl_path_state_name(p->state);
		u(&b, "cwnd", SCTPNL_PADDRINFO_CWND, p->cwnd);
		f = u(&b, "srtt", SCTPNL_PADDRINFO_SRTT, p->srtt);
		/* JSON: the unit in the key, milliseconds as every view */
		f->jname = "srtt_ms";
		f->jtype = SCTPNL_ISSET(p, SCTPNL_PADDRINFO_SRTT_MS) ?
			   SNL_F_UINT : SNL_F_UNDEF;
		f->ju = p->srtt_ms;
		u(&b, "rto", SCTPNL_PADDRINFO_RTO, p->rto);
		u(&b, "mtu", SCTPNL_PADDRINFO_MTU, p->mtu);
		break;
	}
	case SCTPNL_REC_RTOINFO: {
		const struct sctpnl_rtoinfo *p = r;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_RTOINFO_ASSOC_ID, p->assoc_id);
		u(&b, "initial", SCTPNL_RTOINFO_INITIAL, p->initial);
		u(&b, "max", SCTPNL_RTOINFO_MAX, p->max);
		u(&b, "min", SCTPNL_RTOINFO_MIN, p->min);
		break;
	}
	case SCTPNL_REC_ASSOCPARAMS: {
		const struct sctpnl_assocparams *p = r;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_ASSOCPARAMS_ASSOC_ID, p->assoc_id);
		u(&b, "asocmaxrxt", SCTPNL_ASSOCPARAMS_ASOCMAXRXT,
		  p->asocmaxrxt);
		u(&b, "number_peer_destinations",
		  SCTPNL_ASSOCPARAMS_NUMBER_PEER_DESTINATIONS,
		  p->number_peer_destinations);
		u(&b, "peer_rwnd", SCTPNL_ASSOCPARAMS_PEER_RWND, p->peer_rwnd);
		u(&b, "local_rwnd", SCTPNL_ASSOCPARAMS_LOCAL_RWND,
		  p->local_rwnd);
		u(&b, "cookie_life", SCTPNL_ASSOCPARAMS_COOKIE_LIFE,
		  p->cookie_life);
		break;
	}
	case SCTPNL_REC_INITMSG: {
		const struct sctpnl_initmsg *p = r;

		b.set = p->set;
		u(&b, "num_ostreams", SCTPNL_INITMSG_NUM_OSTREAMS,
		  p->num_ostreams);
		u(&b, "max_instreams", SCTPNL_INITMSG_MAX_INSTREAMS,
		  p->max_instreams);
		u(&b, "max_attempts", SCTPNL_INITMSG_MAX_ATTEMPTS,
		  p->max_attempts);
		u(&b, "max_init_timeo", SCTPNL_INITMSG_MAX_INIT_TIMEO,
		  p->max_init_timeo);
		break;
	}
	case SCTPNL_REC_PADDRPARAMS: {
		const struct sctpnl_paddrparams *p = r;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_PADDRPARAMS_ASSOC_ID, p->assoc_id);
		addr(&b, "address", SCTPNL_PADDRPARAMS_ADDRESS, &p->address);
		u(&b, "hbinterval", SCTPNL_PADDRPARAMS_HBINTERVAL,
		  p->hbinterval);
		u(&b, "pathmaxrxt", SCTPNL_PADDRPARAMS_PATHMAXRXT,
		  p->pathmaxrxt);
		u(&b, "pathmtu", SCTPNL_PADDRPARAMS_PATHMTU, p->pathmtu);
		u(&b, "sackdelay", SCTPNL_PADDRPARAMS_SACKDELAY, p->sackdelay);
		flags(&b, "flags", SCTPNL_PADDRPARAMS_FLAGS, p->flags,
		      spp_flag_names, SNL_ARRAY_SIZE(spp_flag_names));
		break;
	}
	case SCTPNL_REC_PRIM:
	case SCTPNL_REC_SETPEERPRIM: {
		/* struct sctpnl_prim and sctpnl_setpeerprim: same layout */
		const struct sctpnl_prim *p = r;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_PRIM_ASSOC_ID, p->assoc_id);
		addr(&b, "addr", SCTPNL_PRIM_ADDR, &p->addr);
		break;
	}
	case SCTPNL_REC_SETADAPTATION: {
		const struct sctpnl_setadaptation *p = r;

		b.set = p->set;
		/* host order (the sockets API); OTP shows ntohl() of it */
		u(&b, "adaptation_ind", SCTPNL_SETADAPTATION_ADAPTATION_IND,
		  p->adaptation_ind)->erl_ntohl = 1;
		break;
	}
	case SCTPNL_REC_ASSOC_VALUE: {
		const struct sctpnl_assoc_value *p = r;

		b.set = p->set;
		u(&b, "assoc_id", SCTPNL_ASSOC_VALUE_ASSOC_ID, p->assoc_id);
		u(&b, "assoc_value", SCTPNL_ASSOC_VALUE_ASSOC_VALUE,
		  p->assoc_value);
		break;
	}
	case SCTPNL_REC_SNDRCVINFO: {
		const struct sctpnl_sndrcvinfo *p = r;

		b.set = p->set;
		u(&b, "stream", SCTPNL_SNDRCVINFO_STREAM, p->stream);
		u(&b, "ssn", SCTPNL_SNDRCVINFO_SSN, p->ssn);
		flags(&b, "flags", SCTPNL_SNDRCVINFO_FLAGS, p->flags,
		      sinfo_flag_names, SNL_ARRAY_SIZE(sinfo_flag_names));
		u(&b, "ppid", SCTPNL_SNDRCVINFO_PPID, p->ppid);
		u(&b, "context", SCTPNL_SNDRCVINFO_CONTEXT, p->context);
		u(&b, "timetolive", SCTPNL_SNDRCVINFO_TIMETOLIVE,
		  p->timetolive);
		u(&b, "tsn", SCTPNL_SNDRCVINFO_TSN, p->tsn);
		u(&b, "cumtsn", SCTPNL_SNDRCVINFO_CUMTSN, p->cumtsn);
		u(&b, "assoc_id", SCTPNL_SNDRCVINFO_ASSOC_ID, p->assoc_id);
		break;
	}
	case SCTPNL_REC_EVENT_SUBSCRIBE: {
		const struct sctpnl_event_subscribe *p = r;

		b.set = p->set;
		boolean(&b, "data_io_event",
			SCTPNL_EVENT_SUBSCRIBE_DATA_IO_EVENT,
			p->data_io_event);
		boolean(&b, "association_event",
			SCTPNL_EVENT_SUBSCRIBE_ASSOCIATION_EVENT,
			p->association_event);
		boolean(&b, "address_event",
			SCTPNL_EVENT_SUBSCRIBE_ADDRESS_EVENT,
			p->address_event);
		boolean(&b, "send_failure_event",
			SCTPNL_EVENT_SUBSCRIBE_SEND_FAILURE_EVENT,
			p->send_failure_event);
		boolean(&b, "peer_error_event",
			SCTPNL_EVENT_SUBSCRIBE_PEER_ERROR_EVENT,
			p->peer_error_event);
		boolean(&b, "shutdown_event",
			SCTPNL_EVENT_SUBSCRIBE_SHUTDOWN_EVENT,
			p->shutdown_event);
		boolean(&b, "partial_delivery_event",
			SCTPNL_EVENT_SUBSCRIBE_PARTIAL_DELIVERY_EVENT,
			p->partial_delivery_event);
		boolean(&b, "adaptation_layer_event",
			SCTPNL_EVENT_SUBSCRIBE_ADAPTATION_LAYER_EVENT,
			p->adaptation_layer_event);
		boolean(&b, "authentication_event",
			SCTPNL_EVENT_SUBSCRIBE_AUTHENTICATION_EVENT,
			p->authentication_event);
		break;
	}
	case SCTPNL_REC_ASSOC_CHANGE: {
		const struct sctpnl_assoc_change *p = r;

		atom(&b, "state", -1,
		     pick(assoc_change_atoms,
			  SNL_ARRAY_SIZE(assoc_change_atoms), p->state,
			  "undefined"));
		u(&b, "error", -1, p->error);
		u(&b, "outbound_streams", -1, p->outbound_streams);
		u(&b, "inbound_streams", -1, p->inbound_streams);
		u(&b, "assoc_id", -1, p->assoc_id);
		break;
	}
	case SCTPNL_REC_PADDR_CHANGE: {
		const struct sctpnl_paddr_change *p = r;

		addr(&b, "addr", -1, &p->addr);
		atom(&b, "state", -1,
		     pick(paddr_change_atoms,
			  SNL_ARRAY_SIZE(paddr_change_atoms), p->state,
			  "undefined"));
		u(&b, "error", -1, p->error);
		u(&b, "assoc_id", -1, p->assoc_id);
		break;
	}
	case SCTPNL_REC_REMOTE_ERROR: {
		const struct sctpnl_remote_error *p = r;

		u(&b, "error", -1, p->error);
		u(&b, "assoc_id", -1, p->assoc_id);
		bin(&b, "data", p->data, p->data_len);
		break;
	}
	case SCTPNL_REC_SEND_FAILED: {
		const struct sctpnl_send_failed *p = r;

		boolean(&b, "flags", -1, p->flags);
		u(&b, "error", -1, p->error);
		rec(&b, "info", -1, SCTPNL_REC_SNDRCVINFO, &p->info);
		u(&b, "assoc_id", -1, p->assoc_id);
		bin(&b, "data", p->data, p->data_len);
		break;
	}
	case SCTPNL_REC_SHUTDOWN_EVENT: {
		const struct sctpnl_shutdown_event *p = r;

		u(&b, "assoc_id", -1, p->assoc_id);
		break;
	}
	case SCTPNL_REC_ADAPTATION_EVENT: {
		const struct sctpnl_adaptation_event *p = r;

		u(&b, "adaptation_ind", -1, p->adaptation_ind)->erl_ntohl = 1;
		u(&b, "assoc_id", -1, p->assoc_id);
		break;
	}
	case SCTPNL_REC_PDAPI_EVENT: {
		const struct sctpnl_pdapi_event *p = r;

		atom(&b, "indication", -1,
		     p->indication == 0 ? "partial_delivery_aborted" :
		     "undefined");
		u(&b, "assoc_id", -1, p->assoc_id);
		break;
	}
	default:
		return -EINVAL;
	}
	return b.n;
}
