/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/sctpnl.yaml */
/* YNL-GEN uapi header */
/* To regenerate run: make uapi */

/*
 * sctpnl: generic netlink access to every SCTP association of a network
 * namespace, its peer addresses, options, statistics and events: a linear dump
 * of all of them (a snapshot of keys, then one lookup per key), one
 * association by id or by a local/peer address pair, the sockets and the SCTP
 * MIB of the namespace; setting any socket option of any association and
 * ending it, through the SCTP stack's own entry points; SCTP notifications of
 * every association and per-SACK path samples on two multicast groups.
 *
 * Conventions, true for every attribute unless it says otherwise: times are in
 * milliseconds, even where the kernel keeps jiffies; association states use
 * the sockets-API numbering (enum sctp_sstat_state: SCTP_EMPTY = 0,
 * SCTP_CLOSED = 1, ...), path states enum sctp_spinfo_state, as getsockopt()
 * reports them; ports are in host byte order, addresses in network byte order;
 * addresses are the kernel's own (an IPv4 peer of an IPv6 socket is an IPv4
 * address), SCTPNL_A_SK_FAMILY and SCTPNL_A_SK_V4MAPPED tell how the owning
 * socket would present it.
 *
 * Requests that name one association carry either SCTPNL_A_ASSOC_ID or both
 * SCTPNL_A_LOCAL and SCTPNL_A_PEER (one local and one peer address with ports,
 * the fast path). Everything is scoped to the requester's network namespace.
 * Commands that change state need CAP_NET_ADMIN in the user namespace owning
 * that network namespace; so does joining the multicast groups.
 *
 * Event messages go to the "events" group, one per notification the SCTP stack
 * builds for any association of the namespace, whatever its owner subscribed
 * to. They carry SCTPNL_A_ASSOC_ID, SCTPNL_A_SK_INODE (absent once the socket
 * is closed; on a one-to-one server, COMM_UP names the listening socket:
 * accept() moves the association later), SCTPNL_A_LOCAL_PORT,
 * SCTPNL_A_PEER_PORT, SCTPNL_A_PEER (the primary path), SCTPNL_A_TIMESTAMP,
 * SCTPNL_A_LOST and SCTPNL_A_EVENT. The payload holds what the sockets-API
 * notification would: ERROR is sac_error, spc_error, sre_error or ssf_error as
 * Linux fills it (protocol cause codes there are in network byte order, e.g.
 * COMM_LOST after a user-initiated abort reads 0x0c00 on x86). An association
 * that failed before its first INIT ACK has no id yet: SCTPNL_A_ASSOC_ID is 0.
 */

#ifndef _UAPI_LINUX_SCTPNL_H
#define _UAPI_LINUX_SCTPNL_H

#include <linux/types.h>

#define SCTPNL_FAMILY_NAME	"sctpnl"
#define SCTPNL_FAMILY_VERSION	1

#define SCTPNL_PROBE_FILTER_MAX	4096

/**
 * enum sctpnl_style - socket style of the owning socket
 * @SCTPNL_STYLE_ONE_TO_ONE: SOCK_STREAM (TCP style).
 * @SCTPNL_STYLE_ONE_TO_MANY: SOCK_SEQPACKET (UDP style).
 * @SCTPNL_STYLE_PEELED: a one-to-many association peeled off onto its own
 *   socket (sctp_peeloff()).
 */
enum sctpnl_style {
	SCTPNL_STYLE_UNSPEC,
	SCTPNL_STYLE_ONE_TO_ONE,
	SCTPNL_STYLE_ONE_TO_MANY,
	SCTPNL_STYLE_PEELED,
};

/**
 * enum sctpnl_info - parts of an association an ASSOC_GET reports
 *   (SCTPNL_A_INFO); a dump of many associations that only lists them is
 *   several times faster with SCTPNL_INFO_BRIEF alone.
 * @SCTPNL_INFO_BRIEF: what a one-line listing needs: LOCAL_ADDRS, STATUS, and
 *   PADDRS entries with ADDR, STATE and PRIMARY only.
 * @SCTPNL_INFO_PATHS: every PADDRS attribute of every path.
 * @SCTPNL_INFO_OPTIONS: RTOINFO, ASSOCINFO, DELAYED_ACK, DEFAULT_SEND,
 *   INITMSG, EVENTS and the socket options (MAXSEG, NODELAY, ...).
 * @SCTPNL_INFO_STATS: STATS.
 * @SCTPNL_INFO_MISC: verification tags, queue sizes, local rwnd.
 */
enum sctpnl_info {
	SCTPNL_INFO_BRIEF = 1,
	SCTPNL_INFO_PATHS = 2,
	SCTPNL_INFO_OPTIONS = 4,
	SCTPNL_INFO_STATS = 8,
	SCTPNL_INFO_MISC = 16,
};

#define SCTPNL_INFO_ALL	31

/**
 * struct sctpnl_path_sample - One peer path of an association, sampled on a
 *   SACK (probe-sample). Versioned by its length: members are only ever added
 *   at the end. A reader copies min(attribute length, its sizeof) bytes into a
 *   zeroed struct, which reads a shorter (older) sample with the missing
 *   members 0 and a longer (newer) one without the members it does not know.
 *   The attribute may be only 4-byte aligned: copy it out, do not cast.
 * @timestamp: CLOCK_REALTIME of the sample, nanoseconds.
 * @assoc_id: The association id.
 * @local_port: The association's local port.
 * @peer_port: The association's peer port.
 * @addr: The path's address, network byte order: 16 bytes of IPv6, or IPv4 in
 *   the first 4 bytes and zeros after.
 * @scope_id: IPv6 scope (interface index) of addr, 0 for none.
 * @family: AF_INET or AF_INET6, the family of addr.
 * @port: The path's port.
 * @cwnd: bytes.
 * @ssthresh: bytes.
 * @srtt: ms.
 * @rto: ms.
 * @flight_size: bytes.
 * @partial_bytes_acked: bytes.
 * @peer_rwnd: The association's peer rwnd, bytes.
 * @state: enum sctp_spinfo_state (SCTP_UNKNOWN reported as SCTP_ACTIVE, as
 *   getsockopt does).
 * @primary: 1 if this is the association's primary path.
 * @reserved: zero.
 */
