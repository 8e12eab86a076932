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
	[SCTPNL_A_INFO]	    = NLA_POLICY_MASK(NLA_U32, SCTPNL_INFO_ALL),
};

static const struct nla_policy sctpnl_ep_get_policy[SCTPNL_A_MAX + 1] = {
	[SCTPNL_A_FILTER] = NLA_POLICY_NESTED(sctpnl_ep_filter_policy),
};

/*
 * SNMP_GET takes nothing; it still needs a policy of its own, or generic
 * netlink validates it against the family's maxattr with no table behind
 * it (7.x: an out-of-bounds read, "kernel BUG at lib/nlattr.c").
 */
static const struct nla_policy sctpnl_snmp_get_policy[SCTPNL_A_MAX + 1] = {
	[1 ... SCTPNL_A_MAX] = { .type = NLA_REJECT,
		.reject_message = "SNMP_GET takes no attributes" },
};

static const struct nla_policy sctpnl_probe_set_policy[SCTPNL_A_MAX + 1] = {
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
