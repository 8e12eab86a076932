// SPDX-License-Identifier: GPL-2.0
/*
 * SNMP_GET: the namespace's SCTP MIB, the counters of /proc/net/sctp/snmp.
 */
#include <net/ip.h>
#include "sctpnl.h"

/*
 * The sum of one MIB field over the CPUs, as /proc/net/sctp/snmp shows
 * it.  snmp_fold_field() does this too, but is not exported from 7.x on.
 */
static u64 mib_fold(void __percpu *mib, int field)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += snmp_get_cpu_field(mib, cpu, field);
	return sum;
}

int sctpnl_snmp_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct nlattr *nest;
	struct sk_buff *msg;
	void *hdr;
	int i;

	/* The uapi enum follows the kernel's MIB order, after UNSPEC, PAD. */
	BUILD_BUG_ON(SCTPNL_SNMP_A_MAX - SCTPNL_SNMP_A_CURR_ESTAB + 1 !=
		     SCTP_MIB_MAX - 1);

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &sctpnl_family, 0,
				SCTPNL_CMD_SNMP_GET);
	if (!hdr)
		goto nospace;
	nest = nla_nest_start(msg, SCTPNL_A_SNMP);
	if (!nest)
		goto nospace;
	/* SCTP_MIB_NUM (0) is a placeholder the kernel never counts. */
	for (i = 1; i < SCTP_MIB_MAX; i++)
		if (nla_put_u64_64bit(msg, SCTPNL_SNMP_A_CURR_ESTAB + i - 1,
				      mib_fold(net->sctp.sctp_statistics, i),
				      SCTPNL_SNMP_A_PAD))
			goto nospace;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

nospace:
	nlmsg_free(msg);
	return -EMSGSIZE;
}