struct sctpnl_path_sample {
	__u64 timestamp;
	__u32 assoc_id;
	__u16 local_port;
	__u16 peer_port;
	__u8 addr[16];
	__u32 scope_id;
	__u16 family;
	__u16 port;
	__u32 cwnd;
	__u32 ssthresh;
	__u32 srtt;
	__u32 rto;
	__u32 flight_size;
	__u32 partial_bytes_acked;
	__u32 peer_rwnd;
	__u8 state;
	__u8 primary;
	__u16 reserved;
};

/**
 * enum sctpnl_attrs - top-level attributes
 * @SCTPNL_A_PAD: padding for 64-bit attributes.
 * @SCTPNL_A_ASSOC_ID: u32, the association id (unique on the host).
 * @SCTPNL_A_LOCAL: nest (enum sctpnl_addr_attrs), the local address and port;
 *   in a request, the local half of the 4-tuple key.
 * @SCTPNL_A_PEER: nest (enum sctpnl_addr_attrs), the peer address and port; in
 *   a request, the peer half of the 4-tuple key.
 * @SCTPNL_A_FILTER: nest (enum sctpnl_filter_attrs), dump filter.
 * @SCTPNL_A_SK_INODE: u64, inode of the owning socket.
 * @SCTPNL_A_SK_UID: u32, owner uid of the socket (in the caller's user ns).
 * @SCTPNL_A_SK_STYLE: u8, enum sctpnl_style.
 * @SCTPNL_A_SK_FAMILY: u16, AF_INET or AF_INET6: the owning socket's family.
 * @SCTPNL_A_SK_V4MAPPED: u8, the socket presents IPv4 addresses as v4-mapped
 *   IPv6 (SCTP_I_WANT_MAPPED_V4_ADDR).
 * @SCTPNL_A_LOCAL_PORT: u16.
 * @SCTPNL_A_PEER_PORT: u16.
 * @SCTPNL_A_LOCAL_ADDRS: nest, one SCTPNL_A_LOCAL_ADDRS_ENTRY per bound local
 *   address (each an enum sctpnl_addr_attrs nest, no port).
 * @SCTPNL_A_PADDRS: nest, one SCTPNL_A_PADDRS_ENTRY per peer path (each an
 *   enum sctpnl_paddr_attrs nest).
 * @SCTPNL_A_STATUS: nest (enum sctpnl_status_attrs), #sctp_status{}.
 * @SCTPNL_A_RTOINFO: nest (enum sctpnl_rtoinfo_attrs), #sctp_rtoinfo{}.
 * @SCTPNL_A_ASSOCINFO: nest (enum sctpnl_assocparams_attrs),
 *   #sctp_assocparams{}.
 * @SCTPNL_A_INITMSG: nest (enum sctpnl_initmsg_attrs), the endpoint's
 *   #sctp_initmsg{} (applies to future associations).
 * @SCTPNL_A_DELAYED_ACK: nest (enum sctpnl_sack_attrs), SCTP_DELAYED_SACK.
 * @SCTPNL_A_DEFAULT_SEND: nest (enum sctpnl_sndrcv_attrs), the default
 *   #sctp_sndrcvinfo{} (SCTP_DEFAULT_SEND_PARAM).
 * @SCTPNL_A_EVENTS: nest (enum sctpnl_events_attrs), the association's
 *   #sctp_event_subscribe{}.
 * @SCTPNL_A_PADDRPARAMS: nest (enum sctpnl_paddr_attrs), in ASSOC_SET, the
 *   #sctp_paddrparams{} to apply, to the path named by its ADDR or to every
 *   path and the association defaults without ADDR.
 * @SCTPNL_A_STATS: nest (enum sctpnl_stats_attrs), SCTP_GET_ASSOC_STATS
 *   counters (reading them here does not restart max_obs_rto).
 * @SCTPNL_A_MAXSEG: u32, SCTP_MAXSEG (bytes; 0 = path MTU decides).
 * @SCTPNL_A_NODELAY: u8, SCTP_NODELAY.
 * @SCTPNL_A_AUTOCLOSE: u32, SCTP_AUTOCLOSE (seconds; one-to-many only).
 * @SCTPNL_A_DISABLE_FRAGMENTS: u8, SCTP_DISABLE_FRAGMENTS.
 * @SCTPNL_A_ADAPTATION_IND: u32, our adaptation layer indication
 *   (SCTP_ADAPTATION_LAYER), host order as the sockets API has it.
 * @SCTPNL_A_PEER_ADAPTATION_IND: u32, the one the peer sent, host order.
 * @SCTPNL_A_PRIMARY: nest (enum sctpnl_addr_attrs), in ASSOC_SET, the peer
 *   address to make primary (SCTP_PRIMARY_ADDR).
 * @SCTPNL_A_PEER_PRIMARY: nest (enum sctpnl_addr_attrs), in ASSOC_SET, our
 *   address the peer should make primary (SCTP_SET_PEER_PRIMARY_ADDR).
 * @SCTPNL_A_LOCAL_VTAG: u32, our verification tag.
 * @SCTPNL_A_PEER_VTAG: u32, the peer's verification tag.
 * @SCTPNL_A_SNDQ: u32, bytes queued for sending and not yet acknowledged.
 * @SCTPNL_A_RCVQ: u32, bytes received and not yet read by the owner.
 * @SCTPNL_A_LOCAL_RWND: u32, the receive window we currently advertise.
 * @SCTPNL_A_SNMP: nest (enum sctpnl_snmp_attrs), u64 counters.
 * @SCTPNL_A_EP_ASSOCS: u32, number of associations of the endpoint.
 * @SCTPNL_A_EP_LISTENING: u8, the socket is listening.
 * @SCTPNL_A_REASON: string, abort reason (user-initiated abort cause).
 * @SCTPNL_A_EVENT: nest (enum sctpnl_event_attrs), event payload.
 * @SCTPNL_A_TIMESTAMP: u64, CLOCK_REALTIME of the event, nanoseconds.
 * @SCTPNL_A_LOST: u64, events and samples the module could not deliver since
 *   load: allocation failures, and SCTP events that happened while the module
 *   was busy with another on the same CPU. Sent in every event and probe
 *   message; an event's is read as it is built, a probe message's (one for its
 *   whole batch of samples) as the batch is closed, so a sample that could not
 *   be queued is counted by the next batch sent. A listener's own overruns are
 *   not counted here: its socket reports ENOBUFS.
 * @SCTPNL_A_PROBE_FILTER: nest, u32 assoc ids, one SCTPNL_A_PROBE_FILTER_ENTRY
 *   each (at most SCTPNL_PROBE_FILTER_MAX).
 * @SCTPNL_A_INFO: u32, enum sctpnl_info bits, in an ASSOC_GET request: which
 *   parts to report; absent means all of them. The identity (ASSOC_ID, SK_*,
 *   ports) is always there.
 * @SCTPNL_A_PROBE_INTERVAL: u32, ms, in PROBE_SET: at most one sample per this
 *   interval (rounded up to whole kernel ticks) for each association of the
 *   filter (for all of them together when the filter names none); 0 or absent:
 *   every SACK. Sampling every SACK of a fast association costs it throughput.
 * @SCTPNL_A_PROBE_SAMPLE: binary, struct sctpnl_path_sample, one path sample
 *   of the probe command; a probe message holds one or more, oldest first.
 */
