// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Address text <-> struct sctpnl_addr.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>

#include "internal.h"

/* Dotted quad without inet_ntop's sprintf: listings print thousands. */
static void ntop4(const struct in_addr *in, char *buf, size_t len)
{
	const uint8_t *b = (const uint8_t *)in;
	char t[INET_ADDRSTRLEN], *p = t;
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			*p++ = '.';
		if (b[i] >= 100)
			*p++ = '0' + b[i] / 100;
		if (b[i] >= 10)
			*p++ = '0' + b[i] / 10 % 10;
		*p++ = '0' + b[i] % 10;
	}
	*p = '\0';
	if ((size_t)(p - t) < len)
		memcpy(buf, t, p - t + 1);
}

char *sctpnl_addr_ntop(const struct sctpnl_addr *a, char *buf, size_t len)
{
	char ifname[IF_NAMESIZE];
	size_t n;

	if (!len)
		return buf;
	buf[0] = '\0';
	switch (a->family) {
	case AF_INET:
		ntop4(&a->v4, buf, len);
		break;
	case AF_INET6:
		if (IN6_IS_ADDR_V4MAPPED(&a->v6)) {
			/* inet_ntop's form, ::ffff:a.b.c.d, the cheap way */
			char t[INET6_ADDRSTRLEN] = "::ffff:";

			ntop4((const struct in_addr *)&a->v6.s6_addr[12],
			      t + 7, sizeof(t) - 7);
			n = strlen(t);
			if (n < len)
				memcpy(buf, t, n + 1);
			break;
		}
		if (!inet_ntop(AF_INET6, &a->v6, buf, len))
			break;
		/* a scope means something for link-local addresses only:
		 * the kernel may report one for ::1 too (on one side) */
		if (!a->scope_id || !(IN6_IS_ADDR_LINKLOCAL(&a->v6) ||
				      IN6_IS_ADDR_MC_LINKLOCAL(&a->v6)))
			break;
		n = strlen(buf);
		if (if_indextoname(a->scope_id, ifname))
			snprintf(buf + n, len - n, "%%%s", ifname);
		else
			snprintf(buf + n, len - n, "%%%u", a->scope_id);
		break;
	default:
		snprintf(buf, len, "*");
		break;
	}
	return buf;
}

char *sctpnl_addr_port_ntop(const struct sctpnl_addr *a, char *buf,
			    size_t len)
{
	char tmp[SCTPNL_ADDRSTRLEN];

	sctpnl_addr_ntop(a, tmp, sizeof(tmp));
	if (a->family == AF_INET6)
		snprintf(buf, len, "[%s]:%u", tmp, a->port);
	else
		snprintf(buf, len, "%s:%u", tmp, a->port);
	return buf;
}

static int parse_port(const char *s, uint16_t *port)
{
	unsigned long v;
	char *end;

	if (!*s)
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > 65535)
		return -EINVAL;
	*port = v;
	return 0;
}

static int parse_host(char *s, struct sctpnl_addr *out)
{
	char *pct;

	if (inet_pton(AF_INET, s, &out->v4) == 1) {
		out->family = AF_INET;
		return 0;
	}
	pct = strchr(s, '%');
	if (pct)
		*pct++ = '\0';
	if (inet_pton(AF_INET6, s, &out->v6) != 1)
		return -EINVAL;
	out->family = AF_INET6;
	if (pct) {
		char *end;
		unsigned long v = strtoul(pct, &end, 10);

		if (*pct && !*end)
			out->scope_id = v;
		else
			out->scope_id = if_nametoindex(pct);
		if (!out->scope_id)
			return -EINVAL;
	}
	return 0;
}

int sctpnl_addr_pton(const char *str, struct sctpnl_addr *out, int need_port)
{
	char buf[SCTPNL_ADDRSTRLEN + 8];
	char *host = buf, *port = NULL, *c;
	int err;

	memset(out, 0, sizeof(*out));
	if (strlen(str) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, str);

	if (buf[0] == '[') {
		c = strchr(buf, ']');
		if (!c)
			return -EINVAL;
		*c = '\0';
		host = buf + 1;
		if (c[1] == ':')
			port = c + 2;
		else if (c[1])
			return -EINVAL;
	} else {
		c = strrchr(buf, ':');
		/* one colon: a.b.c.d:port; more: bare IPv6, no port */
		if (c && c == strchr(buf, ':')) {
			*c = '\0';
			port = c + 1;
		}
	}
	err = parse_host(host, out);
	if (err)
		return err;
	if (port)
		return parse_port(port, &out->port);
	return need_port ? -EINVAL : 0;
}
