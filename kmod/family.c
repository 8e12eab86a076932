// SPDX-License-Identifier: GPL-2.0
/*
 * The "sctpnl" generic netlink family: policies next to the operations
 * they guard, multicast groups, module init and exit.
 */
#include <linux/module.h>
#include "sctpnl.h"

#define SCTPNL_REASON_MAX	256

/*
 * Every attribute policy of the family, innermost first, then one per
 * operation: what a request may carry is read here, next to the ops that
 * take it.  Nests are validated whole before a doit runs; handlers that
 * parse a nest again use the same table.
 */

/* An address, optionally with a port. */
const struct nla_policy sctpnl_addr_policy[SCTPNL_ADDR_A_MAX + 1] = {
	[SCTPNL_ADDR_A_FAMILY]	 = NLA_POLICY_RANGE(NLA_U16, AF_INET, AF_INET6),
	[SCTPNL_ADDR_A_IN4]	 = NLA_POLICY_EXACT_LEN(sizeof(struct in_addr)),
	[SCTPNL_ADDR_A_IN6]	 = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[SCTPNL_ADDR_A_PORT]	 = { .type = NLA_U16 },
	[SCTPNL_ADDR_A_SCOPE_ID] = { .type = NLA_U32 },
};

/* Dump filters. */
const struct nla_policy sctpnl_filter_policy[SCTPNL_FILTER_A_MAX + 1] = {
	[SCTPNL_FILTER_A_LOCAL_PORT] = { .type = NLA_U16 },
	[SCTPNL_FILTER_A_PEER_PORT]  = { .type = NLA_U16 },
	[SCTPNL_FILTER_A_LOCAL_ADDR] = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_FILTER_A_PEER_ADDR]  = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_FILTER_A_STATE]	     = NLA_POLICY_MASK(NLA_U32, 0x1ff),
	[SCTPNL_FILTER_A_UID]	     = { .type = NLA_U32 },
	[SCTPNL_FILTER_A_INODE]	     = { .type = NLA_U64 },
	[SCTPNL_FILTER_A_ASSOC_ID]   = { .type = NLA_U32 },
};

/* Endpoints have no peer, state or association id to filter on. */
const struct nla_policy
sctpnl_ep_filter_policy[SCTPNL_FILTER_A_MAX + 1] = {
	[SCTPNL_FILTER_A_LOCAL_PORT] = { .type = NLA_U16 },
	[SCTPNL_FILTER_A_PEER_PORT]  = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
	[SCTPNL_FILTER_A_LOCAL_ADDR] = NLA_POLICY_NESTED(sctpnl_addr_policy),
	/* A nest: refused in ep_dump_prepare(), where extack still works. */
	[SCTPNL_FILTER_A_PEER_ADDR]  = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_FILTER_A_STATE]	     = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
	[SCTPNL_FILTER_A_UID]	     = { .type = NLA_U32 },
	[SCTPNL_FILTER_A_INODE]	     = { .type = NLA_U64 },
	[SCTPNL_FILTER_A_ASSOC_ID]   = { .type = NLA_REJECT,
		.reject_message = "filter does not apply to endpoints" },
};

/* ASSOC_SET's nests, one per socket option. */
static const struct nla_policy
sctpnl_rtoinfo_policy[SCTPNL_RTOINFO_A_MAX + 1] = {
	[SCTPNL_RTOINFO_A_RTO_INITIAL]	= { .type = NLA_U32 },
	[SCTPNL_RTOINFO_A_RTO_MAX]	= { .type = NLA_U32 },
	[SCTPNL_RTOINFO_A_RTO_MIN]	= { .type = NLA_U32 },
};

