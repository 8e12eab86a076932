/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the selftests: SCTP association set-up and what sctpnl says
 * about one association, decoded from the raw netlink reply.
 */
#ifndef SCTPNL_SELFTEST_SK_H
#define SCTPNL_SELFTEST_SK_H

#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdbool.h>
#include <stdint.h>
#include "nl.h"

#define SNL_MAX_PATHS	8
#define SNL_MAX_LADDRS	8

struct snl_path {
	struct sockaddr_storage addr;
	uint32_t state, cwnd, srtt, rto, mtu, hbinterval, pathmaxrxt;
	uint32_t sackdelay, flags, ssthresh, flight_size, error_count;
	uint32_t primary, srtt_sockopt;
};

/* Everything the selftests compare, as sctpnl reported it. */
struct snl_assoc {
	uint32_t assoc_id, uid, style, sk_family, v4mapped;
	uint64_t inode;
	uint32_t lport, pport;
	int nladdrs, npaths;
	struct sockaddr_storage laddrs[SNL_MAX_LADDRS];
	struct snl_path paths[SNL_MAX_PATHS];
	uint32_t state, rwnd, unackdata, penddata, instrms, outstrms, fragpoint;
	uint32_t rto_initial, rto_max, rto_min;
	uint32_t asocmaxrxt, npeerdest, peer_rwnd, local_rwnd, cookie_life;
	uint32_t sack_delay, sack_freq;
	uint32_t ds_stream, ds_flags, ds_ppid, ds_context, ds_ttl;
	uint8_t events[16];
	uint32_t init_ostreams, init_instreams, init_attempts, init_timeo;
	uint32_t maxseg, nodelay, autoclose, disable_frag, adaptation;
	uint32_t peer_adaptation, local_vtag, peer_vtag, local_rwnd_now;
	uint64_t stats[32];	/* indexed by SCTPNL_STATS_A_* */
};

/* Decode one SCTPNL_CMD_ASSOC_GET message. */
void snl_decode_assoc(const struct nlmsghdr *nlh, struct snl_assoc *a);
/* ASSOC_GET by id; 0 or -errno (n->extack set). */
int snl_get_by_id(struct nlt *n, uint32_t id, struct snl_assoc *a);
/* ASSOC_GET by 4-tuple given as strings. */
int snl_get_by_addrs(struct nlt *n, const char *lip, int lport,
		     const char *pip, int pport, struct snl_assoc *a);

/* Dump, calling @cb per association; the filter is built by @filter. */
typedef int (*snl_assoc_cb)(const struct snl_assoc *a, void *arg);
int snl_dump(struct nlt *n, void (*filter)(struct nlt *n, void *arg),
	     void *farg, snl_assoc_cb cb, void *arg);

/* Address helpers. */
int snl_sockaddr(const char *ip, int port, struct sockaddr_storage *ss);
bool snl_addr_eq(const struct sockaddr_storage *a,
		 const struct sockaddr_storage *b, bool ports);
const char *snl_ntop(const struct sockaddr_storage *ss, char *buf, size_t n);
/* Normalise a v4-mapped IPv6 address to IPv4, in place. */
void snl_unmap(struct sockaddr_storage *ss);

/* Turn every SCTP notification off on @fd; 0 or -1 (errno). */
int sk_events_off(int fd);
/* A one-to-one IPv4 socket with notifications off, or -1. */
int sk_quiet_socket(void);
/* connect() @fd to 127.0.0.1:@port. */
int sk_connect_lo(int fd, int port);
/*
 * A quiet client connected to 127.0.0.1:@port and the server end that
 * @lsn accepted for it (in *@srv): the client, or -1 with errno set and
 * nothing left open.
 */
int sk_pair_lo(int lsn, int port, int *srv);
/* The local port @fd is bound to, or -1. */
int sk_local_port(int fd);

/* Wait until the owner sees no outstanding or pending data. */
int sk_quiesce(int fd, sctp_assoc_t id);
/* The association id an owner's socket has (one-to-one: the only one). */
sctp_assoc_t sk_assoc_id(int fd);
/*
 * The first of the association ids SCTP_GET_ASSOC_ID_LIST gives on @fd,
 * or 0 if none; *@n (if not NULL) is how many it has (at most 16 seen).
 */
sctp_assoc_t sk_first_assoc(int fd, unsigned int *n);

/* Association ids a dump reported, for snl_dump(..., snl_collect, &seen). */
struct snl_seen {
	uint32_t ids[64];
	int n;
};

int snl_collect(const struct snl_assoc *a, void *arg);
/* How many times @id was reported. */
int snl_seen_count(const struct snl_seen *s, uint32_t id);
/* Dump filters (the filter callbacks of snl_dump()): *(int *)arg port. */
void snl_filter_lport(struct nlt *n, void *arg);
void snl_filter_pport(struct nlt *n, void *arg);

/*
 * Generic netlink sockets of this namespace that joined a multicast group
 * (/proc/net/netlink), or -1: wait for it to grow after starting a
 * listener, so that nothing it should see is sent before it listens.
 */
int genl_subscribers(void);
/* Wait up to @ms for more than @before of them; 0 or -1. */
int genl_wait_subscriber(int before, int ms);

/* Run a shell command, return its exit status. */
int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* @rel relative to the test program's directory (a static buffer). */
const char *selftest_path(const char *rel);
/* Enter a named network namespace (/var/run/netns/NAME). */
int enter_netns(const char *name);

#endif
