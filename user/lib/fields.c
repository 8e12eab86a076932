// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The tables of the records (see fields.h): one row per field, in
 * inet_sctp.hrl order for the gen_sctp records and in JSON order for the
 * association and the endpoint.  Adding a field to a record is one row
 * here (and its member in sctpnl.h).
 */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "fields.h"

/* Rows override their default names: see fields.h. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* ---- names ---- */

#define NAMES(arr, d)	{ .v = arr, .n = SNL_ARRAY_SIZE(arr), .dflt = d }

static const char *const state_v[] = {
	[SCTPNL_STATE_EMPTY]		= "empty",
	[SCTPNL_STATE_CLOSED]		= "closed",
	[SCTPNL_STATE_COOKIE_WAIT]	= "cookie_wait",
	[SCTPNL_STATE_COOKIE_ECHOED]	= "cookie_echoed",
	[SCTPNL_STATE_ESTABLISHED]	= "established",
	[SCTPNL_STATE_SHUTDOWN_PENDING]	= "shutdown_pending",
	[SCTPNL_STATE_SHUTDOWN_SENT]	= "shutdown_sent",
	[SCTPNL_STATE_SHUTDOWN_RECEIVED] = "shutdown_received",
	[SCTPNL_STATE_SHUTDOWN_ACK_SENT] = "shutdown_ack_sent",
};
const struct snl_names snl_state_names = NAMES(state_v, "undefined");

/* OTP has no atom for SCTP_PF: undefined, as its driver. */
static const char *const path_atom_v[] = {
	[SCTPNL_PATH_INACTIVE]		= "inactive",
	[SCTPNL_PATH_ACTIVE]		= "active",
	[SCTPNL_PATH_UNCONFIRMED]	= "unconfirmed",
};
const struct snl_names snl_path_atoms = NAMES(path_atom_v, "undefined");

static const char *const path_name_v[] = {
	[SCTPNL_PATH_INACTIVE]		= "inactive",
	[SCTPNL_PATH_PF]		= "pf",
	[SCTPNL_PATH_ACTIVE]		= "active",
	[SCTPNL_PATH_UNCONFIRMED]	= "unconfirmed",
};
const struct snl_names snl_path_names = NAMES(path_name_v, "unknown");

static const char *const style_v[] = {
	[SCTPNL_STYLE_ONE_TO_ONE]	= "one-to-one",
	[SCTPNL_STYLE_ONE_TO_MANY]	= "one-to-many",
	[SCTPNL_STYLE_PEELED]		= "peeled",
};
const struct snl_names snl_style_names = NAMES(style_v, "unspec");

static const char *const family_v[] = {
	[AF_INET] = "inet", [AF_INET6] = "inet6",
};
const struct snl_names snl_family_names = NAMES(family_v, "unspec");

static const char *const spp_flag_v[] = {
	"hb_enable", "hb_disable", "hb_demand", "pmtud_enable",
	"pmtud_disable", "sackdelay_enable", "sackdelay_disable",
};
static const struct snl_names spp_flags = NAMES(spp_flag_v, NULL);

/* By bit: SCTP_EOF is MSG_FIN (bit 9), the gap is unnamed. */
static const char *const sinfo_flag_v[] = {
	[0] = "unordered", [1] = "addr_over", [2] = "abort", [9] = "eof",
};
static const struct snl_names sinfo_flags = NAMES(sinfo_flag_v, NULL);

static const char *const assoc_change_v[] = {
	"comm_up", "comm_lost", "restart", "shutdown_comp", "cant_assoc",
};
static const struct snl_names assoc_change_atoms =
	NAMES(assoc_change_v, "undefined");

static const char *const paddr_change_v[] = {
	"addr_available", "addr_unreachable", "addr_removed", "addr_added",
	"addr_made_prim", "addr_confirmed",
	/* SCTP_ADDR_POTENTIALLY_FAILED: OTP has no atom (its driver would
	 * assert); ours, documented in sctpnl.h. */
	"addr_potentially_failed",
};
static const struct snl_names paddr_change_atoms =
	NAMES(paddr_change_v, "undefined");

static const char *const pdapi_v[] = { "partial_delivery_aborted" };
static const struct snl_names pdapi_atoms = NAMES(pdapi_v, "undefined");

const char *sctpnl_state_name(uint32_t state)
{
	return snl_name(&snl_state_names, state);
}

const char *sctpnl_path_state_name(uint32_t state)
{
	return snl_name(&snl_path_names, state);
}

const char *sctpnl_path_state_atom(uint32_t state)
{
	return snl_name(&snl_path_atoms, state);
}

const char *sctpnl_style_name(unsigned int style)
{
	return snl_name(&snl_style_names, style);
}