static const struct nla_policy
sctpnl_assocparams_policy[SCTPNL_ASSOCPARAMS_A_MAX + 1] = {
	[SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT] = { .type = NLA_U16 },
	[SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS] = {
		.type = NLA_REJECT, .reject_message = "read-only field" },
	[SCTPNL_ASSOCPARAMS_A_PEER_RWND] = {
		.type = NLA_REJECT, .reject_message = "read-only field" },
	[SCTPNL_ASSOCPARAMS_A_LOCAL_RWND] = {
		.type = NLA_REJECT, .reject_message = "read-only field" },
	[SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE] = { .type = NLA_U32 },
};

static const struct nla_policy
sctpnl_initmsg_policy[SCTPNL_INITMSG_A_MAX + 1] = {
	[SCTPNL_INITMSG_A_NUM_OSTREAMS]	  = { .type = NLA_U16 },
	[SCTPNL_INITMSG_A_MAX_INSTREAMS]  = { .type = NLA_U16 },
	[SCTPNL_INITMSG_A_MAX_ATTEMPTS]	  = { .type = NLA_U16 },
	[SCTPNL_INITMSG_A_MAX_INIT_TIMEO] = { .type = NLA_U16 },
};

#define SPP_SETTABLE (SPP_HB_ENABLE | SPP_HB_DISABLE | SPP_HB_DEMAND | \
		      SPP_PMTUD_ENABLE | SPP_PMTUD_DISABLE | \
		      SPP_SACKDELAY_ENABLE | SPP_SACKDELAY_DISABLE | \
		      SPP_HB_TIME_IS_ZERO)

static const struct nla_policy
sctpnl_paddr_policy[SCTPNL_PADDR_A_MAX + 1] = {
	[SCTPNL_PADDR_A_ADDR]	    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_PADDR_A_HBINTERVAL] = { .type = NLA_U32 },
	[SCTPNL_PADDR_A_PATHMAXRXT] = { .type = NLA_U16 },
	[SCTPNL_PADDR_A_MTU]	    = { .type = NLA_U32 },
	[SCTPNL_PADDR_A_SACKDELAY]  = { .type = NLA_U32 },
	[SCTPNL_PADDR_A_FLAGS]	    = NLA_POLICY_MASK(NLA_U32, SPP_SETTABLE),
};

static const struct nla_policy
sctpnl_sack_policy[SCTPNL_SACK_A_MAX + 1] = {
	[SCTPNL_SACK_A_DELAY] = { .type = NLA_U32 },
	[SCTPNL_SACK_A_FREQ]  = { .type = NLA_U32 },
};

static const struct nla_policy
sctpnl_sndrcv_policy[SCTPNL_SNDRCV_A_MAX + 1] = {
	[SCTPNL_SNDRCV_A_STREAM]     = { .type = NLA_U16 },
	[SCTPNL_SNDRCV_A_SSN]	     = { .type = NLA_REJECT,
					 .reject_message = "receive-only field" },
	[SCTPNL_SNDRCV_A_FLAGS]	     = NLA_POLICY_MASK(NLA_U16,
						       SCTP_UNORDERED |
						       SCTP_ADDR_OVER |
						       SCTP_ABORT | SCTP_EOF),
	[SCTPNL_SNDRCV_A_PPID]	     = { .type = NLA_U32 },
	[SCTPNL_SNDRCV_A_CONTEXT]    = { .type = NLA_U32 },
	[SCTPNL_SNDRCV_A_TIMETOLIVE] = { .type = NLA_U32 },
	[SCTPNL_SNDRCV_A_TSN]	     = { .type = NLA_REJECT,
					 .reject_message = "receive-only field" },
	[SCTPNL_SNDRCV_A_CUMTSN]     = { .type = NLA_REJECT,
					 .reject_message = "receive-only field" },
};

