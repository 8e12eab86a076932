// SPDX-License-Identifier: GPL-2.0
/*
 * The family as generic netlink control sees it, and its answers to
 * requests that name nothing it knows.
 */
#include <errno.h>
#include <string.h>
#include <linux/sctpnl.h>
#include "kselftest_harness.h"
#include "lib/nl.h"

FIXTURE(nl) {
	struct nlt *n;
};

FIXTURE_SETUP(nl)
{
	self->n = nlt_open();
	ASSERT_NE(NULL, self->n);
	if (!self->n->family)
		SKIP(return, "sctpnl family not registered");
}

FIXTURE_TEARDOWN(nl)
{
	nlt_close(self->n);
}

TEST_F(nl, resolves)
{
	EXPECT_NE(0, self->n->family);
	EXPECT_EQ(SCTPNL_FAMILY_VERSION, self->n->version);
	EXPECT_NE(0, self->n->mcgrp_events);
	EXPECT_NE(0, self->n->mcgrp_probe);
}

TEST_F(nl, unknown_command)
{
	nlt_msg(self->n, self->n->family, NLM_F_ACK, 200, 1);
	EXPECT_EQ(-EOPNOTSUPP, nlt_send(self->n, NULL, NULL));
}

TEST_F(nl, unspec_command)
{
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_UNSPEC, 1);
	EXPECT_EQ(-EOPNOTSUPP, nlt_send(self->n, NULL, NULL));
}

/* Strict validation: an attribute the command does not take is refused. */
TEST_F(nl, unexpected_attribute)
{
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_SNMP_GET, 1);
	nlt_put_u32(self->n, SCTPNL_A_ASSOC_ID, 1);
	EXPECT_EQ(-EINVAL, nlt_send(self->n, NULL, NULL));
}

/* Attribute numbers past the family's maximum are refused by name. */
TEST_F(nl, attribute_out_of_range)
{
	nlt_msg(self->n, self->n->family, NLM_F_ACK, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_u32(self->n, SCTPNL_A_MAX + 1, 1);
	EXPECT_EQ(-EINVAL, nlt_send(self->n, NULL, NULL));
	EXPECT_STRNE("", self->n->extack);
}

static int count_snmp(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *snmp = nlt_attr(nlh, SCTPNL_A_SNMP), *a;
	int *count = arg;

	if (snmp)
		nlt_for_each(a, snmp)
			(*count)++;
	return 0;
}

TEST_F(nl, snmp)
{
	int count = 0;

	nlt_msg(self->n, self->n->family, 0, SCTPNL_CMD_SNMP_GET, 1);
	ASSERT_EQ(0, nlt_send(self->n, count_snmp, &count));
	EXPECT_EQ(SCTPNL_SNMP_A_MAX - SCTPNL_SNMP_A_CURR_ESTAB + 1, count);
}

TEST_HARNESS_MAIN