const char *sctpnl_assoc_change_atom(uint32_t state)
{
	return snl_name(&assoc_change_atoms, state);
}

const char *sctpnl_paddr_change_atom(uint32_t state)
{
	return snl_name(&paddr_change_atoms, state);
}

const char *sctpnl_pdapi_atom(uint32_t indication)
{
	return snl_name(&pdapi_atoms, indication);
}

/* ---- rows ---- */

/* A record: "set" mask of its own, assoc_id (if any) at bit 0. */
#define DESC(nm, st, r, ...)						\
	{ .name = nm, .rows = r, .n = SNL_ARRAY_SIZE(r),		\
	  .set_off = offsetof(st, set), .set_size = 4,			\
	  .seen_off = SNL_NO_OFF, .id_off = SNL_NO_OFF, __VA_ARGS__ }
#define WITH_ID(st)	.id_off = offsetof(st, assoc_id), .id_bit = 0
/* An event record: every field there, assoc_id from the message. */
#define EV_DESC(nm, st, r)						\
	{ .name = nm, .rows = r, .n = SNL_ARRAY_SIZE(r),		\
	  .set_off = SNL_NO_OFF, .seen_off = SNL_NO_OFF,		\
	  .id_off = offsetof(st, assoc_id), .id_bit = -1 }

#define P struct sctpnl_paddrinfo
static const struct snl_row paddrinfo_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_PADDRINFO_ASSOC_ID, 0, 0),
	SNL_ADDR(P, address, SCTPNL_PADDRINFO_ADDRESS, SCTPNL_PADDR_A_ADDR),
	SNL_ATOM(P, state, SCTPNL_PADDRINFO_STATE, SCTPNL_PADDR_A_STATE, 1,
	     snl_path_atoms, .jnames = &snl_path_names),
	SNL_U(P, cwnd, SCTPNL_PADDRINFO_CWND, SCTPNL_PADDR_A_CWND, 4),
	/* Erlang: srtt raw; JSON, at its place: milliseconds */
	SNL_U(P, srtt, SCTPNL_PADDRINFO_SRTT, SCTPNL_PADDR_A_SRTT_SOCKOPT, 4,
	  .jkey = NULL),
	SNL_U(P, srtt_ms, SCTPNL_PADDRINFO_SRTT_MS, SCTPNL_PADDR_A_SRTT, 4,
	  .name = NULL),
	SNL_U(P, rto, SCTPNL_PADDRINFO_RTO, SCTPNL_PADDR_A_RTO, 4),
	SNL_U(P, mtu, SCTPNL_PADDRINFO_MTU, SCTPNL_PADDR_A_MTU, 4),
	SNL_BOOL(P, hb_active, SCTPNL_PADDRINFO_HB_ACTIVE,
		 SCTPNL_PADDR_A_HB_ACTIVE, 1, .name = NULL),
};
static struct snl_desc paddrinfo_desc =
	DESC("sctp_paddrinfo", P, paddrinfo_rows, WITH_ID(P));
#undef P

#define P struct sctpnl_status
static const struct snl_row status_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_STATUS_ASSOC_ID, 0, 0),
	SNL_ATOM(P, state, SCTPNL_STATUS_STATE, SCTPNL_STATUS_A_STATE, 1,
	     snl_state_names),
	SNL_U(P, rwnd, SCTPNL_STATUS_RWND, SCTPNL_STATUS_A_RWND, 4),
	SNL_U(P, unackdata, SCTPNL_STATUS_UNACKDATA, SCTPNL_STATUS_A_UNACKDATA, 4),
	SNL_U(P, penddata, SCTPNL_STATUS_PENDDATA, SCTPNL_STATUS_A_PENDDATA, 4),
	SNL_U(P, instrms, SCTPNL_STATUS_INSTRMS, SCTPNL_STATUS_A_INSTRMS, 2),
	SNL_U(P, outstrms, SCTPNL_STATUS_OUTSTRMS, SCTPNL_STATUS_A_OUTSTRMS, 2),
	SNL_U(P, fragmentation_point, SCTPNL_STATUS_FRAGMENTATION_POINT,
	  SCTPNL_STATUS_A_FRAGMENTATION_POINT, 4),
	SNL_REC(P, primary, SCTPNL_STATUS_PRIMARY, 0, paddrinfo_desc),
};
static struct snl_desc status_desc =
	DESC("sctp_status", P, status_rows, WITH_ID(P));
#undef P

