/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libsctpnl: userspace access to the "sctpnl" generic netlink family.
 *
 * The records below mirror the records of Erlang/OTP's inet_sctp.hrl: same
 * names (prefixed sctpnl_ so that <netinet/sctp.h> can be included too),
 * same fields, same field order.  Every record carries a trailing "set"
 * bit mask: bit N (1u << SCTPNL_<REC>_<FIELD>) tells that field N holds a
 * value.  A clear bit is gen_sctp's `undefined`: the formatters print
 * `undefined` (Erlang) or null (JSON) for it, and the future setters leave
 * the field as it is.  Decoders set the bit of every field the kernel sent.
 *
 * Conventions (those of <linux/sctpnl.h>): times in milliseconds (except
 * the *_sockopt values, raw as getsockopt() reports them), ports in host
 * byte order, addresses in network byte order inside struct sctpnl_addr.
 *
 * Errors: functions returning int return 0 (or a count) on success and a
 * negative errno on failure; sctpnl_errmsg() then gives the kernel's
 * extended ack message, if it sent one.
 *
 * Thread safety: a handle must not be used by two threads at once.
 */
#ifndef _SCTPNL_SCTPNL_H
#define _SCTPNL_SCTPNL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/sctpnl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything declared here is the library's ABI (LIBSCTPNL_1; the
 * setters and actions: LIBSCTPNL_1.1; the monitor: LIBSCTPNL_1.2). */
#pragma GCC visibility push(default)

#define SCTPNL_LIB_VERSION	"0.3.0"

/*
 * Growth.  The structs below are embedded in one another and handed
 * across the library boundary in both directions, so none may change
 * size or move a member under this SONAME.  Each ends with "reserved"
 * room instead (struct sctpnl_addr, which is complete, excepted): a later
 * version of the library adds a field by taking bytes from the front of
 * that room, and gives it a bit in the struct's "set" or "present" mask
 * where it has one.  Hence:
 *  - a program reads a field newer than its oldest supported library only
 *    when that bit is set (an older library leaves the room zeroed);
 *  - a program zero-initialises every struct it passes in (filters, keys,
 *    set requests, callbacks): a zero room asks for nothing.
 * `make lint` (scripts/abi-check.py) holds the library to this rule.
 */

/* Test / set the "set" bit of field F (an SCTPNL_<REC>_<FIELD> value). */
#define SCTPNL_ISSET(rec, f)	(((rec)->set >> (f)) & 1u)
#define SCTPNL_SETF(rec, f)	((rec)->set |= 1u << (f))
#define SCTPNL_CLRF(rec, f)	((rec)->set &= ~(1u << (f)))

/*
 * An address, with port.  family is AF_INET, AF_INET6 or AF_UNSPEC (no
 * address); v4/v6 in network byte order; port in host byte order;
 * scope_id is the IPv6 interface index (0 if none).
 */
struct sctpnl_addr {
	sa_family_t family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
	uint16_t port;
	uint32_t scope_id;
};

/* ------------------------------------------------------------------ */
/* Records of inet_sctp.hrl                                            */
/* ------------------------------------------------------------------ */

/*
 * Association states (#sctp_status.state): the sockets-API numbering of
 * enum sctp_sstat_state.  Atoms: empty closed cookie_wait cookie_echoed
 * established shutdown_pending shutdown_sent shutdown_received
 * shutdown_ack_sent; any other value prints as `undefined`, as OTP's
 * inet_drv does (OTP's bound/listen are never reported by Linux).
 */
enum sctpnl_state {
	SCTPNL_STATE_EMPTY,
	SCTPNL_STATE_CLOSED,
	SCTPNL_STATE_COOKIE_WAIT,
	SCTPNL_STATE_COOKIE_ECHOED,
	SCTPNL_STATE_ESTABLISHED,
	SCTPNL_STATE_SHUTDOWN_PENDING,
	SCTPNL_STATE_SHUTDOWN_SENT,
	SCTPNL_STATE_SHUTDOWN_RECEIVED,
	SCTPNL_STATE_SHUTDOWN_ACK_SENT,
	SCTPNL_STATE_MAX = SCTPNL_STATE_SHUTDOWN_ACK_SENT,
};

/*
 * Path states (#sctp_paddrinfo.state): enum sctp_spinfo_state numbering.
 * Atoms as OTP's inet_drv: SCTP_ACTIVE -> active, SCTP_INACTIVE ->
 * inactive, SCTP_UNCONFIRMED -> unconfirmed, anything else -- including
 * SCTP_PF (potentially failed) -- -> `undefined`, which is exactly what
 * inet:getopts/2 returns for a PF path.  The table and JSON outputs say
 * "pf" for SCTP_PF (see sctpnl_path_state_name()).
 */
enum sctpnl_path_state {
	SCTPNL_PATH_INACTIVE = 0,
	SCTPNL_PATH_PF = 1,
	SCTPNL_PATH_ACTIVE = 2,
	SCTPNL_PATH_UNCONFIRMED = 3,
	SCTPNL_PATH_UNKNOWN = 0xffff,
};

/* SPP_* flags of <linux/sctp.h> (#sctp_paddrparams.flags). */
#define SCTPNL_SPP_HB_ENABLE		(1u << 0)
#define SCTPNL_SPP_HB_DISABLE		(1u << 1)
#define SCTPNL_SPP_HB_DEMAND		(1u << 2)
#define SCTPNL_SPP_PMTUD_ENABLE		(1u << 3)
#define SCTPNL_SPP_PMTUD_DISABLE	(1u << 4)
#define SCTPNL_SPP_SACKDELAY_ENABLE	(1u << 5)
#define SCTPNL_SPP_SACKDELAY_DISABLE	(1u << 6)
/* set only, with SCTPNL_SPP_HB_ENABLE: make the interval 0 (hbinterval 0
 * alone means "unchanged" to the stack, and is refused) */
#define SCTPNL_SPP_HB_TIME_IS_ZERO	(1u << 7)

/* sinfo_flags of <linux/sctp.h> (#sctp_sndrcvinfo.flags). */
#define SCTPNL_SINFO_UNORDERED		(1u << 0)
#define SCTPNL_SINFO_ADDR_OVER		(1u << 1)
#define SCTPNL_SINFO_ABORT		(1u << 2)
#define SCTPNL_SINFO_EOF		(1u << 9)	/* SCTP_EOF is MSG_FIN */