const struct nla_policy sctpnl_set_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_ASSOC_ID]	     = { .type = NLA_U32 },
	[SCTPNL_A_LOCAL]	     = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_PEER]		     = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_RTOINFO]	     = NLA_POLICY_NESTED(sctpnl_rtoinfo_policy),
	[SCTPNL_A_ASSOCINFO]	     = NLA_POLICY_NESTED(sctpnl_assocparams_policy),
	[SCTPNL_A_INITMSG]	     = NLA_POLICY_NESTED(sctpnl_initmsg_policy),
	[SCTPNL_A_PADDRPARAMS]	     = NLA_POLICY_NESTED(sctpnl_paddr_policy),
	[SCTPNL_A_PRIMARY]	     = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_PEER_PRIMARY]	     = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_DELAYED_ACK]	     = NLA_POLICY_NESTED(sctpnl_sack_policy),
	[SCTPNL_A_DEFAULT_SEND]	     = NLA_POLICY_NESTED(sctpnl_sndrcv_policy),
	[SCTPNL_A_MAXSEG]	     = { .type = NLA_U32 },
	[SCTPNL_A_NODELAY]	     = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTPNL_A_AUTOCLOSE]	     = { .type = NLA_U32 },
	[SCTPNL_A_DISABLE_FRAGMENTS] = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTPNL_A_ADAPTATION_IND]    = { .type = NLA_U32 },
	/* What would change the owner's view of its own socket. */
	/* Nests, so that strict validation lets them reach our message. */
	[SCTPNL_A_EVENTS] = { .type = NLA_NESTED },
	[SCTPNL_A_SK_V4MAPPED] = {
		.type = NLA_REJECT,
		.reject_message = "v4-mapped addresses are the owner's view",
	},
	[SCTPNL_A_SK_STYLE] = {
		.type = NLA_REJECT,
		.reject_message = "the socket style (mode) of a socket cannot be changed",
	},
	[SCTPNL_A_STATUS] = { .type = NLA_NESTED },
};

static const struct nla_policy
sctpnl_action_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_ASSOC_ID] = { .type = NLA_U32 },
	[SCTPNL_A_LOCAL]    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_PEER]	    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_REASON]   = { .type = NLA_NUL_STRING,
				.len = SCTPNL_REASON_MAX - 1 },
};

static const struct nla_policy
sctpnl_probe_filter_policy[SCTPNL_A_PROBE_FILTER_ENTRY + 1] = {
	[SCTPNL_A_PROBE_FILTER_ENTRY] = { .type = NLA_U32 },
};

static const struct nla_policy
sctpnl_assoc_get_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_ASSOC_ID] = { .type = NLA_U32 },
	[SCTPNL_A_LOCAL]    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_PEER]	    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_FILTER]   = NLA_POLICY_NESTED(sctpnl_filter_policy),
	[SCTPNL_A_INFO]	    = NLA_POLICY_MASK(NLA_U32, SCTPNL_INFO_ALL),
};

static const struct nla_policy
sctpnl_ep_get_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_FILTER] = NLA_POLICY_NESTED(sctpnl_ep_filter_policy),
};

/*
 * SNMP_GET takes nothing; it still needs a policy of its own, or generic
 * netlink validates it against the family's maxattr with no table behind
 * it (7.x: an out-of-bounds read, "kernel BUG at lib/nlattr.c").
 */
static const struct nla_policy
sctpnl_snmp_get_policy[SCTPNL_A_MAX + 1] = {
	[1 ... SCTPNL_A_MAX] = { .type = NLA_REJECT,
		.reject_message = "SNMP_GET takes no attributes" },
};

static const struct nla_policy
sctpnl_probe_set_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_PROBE_FILTER] = NLA_POLICY_NESTED(sctpnl_probe_filter_policy),
	[SCTPNL_A_PROBE_INTERVAL] = { .type = NLA_U32 },
};