#define P struct sctpnl_rtoinfo
static const struct snl_row rtoinfo_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_RTOINFO_ASSOC_ID, 0, 0),
	SNL_U(P, initial, SCTPNL_RTOINFO_INITIAL, SCTPNL_RTOINFO_A_RTO_INITIAL, 4),
	SNL_U(P, max, SCTPNL_RTOINFO_MAX_RTO, SCTPNL_RTOINFO_A_RTO_MAX, 4),
	SNL_U(P, min, SCTPNL_RTOINFO_MIN, SCTPNL_RTOINFO_A_RTO_MIN, 4),
};
static struct snl_desc rtoinfo_desc =
	DESC("sctp_rtoinfo", P, rtoinfo_rows, WITH_ID(P));
#undef P

#define P struct sctpnl_assocparams
static const struct snl_row assocparams_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_ASSOCPARAMS_ASSOC_ID, 0, 0),
	SNL_U(P, asocmaxrxt, SCTPNL_ASSOCPARAMS_ASOCMAXRXT,
	  SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 2),
	SNL_U(P, number_peer_destinations,
	  SCTPNL_ASSOCPARAMS_NUMBER_PEER_DESTINATIONS,
	  SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS, 2),
	SNL_U(P, peer_rwnd, SCTPNL_ASSOCPARAMS_PEER_RWND,
	  SCTPNL_ASSOCPARAMS_A_PEER_RWND, 4),
	SNL_U(P, local_rwnd, SCTPNL_ASSOCPARAMS_LOCAL_RWND,
	  SCTPNL_ASSOCPARAMS_A_LOCAL_RWND, 4),
	SNL_U(P, cookie_life, SCTPNL_ASSOCPARAMS_COOKIE_LIFE,
	  SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE, 4),
};
static struct snl_desc assocparams_desc =
	DESC("sctp_assocparams", P, assocparams_rows, WITH_ID(P));
#undef P

#define P struct sctpnl_initmsg
static const struct snl_row initmsg_rows[] = {
	SNL_U(P, num_ostreams, SCTPNL_INITMSG_NUM_OSTREAMS,
	  SCTPNL_INITMSG_A_NUM_OSTREAMS, 2),
	SNL_U(P, max_instreams, SCTPNL_INITMSG_MAX_INSTREAMS,
	  SCTPNL_INITMSG_A_MAX_INSTREAMS, 2),
	SNL_U(P, max_attempts, SCTPNL_INITMSG_MAX_ATTEMPTS,
	  SCTPNL_INITMSG_A_MAX_ATTEMPTS, 2),
	SNL_U(P, max_init_timeo, SCTPNL_INITMSG_MAX_INIT_TIMEO,
	  SCTPNL_INITMSG_A_MAX_INIT_TIMEO, 2),
};
static struct snl_desc initmsg_desc =
	DESC("sctp_initmsg", P, initmsg_rows);
#undef P

/* One path nest feeds #sctp_paddrinfo, #sctp_paddrparams and the path. */
#define P struct sctpnl_paddrparams
static const struct snl_row paddrparams_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_PADDRPARAMS_ASSOC_ID, 0, 0),
	SNL_ADDR(P, address, SCTPNL_PADDRPARAMS_ADDRESS, SCTPNL_PADDR_A_ADDR),
	SNL_U(P, hbinterval, SCTPNL_PADDRPARAMS_HBINTERVAL,
	  SCTPNL_PADDR_A_HBINTERVAL, 4),
	SNL_U(P, pathmaxrxt, SCTPNL_PADDRPARAMS_PATHMAXRXT,
	  SCTPNL_PADDR_A_PATHMAXRXT, 2),
	SNL_U(P, pathmtu, SCTPNL_PADDRPARAMS_PATHMTU, SCTPNL_PADDR_A_MTU, 4),
	SNL_U(P, sackdelay, SCTPNL_PADDRPARAMS_SACKDELAY,
	  SCTPNL_PADDR_A_SACKDELAY, 4),
	SNL_FLAGS(P, flags, SCTPNL_PADDRPARAMS_FLAGS, SCTPNL_PADDR_A_FLAGS, 4,
	      spp_flags),
};
static struct snl_desc paddrparams_desc =
	DESC("sctp_paddrparams", P, paddrparams_rows, WITH_ID(P));
#undef P

#define P struct sctpnl_prim
static const struct snl_row prim_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_PRIM_ASSOC_ID, 0, 0),
	SNL_ADDR(P, addr, SCTPNL_PRIM_ADDR, 0),
};
static struct snl_desc prim_desc = DESC("sctp_prim", P, prim_rows);
/* struct sctpnl_setpeerprim: the same layout */
static struct snl_desc setpeerprim_desc =
	DESC("sctp_setpeerprim", P, prim_rows);
#undef P