enum sctpnl_attrs {
	SCTPNL_A_UNSPEC,
	SCTPNL_A_PAD,
	SCTPNL_A_ASSOC_ID,
	SCTPNL_A_LOCAL,
	SCTPNL_A_PEER,
	SCTPNL_A_FILTER,
	SCTPNL_A_SK_INODE,
	SCTPNL_A_SK_UID,
	SCTPNL_A_SK_STYLE,
	SCTPNL_A_SK_FAMILY,
	SCTPNL_A_SK_V4MAPPED,
	SCTPNL_A_LOCAL_PORT,
	SCTPNL_A_PEER_PORT,
	SCTPNL_A_LOCAL_ADDRS,
	SCTPNL_A_PADDRS,
	SCTPNL_A_STATUS,
	SCTPNL_A_RTOINFO,
	SCTPNL_A_ASSOCINFO,
	SCTPNL_A_INITMSG,
	SCTPNL_A_DELAYED_ACK,
	SCTPNL_A_DEFAULT_SEND,
	SCTPNL_A_EVENTS,
	SCTPNL_A_PADDRPARAMS,
	SCTPNL_A_STATS,
	SCTPNL_A_MAXSEG,
	SCTPNL_A_NODELAY,
	SCTPNL_A_AUTOCLOSE,
	SCTPNL_A_DISABLE_FRAGMENTS,
	SCTPNL_A_ADAPTATION_IND,
	SCTPNL_A_PEER_ADAPTATION_IND,
	SCTPNL_A_PRIMARY,
	SCTPNL_A_PEER_PRIMARY,
	SCTPNL_A_LOCAL_VTAG,
	SCTPNL_A_PEER_VTAG,
	SCTPNL_A_SNDQ,
	SCTPNL_A_RCVQ,
	SCTPNL_A_LOCAL_RWND,
	SCTPNL_A_SNMP,
	SCTPNL_A_EP_ASSOCS,
	SCTPNL_A_EP_LISTENING,
	SCTPNL_A_REASON,
	SCTPNL_A_EVENT,
	SCTPNL_A_TIMESTAMP,
	SCTPNL_A_PROBE,
	SCTPNL_A_LOST,
	SCTPNL_A_PROBE_FILTER,
	SCTPNL_A_INFO,
	SCTPNL_A_PROBE_INTERVAL,
	SCTPNL_A_PROBE_SAMPLE,

	__SCTPNL_A_MAX,
	SCTPNL_A_MAX = (__SCTPNL_A_MAX - 1)
};

/**
 * enum sctpnl_addr_attrs - an address, optionally with a port
 * @SCTPNL_ADDR_A_FAMILY: u16, AF_INET or AF_INET6 (required).
 * @SCTPNL_ADDR_A_IN4: binary, 4 bytes, network byte order.
 * @SCTPNL_ADDR_A_IN6: binary, 16 bytes.
 * @SCTPNL_ADDR_A_PORT: u16, host byte order.
 * @SCTPNL_ADDR_A_SCOPE_ID: u32, IPv6 scope (interface index).
 */
enum sctpnl_addr_attrs {
	SCTPNL_ADDR_A_UNSPEC,
	SCTPNL_ADDR_A_FAMILY,
	SCTPNL_ADDR_A_IN4,
	SCTPNL_ADDR_A_IN6,
	SCTPNL_ADDR_A_PORT,
	SCTPNL_ADDR_A_SCOPE_ID,

	__SCTPNL_ADDR_A_MAX,
	SCTPNL_ADDR_A_MAX = (__SCTPNL_ADDR_A_MAX - 1)
};

/**
 * enum sctpnl_filter_attrs - dump filter; every attribute present must match
 *   (an absent one matches everything)
 * @SCTPNL_FILTER_A_PAD: padding for 64-bit attributes.
 * @SCTPNL_FILTER_A_LOCAL_PORT: u16.
 * @SCTPNL_FILTER_A_PEER_PORT: u16.
 * @SCTPNL_FILTER_A_LOCAL_ADDR: nest (enum sctpnl_addr_attrs), port ignored:
 *   one of the association's local addresses.
 * @SCTPNL_FILTER_A_PEER_ADDR: nest (enum sctpnl_addr_attrs), likewise one of
 *   its peer addresses.
 * @SCTPNL_FILTER_A_STATE: u32, bit mask of (1 << sockets-API state).
 * @SCTPNL_FILTER_A_UID: u32, socket owner.
 * @SCTPNL_FILTER_A_INODE: u64, socket inode.
 * @SCTPNL_FILTER_A_ASSOC_ID: u32.
 */
