// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Names of states and counters, and the gen_sctp views of an association:
 * the records exactly as inet:getopts/2 on the owning socket would return
 * them (see OTP's inet_drv.c, sctp_fill_opts() and load_paddrinfo()).
 */
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>

#include "internal.h"
#include "fields.h"

int sctpnl_state_from_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < snl_state_names.n; i++)
		if (!strcasecmp(name, snl_state_names.v[i]))
			return i;
	return -1;
}

static const char *const snmp_names[SCTPNL_SNMP_A_MAX + 1] = {
	[SCTPNL_SNMP_A_CURR_ESTAB]		= "SctpCurrEstab",
	[SCTPNL_SNMP_A_ACTIVE_ESTABS]		= "SctpActiveEstabs",
	[SCTPNL_SNMP_A_PASSIVE_ESTABS]		= "SctpPassiveEstabs",
	[SCTPNL_SNMP_A_ABORTEDS]		= "SctpAborteds",
	[SCTPNL_SNMP_A_SHUTDOWNS]		= "SctpShutdowns",
	[SCTPNL_SNMP_A_OUT_OF_BLUES]		= "SctpOutOfBlues",
	[SCTPNL_SNMP_A_CHECKSUM_ERRORS]		= "SctpChecksumErrors",
	[SCTPNL_SNMP_A_OUT_CTRL_CHUNKS]		= "SctpOutCtrlChunks",
	[SCTPNL_SNMP_A_OUT_ORDER_CHUNKS]	= "SctpOutOrderChunks",
	[SCTPNL_SNMP_A_OUT_UNORDER_CHUNKS]	= "SctpOutUnorderChunks",
	[SCTPNL_SNMP_A_IN_CTRL_CHUNKS]		= "SctpInCtrlChunks",
	[SCTPNL_SNMP_A_IN_ORDER_CHUNKS]		= "SctpInOrderChunks",
	[SCTPNL_SNMP_A_IN_UNORDER_CHUNKS]	= "SctpInUnorderChunks",
	[SCTPNL_SNMP_A_FRAG_USR_MSGS]		= "SctpFragUsrMsgs",
	[SCTPNL_SNMP_A_REASM_USR_MSGS]		= "SctpReasmUsrMsgs",
	[SCTPNL_SNMP_A_OUT_SCTP_PACKS]		= "SctpOutSCTPPacks",
	[SCTPNL_SNMP_A_IN_SCTP_PACKS]		= "SctpInSCTPPacks",
	[SCTPNL_SNMP_A_T1_INIT_EXPIREDS]	= "SctpT1InitExpireds",
	[SCTPNL_SNMP_A_T1_COOKIE_EXPIREDS]	= "SctpT1CookieExpireds",
	[SCTPNL_SNMP_A_T2_SHUTDOWN_EXPIREDS]	= "SctpT2ShutdownExpireds",
	[SCTPNL_SNMP_A_T3_RTX_EXPIREDS]		= "SctpT3RtxExpireds",
	[SCTPNL_SNMP_A_T4_RTO_EXPIREDS]		= "SctpT4RtoExpireds",
	[SCTPNL_SNMP_A_T5_SHUTDOWN_GUARD_EXPIREDS] =
		"SctpT5ShutdownGuardExpireds",
	[SCTPNL_SNMP_A_DELAY_SACK_EXPIREDS]	= "SctpDelaySackExpireds",
	[SCTPNL_SNMP_A_AUTOCLOSE_EXPIREDS]	= "SctpAutocloseExpireds",
	[SCTPNL_SNMP_A_T1_RETRANSMITS]		= "SctpT1Retransmits",
	[SCTPNL_SNMP_A_T3_RETRANSMITS]		= "SctpT3Retransmits",
	[SCTPNL_SNMP_A_PMTUD_RETRANSMITS]	= "SctpPmtudRetransmits",
	[SCTPNL_SNMP_A_FAST_RETRANSMITS]	= "SctpFastRetransmits",
	[SCTPNL_SNMP_A_IN_PKT_SOFTIRQ]		= "SctpInPktSoftirq",
	[SCTPNL_SNMP_A_IN_PKT_BACKLOG]		= "SctpInPktBacklog",
	[SCTPNL_SNMP_A_IN_PKT_DISCARDS]		= "SctpInPktDiscards",
	[SCTPNL_SNMP_A_IN_DATA_CHUNK_DISCARDS]	= "SctpInDataChunkDiscards",
};

const char *sctpnl_snmp_name(unsigned int i)
{
	return i < SNL_ARRAY_SIZE(snmp_names) ? snmp_names[i] : NULL;
}

/* ---- gen_sctp views ---- */