#define P struct sctpnl_setadaptation
static const struct snl_row setadaptation_rows[] = {
	/* host order (the sockets API); OTP shows ntohl() of it */
	SNL_U(P, adaptation_ind, SCTPNL_SETADAPTATION_ADAPTATION_IND, 0, 0,
	  .conv = SNL_CV_ERL_NTOHL),
};
static struct snl_desc setadaptation_desc =
	DESC("sctp_setadaptation", P, setadaptation_rows);
#undef P

#define P struct sctpnl_assoc_value
static const struct snl_row assoc_value_rows[] = {
	SNL_U(P, assoc_id, SCTPNL_ASSOC_VALUE_ASSOC_ID, 0, 0),
	SNL_U(P, assoc_value, SCTPNL_ASSOC_VALUE_ASSOC_VALUE, 0, 0),
};
static struct snl_desc assoc_value_desc =
	DESC("sctp_assoc_value", P, assoc_value_rows);
#undef P

#define P struct sctpnl_sndrcvinfo
static const struct snl_row sndrcvinfo_rows[] = {
	SNL_U(P, stream, SCTPNL_SNDRCVINFO_STREAM, SCTPNL_SNDRCV_A_STREAM, 2),
	SNL_U(P, ssn, SCTPNL_SNDRCVINFO_SSN, SCTPNL_SNDRCV_A_SSN, 2),
	SNL_FLAGS(P, flags, SCTPNL_SNDRCVINFO_FLAGS, SCTPNL_SNDRCV_A_FLAGS, 2,
	      sinfo_flags),
	/* network byte order on the wire: kept in host order */
	SNL_U(P, ppid, SCTPNL_SNDRCVINFO_PPID, SCTPNL_SNDRCV_A_PPID, 4,
	  .conv = SNL_CV_NTOHL),
	SNL_U(P, context, SCTPNL_SNDRCVINFO_CONTEXT, SCTPNL_SNDRCV_A_CONTEXT, 4),
	SNL_U(P, timetolive, SCTPNL_SNDRCVINFO_TIMETOLIVE,
	  SCTPNL_SNDRCV_A_TIMETOLIVE, 4),
	SNL_U(P, tsn, SCTPNL_SNDRCVINFO_TSN, SCTPNL_SNDRCV_A_TSN, 4),
	SNL_U(P, cumtsn, SCTPNL_SNDRCVINFO_CUMTSN, SCTPNL_SNDRCV_A_CUMTSN, 4),
	SNL_U(P, assoc_id, SCTPNL_SNDRCVINFO_ASSOC_ID, 0, 0),
};
static struct snl_desc sndrcvinfo_desc =
	DESC("sctp_sndrcvinfo", P, sndrcvinfo_rows, .id_off =
	     offsetof(P, assoc_id), .id_bit = SCTPNL_SNDRCVINFO_ASSOC_ID);
#undef P

#define P struct sctpnl_event_subscribe
#define EV(f, F) SNL_BOOL(P, f##_event, SCTPNL_EVENT_SUBSCRIBE_##F##_EVENT, \
		      SCTPNL_EVENTS_A_##F, 1)
static const struct snl_row event_subscribe_rows[] = {
	SNL_BOOL(P, data_io_event, SCTPNL_EVENT_SUBSCRIBE_DATA_IO_EVENT,
	     SCTPNL_EVENTS_A_DATA_IO, 1),
	EV(association, ASSOCIATION),
	EV(address, ADDRESS),
	EV(send_failure, SEND_FAILURE),
	EV(peer_error, PEER_ERROR),
	EV(shutdown, SHUTDOWN),
	EV(partial_delivery, PARTIAL_DELIVERY),
	SNL_BOOL(P, adaptation_layer_event,
	     SCTPNL_EVENT_SUBSCRIBE_ADAPTATION_LAYER_EVENT,
	     SCTPNL_EVENTS_A_ADAPTATION_LAYER, 1),
	EV(authentication, AUTHENTICATION),
};
#undef EV
static struct snl_desc event_subscribe_desc =
	DESC("sctp_event_subscribe", P, event_subscribe_rows);
#undef P

/* ---- event records ---- */

#define P struct sctpnl_assoc_change
static const struct snl_row assoc_change_rows[] = {
	SNL_ATOM(P, state, -1, SCTPNL_EVENT_A_STATE, 2, assoc_change_atoms),
	SNL_U(P, error, -1, SCTPNL_EVENT_A_ERROR, 4),
	SNL_U(P, outbound_streams, -1, SCTPNL_EVENT_A_OUTBOUND_STREAMS, 2),
	SNL_U(P, inbound_streams, -1, SCTPNL_EVENT_A_INBOUND_STREAMS, 2),
	SNL_U(P, assoc_id, -1, 0, 0),
};
static struct snl_desc assoc_change_desc =
	EV_DESC("sctp_assoc_change", P, assoc_change_rows);
