/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sctpnl internals shared by the files of the module.
 */
#ifndef _SCTPNL_H
#define _SCTPNL_H

#include <net/genetlink.h>
#include <net/sctp/sctp.h>
#include <linux/sctpnl.h>

extern struct genl_family sctpnl_family;

/* Multicast group indexes, in the order of sctpnl_mcgrps[]. */
enum sctpnl_mcgrp_idx {
	SCTPNL_MCGRP_EVENTS_IDX,
	SCTPNL_MCGRP_PROBE_IDX,
};

/*
 * How a request names one association: by id, or by one local and one
 * peer transport address (the O(1) path through the transport hash).
 * The hash lookup also matches the owner's bound device (SO_BINDTODEVICE)
 * on kernels that know it: a snapshot records it (@dif_known); a request
 * cannot know it, and falls back to a walk for a device-bound owner.
 */
struct sctpnl_asoc_key {
	sctp_assoc_t assoc_id;
	bool has_addrs;
	bool dif_known;
	int dif;
	union sctp_addr laddr;
	union sctp_addr paddr;
};

/*
 * A compact, self-contained way back to one association (52 bytes): its
 * id, one local and one peer transport address, and the owner's bound
 * device, as the transport lookup wants them.
 */
struct sctpnl_tuple {
	struct in6_addr laddr;
	struct in6_addr paddr;
	sctp_assoc_t id;
	u32 scope_id;
	int dif;		/* the owner's SO_BINDTODEVICE, or 0 */
	__be16 lport;
	__be16 pport;
	u8 lfamily;
	u8 pfamily;
};

/* Dump filter, parsed from SCTPNL_A_FILTER. */
struct sctpnl_dump_filter {
	u32 present;		/* BIT(SCTPNL_FILTER_A_*) */
	u16 lport;
	u16 pport;
	u32 state_mask;
	kuid_t uid;
	u64 inode;
	sctp_assoc_t assoc_id;
	union sctp_addr laddr;
	union sctp_addr paddr;
};

/* family.c: the policies, beside the ops; these are parsed again */
extern const struct nla_policy sctpnl_addr_policy[SCTPNL_ADDR_A_MAX + 1];
extern const struct nla_policy sctpnl_filter_policy[SCTPNL_FILTER_A_MAX + 1];
extern const struct nla_policy
	sctpnl_ep_filter_policy[SCTPNL_FILTER_A_MAX + 1];
extern const struct nla_policy sctpnl_set_policy[SCTPNL_A_MAX + 1];

/* addr.c */
int sctpnl_put_addr(struct sk_buff *skb, int attrtype,
		    const union sctp_addr *addr, bool with_port);
int sctpnl_parse_addr(const struct nlattr *nla, union sctp_addr *addr,
		      bool need_port, struct netlink_ext_ack *extack);
bool sctpnl_addr_equal(const union sctp_addr *a, const union sctp_addr *b);

/*
 * fill.c: every record put into a message.  Replies are filled with the
 * socket locked; events and samples from the hooks, which hold it.
 */
int sctpnl_fill_ident(struct sk_buff *skb,
		      const struct sctp_association *asoc, u64 ino);
int sctpnl_fill_sndrcv(struct sk_buff *skb, int attrtype,
		       const struct sctp_sndrcvinfo *si, bool sent);
int sctpnl_fill_path_sample(struct sk_buff *skb,
			    const struct sctp_association *asoc,
			    const struct sctp_transport *t, u64 now);
int sctpnl_fill_assoc(struct sk_buff *skb, struct sctp_association *asoc,
		      struct user_namespace *user_ns, u32 info);
int sctpnl_fill_ep(struct sk_buff *skb, struct sctp_endpoint *ep,
		   struct user_namespace *user_ns);
enum sctpnl_style sctpnl_sk_style(const struct sock *sk);

/* assoc.c: association lookup, snapshots, get and dump */
struct sctpnl_snap;
struct sctpnl_snap *sctpnl_snap_new(struct netlink_callback *cb,
				    const struct nlattr *filter,
				    bool unlistened);
void sctpnl_snap_free(struct sctpnl_snap *snap);
u32 sctpnl_snap_len(const struct sctpnl_snap *snap);
const struct sctpnl_dump_filter *sctpnl_snap_filter(const struct sctpnl_snap *snap);
void sctpnl_snap_key(const struct sctpnl_snap *snap, u32 i,
		     struct sctpnl_asoc_key *key);
