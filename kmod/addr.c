// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses on the wire: a nest of family, IPv4 or IPv6 address, port and
 * IPv6 scope, converted to and from the SCTP stack's union sctp_addr.
 */
#include "sctpnl.h"

int sctpnl_put_addr(struct sk_buff *skb, int attrtype,
		    const union sctp_addr *addr, bool with_port)
{
	struct nlattr *nest;
	int err;

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;

	err = nla_put_u16(skb, SCTPNL_ADDR_A_FAMILY, addr->sa.sa_family);
	if (err)
		goto cancel;

	if (addr->sa.sa_family == AF_INET6) {
		err = nla_put_in6_addr(skb, SCTPNL_ADDR_A_IN6,
				       &addr->v6.sin6_addr);
		if (!err && addr->v6.sin6_scope_id)
			err = nla_put_u32(skb, SCTPNL_ADDR_A_SCOPE_ID,
					  addr->v6.sin6_scope_id);
	} else {
		err = nla_put_in_addr(skb, SCTPNL_ADDR_A_IN4,
				      addr->v4.sin_addr.s_addr);
	}
	if (!err && with_port)
		err = nla_put_u16(skb, SCTPNL_ADDR_A_PORT,
				  ntohs(addr->v4.sin_port));
	if (err)
		goto cancel;

	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int parse_in4(const struct nlattr *nla, struct nlattr **tb,
		     union sctp_addr *addr, struct netlink_ext_ack *extack)
{
	if (!tb[SCTPNL_ADDR_A_IN4]) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "AF_INET address needs an IN4 attribute");
		return -EINVAL;
	}
	if (tb[SCTPNL_ADDR_A_IN6] || tb[SCTPNL_ADDR_A_SCOPE_ID]) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "IPv6 attribute in an AF_INET address");
		return -EINVAL;
	}
	addr->v4.sin_family = AF_INET;
	addr->v4.sin_addr.s_addr = nla_get_in_addr(tb[SCTPNL_ADDR_A_IN4]);
	return 0;
}

static int parse_in6(const struct nlattr *nla, struct nlattr **tb,
		     union sctp_addr *addr, struct netlink_ext_ack *extack)
{
	if (!tb[SCTPNL_ADDR_A_IN6]) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "AF_INET6 address needs an IN6 attribute");
		return -EINVAL;
	}
	if (tb[SCTPNL_ADDR_A_IN4]) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "IPv4 attribute in an AF_INET6 address");
		return -EINVAL;
	}
	addr->v6.sin6_family = AF_INET6;
	addr->v6.sin6_addr = nla_get_in6_addr(tb[SCTPNL_ADDR_A_IN6]);
	if (tb[SCTPNL_ADDR_A_SCOPE_ID])
		addr->v6.sin6_scope_id = nla_get_u32(tb[SCTPNL_ADDR_A_SCOPE_ID]);
	return 0;
}

/*
 * Parse an address nest into @addr.  The family decides which address
 * attribute is required; a port is required only when @need_port.
 */
int sctpnl_parse_addr(const struct nlattr *nla, union sctp_addr *addr,
		      bool need_port, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[SCTPNL_ADDR_A_MAX + 1];
	int err;

	err = nla_parse_nested(tb, SCTPNL_ADDR_A_MAX, nla, sctpnl_addr_policy,
			       extack);
	if (err)
		return err;

	if (!tb[SCTPNL_ADDR_A_FAMILY]) {
		NL_SET_ERR_MSG_ATTR(extack, nla, "address family missing");
		return -EINVAL;
	}
	if (need_port && !tb[SCTPNL_ADDR_A_PORT]) {
		NL_SET_ERR_MSG_ATTR(extack, nla, "port missing");
		return -EINVAL;
	}

	memset(addr, 0, sizeof(*addr));
	if (nla_get_u16(tb[SCTPNL_ADDR_A_FAMILY]) == AF_INET)
		err = parse_in4(nla, tb, addr, extack);
	else
		err = parse_in6(nla, tb, addr, extack);
	if (err)
		return err;
	if (tb[SCTPNL_ADDR_A_PORT])
		addr->v4.sin_port = htons(nla_get_u16(tb[SCTPNL_ADDR_A_PORT]));
	return 0;
}

/*
 * Address equality ignoring ports; an IPv4 address equals its v4-mapped
 * IPv6 form, as the SCTP stack treats them on IPv6 sockets.
 */
bool sctpnl_addr_equal(const union sctp_addr *a, const union sctp_addr *b)
{
	__be32 a4, b4;

	if (a->sa.sa_family == AF_INET6 && b->sa.sa_family == AF_INET6)
		return ipv6_addr_equal(&a->v6.sin6_addr, &b->v6.sin6_addr) &&
		       (!a->v6.sin6_scope_id || !b->v6.sin6_scope_id ||
			a->v6.sin6_scope_id == b->v6.sin6_scope_id);

	if (a->sa.sa_family == AF_INET)
		a4 = a->v4.sin_addr.s_addr;
	else if (ipv6_addr_v4mapped(&a->v6.sin6_addr))
		a4 = a->v6.sin6_addr.s6_addr32[3];
	else
		return false;

	if (b->sa.sa_family == AF_INET)
		b4 = b->v4.sin_addr.s_addr;
	else if (ipv6_addr_v4mapped(&b->v6.sin6_addr))
		b4 = b->v6.sin6_addr.s6_addr32[3];
	else
		return false;

	return a4 == b4;
}