#undef P

#define P struct sctpnl_paddr_change
static const struct snl_row paddr_change_rows[] = {
	SNL_ADDR(P, addr, -1, SCTPNL_EVENT_A_ADDR),
	SNL_ATOM(P, state, -1, SCTPNL_EVENT_A_STATE, 2, paddr_change_atoms),
	SNL_U(P, error, -1, SCTPNL_EVENT_A_ERROR, 4),
	SNL_U(P, assoc_id, -1, 0, 0),
};
static struct snl_desc paddr_change_desc =
	EV_DESC("sctp_paddr_change", P, paddr_change_rows);
#undef P

#define P struct sctpnl_remote_error
static const struct snl_row remote_error_rows[] = {
	/* sre_error: the cause code in network byte order; OTP gives
	 * ntohs() of it
	 */
	SNL_U(P, error, -1, SCTPNL_EVENT_A_ERROR, 4, .conv = SNL_CV_NTOHS),
	SNL_U(P, assoc_id, -1, 0, 0),
	SNL_BIN(P, data, SCTPNL_EVENT_A_DATA),
};
static struct snl_desc remote_error_desc =
	EV_DESC("sctp_remote_error", P, remote_error_rows);
#undef P

#define P struct sctpnl_send_failed
static const struct snl_row send_failed_rows[] = {
	SNL_BOOL(P, flags, -1, SCTPNL_EVENT_A_FLAGS, 4),
	SNL_U(P, error, -1, SCTPNL_EVENT_A_ERROR, 4),
	SNL_REC(P, info, -1, SCTPNL_EVENT_A_SNDRCVINFO, sndrcvinfo_desc),
	SNL_U(P, assoc_id, -1, 0, 0),
	SNL_BIN(P, data, SCTPNL_EVENT_A_DATA),
};
static struct snl_desc send_failed_desc =
	EV_DESC("sctp_send_failed", P, send_failed_rows);
#undef P

#define P struct sctpnl_shutdown_event
static const struct snl_row shutdown_rows[] = {
	SNL_U(P, assoc_id, -1, 0, 0),
};
static struct snl_desc shutdown_desc =
	EV_DESC("sctp_shutdown_event", P, shutdown_rows);
#undef P

#define P struct sctpnl_adaptation_event
static const struct snl_row adaptation_rows[] = {
	/* host order, as the owner receives it (Erlang: ntohl) */
	SNL_U(P, adaptation_ind, -1, SCTPNL_EVENT_A_ADAPTATION_IND, 4,
	  .conv = SNL_CV_ERL_NTOHL),
	SNL_U(P, assoc_id, -1, 0, 0),
};
static struct snl_desc adaptation_desc =
	EV_DESC("sctp_adaptation_event", P, adaptation_rows);
#undef P

#define P struct sctpnl_pdapi_event
static const struct snl_row pdapi_rows[] = {
	SNL_ATOM(P, indication, -1, SCTPNL_EVENT_A_INDICATION, 4, pdapi_atoms),
	SNL_U(P, assoc_id, -1, 0, 0),
};
static struct snl_desc pdapi_desc =
	EV_DESC("sctp_pdapi_event", P, pdapi_rows);
#undef P

static struct snl_desc *const descs[] = {
	[SCTPNL_REC_STATUS]		= &status_desc,
	[SCTPNL_REC_PADDRINFO]		= &paddrinfo_desc,
	[SCTPNL_REC_RTOINFO]		= &rtoinfo_desc,
	[SCTPNL_REC_ASSOCPARAMS]	= &assocparams_desc,
	[SCTPNL_REC_INITMSG]		= &initmsg_desc,
	[SCTPNL_REC_PADDRPARAMS]	= &paddrparams_desc,
	[SCTPNL_REC_PRIM]		= &prim_desc,
	[SCTPNL_REC_SETPEERPRIM]	= &setpeerprim_desc,
	[SCTPNL_REC_SETADAPTATION]	= &setadaptation_desc,
	[SCTPNL_REC_ASSOC_VALUE]	= &assoc_value_desc,
	[SCTPNL_REC_SNDRCVINFO]		= &sndrcvinfo_desc,
	[SCTPNL_REC_EVENT_SUBSCRIBE]	= &event_subscribe_desc,
	[SCTPNL_REC_ASSOC_CHANGE]	= &assoc_change_desc,
	[SCTPNL_REC_PADDR_CHANGE]	= &paddr_change_desc,
	[SCTPNL_REC_REMOTE_ERROR]	= &remote_error_desc,
	[SCTPNL_REC_SEND_FAILED]	= &send_failed_desc,
	[SCTPNL_REC_SHUTDOWN_EVENT]	= &shutdown_desc,
	[SCTPNL_REC_ADAPTATION_EVENT]	= &adaptation_desc,
	[SCTPNL_REC_PDAPI_EVENT]	= &pdapi_desc,
};