enum {
	SCTPNL_PADDRINFO_ASSOC_ID,
	SCTPNL_PADDRINFO_ADDRESS,
	SCTPNL_PADDRINFO_STATE,
	SCTPNL_PADDRINFO_CWND,
	SCTPNL_PADDRINFO_SRTT,
	SCTPNL_PADDRINFO_RTO,
	SCTPNL_PADDRINFO_MTU,
	SCTPNL_PADDRINFO_SRTT_MS,	/* not a record field: srtt_ms */
	SCTPNL_PADDRINFO_HB_ACTIVE,	/* nor this: hb_active */
};

/*
 * #sctp_paddrinfo{}: srtt raw as getsockopt reports it (jiffies: the
 * kernel's transport->srtt, HZ 250 on Debian), rto in ms.  srtt_ms is
 * not a field of the record: the same srtt in milliseconds, what every
 * table and JSON view shows (JSON key "srtt_ms"; -f erl keeps srtt).
 * Nor is hb_active: 1 while the path's heartbeat timer runs (JSON only;
 * since libsctpnl 0.3, test SCTPNL_PADDRINFO_HB_ACTIVE).
 */
struct sctpnl_paddrinfo {
	uint32_t assoc_id;
	struct sctpnl_addr address;
	uint32_t state;			/* enum sctpnl_path_state */
	uint32_t cwnd;
	uint32_t srtt;
	uint32_t rto;
	uint32_t mtu;
	uint32_t set;
	uint32_t srtt_ms;		/* SCTPNL_PADDRINFO_SRTT_MS */
	uint8_t hb_active;		/* SCTPNL_PADDRINFO_HB_ACTIVE */
	uint8_t reserved[15];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_STATUS_ASSOC_ID,
	SCTPNL_STATUS_STATE,
	SCTPNL_STATUS_RWND,
	SCTPNL_STATUS_UNACKDATA,
	SCTPNL_STATUS_PENDDATA,
	SCTPNL_STATUS_INSTRMS,
	SCTPNL_STATUS_OUTSTRMS,
	SCTPNL_STATUS_FRAGMENTATION_POINT,
	SCTPNL_STATUS_PRIMARY,
};

/* #sctp_status{}; rwnd is the peer's receive window. */
struct sctpnl_status {
	uint32_t assoc_id;
	uint32_t state;			/* enum sctpnl_state */
	uint32_t rwnd;
	uint32_t unackdata;
	uint32_t penddata;
	uint16_t instrms;
	uint16_t outstrms;
	uint32_t fragmentation_point;
	struct sctpnl_paddrinfo primary;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_RTOINFO_ASSOC_ID,
	SCTPNL_RTOINFO_INITIAL,
	SCTPNL_RTOINFO_MAX_RTO,		/* field "max" */
	SCTPNL_RTOINFO_MIN,
};
/* The old name of the bit of field "max" (not an enum's last value). */
#define SCTPNL_RTOINFO_MAX	SCTPNL_RTOINFO_MAX_RTO

/* #sctp_rtoinfo{}, ms. */
struct sctpnl_rtoinfo {
	uint32_t assoc_id;
	uint32_t initial;
	uint32_t max;
	uint32_t min;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_ASSOCPARAMS_ASSOC_ID,
	SCTPNL_ASSOCPARAMS_ASOCMAXRXT,
	SCTPNL_ASSOCPARAMS_NUMBER_PEER_DESTINATIONS,
	SCTPNL_ASSOCPARAMS_PEER_RWND,
	SCTPNL_ASSOCPARAMS_LOCAL_RWND,
	SCTPNL_ASSOCPARAMS_COOKIE_LIFE,
};

/* #sctp_assocparams{} (option sctp_associnfo); cookie_life in ms. */
struct sctpnl_assocparams {
	uint32_t assoc_id;
	uint16_t asocmaxrxt;
	uint16_t number_peer_destinations;
	uint32_t peer_rwnd;
	uint32_t local_rwnd;
	uint32_t cookie_life;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_INITMSG_NUM_OSTREAMS,
	SCTPNL_INITMSG_MAX_INSTREAMS,
	SCTPNL_INITMSG_MAX_ATTEMPTS,
	SCTPNL_INITMSG_MAX_INIT_TIMEO,
};

/* #sctp_initmsg{} (no assoc_id: it is an endpoint option). */
struct sctpnl_initmsg {
	uint16_t num_ostreams;
	uint16_t max_instreams;
	uint16_t max_attempts;
	uint16_t max_init_timeo;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_PADDRPARAMS_ASSOC_ID,
	SCTPNL_PADDRPARAMS_ADDRESS,
	SCTPNL_PADDRPARAMS_HBINTERVAL,
	SCTPNL_PADDRPARAMS_PATHMAXRXT,
	SCTPNL_PADDRPARAMS_PATHMTU,
	SCTPNL_PADDRPARAMS_SACKDELAY,
	SCTPNL_PADDRPARAMS_FLAGS,
};

/*
 * #sctp_paddrparams{} (option sctp_peer_addr_params): hbinterval and
 * sackdelay in ms; flags a mask of SCTPNL_SPP_*, printed in Erlang as the
 * list of hb_enable, hb_disable, hb_demand, pmtud_enable, pmtud_disable,
 * sackdelay_enable, sackdelay_disable (that order, other bits ignored, as
 * OTP's driver builds it).
 */