enum sctpnl_filter_attrs {
	SCTPNL_FILTER_A_UNSPEC,
	SCTPNL_FILTER_A_PAD,
	SCTPNL_FILTER_A_LOCAL_PORT,
	SCTPNL_FILTER_A_PEER_PORT,
	SCTPNL_FILTER_A_LOCAL_ADDR,
	SCTPNL_FILTER_A_PEER_ADDR,
	SCTPNL_FILTER_A_STATE,
	SCTPNL_FILTER_A_UID,
	SCTPNL_FILTER_A_INODE,
	SCTPNL_FILTER_A_ASSOC_ID,

	__SCTPNL_FILTER_A_MAX,
	SCTPNL_FILTER_A_MAX = (__SCTPNL_FILTER_A_MAX - 1)
};

/**
 * enum sctpnl_status_attrs - #sctp_status{} (SCTP_STATUS); the primary path's
 *   #sctp_paddrinfo{} is the SCTPNL_A_PADDRS entry flagged
 *   SCTPNL_PADDR_A_PRIMARY.
 * @SCTPNL_STATUS_A_STATE: u8, sockets-API association state.
 * @SCTPNL_STATUS_A_RWND: u32, the peer's receive window.
 * @SCTPNL_STATUS_A_UNACKDATA: u32, DATA chunks sent and not acknowledged.
 * @SCTPNL_STATUS_A_PENDDATA: u32, DATA chunks pending receipt.
 * @SCTPNL_STATUS_A_INSTRMS: u16.
 * @SCTPNL_STATUS_A_OUTSTRMS: u16.
 * @SCTPNL_STATUS_A_FRAGMENTATION_POINT: u32, bytes.
 */
enum sctpnl_status_attrs {
	SCTPNL_STATUS_A_UNSPEC,
	SCTPNL_STATUS_A_STATE,
	SCTPNL_STATUS_A_RWND,
	SCTPNL_STATUS_A_UNACKDATA,
	SCTPNL_STATUS_A_PENDDATA,
	SCTPNL_STATUS_A_INSTRMS,
	SCTPNL_STATUS_A_OUTSTRMS,
	SCTPNL_STATUS_A_FRAGMENTATION_POINT,

	__SCTPNL_STATUS_A_MAX,
	SCTPNL_STATUS_A_MAX = (__SCTPNL_STATUS_A_MAX - 1)
};

/**
 * enum sctpnl_paddr_attrs - one peer path: #sctp_paddrinfo{} and
 *   #sctp_paddrparams{} plus congestion state
 * @SCTPNL_PADDR_A_ADDR: nest (enum sctpnl_addr_attrs), address and port.
 * @SCTPNL_PADDR_A_STATE: u8, enum sctp_spinfo_state (SCTP_PF included;
 *   SCTP_UNKNOWN is reported as SCTP_ACTIVE, as getsockopt does).
 * @SCTPNL_PADDR_A_CWND: u32, bytes.
 * @SCTPNL_PADDR_A_SRTT: u32, smoothed RTT, ms.
 * @SCTPNL_PADDR_A_RTO: u32, ms.
 * @SCTPNL_PADDR_A_MTU: u32, path MTU, bytes.
 * @SCTPNL_PADDR_A_HBINTERVAL: u32, ms.
 * @SCTPNL_PADDR_A_PATHMAXRXT: u16.
 * @SCTPNL_PADDR_A_SACKDELAY: u32, ms.
 * @SCTPNL_PADDR_A_FLAGS: u32, SPP_* flags of <linux/sctp.h> (SPP_HB_ENABLE,
 *   SPP_HB_DISABLE, SPP_HB_DEMAND, SPP_PMTUD_ENABLE, ...).
 * @SCTPNL_PADDR_A_SSTHRESH: u32, bytes.
 * @SCTPNL_PADDR_A_FLIGHT_SIZE: u32, bytes in flight.
 * @SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED: u32.
 * @SCTPNL_PADDR_A_ERROR_COUNT: u32, consecutive retransmission timeouts.
 * @SCTPNL_PADDR_A_PF_RETRANS: u16, potentially-failed threshold.
 * @SCTPNL_PADDR_A_PRIMARY: u8, the association's primary path.
 * @SCTPNL_PADDR_A_RTTVAR: u32, ms.
 * @SCTPNL_PADDR_A_SRTT_SOCKOPT: u32, srtt exactly as SCTP_STATUS and
 *   SCTP_GET_PEER_ADDR_INFO report it (jiffies on 6.1): kept so that
 *   sockets-API records can be reproduced faithfully.
 * @SCTPNL_PADDR_A_LAST_HEARD: u32, ms since the last chunk from this path.
 * @SCTPNL_PADDR_A_HB_ACTIVE: u8, 1 while the path's heartbeat timer is pending
 *   (from the handshake's end to the shutdown's start, whether or not
 *   heartbeats are enabled), 0 otherwise: /proc/net/sctp/remaddr's HB_ACT.
 */
enum sctpnl_paddr_attrs {
	SCTPNL_PADDR_A_UNSPEC,
	SCTPNL_PADDR_A_ADDR,
	SCTPNL_PADDR_A_STATE,
	SCTPNL_PADDR_A_CWND,
	SCTPNL_PADDR_A_SRTT,
	SCTPNL_PADDR_A_RTO,
	SCTPNL_PADDR_A_MTU,
	SCTPNL_PADDR_A_HBINTERVAL,
	SCTPNL_PADDR_A_PATHMAXRXT,
	SCTPNL_PADDR_A_SACKDELAY,
	SCTPNL_PADDR_A_FLAGS,
	SCTPNL_PADDR_A_SSTHRESH,
	SCTPNL_PADDR_A_FLIGHT_SIZE,
	SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED,
	SCTPNL_PADDR_A_ERROR_COUNT,
	SCTPNL_PADDR_A_PF_RETRANS,
	SCTPNL_PADDR_A_PRIMARY,
	SCTPNL_PADDR_A_RTTVAR,
	SCTPNL_PADDR_A_SRTT_SOCKOPT,
	SCTPNL_PADDR_A_LAST_HEARD,
	SCTPNL_PADDR_A_HB_ACTIVE,