const struct snl_desc *snl_desc_of(enum sctpnl_rec which)
{
	if ((unsigned int)which < SNL_ARRAY_SIZE(descs))
		return descs[which];
	return NULL;
}

const char *sctpnl_rec_name(enum sctpnl_rec which)
{
	const struct snl_desc *d = snl_desc_of(which);

	return d ? d->name : NULL;
}

/* ---- what is not a gen_sctp record ---- */

/* The rest of a path nest, in JSON order. */
#define P struct sctpnl_path
static const struct snl_row path_rows[] = {
	SNL_BOOL(P, primary, -1, SCTPNL_PADDR_A_PRIMARY, 1),
	SNL_U(P, srtt, -1, SCTPNL_PADDR_A_SRTT, 4, .jkey = "srtt_ms"),
	SNL_U(P, rttvar, -1, SCTPNL_PADDR_A_RTTVAR, 4),
	SNL_U(P, ssthresh, -1, SCTPNL_PADDR_A_SSTHRESH, 4),
	SNL_U(P, flight_size, -1, SCTPNL_PADDR_A_FLIGHT_SIZE, 4),
	SNL_U(P, partial_bytes_acked, -1, SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED, 4),
	SNL_U(P, error_count, -1, SCTPNL_PADDR_A_ERROR_COUNT, 4),
	SNL_U(P, pf_retrans, -1, SCTPNL_PADDR_A_PF_RETRANS, 2),
	SNL_U(P, last_heard, -1, SCTPNL_PADDR_A_LAST_HEARD, 4),
};
struct snl_desc snl_path_desc = SNL_PLAIN(path_rows, offsetof(P, present), 4);
#undef P

#define P struct sctpnl_assoc_stats
#define ST(f, F) SNL_U(P, f, -1, SCTPNL_STATS_A_##F, 8)
static const struct snl_row stats_rows[] = {
	ST(rtxchunks, RTXCHUNKS), ST(gapcnt, GAPCNT),
	ST(outofseqtsns, OUTOFSEQTSNS), ST(osacks, OSACKS),
	ST(isacks, ISACKS), ST(octrlchunks, OCTRLCHUNKS),
	ST(ictrlchunks, ICTRLCHUNKS), ST(oodchunks, OODCHUNKS),
	ST(iodchunks, IODCHUNKS), ST(ouodchunks, OUODCHUNKS),
	ST(iuodchunks, IUODCHUNKS), ST(idupchunks, IDUPCHUNKS),
	ST(opackets, OPACKETS), ST(ipackets, IPACKETS),
	ST(max_obs_rto, MAX_OBS_RTO),
	SNL_ADDR(P, max_obs_rto_addr, -1, SCTPNL_STATS_A_MAX_OBS_RTO_ADDR),
};
#undef ST
struct snl_desc snl_stats_desc = SNL_PLAIN(stats_rows, offsetof(P, present), 4);
#undef P

/* SCTPNL_A_DELAYED_ACK: sack_delay and sack_freq side by side. */
struct snl_sack {
	uint32_t sack_delay;
	uint32_t sack_freq;
};

#define P struct snl_sack
static const struct snl_row sack_rows[] = {
	SNL_U(P, sack_delay, -1, SCTPNL_SACK_A_DELAY, 4),
	SNL_U(P, sack_freq, -1, SCTPNL_SACK_A_FREQ, 4),
};
static struct snl_desc sack_desc = SNL_PLAIN(sack_rows, SNL_NO_OFF, 0);
#undef P

_Static_assert(offsetof(struct sctpnl_assoc, sack_freq) -
	       offsetof(struct sctpnl_assoc, sack_delay) ==
	       offsetof(struct snl_sack, sack_freq), "sack layout");

/*
 * Top level: presence is the attribute's bit in "present" (SCTPNL_HAS);
 * JSON leaves out what the kernel did not send.  Rows without a JSON key
 * are decoded only.
 */