struct sctpnl_paddrparams {
	uint32_t assoc_id;
	struct sctpnl_addr address;
	uint32_t hbinterval;
	uint16_t pathmaxrxt;
	uint32_t pathmtu;
	uint32_t sackdelay;
	uint32_t flags;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum { SCTPNL_PRIM_ASSOC_ID, SCTPNL_PRIM_ADDR };

/* #sctp_prim{} (option sctp_primary_addr). */
struct sctpnl_prim {
	uint32_t assoc_id;
	struct sctpnl_addr addr;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum { SCTPNL_SETPEERPRIM_ASSOC_ID, SCTPNL_SETPEERPRIM_ADDR };

/* #sctp_setpeerprim{} (option sctp_set_peer_primary_addr). */
struct sctpnl_setpeerprim {
	uint32_t assoc_id;
	struct sctpnl_addr addr;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum { SCTPNL_SETADAPTATION_ADAPTATION_IND };

/*
 * #sctp_setadaptation{} (option sctp_adaptation_layer).  adaptation_ind
 * is in host order, as getsockopt(SCTP_ADAPTATION_LAYER) gives it and as
 * the peer receives it (sai_adaptation_ind).  Only the Erlang form
 * (sctpnl_fprint_erl) shows ntohl() of it, because OTP's driver
 * byte-swaps it both ways.
 */
struct sctpnl_setadaptation {
	uint32_t adaptation_ind;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum { SCTPNL_ASSOC_VALUE_ASSOC_ID, SCTPNL_ASSOC_VALUE_ASSOC_VALUE };

/* #sctp_assoc_value{} (option sctp_delayed_ack_time: delay in ms). */
struct sctpnl_assoc_value {
	uint32_t assoc_id;
	uint32_t assoc_value;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_SNDRCVINFO_STREAM,
	SCTPNL_SNDRCVINFO_SSN,
	SCTPNL_SNDRCVINFO_FLAGS,
	SCTPNL_SNDRCVINFO_PPID,
	SCTPNL_SNDRCVINFO_CONTEXT,
	SCTPNL_SNDRCVINFO_TIMETOLIVE,
	SCTPNL_SNDRCVINFO_TSN,
	SCTPNL_SNDRCVINFO_CUMTSN,
	SCTPNL_SNDRCVINFO_ASSOC_ID,
};

/*
 * #sctp_sndrcvinfo{} (option sctp_default_send_param): flags a mask of
 * SCTPNL_SINFO_* (Erlang: list of unordered, addr_over, abort, eof); ppid
 * in host byte order (ntohl of the wire value, as gen_sctp shows it);
 * timetolive in ms.
 */
struct sctpnl_sndrcvinfo {
	uint16_t stream;
	uint16_t ssn;
	uint16_t flags;
	uint32_t ppid;
	uint32_t context;
	uint32_t timetolive;
	uint32_t tsn;
	uint32_t cumtsn;
	uint32_t assoc_id;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

enum {
	SCTPNL_EVENT_SUBSCRIBE_DATA_IO_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_ASSOCIATION_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_ADDRESS_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_SEND_FAILURE_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_PEER_ERROR_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_SHUTDOWN_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_PARTIAL_DELIVERY_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_ADAPTATION_LAYER_EVENT,
	SCTPNL_EVENT_SUBSCRIBE_AUTHENTICATION_EVENT,
};

/*
 * #sctp_event_subscribe{}, booleans (0/1).  OTP always reports
 * authentication_event = false; sctpnl_events_from_assoc() does the same,
 * struct sctpnl_assoc.events keeps the kernel's value.
 */
struct sctpnl_event_subscribe {
	uint8_t data_io_event;
	uint8_t association_event;
	uint8_t address_event;
	uint8_t send_failure_event;
	uint8_t peer_error_event;
	uint8_t shutdown_event;
	uint8_t partial_delivery_event;
	uint8_t adaptation_layer_event;
	uint8_t authentication_event;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/* ---- events (SCTPNL_CMD_EVENT_*): see sctpnl_monitor_read() ---- */

/* sac_state: 0 comm_up, 1 comm_lost, 2 restart, 3 shutdown_comp,
 * 4 cant_assoc. */
struct sctpnl_assoc_change {
	uint32_t state;
	uint32_t error;
	uint16_t outbound_streams;
	uint16_t inbound_streams;
	uint32_t assoc_id;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/* spc_state: 0 addr_available, 1 addr_unreachable, 2 addr_removed,
 * 3 addr_added, 4 addr_made_prim, 5 addr_confirmed,
 * 6 addr_potentially_failed (SCTP_ADDR_POTENTIALLY_FAILED: no OTP atom,
 * our choice). */
struct sctpnl_paddr_change {
	struct sctpnl_addr addr;
	uint32_t state;
	uint32_t error;
	uint32_t assoc_id;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/* data points into the received message: valid during the callback. */
struct sctpnl_remote_error {
	uint32_t error;
	uint32_t assoc_id;
	const uint8_t *data;
	size_t data_len;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

struct sctpnl_send_failed {
	uint32_t flags;
	uint32_t error;
	struct sctpnl_sndrcvinfo info;
	uint32_t assoc_id;
	const uint8_t *data;
	size_t data_len;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

struct sctpnl_shutdown_event {
	uint32_t assoc_id;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

struct sctpnl_adaptation_event {
	uint32_t adaptation_ind;
	uint32_t assoc_id;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

struct sctpnl_pdapi_event {
	uint32_t indication;		/* 0 partial_delivery_aborted */
	uint32_t assoc_id;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/* ------------------------------------------------------------------ */
/* Full association / endpoint / MIB                                   */
/* ------------------------------------------------------------------ */

/*
 * Fixed capacities of the arrays below.  Entries beyond them are counted
 * (n_*_total) but not stored; the primary path is always reported in
 * status.primary even when it falls beyond SCTPNL_MAX_PATHS.
 */
#define SCTPNL_MAX_ADDRS	16
#define SCTPNL_MAX_PATHS	16

/* One peer path: everything SCTPNL_A_PADDRS carries. */
struct sctpnl_path {
	struct sctpnl_paddrinfo info;	/* srtt = SRTT_SOCKOPT (raw) */
	struct sctpnl_paddrparams params;
	uint32_t ssthresh;
	uint32_t flight_size;
	uint32_t partial_bytes_acked;
	uint32_t error_count;
	uint16_t pf_retrans;
	uint8_t primary;
	uint32_t srtt;			/* ms */
	uint32_t rttvar;		/* ms */
	uint32_t last_heard;		/* ms ago */
	uint32_t present;		/* 1u << SCTPNL_PADDR_A_* seen */
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/* SCTP_GET_ASSOC_STATS counters. */
struct sctpnl_assoc_stats {
	uint64_t rtxchunks;
	uint64_t gapcnt;
	uint64_t outofseqtsns;
	uint64_t osacks;
	uint64_t isacks;
	uint64_t octrlchunks;
	uint64_t ictrlchunks;
	uint64_t oodchunks;
	uint64_t iodchunks;
	uint64_t ouodchunks;
	uint64_t iuodchunks;
	uint64_t idupchunks;
	uint64_t opackets;
	uint64_t ipackets;
	uint64_t max_obs_rto;		/* ms */
	struct sctpnl_addr max_obs_rto_addr;	/* AF_UNSPEC if none */
	uint32_t present;		/* 1u << SCTPNL_STATS_A_* seen */
	uint8_t reserved[64];		/* zero (see "Growth" above) */
};

/*
 * One association, as SCTPNL_CMD_ASSOC_GET reports it.  "present" has bit
 * (1ull << SCTPNL_A_*) for each top-level attribute the kernel sent; the
 * record members carry their own "set" masks.  Records embedded here are
 * raw (kernel's view); use the sctpnl_*_from_assoc() helpers to get them
 * exactly as gen_sctp would show them to the owning socket.
 */
struct sctpnl_assoc {
	uint32_t assoc_id;
	uint64_t inode;
	uint32_t uid;
	uint8_t style;			/* enum sctpnl_style */
	uint16_t sk_family;		/* AF_INET / AF_INET6 */
	uint8_t v4mapped;
	uint16_t local_port;
	uint16_t peer_port;
	struct sctpnl_addr local;	/* SCTPNL_A_LOCAL, if sent */
	struct sctpnl_addr peer;	/* SCTPNL_A_PEER, if sent */