void sctpnl_addr_present(struct sctpnl_addr *out,
			 const struct sctpnl_addr *in,
			 uint16_t sk_family, int v4mapped)
{
	*out = *in;
	if (in->family == AF_INET && sk_family == AF_INET6 && v4mapped) {
		/* sctp_v6_addr_v4map(): ::ffff:a.b.c.d */
		memset(&out->v6, 0, sizeof(out->v6));
		out->v6.s6_addr[10] = 0xff;
		out->v6.s6_addr[11] = 0xff;
		memcpy(&out->v6.s6_addr[12], &in->v4, 4);
		out->family = AF_INET6;
		out->scope_id = 0;
	}
}

static void present_info(const struct sctpnl_assoc *a,
			 struct sctpnl_paddrinfo *pi)
{
	struct sctpnl_addr tmp = pi->address;

	sctpnl_addr_present(&pi->address, &tmp, a->sk_family, a->v4mapped);
}

int sctpnl_status_from_assoc(const struct sctpnl_assoc *a,
			     struct sctpnl_status *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_STATUS))
		return -ENOENT;
	*out = a->status;
	if (SCTPNL_ISSET(out, SCTPNL_STATUS_PRIMARY))
		present_info(a, &out->primary);
	return 0;
}

int sctpnl_paddrinfo_from_assoc(const struct sctpnl_assoc *a,
				unsigned int path,
				struct sctpnl_paddrinfo *out)
{
	if (path >= a->n_paths)
		return -ENOENT;
	*out = a->paths[path].info;
	present_info(a, out);
	return 0;
}

int sctpnl_paddrparams_from_assoc(const struct sctpnl_assoc *a,
				  unsigned int path,
				  struct sctpnl_paddrparams *out)
{
	struct sctpnl_addr tmp;

	if (path >= a->n_paths)
		return -ENOENT;
	*out = a->paths[path].params;
	tmp = out->address;
	sctpnl_addr_present(&out->address, &tmp, a->sk_family, a->v4mapped);
	return 0;
}

int sctpnl_rtoinfo_from_assoc(const struct sctpnl_assoc *a,
			      struct sctpnl_rtoinfo *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_RTOINFO))
		return -ENOENT;
	*out = a->rtoinfo;
	return 0;
}

int sctpnl_assocparams_from_assoc(const struct sctpnl_assoc *a,
				  struct sctpnl_assocparams *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_ASSOCINFO))
		return -ENOENT;
	*out = a->assocparams;
	return 0;
}

int sctpnl_initmsg_from_assoc(const struct sctpnl_assoc *a,
			      struct sctpnl_initmsg *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_INITMSG))
		return -ENOENT;
	*out = a->initmsg;
	return 0;
}

int sctpnl_prim_from_assoc(const struct sctpnl_assoc *a,
			   struct sctpnl_prim *out)
{
	if (!SCTPNL_ISSET(&a->status, SCTPNL_STATUS_PRIMARY))
		return -ENOENT;
	memset(out, 0, sizeof(*out));
	out->assoc_id = a->assoc_id;
	sctpnl_addr_present(&out->addr, &a->status.primary.address,
			    a->sk_family, a->v4mapped);
	out->set = 1u << SCTPNL_PRIM_ASSOC_ID | 1u << SCTPNL_PRIM_ADDR;
	return 0;
}

int sctpnl_setadaptation_from_assoc(const struct sctpnl_assoc *a,
				    struct sctpnl_setadaptation *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_ADAPTATION_IND))
		return -ENOENT;
	/* host order, as getsockopt gives it (the Erlang form: ntohl) */
	out->adaptation_ind = a->adaptation_ind;
	out->set = 1u << SCTPNL_SETADAPTATION_ADAPTATION_IND;
	return 0;
}

int sctpnl_delayed_ack_from_assoc(const struct sctpnl_assoc *a,
				  struct sctpnl_assoc_value *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_DELAYED_ACK))
		return -ENOENT;
	out->assoc_id = a->assoc_id;
	out->assoc_value = a->sack_delay;
	out->set = 1u << SCTPNL_ASSOC_VALUE_ASSOC_ID |
		   1u << SCTPNL_ASSOC_VALUE_ASSOC_VALUE;
	return 0;
}

int sctpnl_sndrcvinfo_from_assoc(const struct sctpnl_assoc *a,
				 struct sctpnl_sndrcvinfo *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_DEFAULT_SEND))
		return -ENOENT;
	*out = a->default_send;
	/* getsockopt(SCTP_DEFAULT_SEND_PARAM) fills all nine fields */
	out->set |= (1u << (SCTPNL_SNDRCVINFO_ASSOC_ID + 1)) - 1;
	return 0;
}

int sctpnl_events_from_assoc(const struct sctpnl_assoc *a,
			     struct sctpnl_event_subscribe *out)
{
	if (!SCTPNL_HAS(a, SCTPNL_A_EVENTS))
		return -ENOENT;
	*out = a->events;
	/* OTP's driver always reports authentication_event = false */
	out->authentication_event = 0;
	out->set |= 1u << SCTPNL_EVENT_SUBSCRIBE_AUTHENTICATION_EVENT;
	return 0;
}