/* A top-level row: its presence bit is its attribute's. */
#define T_U(f, X, ...)	SNL_U(P, f, SCTPNL_A_##X, SCTPNL_A_##X, __VA_ARGS__)
#define T_BOOL(f, X, ...) \
	SNL_BOOL(P, f, SCTPNL_A_##X, SCTPNL_A_##X, __VA_ARGS__)
#define T_ATOM(f, X, ...) \
	SNL_ATOM(P, f, SCTPNL_A_##X, SCTPNL_A_##X, __VA_ARGS__)
#define T_ADDR(f, X, ...) \
	SNL_ADDR(P, f, SCTPNL_A_##X, SCTPNL_A_##X, __VA_ARGS__)
#define T_REC(f, X, ...) \
	SNL_REC(P, f, SCTPNL_A_##X, SCTPNL_A_##X, __VA_ARGS__)
#define T_HOOK(f, X, ...) \
	SNL_ROW(P, f, SNL_F_HOOK, SCTPNL_A_##X, SCTPNL_A_##X, 0, __VA_ARGS__)

#define TOP(r, st)							\
	{ .rows = r, .n = SNL_ARRAY_SIZE(r),				\
	  .set_off = offsetof(st, present), .set_size = 8,		\
	  .seen_off = offsetof(st, present), .seen_size = 8,		\
	  .skip_unset = 1, .id_off = SNL_NO_OFF }

#define P struct sctpnl_assoc
static const struct snl_row assoc_rows[] = {
	SNL_U(P, assoc_id, -1, SCTPNL_A_ASSOC_ID, 4),
	T_ADDR(local, LOCAL, .jkey = NULL),
	T_ADDR(peer, PEER, .jkey = NULL),
	T_U(inode, SK_INODE, 8),
	T_U(uid, SK_UID, 4),
	T_ATOM(style, SK_STYLE, 1, snl_style_names),
	T_ATOM(sk_family, SK_FAMILY, 2, snl_family_names),
	T_BOOL(v4mapped, SK_V4MAPPED, 1),
	T_U(local_port, LOCAL_PORT, 2),
	T_U(peer_port, PEER_PORT, 2),
	T_HOOK(n_laddrs, LOCAL_ADDRS, .jkey = "local_addrs",
		.decode = snl_dec_laddrs, .json = snl_json_laddrs),
	T_REC(status, STATUS, status_desc, .jkey = "sctp_status",
		.json = snl_json_status),
	T_HOOK(paths, PADDRS, .decode = snl_dec_paths,
		.json = snl_json_paths),
	T_REC(rtoinfo, RTOINFO, rtoinfo_desc, .jkey = "sctp_rtoinfo"),
	T_REC(assocparams, ASSOCINFO, assocparams_desc,
		.jkey = "sctp_assocparams"),
	T_REC(initmsg, INITMSG, initmsg_desc, .jkey = "sctp_initmsg"),
	T_REC(sack_delay, DELAYED_ACK, sack_desc, .jkey = "delayed_ack"),
	T_REC(default_send, DEFAULT_SEND, sndrcvinfo_desc,
		.jkey = "sctp_sndrcvinfo", .json = snl_json_sndrcv),
	T_REC(events, EVENTS, event_subscribe_desc,
		.jkey = "sctp_event_subscribe", .decode = snl_dec_events,
		.json = snl_json_events),
	T_REC(paddrparams, PADDRPARAMS, paddrparams_desc, .jkey = NULL),
	T_REC(stats, STATS, snl_stats_desc),
	T_U(maxseg, MAXSEG, 4),
	T_BOOL(nodelay, NODELAY, 1),
	T_U(autoclose, AUTOCLOSE, 4),
	T_BOOL(disable_fragments, DISABLE_FRAGMENTS, 1),
	T_U(adaptation_ind, ADAPTATION_IND, 4),
	T_U(peer_adaptation_ind, PEER_ADAPTATION_IND, 4),
	T_U(local_vtag, LOCAL_VTAG, 4),
	T_U(peer_vtag, PEER_VTAG, 4),
	T_U(sndq, SNDQ, 4),
	T_U(rcvq, RCVQ, 4),
	T_U(local_rwnd, LOCAL_RWND, 4),
};
struct snl_desc snl_assoc_desc = TOP(assoc_rows, P);
#undef P

#define P struct sctpnl_ep
static const struct snl_row ep_rows[] = {
	T_U(inode, SK_INODE, 8),
	T_U(uid, SK_UID, 4),
	T_ATOM(style, SK_STYLE, 1, snl_style_names),
	T_ATOM(sk_family, SK_FAMILY, 2, snl_family_names),
	T_BOOL(v4mapped, SK_V4MAPPED, 1),
	T_U(port, LOCAL_PORT, 2),
	T_HOOK(n_laddrs, LOCAL_ADDRS, .jkey = "local_addrs",
		.decode = snl_dec_laddrs, .json = snl_json_laddrs),
	T_U(assocs, EP_ASSOCS, 4),
	T_BOOL(listening, EP_LISTENING, 1),
	T_REC(initmsg, INITMSG, initmsg_desc, .jkey = "sctp_initmsg"),
	T_REC(rtoinfo, RTOINFO, rtoinfo_desc, .jkey = "sctp_rtoinfo"),
	T_REC(assocparams, ASSOCINFO, assocparams_desc,
		.jkey = "sctp_assocparams"),
	T_REC(paddrparams, PADDRPARAMS, paddrparams_desc,
		.jkey = "sctp_paddrparams"),
	T_REC(events, EVENTS, event_subscribe_desc,
		.jkey = "sctp_event_subscribe", .decode = snl_dec_events,
		.json = snl_json_events),
	T_U(maxseg, MAXSEG, 4),
	T_BOOL(nodelay, NODELAY, 1),
	T_U(autoclose, AUTOCLOSE, 4),
	T_BOOL(disable_fragments, DISABLE_FRAGMENTS, 1),
	T_U(adaptation_ind, ADAPTATION_IND, 4),
};
struct snl_desc snl_ep_desc = TOP(ep_rows, P);
#undef P

/* The address lists and the events nest sit alike in both structs. */
_Static_assert(offsetof(struct sctpnl_assoc, laddrs) -
	       offsetof(struct sctpnl_assoc, n_laddrs) ==
	       offsetof(struct snl_addr_list, v), "laddrs layout");
_Static_assert(offsetof(struct sctpnl_ep, laddrs) -
	       offsetof(struct sctpnl_ep, n_laddrs) ==
	       offsetof(struct snl_addr_list, v), "laddrs layout");
_Static_assert(offsetof(struct sctpnl_assoc, sender_dry_event) -
	       offsetof(struct sctpnl_assoc, events) ==
	       offsetof(struct snl_events, sender_dry), "events layout");
_Static_assert(offsetof(struct sctpnl_ep, sender_dry_event) -
	       offsetof(struct sctpnl_ep, events) ==
	       offsetof(struct snl_events, sender_dry), "events layout");

/* Every attribute has its bit in a 64-bit "present", every counter a slot. */
_Static_assert(SCTPNL_A_MAX < 64, "sctpnl_assoc.present");
_Static_assert(SCTPNL_SNMP_A_MAX < SCTPNL_SNMP_SLOTS, "sctpnl_snmp.v");

/* Slots for every row of every table: enough for them all. */
static char key_slots[512][SNL_JKEY_SLOT];
static unsigned int keys_used;

/* pre, name, post into a slot, if name is there and all fits. */
static void fill_slot(char *k, const char *pre, const char *name,
		      const char *post)
{
	size_t a = strlen(pre), n, b = strlen(post);

	if (!name)
		return;
	n = strlen(name);
	if (a + n + b >= SNL_JKEY_SLOT)
		return;
	memcpy(k, pre, a);
	memcpy(k + a, name, n);
	memcpy(k + a + n, post, b);
	k[SNL_JKEY_SLOT - 1] = a + n + b;
}

/* Keep the slots of the rows' keys and fields, if there is room. */
static void map_keys(struct snl_desc *d)
{
	char (*k)[SNL_JKEY_SLOT];
	unsigned int i;

	if (d->jk || keys_used + 2 * d->n > SNL_ARRAY_SIZE(key_slots))
		return;		/* done, or written the slow way */
	k = &key_slots[keys_used];
	keys_used += 2 * d->n;
	for (i = 0; i < d->n; i++) {
		fill_slot(k[i], "\"", d->rows[i].jkey, "\":");
		fill_slot(k[d->n + i], ",", d->rows[i].name, " = ");
	}
	d->jk = (const char (*)[SNL_JKEY_SLOT])k;
	d->ek = (const char (*)[SNL_JKEY_SLOT])(k + d->n);
}

void snl_map_rows(struct snl_desc *d)
{
	unsigned int i;

	memset(d->amap, 0, sizeof(d->amap));
	for (i = 0; i < d->n; i++)
		if (d->rows[i].attr && d->rows[i].attr < sizeof(d->amap))
			d->amap[d->rows[i].attr] = i + 1;
	map_keys(d);
}

/* The attribute maps, once, before anything decodes. */
__attribute__((constructor)) static void snl_map_attrs(void)
{
	struct snl_desc *const more[] = {
		&snl_assoc_desc, &snl_ep_desc, &snl_path_desc,
		&snl_stats_desc, &sack_desc,
	};
	unsigned int i;

	for (i = 0; i < SNL_ARRAY_SIZE(descs); i++)
		snl_map_rows(descs[i]);
	for (i = 0; i < SNL_ARRAY_SIZE(more); i++)
		snl_map_rows(more[i]);
}