static const struct genl_ops sctpnl_ops[] = {
	{
		.cmd	= SCTPNL_CMD_ASSOC_GET,
		.doit	= sctpnl_assoc_get_doit,
		.start	= sctpnl_assoc_dump_start,
		.dumpit	= sctpnl_assoc_dumpit,
		.done	= sctpnl_assoc_dump_done,
		.policy	= sctpnl_assoc_get_policy,
		.maxattr = SCTPNL_A_MAX,
	},
	{
		.cmd	= SCTPNL_CMD_EP_GET,
		.start	= sctpnl_ep_dump_start,
		.dumpit	= sctpnl_ep_dumpit,
		.done	= sctpnl_ep_dump_done,
		.policy	= sctpnl_ep_get_policy,
		.maxattr = SCTPNL_A_MAX,
	},
	{
		.cmd	= SCTPNL_CMD_SNMP_GET,
		.doit	= sctpnl_snmp_get_doit,
		.policy	= sctpnl_snmp_get_policy,
		.maxattr = SCTPNL_A_MAX,
	},
	{
		.cmd	= SCTPNL_CMD_ASSOC_SET,
		.doit	= sctpnl_assoc_set_doit,
		.policy	= sctpnl_set_policy,
		.maxattr = SCTPNL_A_MAX,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= SCTPNL_CMD_ASSOC_ABORT,
		.doit	= sctpnl_assoc_abort_doit,
		.policy	= sctpnl_action_policy,
		.maxattr = SCTPNL_A_MAX,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= SCTPNL_CMD_ASSOC_EOF,
		.doit	= sctpnl_assoc_eof_doit,
		.policy	= sctpnl_action_policy,
		.maxattr = SCTPNL_A_MAX,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= SCTPNL_CMD_PROBE_SET,
		.doit	= sctpnl_probe_set_doit,
		.policy	= sctpnl_probe_set_policy,
		.maxattr = SCTPNL_A_MAX,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group sctpnl_mcgrps[] = {
	[SCTPNL_MCGRP_EVENTS_IDX] = { .name = SCTPNL_MCGRP_EVENTS,
				      .flags = GENL_MCAST_CAP_NET_ADMIN, },
	[SCTPNL_MCGRP_PROBE_IDX]  = { .name = SCTPNL_MCGRP_PROBE,
				      .flags = GENL_MCAST_CAP_NET_ADMIN, },
};

struct genl_family sctpnl_family __ro_after_init = {
	.name		= SCTPNL_FAMILY_NAME,
	.version	= SCTPNL_FAMILY_VERSION,
	.maxattr	= SCTPNL_A_MAX,
	.module		= THIS_MODULE,
	.netnsok	= true,
	/* Ops sleep in lock_sock(); don't serialise them on genl_mutex. */
	.parallel_ops	= true,
	/* Strict validation from the first command: a new family. */
	.resv_start_op	= 0,
	.ops		= sctpnl_ops,
	.n_ops		= ARRAY_SIZE(sctpnl_ops),
	.mcgrps		= sctpnl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(sctpnl_mcgrps),
};

/*
 * The family (and the probe filters its ops and the probe read) exist
 * before any hook can fire, and outlive them: the hooks' exits return only
 * once no handler runs.  A hook that cannot attach costs its events, not
 * the module.
 */
static int __init sctpnl_init(void)
{
	int err;

	err = sctpnl_hooks_init();
	if (err)
		return err;
	err = register_pernet_subsys(&sctpnl_probe_net_ops);
	if (err)
		return err;
	err = genl_register_family(&sctpnl_family);
	if (err) {
		unregister_pernet_subsys(&sctpnl_probe_net_ops);
		return err;
	}
	sctpnl_index_init();
	sctpnl_events_init();
	sctpnl_probe_init();
	return 0;
}

static void __exit sctpnl_exit(void)
{
	sctpnl_probe_exit();
	sctpnl_events_exit();
	genl_unregister_family(&sctpnl_family);
	sctpnl_index_exit();
	unregister_pernet_subsys(&sctpnl_probe_net_ops);
}

module_init(sctpnl_init);
module_exit(sctpnl_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Generic netlink access to SCTP associations");
MODULE_ALIAS_GENL_FAMILY(SCTPNL_FAMILY_NAME);
MODULE_SOFTDEP("pre: sctp");