	__SCTPNL_PADDR_A_MAX,
	SCTPNL_PADDR_A_MAX = (__SCTPNL_PADDR_A_MAX - 1)
};

/**
 * enum sctpnl_rtoinfo_attrs - #sctp_rtoinfo{} (SCTP_RTOINFO), ms
 * @SCTPNL_RTOINFO_A_RTO_INITIAL: u32 (#sctp_rtoinfo.initial).
 * @SCTPNL_RTOINFO_A_RTO_MAX: u32 (#sctp_rtoinfo.max).
 * @SCTPNL_RTOINFO_A_RTO_MIN: u32 (#sctp_rtoinfo.min).
 */
enum sctpnl_rtoinfo_attrs {
	SCTPNL_RTOINFO_A_UNSPEC,
	SCTPNL_RTOINFO_A_RTO_INITIAL,
	SCTPNL_RTOINFO_A_RTO_MAX,
	SCTPNL_RTOINFO_A_RTO_MIN,

	__SCTPNL_RTOINFO_A_MAX,
	SCTPNL_RTOINFO_A_MAX = (__SCTPNL_RTOINFO_A_MAX - 1)
};

/**
 * enum sctpnl_assocparams_attrs - #sctp_assocparams{} (SCTP_ASSOCINFO)
 * @SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT: u16.
 * @SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS: u16 (read only).
 * @SCTPNL_ASSOCPARAMS_A_PEER_RWND: u32 (read only).
 * @SCTPNL_ASSOCPARAMS_A_LOCAL_RWND: u32 (read only).
 * @SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE: u32, ms.
 */
enum sctpnl_assocparams_attrs {
	SCTPNL_ASSOCPARAMS_A_UNSPEC,
	SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT,
	SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS,
	SCTPNL_ASSOCPARAMS_A_PEER_RWND,
	SCTPNL_ASSOCPARAMS_A_LOCAL_RWND,
	SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE,

	__SCTPNL_ASSOCPARAMS_A_MAX,
	SCTPNL_ASSOCPARAMS_A_MAX = (__SCTPNL_ASSOCPARAMS_A_MAX - 1)
};

/**
 * enum sctpnl_initmsg_attrs - #sctp_initmsg{} (SCTP_INITMSG)
 * @SCTPNL_INITMSG_A_NUM_OSTREAMS: u16.
 * @SCTPNL_INITMSG_A_MAX_INSTREAMS: u16.
 * @SCTPNL_INITMSG_A_MAX_ATTEMPTS: u16.
 * @SCTPNL_INITMSG_A_MAX_INIT_TIMEO: u16, ms.
 */
enum sctpnl_initmsg_attrs {
	SCTPNL_INITMSG_A_UNSPEC,
	SCTPNL_INITMSG_A_NUM_OSTREAMS,
	SCTPNL_INITMSG_A_MAX_INSTREAMS,
	SCTPNL_INITMSG_A_MAX_ATTEMPTS,
	SCTPNL_INITMSG_A_MAX_INIT_TIMEO,

	__SCTPNL_INITMSG_A_MAX,
	SCTPNL_INITMSG_A_MAX = (__SCTPNL_INITMSG_A_MAX - 1)
};

/**
 * enum sctpnl_sack_attrs - delayed SACK (SCTP_DELAYED_SACK); with delayed SACK
 *   disabled the delay reads 0 and the frequency 1, as getsockopt
 * @SCTPNL_SACK_A_DELAY: u32, ms (#sctp_assoc_value.assoc_value of
 *   sctp_delayed_ack_time).
 * @SCTPNL_SACK_A_FREQ: u32, packets.
 */
enum sctpnl_sack_attrs {
	SCTPNL_SACK_A_UNSPEC,
	SCTPNL_SACK_A_DELAY,
	SCTPNL_SACK_A_FREQ,

	__SCTPNL_SACK_A_MAX,
	SCTPNL_SACK_A_MAX = (__SCTPNL_SACK_A_MAX - 1)
};

/**
 * enum sctpnl_sndrcv_attrs - #sctp_sndrcvinfo{}
 * @SCTPNL_SNDRCV_A_STREAM: u16.
 * @SCTPNL_SNDRCV_A_SSN: u16.
 * @SCTPNL_SNDRCV_A_FLAGS: u16, SCTP_UNORDERED, SCTP_ADDR_OVER, SCTP_ABORT,
 *   SCTP_EOF of <linux/sctp.h>.
 * @SCTPNL_SNDRCV_A_PPID: u32, network byte order as on the wire.
 * @SCTPNL_SNDRCV_A_CONTEXT: u32.
 * @SCTPNL_SNDRCV_A_TIMETOLIVE: u32, ms.
 * @SCTPNL_SNDRCV_A_TSN: u32.
 * @SCTPNL_SNDRCV_A_CUMTSN: u32.
 */
enum sctpnl_sndrcv_attrs {
	SCTPNL_SNDRCV_A_UNSPEC,
	SCTPNL_SNDRCV_A_STREAM,
	SCTPNL_SNDRCV_A_SSN,
	SCTPNL_SNDRCV_A_FLAGS,
	SCTPNL_SNDRCV_A_PPID,
	SCTPNL_SNDRCV_A_CONTEXT,
	SCTPNL_SNDRCV_A_TIMETOLIVE,
	SCTPNL_SNDRCV_A_TSN,
	SCTPNL_SNDRCV_A_CUMTSN,

	__SCTPNL_SNDRCV_A_MAX,
	SCTPNL_SNDRCV_A_MAX = (__SCTPNL_SNDRCV_A_MAX - 1)
};