struct sock *sctpnl_lock_asoc(struct sctp_association *asoc);
bool sctpnl_tuple_of(struct sctp_association *asoc, struct sctp_transport *t,
		     struct sctpnl_tuple *k);
void sctpnl_tuple_key(const struct sctpnl_tuple *k, struct sctpnl_asoc_key *key);

/*
 * An established association of a one-to-one listener: waiting in its
 * accept queue, no socket of its own yet (@sk locked, its owner).
 */
static inline bool sctpnl_in_accept_queue(struct sock *sk,
					  const struct sctp_association *asoc)
{
	return sctp_style(sk, TCP) && sctp_sstate(sk, LISTENING) &&
	       asoc->state == SCTP_STATE_ESTABLISHED;
}

/*
 * A path's state as SCTP_GET_PEER_ADDR_INFO reports it: an unknown path
 * (no heartbeat answered yet) reads as active.
 */
static inline u8 sctpnl_path_state(const struct sctp_transport *t)
{
	return t->state == SCTP_UNKNOWN ? SCTP_ACTIVE : t->state;
}

int sctpnl_no_assoc(struct genl_info *info, const struct sctpnl_asoc_key *key);
bool sctpnl_bind_addr_has(struct sctp_bind_addr *bp,
			  const union sctp_addr *want);
int sctpnl_parse_key(struct genl_info *info, struct sctpnl_asoc_key *key);
int sctpnl_with_assoc(struct net *net, const struct sctpnl_asoc_key *key,
		      int (*fn)(struct sctp_association *asoc, void *arg),
		      void *arg);
int sctpnl_assoc_get_doit(struct sk_buff *skb, struct genl_info *info);
int sctpnl_assoc_dump_start(struct netlink_callback *cb);
int sctpnl_assoc_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int sctpnl_assoc_dump_done(struct netlink_callback *cb);

/* set.c, action.c: admin commands */
int sctpnl_assoc_set_doit(struct sk_buff *skb, struct genl_info *info);
int sctpnl_assoc_abort_doit(struct sk_buff *skb, struct genl_info *info);
int sctpnl_assoc_eof_doit(struct sk_buff *skb, struct genl_info *info);

/* ep.c, snmp.c */
int sctpnl_ep_dump_start(struct netlink_callback *cb);
int sctpnl_ep_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int sctpnl_ep_dump_done(struct netlink_callback *cb);
int sctpnl_snmp_get_doit(struct sk_buff *skb, struct genl_info *info);

/* hooks.c: which hooks into sctp.ko are on (module parameters) */
enum sctpnl_hook {
	SCTPNL_HOOK_ASSOC_CHANGE,
	SCTPNL_HOOK_PADDR_CHANGE,
	SCTPNL_HOOK_REMOTE_ERROR,
	SCTPNL_HOOK_SEND_FAILED,
	SCTPNL_HOOK_SHUTDOWN,
	SCTPNL_HOOK_ADAPTATION,
	SCTPNL_HOOK_PDAPI,
	SCTPNL_HOOK_PROBE,
	SCTPNL_HOOK_N
};

int sctpnl_hooks_init(void);
bool sctpnl_hook_disabled(enum sctpnl_hook hook);
void sctpnl_hook_up(enum sctpnl_hook hook, bool up);

/* index.c: association id -> tuple, so that a request by id is a lookup */
int sctpnl_index_init(void);
void sctpnl_index_exit(void);
void sctpnl_index_add(struct sctp_association *asoc, struct sctp_transport *t);
bool sctpnl_index_find(sctp_assoc_t id, struct sctpnl_asoc_key *key);

/* events.c: kprobes on the SCTP notification builders */
int sctpnl_events_init(void);
void sctpnl_events_exit(void);
u64 sctpnl_lost(void);
void sctpnl_count_lost(void);

/* probe.c: the sctp_probe tracepoint and its per-netns filter */
extern struct pernet_operations sctpnl_probe_net_ops;
int sctpnl_probe_set_doit(struct sk_buff *skb, struct genl_info *info);
int sctpnl_probe_init(void);
void sctpnl_probe_exit(void);

#endif /* _SCTPNL_H */
