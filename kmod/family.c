// SPDX-License-Identifier: GPL-2.0
/*
 * The "sctpnl" generic netlink family: policies next to the operations
 * they guard, multicast groups, module init and exit.
 */
#include <linux/module.h>
#include "sctpnl.h"

static const struct nla_policy sctpnl_assoc_get_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_ASSOC_ID] = { .type = NLA_U32 },
	[SCTPNL_A_LOCAL]    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_PEER]	    = NLA_POLICY_NESTED(sctpnl_addr_policy),
	[SCTPNL_A_FILTER]   = NLA_POLICY_NESTED(sctpnl_filter_policy),
};

static const struct nla_policy sctpnl_ep_get_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_FILTER] = NLA_POLICY_NESTED(sctpnl_filter_policy),
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

static int __init sctpnl_init(void)
{
	return genl_register_family(&sctpnl_family);
}

static void __exit sctpnl_exit(void)
{
	genl_unregister_family(&sctpnl_family);
}

module_init(sctpnl_init);
module_exit(sctpnl_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Generic netlink access to SCTP associations");
MODULE_ALIAS_GENL_FAMILY(SCTPNL_FAMILY_NAME);
MODULE_SOFTDEP("pre: sctp");