/**
 * enum sctpnl_events_attrs - #sctp_event_subscribe{}, each a u8 boolean
 * @SCTPNL_EVENTS_A_DATA_IO: u8.
 * @SCTPNL_EVENTS_A_ASSOCIATION: u8.
 * @SCTPNL_EVENTS_A_ADDRESS: u8.
 * @SCTPNL_EVENTS_A_SEND_FAILURE: u8.
 * @SCTPNL_EVENTS_A_PEER_ERROR: u8.
 * @SCTPNL_EVENTS_A_SHUTDOWN: u8.
 * @SCTPNL_EVENTS_A_PARTIAL_DELIVERY: u8.
 * @SCTPNL_EVENTS_A_ADAPTATION_LAYER: u8.
 * @SCTPNL_EVENTS_A_AUTHENTICATION: u8.
 * @SCTPNL_EVENTS_A_SENDER_DRY: u8.
 */
enum sctpnl_events_attrs {
	SCTPNL_EVENTS_A_UNSPEC,
	SCTPNL_EVENTS_A_DATA_IO,
	SCTPNL_EVENTS_A_ASSOCIATION,
	SCTPNL_EVENTS_A_ADDRESS,
	SCTPNL_EVENTS_A_SEND_FAILURE,
	SCTPNL_EVENTS_A_PEER_ERROR,
	SCTPNL_EVENTS_A_SHUTDOWN,
	SCTPNL_EVENTS_A_PARTIAL_DELIVERY,
	SCTPNL_EVENTS_A_ADAPTATION_LAYER,
	SCTPNL_EVENTS_A_AUTHENTICATION,
	SCTPNL_EVENTS_A_SENDER_DRY,

	__SCTPNL_EVENTS_A_MAX,
	SCTPNL_EVENTS_A_MAX = (__SCTPNL_EVENTS_A_MAX - 1)
};

/**
 * enum sctpnl_stats_attrs - SCTP_GET_ASSOC_STATS, u64 counters
 * @SCTPNL_STATS_A_PAD: padding for 64-bit attributes.
 * @SCTPNL_STATS_A_RTXCHUNKS: u64.
 * @SCTPNL_STATS_A_GAPCNT: u64.
 * @SCTPNL_STATS_A_OUTOFSEQTSNS: u64.
 * @SCTPNL_STATS_A_OSACKS: u64.
 * @SCTPNL_STATS_A_ISACKS: u64.
 * @SCTPNL_STATS_A_OCTRLCHUNKS: u64.
 * @SCTPNL_STATS_A_ICTRLCHUNKS: u64.
 * @SCTPNL_STATS_A_OODCHUNKS: u64.
 * @SCTPNL_STATS_A_IODCHUNKS: u64.
 * @SCTPNL_STATS_A_OUODCHUNKS: u64.
 * @SCTPNL_STATS_A_IUODCHUNKS: u64.
 * @SCTPNL_STATS_A_IDUPCHUNKS: u64.
 * @SCTPNL_STATS_A_OPACKETS: u64.
 * @SCTPNL_STATS_A_IPACKETS: u64.
 * @SCTPNL_STATS_A_MAX_OBS_RTO: u64, ms, highest RTO observed in the current
 *   observation period (the owner's getsockopt starts a new one).
 * @SCTPNL_STATS_A_MAX_OBS_RTO_ADDR: nest (enum sctpnl_addr_attrs), its path.
 */
enum sctpnl_stats_attrs {
	SCTPNL_STATS_A_UNSPEC,
	SCTPNL_STATS_A_PAD,
	SCTPNL_STATS_A_RTXCHUNKS,
	SCTPNL_STATS_A_GAPCNT,
	SCTPNL_STATS_A_OUTOFSEQTSNS,
	SCTPNL_STATS_A_OSACKS,
	SCTPNL_STATS_A_ISACKS,
	SCTPNL_STATS_A_OCTRLCHUNKS,
	SCTPNL_STATS_A_ICTRLCHUNKS,
	SCTPNL_STATS_A_OODCHUNKS,
	SCTPNL_STATS_A_IODCHUNKS,
	SCTPNL_STATS_A_OUODCHUNKS,
	SCTPNL_STATS_A_IUODCHUNKS,
	SCTPNL_STATS_A_IDUPCHUNKS,
	SCTPNL_STATS_A_OPACKETS,
	SCTPNL_STATS_A_IPACKETS,
	SCTPNL_STATS_A_MAX_OBS_RTO,
	SCTPNL_STATS_A_MAX_OBS_RTO_ADDR,

	__SCTPNL_STATS_A_MAX,
	SCTPNL_STATS_A_MAX = (__SCTPNL_STATS_A_MAX - 1)
};

/**
 * enum sctpnl_snmp_attrs - the namespace's SCTP MIB, u64 each, named as in
 *   /proc/net/sctp/snmp
 * @SCTPNL_SNMP_A_PAD: padding for 64-bit attributes.
 * @SCTPNL_SNMP_A_CURR_ESTAB: u64.
 * @SCTPNL_SNMP_A_ACTIVE_ESTABS: u64.
 * @SCTPNL_SNMP_A_PASSIVE_ESTABS: u64.
 * @SCTPNL_SNMP_A_ABORTEDS: u64.
 * @SCTPNL_SNMP_A_SHUTDOWNS: u64.
 * @SCTPNL_SNMP_A_OUT_OF_BLUES: u64.
 * @SCTPNL_SNMP_A_CHECKSUM_ERRORS: u64.
 * @SCTPNL_SNMP_A_OUT_CTRL_CHUNKS: u64.
 * @SCTPNL_SNMP_A_OUT_ORDER_CHUNKS: u64.
 * @SCTPNL_SNMP_A_OUT_UNORDER_CHUNKS: u64.
 * @SCTPNL_SNMP_A_IN_CTRL_CHUNKS: u64.
 * @SCTPNL_SNMP_A_IN_ORDER_CHUNKS: u64.
 * @SCTPNL_SNMP_A_IN_UNORDER_CHUNKS: u64.
 * @SCTPNL_SNMP_A_FRAG_USR_MSGS: u64.
 * @SCTPNL_SNMP_A_REASM_USR_MSGS: u64.
 * @SCTPNL_SNMP_A_OUT_SCTP_PACKS: u64.
 * @SCTPNL_SNMP_A_IN_SCTP_PACKS: u64.
 * @SCTPNL_SNMP_A_T1_INIT_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T1_COOKIE_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T2_SHUTDOWN_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T3_RTX_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T4_RTO_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T5_SHUTDOWN_GUARD_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_DELAY_SACK_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_AUTOCLOSE_EXPIREDS: u64.
 * @SCTPNL_SNMP_A_T1_RETRANSMITS: u64.
 * @SCTPNL_SNMP_A_T3_RETRANSMITS: u64.
 * @SCTPNL_SNMP_A_PMTUD_RETRANSMITS: u64.
 * @SCTPNL_SNMP_A_FAST_RETRANSMITS: u64.
 * @SCTPNL_SNMP_A_IN_PKT_SOFTIRQ: u64.
 * @SCTPNL_SNMP_A_IN_PKT_BACKLOG: u64.
 * @SCTPNL_SNMP_A_IN_PKT_DISCARDS: u64.
 * @SCTPNL_SNMP_A_IN_DATA_CHUNK_DISCARDS: u64.
 */