	unsigned int n_laddrs;		/* stored */
	unsigned int n_laddrs_total;	/* reported by the kernel */
	struct sctpnl_addr laddrs[SCTPNL_MAX_ADDRS];

	unsigned int n_paths;
	unsigned int n_paths_total;
	int primary_path;		/* index in paths[], or -1 */
	struct sctpnl_path paths[SCTPNL_MAX_PATHS];

	struct sctpnl_status status;	/* primary filled from the paths */
	struct sctpnl_rtoinfo rtoinfo;
	struct sctpnl_assocparams assocparams;
	struct sctpnl_initmsg initmsg;
	uint32_t sack_delay;		/* SCTPNL_A_DELAYED_ACK, ms */
	uint32_t sack_freq;
	struct sctpnl_sndrcvinfo default_send;
	struct sctpnl_event_subscribe events;
	uint8_t sender_dry_event;
	struct sctpnl_paddrparams paddrparams;	/* SCTPNL_A_PADDRPARAMS */
	struct sctpnl_assoc_stats stats;
	uint32_t maxseg;
	uint8_t nodelay;
	uint32_t autoclose;		/* seconds */
	uint8_t disable_fragments;
	uint32_t adaptation_ind;	/* host order, as getsockopt */
	uint32_t peer_adaptation_ind;
	uint32_t local_vtag;
	uint32_t peer_vtag;
	uint32_t sndq;
	uint32_t rcvq;
	uint32_t local_rwnd;
	uint64_t present;
	uint8_t reserved[64];		/* zero (see "Growth" above) */
};

#define SCTPNL_HAS(obj, attr)	(((obj)->present >> (attr)) & 1u)

/* One SCTP socket, as SCTPNL_CMD_EP_GET reports it. */
struct sctpnl_ep {
	uint64_t inode;
	uint32_t uid;
	uint8_t style;
	uint16_t sk_family;
	uint8_t v4mapped;
	uint16_t port;
	unsigned int n_laddrs;
	unsigned int n_laddrs_total;
	struct sctpnl_addr laddrs[SCTPNL_MAX_ADDRS];
	uint32_t assocs;
	uint8_t listening;
	struct sctpnl_initmsg initmsg;
	struct sctpnl_rtoinfo rtoinfo;
	struct sctpnl_assocparams assocparams;
	uint32_t maxseg;
	uint8_t nodelay;
	uint32_t autoclose;
	uint8_t disable_fragments;
	uint32_t adaptation_ind;
	struct sctpnl_event_subscribe events;
	uint8_t sender_dry_event;
	struct sctpnl_paddrparams paddrparams;	/* defaults for new paths */
	uint64_t present;
	uint8_t reserved[64];		/* zero (see "Growth" above) */
};

/*
 * The namespace's SCTP MIB, indexed by enum sctpnl_snmp_attrs; "present"
 * has a bit per counter.  Counters to come take slots up to
 * SCTPNL_SNMP_SLOTS: the array is its room.
 */
#define SCTPNL_SNMP_SLOTS	64
struct sctpnl_snmp {
	uint64_t v[SCTPNL_SNMP_SLOTS];
	uint64_t present;
};

/* /proc/net/sctp/snmp name of counter i, NULL for UNSPEC/PAD/unknown. */
const char *sctpnl_snmp_name(unsigned int i);

/* ------------------------------------------------------------------ */
/* Handle, requests                                                    */
/* ------------------------------------------------------------------ */

struct sctpnl;

/*
 * Open a generic netlink socket and resolve the family.  NULL on failure
 * with errno set; errno == SCTPNL_ENOFAMILY when the "sctpnl" family is
 * not registered (module not loaded).
 */
#define SCTPNL_ENOFAMILY	EPROTONOSUPPORT
struct sctpnl *sctpnl_open(void);
void sctpnl_close(struct sctpnl *h);

/* The kernel's extack message of the last failed request, or NULL. */
const char *sctpnl_errmsg(const struct sctpnl *h);

/* The kernel family's version (SCTPNL_FAMILY_VERSION it registered). */
int sctpnl_family_version(const struct sctpnl *h);

/* Dump filter: set a field and its SCTPNL_FILTER_F_* bit in "set". */
enum {
	SCTPNL_FILTER_LPORT,
	SCTPNL_FILTER_PPORT,
	SCTPNL_FILTER_LADDR,
	SCTPNL_FILTER_PADDR,
	SCTPNL_FILTER_STATE,
	SCTPNL_FILTER_UID,
	SCTPNL_FILTER_INODE,
	SCTPNL_FILTER_ASSOC_ID,
	SCTPNL_FILTER_INFO,	/* not a filter: the parts to report */
};

struct sctpnl_filter {
	uint16_t lport;
	uint16_t pport;
	struct sctpnl_addr laddr;	/* port ignored */
	struct sctpnl_addr paddr;	/* port ignored */
	uint32_t state_mask;		/* 1u << enum sctpnl_state */
	uint32_t uid;
	uint64_t inode;
	uint32_t assoc_id;
	uint32_t set;
	/*
	 * With SCTPNL_FILTER_INFO: only these parts of each association
	 * (enum sctpnl_info); SCTPNL_INFO_BRIEF makes a listing of many
	 * associations several times faster.  Default: everything.
	 */
	uint32_t info;
	uint8_t reserved[32];		/* zero (see "Growth" above) */
};

/* An association key: assoc_id, or (when by_addr) local + peer. */
struct sctpnl_key {
	int by_addr;
	uint32_t assoc_id;
	struct sctpnl_addr local;	/* with port */
	struct sctpnl_addr peer;	/* with port */
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

/*
 * Callbacks get a pointer valid only during the call (the library reuses
 * one buffer: memory stays constant whatever the number of objects).
 * Return 0 to go on, anything else to stop: the dump function then drains
 * the kernel's remaining messages and returns that value.
 */
typedef int (*sctpnl_assoc_cb)(const struct sctpnl_assoc *a, void *arg);
typedef int (*sctpnl_ep_cb)(const struct sctpnl_ep *ep, void *arg);

/* Every association of the namespace, matching f (NULL: all). */
int sctpnl_assoc_dump(struct sctpnl *h, const struct sctpnl_filter *f,
		      sctpnl_assoc_cb cb, void *arg);
/* One association. */
int sctpnl_assoc_get(struct sctpnl *h, const struct sctpnl_key *key,
		     struct sctpnl_assoc *out);
/* Every SCTP socket, matching f (ports, laddr, uid, inode). */
int sctpnl_ep_dump(struct sctpnl *h, const struct sctpnl_filter *f,
		   sctpnl_ep_cb cb, void *arg);
int sctpnl_snmp_get(struct sctpnl *h, struct sctpnl_snmp *out);

/*
 * Decoding one received generic netlink message (struct nlmsghdr *) of
 * command ASSOC_GET / EP_GET / SNMP_GET: for tools that get messages by
 * other means, and for tests.  0 or -EINVAL / -EBADMSG.
 */
int sctpnl_parse_assoc(const void *nlh, struct sctpnl_assoc *out);
int sctpnl_parse_ep(const void *nlh, struct sctpnl_ep *out);
int sctpnl_parse_snmp(const void *nlh, struct sctpnl_snmp *out);

/* ------------------------------------------------------------------ */
/* Changing any association (LIBSCTPNL_1.1)                            */
/* ------------------------------------------------------------------ */

/*
 * Each setter applies one option to the association named by key, through
 * the SCTP stack's own setsockopt (SCTPNL_CMD_ASSOC_SET), as if its owner
 * had set it: the same validation, the same side effects, the same
 * notifications to the owner.  Only the fields whose "set" bit is on are
 * sent; a clear bit is gen_sctp's `undefined` and leaves the value as it
 * is.  Read-only fields (#sctp_assocparams{} number_peer_destinations,
 * peer_rwnd, local_rwnd; #sctp_sndrcvinfo{} ssn, tsn, cumtsn) and the
 * records' own assoc_id are never sent, so a record read back with the
 * sctpnl_*_from_assoc() helpers can be changed and given back as it is.
 *
 * key may be NULL for the setters of records with an assoc_id field: the
 * record's assoc_id (its bit set) is then the key.
 *
 * The stack's own "zero means unchanged" rules still apply within a set
 * field (e.g. #sctp_rtoinfo.initial = 0), and so do the sockets-API flag
 * rules of #sctp_paddrparams{}: hbinterval is applied with
 * SCTPNL_SPP_HB_ENABLE only, pathmtu with SCTPNL_SPP_PMTUD_DISABLE,
 * sackdelay with SCTPNL_SPP_SACKDELAY_ENABLE.
 *
 * Options of the endpoint rather than of the association (initmsg, nodelay,
 * autoclose, disable_fragments, adaptation) change the owning socket: on a
 * one-to-many socket every association of it.
 *
 * All need CAP_NET_ADMIN over the association's network namespace (-EPERM
 * otherwise).  Return 0 or a negative errno; sctpnl_errmsg() tells why the
 * kernel said no (-ENOENT: no such association in this namespace).
 */
int sctpnl_set_rtoinfo(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_rtoinfo *r);
int sctpnl_set_assocparams(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_assocparams *p);
int sctpnl_set_initmsg(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_initmsg *m);
/* Address unset (or AF_UNSPEC): every path and the association's
 * defaults; port 0: the association's peer port. */
int sctpnl_set_paddrparams(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_paddrparams *p);
/* The peer address to make primary (addr required; port 0: the
 * association's). */
int sctpnl_set_primary(struct sctpnl *h, const struct sctpnl_key *key,
		       const struct sctpnl_prim *p);
/* Ask the peer to make our addr its primary (needs ASCONF). */
int sctpnl_set_peer_primary(struct sctpnl *h, const struct sctpnl_key *key,
			    const struct sctpnl_setpeerprim *p);
/* sctp_delayed_ack_time: the SACK delay in ms (0 leaves it as is). */
int sctpnl_set_delayed_ack(struct sctpnl *h, const struct sctpnl_key *key,
			   const struct sctpnl_assoc_value *v);

enum {
	SCTPNL_SACK_INFO_ASSOC_ID,
	SCTPNL_SACK_INFO_DELAY,
	SCTPNL_SACK_INFO_FREQ,
};

/*
 * struct sctp_sack_info (SCTP_DELAYED_SACK; no gen_sctp record): delay in
 * ms, freq in packets; freq 1 disables delayed SACK, a delay or a freq
 * above 1 enables it, 0 leaves a value as it is.
 */
struct sctpnl_sack_info {
	uint32_t assoc_id;
	uint32_t delay;
	uint32_t freq;
	uint32_t set;
	uint8_t reserved[16];		/* zero (see "Growth" above) */
};

int sctpnl_set_sack_info(struct sctpnl *h, const struct sctpnl_key *key,
			 const struct sctpnl_sack_info *s);
/* The owner's defaults for sends without a SCTP_SNDRCV cmsg: stream,
 * flags, ppid (host order), context, timetolive. */
int sctpnl_set_default_send(struct sctpnl *h, const struct sctpnl_key *key,
			    const struct sctpnl_sndrcvinfo *s);
/* #sctp_setadaptation{}: adaptation_ind in host order, as setsockopt
 * takes it (what sctpnl_setadaptation_from_assoc() reads back). */
int sctpnl_set_adaptation(struct sctpnl *h, const struct sctpnl_key *key,
			  const struct sctpnl_setadaptation *a);
/* sctp_maxseg, bytes (0: the path MTU decides). */
int sctpnl_set_maxseg(struct sctpnl *h, const struct sctpnl_key *key,
		      uint32_t maxseg);
int sctpnl_set_nodelay(struct sctpnl *h, const struct sctpnl_key *key,
		       int on);
/* sctp_autoclose, seconds (0: never); one-to-many sockets only. */
int sctpnl_set_autoclose(struct sctpnl *h, const struct sctpnl_key *key,
			 uint32_t seconds);
int sctpnl_set_disable_fragments(struct sctpnl *h,
				 const struct sctpnl_key *key, int on);

/*
 * End an association.  sctpnl_abort() sends ABORT with reason (may be
 * NULL) as the user-initiated abort cause; one-to-one associations cannot
 * be aborted this way on every kernel (-EOPNOTSUPP, use sctpnl_eof()).
 * sctpnl_eof() starts a graceful SHUTDOWN.
 */
int sctpnl_abort(struct sctpnl *h, const struct sctpnl_key *key,
		 const char *reason);
int sctpnl_eof(struct sctpnl *h, const struct sctpnl_key *key);

/* ------------------------------------------------------------------ */
/* System-wide events and probe samples (LIBSCTPNL_1.2)                */
/* ------------------------------------------------------------------ */

/*
 * A monitor is its own generic netlink socket joined to the "events"
 * and/or "probe" multicast groups of the caller's network namespace
 * (needs CAP_NET_ADMIN there: sctpnl_monitor_open() fails with EPERM
 * otherwise).  Every notification the SCTP stack builds for any
 * association of the namespace arrives, whatever its owner subscribed to.
 *
 * Its descriptor is non-blocking: poll() it for POLLIN, then call
 * sctpnl_monitor_read(), which drains what is queued and returns.
 *
 * Loss is never silent.  A full receive buffer makes the kernel drop
 * messages (an unknown number) and the next recv() fail with ENOBUFS: the
 * monitor counts these overruns.  Separately, the module counts what it
 * could not build or send (SCTPNL_A_LOST, in every message): the monitor
 * tracks its increases between the messages it receives.  Either calls
 * on_lost (when set) and reading goes on; without on_lost,
 * sctpnl_monitor_read() returns -ENOBUFS after delivering what it had,
 * and the next call goes on.
 */
#define SCTPNL_MON_EVENTS	(1u << 0)
#define SCTPNL_MON_PROBE	(1u << 1)

struct sctpnl_mon;

/*
 * One event.  type is the SCTPNL_CMD_EVENT_* command and rec the record
 * kind in u (SCTPNL_REC_ASSOC_CHANGE ... SCTPNL_REC_PDAPI_EVENT).  The
 * record's fields hold exactly what gen_sctp would deliver to the owner:
 *  - #sctp_assoc_change{}: state 0 comm_up, 1 comm_lost, 2 restart,
 *    3 shutdown_comp, 4 cant_assoc; error as sac_error (raw: protocol
 *    cause codes in network byte order, as OTP shows them);
 *  - #sctp_paddr_change{}: addr as the kernel has it (an IPv4 peer of a
 *    v4-mapped AF_INET6 socket stays IPv4: events do not say how the
 *    owner would present it); state 0 addr_available, 1 addr_unreachable,
 *    2 addr_removed, 3 addr_added, 4 addr_made_prim, 5 addr_confirmed and
 *    6 (SCTP_ADDR_POTENTIALLY_FAILED), which OTP has no atom for: printed
 *    `addr_potentially_failed` (OTP's driver would assert); error raw;
 *  - #sctp_remote_error{}: error = ntohs(sre_error), as OTP does;
 *  - #sctp_send_failed{}: flags 1 = data sent (true), 0 = unsent
 *    (false); info.assoc_id is the association's id (the kernel copies
 *    the sender's sinfo there; the module does not report it);
 *  - #sctp_adaptation_event{}: adaptation_ind in host order, as the
 *    owner's sai_adaptation_ind (the Erlang form shows ntohl() of it, as
 *    OTP does).
 * Pointers (data) are valid during the callback only.
 */
struct sctpnl_event {
	uint8_t type;			/* SCTPNL_CMD_EVENT_* */
	int rec;			/* enum sctpnl_rec */
	uint32_t assoc_id;		/* 0: failed before it got one */
	uint64_t inode;			/* owning socket, 0 if closed */
	uint16_t lport;
	uint16_t pport;
	struct sctpnl_addr peer;	/* primary path; AF_UNSPEC if none */
	uint64_t timestamp_ns;		/* CLOCK_REALTIME */
	uint64_t kernel_lost;		/* SCTPNL_A_LOST in this message */
	/* assoc_change: the causes of the ABORT that ended it, if any */
	const uint8_t *abort_data;
	size_t abort_data_len;
	union {
		struct sctpnl_assoc_change assoc_change;
		struct sctpnl_paddr_change paddr_change;
		struct sctpnl_remote_error remote_error;
		struct sctpnl_send_failed send_failed;
		struct sctpnl_shutdown_event shutdown;
		struct sctpnl_adaptation_event adaptation;
		struct sctpnl_pdapi_event pdapi;
	} u;
	uint8_t reserved[32];		/* zero (see "Growth" above) */
};

/* One path of one association when a SACK arrived (before processing). */
struct sctpnl_probe_sample {
	uint32_t assoc_id;
	uint16_t lport;
	uint16_t pport;
	struct sctpnl_addr addr;	/* the path, with port */
	uint32_t cwnd;			/* bytes */
	uint32_t ssthresh;		/* bytes */
	uint32_t srtt;			/* ms */
	uint32_t rto;			/* ms */
	uint32_t flight_size;		/* bytes */
	uint32_t partial_bytes_acked;	/* bytes */
	uint32_t peer_rwnd;		/* bytes */
	uint32_t state;			/* enum sctpnl_path_state */
	uint8_t primary;
	uint64_t timestamp_ns;		/* CLOCK_REALTIME */
	uint64_t kernel_lost;
	uint8_t reserved[32];		/* zero (see "Growth" above) */
};

/*
 * Callbacks: return 0 to go on, or a negative value (an errno of the
 * caller's choosing) to make sctpnl_monitor_read() stop and return it;
 * what is still queued stays queued for the next call.  For an event
 * the callback of its type is called if set, else on_event.  on_lost
 * gets the totals since the monitor was opened: overruns (ENOBUFS seen:
 * each stands for an unknown number of lost messages) and kernel_lost
 * (increase of the module's SCTPNL_A_LOST counter seen between messages).
 */
typedef int (*sctpnl_event_cb)(const struct sctpnl_event *ev, void *arg);

struct sctpnl_mon_cb {
	sctpnl_event_cb on_event;
	sctpnl_event_cb on_assoc_change;
	sctpnl_event_cb on_paddr_change;
	sctpnl_event_cb on_remote_error;
	sctpnl_event_cb on_send_failed;
	sctpnl_event_cb on_shutdown;
	sctpnl_event_cb on_adaptation;
	sctpnl_event_cb on_pdapi;
	int (*on_probe)(const struct sctpnl_probe_sample *s, void *arg);
	int (*on_lost)(void *arg, uint64_t overruns, uint64_t kernel_lost);
	void *reserved[6];		/* NULL (see "Growth" above) */
};

/* groups: SCTPNL_MON_EVENTS | SCTPNL_MON_PROBE.  NULL with errno set
 * (EPERM: not allowed to join; SCTPNL_ENOFAMILY: module not loaded). */
struct sctpnl_mon *sctpnl_monitor_open(unsigned int groups);
void sctpnl_monitor_close(struct sctpnl_mon *m);
/* The descriptor to poll (non-blocking). */
int sctpnl_monitor_fd(const struct sctpnl_mon *m);
/* Receive buffer size, bytes (SO_RCVBUFFORCE when allowed, else
 * SO_RCVBUF, which the kernel caps at net.core.rmem_max). */
int sctpnl_monitor_set_rcvbuf(struct sctpnl_mon *m, int bytes);
/*
 * Deliver every queued message: the number of events and probe samples
 * delivered (0: nothing was queued), a callback's negative return,
 * -ENOBUFS (overrun and no on_lost), or another negative errno.  A
 * positive callback return is taken as 0.  A probe message carries
 * several samples: on_probe is called for each, in order.
 */
int sctpnl_monitor_read(struct sctpnl_mon *m, const struct sctpnl_mon_cb *cbs,
			void *arg);
/* Loss totals so far (either pointer may be NULL). */
void sctpnl_monitor_lost(const struct sctpnl_mon *m, uint64_t *overruns,
			 uint64_t *kernel_lost);

/* Probe only these associations (n == 0: every association).  The filter
 * is the namespace's, shared by every listener; needs CAP_NET_ADMIN. */
int sctpnl_probe_filter(struct sctpnl *h, const uint32_t *ids, size_t n);
/* The same, with at most one sample per interval_ms per association
 * (0: every SACK); sampling every SACK of a busy association costs it
 * throughput. */
int sctpnl_probe_filter_interval(struct sctpnl *h, const uint32_t *ids,
				 size_t n, uint32_t interval_ms);

/* "assoc_change", "paddr_change", ... for an SCTPNL_CMD_EVENT_* type. */
const char *sctpnl_event_name(unsigned int type);

/*
 * What the loaded module cannot deliver on this kernel, or was told at
 * load not to (its "disable" parameter): event names as
 * sctpnl_event_name() gives them, and "probe" for path samples,
 * comma-separated in @buf; "" when every hook is on.  0, or -ENOENT when
 * the module is not loaded, or another -errno.
 */
int sctpnl_hooks_unavailable(char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* gen_sctp views of an association                                    */
/* ------------------------------------------------------------------ */

/*
 * These build the records exactly as inet:getopts/2 on the owning socket
 * returns them: assoc_id filled in; addresses as the socket presents them
 * (an IPv4 address of an AF_INET6 socket with v4mapped set becomes the
 * v4-mapped IPv6 address); paddrinfo.srtt the raw getsockopt value.
 * paddrinfo/paddrparams take the index of a path in a->paths.
 * Each returns 0, or -ENOENT when the association lacks the data.
 */
int sctpnl_status_from_assoc(const struct sctpnl_assoc *a,
			     struct sctpnl_status *out);
int sctpnl_paddrinfo_from_assoc(const struct sctpnl_assoc *a,
				unsigned int path,
				struct sctpnl_paddrinfo *out);
int sctpnl_paddrparams_from_assoc(const struct sctpnl_assoc *a,
				  unsigned int path,
				  struct sctpnl_paddrparams *out);
int sctpnl_rtoinfo_from_assoc(const struct sctpnl_assoc *a,
			      struct sctpnl_rtoinfo *out);
int sctpnl_assocparams_from_assoc(const struct sctpnl_assoc *a,
				  struct sctpnl_assocparams *out);
int sctpnl_initmsg_from_assoc(const struct sctpnl_assoc *a,
			      struct sctpnl_initmsg *out);
int sctpnl_prim_from_assoc(const struct sctpnl_assoc *a,
			   struct sctpnl_prim *out);
int sctpnl_setadaptation_from_assoc(const struct sctpnl_assoc *a,
				    struct sctpnl_setadaptation *out);
int sctpnl_delayed_ack_from_assoc(const struct sctpnl_assoc *a,
				  struct sctpnl_assoc_value *out);
int sctpnl_sndrcvinfo_from_assoc(const struct sctpnl_assoc *a,
				 struct sctpnl_sndrcvinfo *out);
int sctpnl_events_from_assoc(const struct sctpnl_assoc *a,
			     struct sctpnl_event_subscribe *out);
/* addr as the socket of family sk_family (v4mapped) would present it. */
void sctpnl_addr_present(struct sctpnl_addr *out,
			 const struct sctpnl_addr *in,
			 uint16_t sk_family, int v4mapped);

/* ------------------------------------------------------------------ */
/* Names, addresses                                                    */
/* ------------------------------------------------------------------ */

/* gen_sctp atom of a state, or "undefined". */
const char *sctpnl_state_name(uint32_t state);
/* "active", "inactive", "unconfirmed", "pf" or "unknown". */
const char *sctpnl_path_state_name(uint32_t state);
/* gen_sctp atom: like sctpnl_path_state_name() but "undefined" for
 * SCTP_PF and unknown values. */
const char *sctpnl_path_state_atom(uint32_t state);
/* "one-to-one", "one-to-many", "peeled", "unspec". */
const char *sctpnl_style_name(unsigned int style);
/* State by name (atom, "ESTABLISHED" or "established"); -1 if unknown. */
int sctpnl_state_from_name(const char *name);
/* gen_sctp atoms of the events' states, "undefined" for unknown values:
 * #sctp_assoc_change.state (comm_up...), #sctp_paddr_change.state
 * (addr_available...) and #sctp_pdapi_event.indication. */
const char *sctpnl_assoc_change_atom(uint32_t state);
const char *sctpnl_paddr_change_atom(uint32_t state);
const char *sctpnl_pdapi_atom(uint32_t indication);

/*
 * Address text: "10.0.0.1", "fe80::1%eth0" (scope as index if no name).
 * sctpnl_addr_ntop writes the address only, sctpnl_addr_port_ntop adds
 * ":port" (IPv6 in brackets).  Both return buf.
 */
#define SCTPNL_ADDRSTRLEN	(INET6_ADDRSTRLEN + 24)
char *sctpnl_addr_ntop(const struct sctpnl_addr *a, char *buf, size_t len);
char *sctpnl_addr_port_ntop(const struct sctpnl_addr *a, char *buf,
			    size_t len);
/* Parse "A", "[A6]", "A:port", "[A6]:port", "A6%scope"; port optional
 * unless need_port.  0 or -EINVAL. */
int sctpnl_addr_pton(const char *s, struct sctpnl_addr *out, int need_port);

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

enum sctpnl_rec {
	SCTPNL_REC_STATUS,		/* struct sctpnl_status */
	SCTPNL_REC_PADDRINFO,		/* struct sctpnl_paddrinfo */
	SCTPNL_REC_RTOINFO,
	SCTPNL_REC_ASSOCPARAMS,
	SCTPNL_REC_INITMSG,
	SCTPNL_REC_PADDRPARAMS,
	SCTPNL_REC_PRIM,
	SCTPNL_REC_SETPEERPRIM,
	SCTPNL_REC_SETADAPTATION,
	SCTPNL_REC_ASSOC_VALUE,
	SCTPNL_REC_SNDRCVINFO,
	SCTPNL_REC_EVENT_SUBSCRIBE,
	SCTPNL_REC_ASSOC_CHANGE,
	SCTPNL_REC_PADDR_CHANGE,
	SCTPNL_REC_REMOTE_ERROR,
	SCTPNL_REC_SEND_FAILED,
	SCTPNL_REC_SHUTDOWN_EVENT,
	SCTPNL_REC_ADAPTATION_EVENT,
	SCTPNL_REC_PDAPI_EVENT,
	SCTPNL_REC_ASSOC,		/* struct sctpnl_assoc (JSON only) */
	SCTPNL_REC_EP,			/* struct sctpnl_ep (JSON only) */
	SCTPNL_REC_SNMP,		/* struct sctpnl_snmp (JSON only) */
	__SCTPNL_REC_MAX
};

/* Erlang record name of a record kind ("sctp_status"), NULL if none. */
const char *sctpnl_rec_name(enum sctpnl_rec which);

/*
 * Write rec as an Erlang term, e.g. #sctp_status{assoc_id = 5,...}, with
 * no trailing "." or newline: parsed by erl with
 * -include_lib("kernel/include/inet_sctp.hrl") it equals what
 * inet:getopts/2 returns.  -EINVAL for kinds with no Erlang record.
 */
int sctpnl_fprint_erl(FILE *f, enum sctpnl_rec which, const void *rec);

/*
 * Write an address as gen_sctp shows one, {{10,0,0,1},5000} or
 * {{0,0,0,0,0,65535,2561,2},5000} (no v4-mapping applied: see
 * sctpnl_addr_present()), or undefined if it is neither AF_INET nor
 * AF_INET6.  0 or -EIO.
 */
int sctpnl_fprint_erl_addr(FILE *f, const struct sctpnl_addr *a);

/*
 * Erlang terms of an association, one per line, each ended by ".\n":
 * #sctp_status{} (with primary), then for each stored path its
 * #sctp_paddrinfo{} and #sctp_paddrparams{}, then #sctp_rtoinfo{},
 * #sctp_assocparams{}, #sctp_initmsg{}, #sctp_assoc_value{} (delayed ack),
 * #sctp_sndrcvinfo{} (default send), #sctp_event_subscribe{},
 * #sctp_setadaptation{}, #sctp_prim{}.
 */
int sctpnl_fprint_erl_assoc(FILE *f, const struct sctpnl_assoc *a);

/*
 * JSON.  A small streaming writer: keys are record field names; an
 * address is {"addr":"10.0.0.1","port":5000}; unset fields are null.
 */
#define SCTPNL_JSON_PRETTY	1u

struct sctpnl_json;
struct sctpnl_json *sctpnl_json_new(FILE *f, unsigned int flags);
/* Ends the output with a newline; returns -EIO if a write failed. */
int sctpnl_json_free(struct sctpnl_json *j);
/* key is NULL inside arrays and at top level. */
void sctpnl_json_begin_object(struct sctpnl_json *j, const char *key);
void sctpnl_json_end_object(struct sctpnl_json *j);
void sctpnl_json_begin_array(struct sctpnl_json *j, const char *key);
void sctpnl_json_end_array(struct sctpnl_json *j);
void sctpnl_json_string(struct sctpnl_json *j, const char *key,
			const char *s);
void sctpnl_json_uint(struct sctpnl_json *j, const char *key, uint64_t v);
void sctpnl_json_int(struct sctpnl_json *j, const char *key, int64_t v);
void sctpnl_json_bool(struct sctpnl_json *j, const char *key, int v);
void sctpnl_json_null(struct sctpnl_json *j, const char *key);
void sctpnl_json_addr(struct sctpnl_json *j, const char *key,
		      const struct sctpnl_addr *a);
/*
 * One record as a JSON object.  SCTPNL_REC_ASSOC: the extra fields plus
 * the records nested under their record names ("sctp_status", ...) and
 * "paths": [{"sctp_paddrinfo":{..},"sctp_paddrparams":{..},...}].
 */
int sctpnl_json_record(struct sctpnl_json *j, const char *key,
		       enum sctpnl_rec which, const void *rec);
/*
 * SCTPNL_REC_ASSOC or SCTPNL_REC_EP as sctpnl_json_record() writes it,
 * but the object is left open: the caller adds its own keys, then calls
 * sctpnl_json_end_object().  -EINVAL for other records.
 */
int sctpnl_json_record_open(struct sctpnl_json *j, const char *key,
			    enum sctpnl_rec which, const void *rec);

/* Convenience: one record as a complete JSON document + newline. */
int sctpnl_fprint_json(FILE *f, enum sctpnl_rec which, const void *rec,
		       unsigned int flags);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif

#endif /* _SCTPNL_SCTPNL_H */