enum sctpnl_snmp_attrs {
	SCTPNL_SNMP_A_UNSPEC,
	SCTPNL_SNMP_A_PAD,
	SCTPNL_SNMP_A_CURR_ESTAB,
	SCTPNL_SNMP_A_ACTIVE_ESTABS,
	SCTPNL_SNMP_A_PASSIVE_ESTABS,
	SCTPNL_SNMP_A_ABORTEDS,
	SCTPNL_SNMP_A_SHUTDOWNS,
	SCTPNL_SNMP_A_OUT_OF_BLUES,
	SCTPNL_SNMP_A_CHECKSUM_ERRORS,
	SCTPNL_SNMP_A_OUT_CTRL_CHUNKS,
	SCTPNL_SNMP_A_OUT_ORDER_CHUNKS,
	SCTPNL_SNMP_A_OUT_UNORDER_CHUNKS,
	SCTPNL_SNMP_A_IN_CTRL_CHUNKS,
	SCTPNL_SNMP_A_IN_ORDER_CHUNKS,
	SCTPNL_SNMP_A_IN_UNORDER_CHUNKS,
	SCTPNL_SNMP_A_FRAG_USR_MSGS,
	SCTPNL_SNMP_A_REASM_USR_MSGS,
	SCTPNL_SNMP_A_OUT_SCTP_PACKS,
	SCTPNL_SNMP_A_IN_SCTP_PACKS,
	SCTPNL_SNMP_A_T1_INIT_EXPIREDS,
	SCTPNL_SNMP_A_T1_COOKIE_EXPIREDS,
	SCTPNL_SNMP_A_T2_SHUTDOWN_EXPIREDS,
	SCTPNL_SNMP_A_T3_RTX_EXPIREDS,
	SCTPNL_SNMP_A_T4_RTO_EXPIREDS,
	SCTPNL_SNMP_A_T5_SHUTDOWN_GUARD_EXPIREDS,
	SCTPNL_SNMP_A_DELAY_SACK_EXPIREDS,
	SCTPNL_SNMP_A_AUTOCLOSE_EXPIREDS,
	SCTPNL_SNMP_A_T1_RETRANSMITS,
	SCTPNL_SNMP_A_T3_RETRANSMITS,
	SCTPNL_SNMP_A_PMTUD_RETRANSMITS,
	SCTPNL_SNMP_A_FAST_RETRANSMITS,
	SCTPNL_SNMP_A_IN_PKT_SOFTIRQ,
	SCTPNL_SNMP_A_IN_PKT_BACKLOG,
	SCTPNL_SNMP_A_IN_PKT_DISCARDS,
	SCTPNL_SNMP_A_IN_DATA_CHUNK_DISCARDS,

	__SCTPNL_SNMP_A_MAX,
	SCTPNL_SNMP_A_MAX = (__SCTPNL_SNMP_A_MAX - 1)
};

/**
 * enum sctpnl_event_attrs - payload of the SCTPNL_CMD_EVENT_* messages;
 *   identity (ASSOC_ID, SK_INODE, LOCAL, PEER, TIMESTAMP) is top level
 * @SCTPNL_EVENT_A_STATE: u16, the sac_state / spc_state of <linux/sctp.h>
 *   (enum sctp_sac_state, enum sctp_spc_state).
 * @SCTPNL_EVENT_A_ERROR: u32.
 * @SCTPNL_EVENT_A_OUTBOUND_STREAMS: u16.
 * @SCTPNL_EVENT_A_INBOUND_STREAMS: u16.
 * @SCTPNL_EVENT_A_ADDR: nest (enum sctpnl_addr_attrs).
 * @SCTPNL_EVENT_A_DATA: binary, error cause or undelivered data (truncated).
 * @SCTPNL_EVENT_A_FLAGS: u32.
 * @SCTPNL_EVENT_A_SNDRCVINFO: nest (enum sctpnl_sndrcv_attrs).
 * @SCTPNL_EVENT_A_ADAPTATION_IND: u32.
 * @SCTPNL_EVENT_A_INDICATION: u32, SCTP_PARTIAL_DELIVERY_ABORTED.
 */
enum sctpnl_event_attrs {
	SCTPNL_EVENT_A_UNSPEC,
	SCTPNL_EVENT_A_STATE,
	SCTPNL_EVENT_A_ERROR,
	SCTPNL_EVENT_A_OUTBOUND_STREAMS,
	SCTPNL_EVENT_A_INBOUND_STREAMS,
	SCTPNL_EVENT_A_ADDR,
	SCTPNL_EVENT_A_DATA,
	SCTPNL_EVENT_A_FLAGS,
	SCTPNL_EVENT_A_SNDRCVINFO,
	SCTPNL_EVENT_A_ADAPTATION_IND,
	SCTPNL_EVENT_A_INDICATION,

	__SCTPNL_EVENT_A_MAX,
	SCTPNL_EVENT_A_MAX = (__SCTPNL_EVENT_A_MAX - 1)
};

/*
 * Entries of the local-addrs list (SCTPNL_A_LOCAL_ADDRS_ENTRY).
 */
enum {
	SCTPNL_A_LOCAL_ADDRS_ENTRY = 1,

	__SCTPNL_A_LOCAL_ADDRS_MAX,
	SCTPNL_A_LOCAL_ADDRS_MAX = (__SCTPNL_A_LOCAL_ADDRS_MAX - 1)
};

/*
 * Entries of the paddrs list (SCTPNL_A_PADDRS_ENTRY).
 */
enum {
	SCTPNL_A_PADDRS_ENTRY = 1,

	__SCTPNL_A_PADDRS_MAX,
	SCTPNL_A_PADDRS_MAX = (__SCTPNL_A_PADDRS_MAX - 1)
};

/*
 * Entries of the probe-filter list (SCTPNL_A_PROBE_FILTER_ENTRY), at most
 * SCTPNL_PROBE_FILTER_MAX.
 */
enum {
	SCTPNL_A_PROBE_FILTER_ENTRY = 1,

	__SCTPNL_A_PROBE_FILTER_MAX,
	SCTPNL_A_PROBE_FILTER_MAX = (__SCTPNL_A_PROBE_FILTER_MAX - 1)
};

/**
 * enum sctpnl_cmd - commands of the sctpnl family
 * @SCTPNL_CMD_ASSOC_GET: do, dump: One association (do), keyed by assoc-id or
 *   by local and peer (one address of each side, with ports: a hash lookup);
 *   or every association of the namespace (dump), narrowed by filter.
 * @SCTPNL_CMD_EP_GET: dump: Every SCTP socket of the namespace, listening or
 *   owning associations, narrowed by filter (ports, local address, uid,
 *   inode).
 * @SCTPNL_CMD_SNMP_GET: do: The namespace's SCTP MIB, the counters of
 *   /proc/net/sctp/snmp.
 * @SCTPNL_CMD_ASSOC_SET: do, admin: Apply one option to one association
 *   through the SCTP stack's own setsockopt, as its owner would: exactly one
 *   option nest or value per request (rtoinfo, associnfo, ...); more is
 *   refused.
 * @SCTPNL_CMD_ASSOC_ABORT: do, admin: Send ABORT, with reason as the
 *   user-initiated abort cause. One-to-many and peeled-off sockets; refused
 *   (EOPNOTSUPP) for one-to-one sockets on Linux 6.1.
 * @SCTPNL_CMD_ASSOC_EOF: do, admin: Start a graceful SHUTDOWN.
 * @SCTPNL_CMD_EVENT_ASSOC_CHANGE: event (events group): SCTP_ASSOC_CHANGE of
 *   any association: event nest with state, error, outbound-streams,
 *   inbound-streams, and data (the causes of the peer's ABORT) when an ABORT
 *   ended the association.
 * @SCTPNL_CMD_EVENT_PADDR_CHANGE: event (events group): SCTP_PEER_ADDR_CHANGE:
 *   event nest with addr, state, error.
 * @SCTPNL_CMD_EVENT_REMOTE_ERROR: event (events group): SCTP_REMOTE_ERROR:
 *   event nest with error and data.
 * @SCTPNL_CMD_EVENT_SEND_FAILED: event (events group): SCTP_SEND_FAILED, one
 *   per chunk of the failed message: event nest with flags, error, sndrcvinfo
 *   and data.
 * @SCTPNL_CMD_EVENT_SHUTDOWN: event (events group): SCTP_SHUTDOWN_EVENT; no
 *   payload beyond the identity.
 * @SCTPNL_CMD_EVENT_ADAPTATION: event (events group):
 *   SCTP_ADAPTATION_INDICATION: event nest with adaptation-ind.
 * @SCTPNL_CMD_EVENT_PDAPI: event (events group): SCTP_PARTIAL_DELIVERY_EVENT:
 *   event nest with indication. Reported for every association using DATA
 *   chunks; with I-DATA (interleaving) only when the owner subscribed to
 *   partial delivery events.
 * @SCTPNL_CMD_PROBE: event (probe group): A batch of path samples: one lost,
 *   then one probe-sample (a struct sctpnl_path_sample, identity included) per
 *   peer path per SACK received, as many as fit in a page, in the order they
 *   were taken; sampled before the SACK is processed (the stack's sctp_probe
 *   tracepoint). Delivered up to 50 ms after the oldest sample, several
 *   messages per datagram; an association's samples stay in order, within a
 *   message and across messages.
 * @SCTPNL_CMD_PROBE_SET: do, admin: Replace the namespace's probe filter with
 *   the assoc ids of probe-filter; absent or empty samples every association.
 *   Shared by every listener of the namespace.
 */
enum sctpnl_cmd {
	SCTPNL_CMD_UNSPEC,
	SCTPNL_CMD_ASSOC_GET,
	SCTPNL_CMD_EP_GET,
	SCTPNL_CMD_SNMP_GET,
	SCTPNL_CMD_ASSOC_SET,
	SCTPNL_CMD_ASSOC_ABORT,
	SCTPNL_CMD_ASSOC_EOF,
	SCTPNL_CMD_EVENT_ASSOC_CHANGE,
	SCTPNL_CMD_EVENT_PADDR_CHANGE,
	SCTPNL_CMD_EVENT_REMOTE_ERROR,
	SCTPNL_CMD_EVENT_SEND_FAILED,
	SCTPNL_CMD_EVENT_SHUTDOWN,
	SCTPNL_CMD_EVENT_ADAPTATION,
	SCTPNL_CMD_EVENT_PDAPI,
	SCTPNL_CMD_PROBE,
	SCTPNL_CMD_PROBE_SET,

	__SCTPNL_CMD_MAX,
	SCTPNL_CMD_MAX = (__SCTPNL_CMD_MAX - 1)
};

#define SCTPNL_MCGRP_EVENTS	"events"
#define SCTPNL_MCGRP_PROBE	"probe"

#endif /* _UAPI_LINUX_SCTPNL_H */
