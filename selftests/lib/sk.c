// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/sctpnl.h>
#include "sk.h"

int snl_sockaddr(const char *ip, int port, struct sockaddr_storage *ss)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, ip, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		return 0;
	}
	if (inet_pton(AF_INET6, ip, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		return 0;
	}
	return -1;
}

void snl_unmap(struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in s4 = { .sin_family = AF_INET };

	if (ss->ss_family != AF_INET6 || !IN6_IS_ADDR_V4MAPPED(&s6->sin6_addr))
		return;
	s4.sin_port = s6->sin6_port;
	memcpy(&s4.sin_addr, &s6->sin6_addr.s6_addr[12], 4);
	memset(ss, 0, sizeof(*ss));
	memcpy(ss, &s4, sizeof(s4));
}

bool snl_addr_eq(const struct sockaddr_storage *a,
		 const struct sockaddr_storage *b, bool ports)
{
	struct sockaddr_storage x = *a, y = *b;
	const struct sockaddr_in *x4 = (void *)&x, *y4 = (void *)&y;
	const struct sockaddr_in6 *x6 = (void *)&x, *y6 = (void *)&y;

	snl_unmap(&x);
	snl_unmap(&y);
	if (x.ss_family != y.ss_family)
		return false;
	if (x.ss_family == AF_INET)
		return x4->sin_addr.s_addr == y4->sin_addr.s_addr &&
		       (!ports || x4->sin_port == y4->sin_port);
	return !memcmp(&x6->sin6_addr, &y6->sin6_addr, 16) &&
	       (!ports || x6->sin6_port == y6->sin6_port);
}

const char *snl_ntop(const struct sockaddr_storage *ss, char *buf, size_t n)
{
	char ip[INET6_ADDRSTRLEN] = "?";
	const struct sockaddr_in *s4 = (const void *)ss;
	const struct sockaddr_in6 *s6 = (const void *)ss;

	if (ss->ss_family == AF_INET) {
		inet_ntop(AF_INET, &s4->sin_addr, ip, sizeof(ip));
		snprintf(buf, n, "%s:%u", ip, ntohs(s4->sin_port));
	} else {
		inet_ntop(AF_INET6, &s6->sin6_addr, ip, sizeof(ip));
		snprintf(buf, n, "[%s]:%u", ip, ntohs(s6->sin6_port));
	}
	return buf;
}

static void nest_to_sockaddr(const struct nlattr *nest,
			     struct sockaddr_storage *ss)
{
	const struct nlattr *a4 = nlt_nested(nest, SCTPNL_ADDR_A_IN4);
	const struct nlattr *a6 = nlt_nested(nest, SCTPNL_ADDR_A_IN6);
	uint16_t port = nlt_uint(nlt_nested(nest, SCTPNL_ADDR_A_PORT));
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (a4) {
		s4->sin_family = AF_INET;
		memcpy(&s4->sin_addr, nlt_data(a4), 4);
		s4->sin_port = htons(port);
	} else if (a6) {
		s6->sin6_family = AF_INET6;
		memcpy(&s6->sin6_addr, nlt_data(a6), 16);
		s6->sin6_port = htons(port);
		s6->sin6_scope_id =
			nlt_uint(nlt_nested(nest, SCTPNL_ADDR_A_SCOPE_ID));
	}
}

#define U(nest, t)	((uint32_t)nlt_uint(nlt_nested(nest, t)))

static void decode_path(const struct nlattr *p, struct snl_path *o)
{
	nest_to_sockaddr(nlt_nested(p, SCTPNL_PADDR_A_ADDR), &o->addr);
	o->state = U(p, SCTPNL_PADDR_A_STATE);
	o->cwnd = U(p, SCTPNL_PADDR_A_CWND);
	o->srtt = U(p, SCTPNL_PADDR_A_SRTT);
	o->rto = U(p, SCTPNL_PADDR_A_RTO);
	o->mtu = U(p, SCTPNL_PADDR_A_MTU);
	o->hbinterval = U(p, SCTPNL_PADDR_A_HBINTERVAL);
	o->pathmaxrxt = U(p, SCTPNL_PADDR_A_PATHMAXRXT);
	o->sackdelay = U(p, SCTPNL_PADDR_A_SACKDELAY);
	o->flags = U(p, SCTPNL_PADDR_A_FLAGS);
	o->ssthresh = U(p, SCTPNL_PADDR_A_SSTHRESH);
	o->flight_size = U(p, SCTPNL_PADDR_A_FLIGHT_SIZE);
	o->error_count = U(p, SCTPNL_PADDR_A_ERROR_COUNT);
	o->primary = U(p, SCTPNL_PADDR_A_PRIMARY);
	o->srtt_sockopt = U(p, SCTPNL_PADDR_A_SRTT_SOCKOPT);
}

void snl_decode_assoc(const struct nlmsghdr *nlh, struct snl_assoc *a)
{
	struct nlattr *n, *e;

	memset(a, 0, sizeof(*a));
	a->assoc_id = nlt_uint(nlt_attr(nlh, SCTPNL_A_ASSOC_ID));
	a->inode = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_INODE));
	a->uid = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_UID));
	a->style = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_STYLE));
	a->sk_family = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_FAMILY));
	a->v4mapped = nlt_uint(nlt_attr(nlh, SCTPNL_A_SK_V4MAPPED));
	a->lport = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOCAL_PORT));
	a->pport = nlt_uint(nlt_attr(nlh, SCTPNL_A_PEER_PORT));
	a->maxseg = nlt_uint(nlt_attr(nlh, SCTPNL_A_MAXSEG));
	a->nodelay = nlt_uint(nlt_attr(nlh, SCTPNL_A_NODELAY));
	a->autoclose = nlt_uint(nlt_attr(nlh, SCTPNL_A_AUTOCLOSE));
	a->disable_frag = nlt_uint(nlt_attr(nlh, SCTPNL_A_DISABLE_FRAGMENTS));
	a->adaptation = nlt_uint(nlt_attr(nlh, SCTPNL_A_ADAPTATION_IND));
	a->peer_adaptation = nlt_uint(nlt_attr(nlh,
					       SCTPNL_A_PEER_ADAPTATION_IND));
	a->local_vtag = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOCAL_VTAG));
	a->peer_vtag = nlt_uint(nlt_attr(nlh, SCTPNL_A_PEER_VTAG));
	a->local_rwnd_now = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOCAL_RWND));

	n = nlt_attr(nlh, SCTPNL_A_LOCAL_ADDRS);
	if (n)
		nlt_for_each(e, n)
			if (a->nladdrs < SNL_MAX_LADDRS)
				nest_to_sockaddr(e, &a->laddrs[a->nladdrs++]);
	n = nlt_attr(nlh, SCTPNL_A_PADDRS);
	if (n)
		nlt_for_each(e, n)
			if (a->npaths < SNL_MAX_PATHS)
				decode_path(e, &a->paths[a->npaths++]);

	n = nlt_attr(nlh, SCTPNL_A_STATUS);
	a->state = U(n, SCTPNL_STATUS_A_STATE);
	a->rwnd = U(n, SCTPNL_STATUS_A_RWND);
	a->unackdata = U(n, SCTPNL_STATUS_A_UNACKDATA);
	a->penddata = U(n, SCTPNL_STATUS_A_PENDDATA);
	a->instrms = U(n, SCTPNL_STATUS_A_INSTRMS);
	a->outstrms = U(n, SCTPNL_STATUS_A_OUTSTRMS);
	a->fragpoint = U(n, SCTPNL_STATUS_A_FRAGMENTATION_POINT);

	n = nlt_attr(nlh, SCTPNL_A_RTOINFO);
	a->rto_initial = U(n, SCTPNL_RTOINFO_A_RTO_INITIAL);
	a->rto_max = U(n, SCTPNL_RTOINFO_A_RTO_MAX);
	a->rto_min = U(n, SCTPNL_RTOINFO_A_RTO_MIN);

	n = nlt_attr(nlh, SCTPNL_A_ASSOCINFO);
	a->asocmaxrxt = U(n, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT);
	a->npeerdest = U(n, SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS);
	a->peer_rwnd = U(n, SCTPNL_ASSOCPARAMS_A_PEER_RWND);
	a->local_rwnd = U(n, SCTPNL_ASSOCPARAMS_A_LOCAL_RWND);
	a->cookie_life = U(n, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE);

	n = nlt_attr(nlh, SCTPNL_A_DELAYED_ACK);
	a->sack_delay = U(n, SCTPNL_SACK_A_DELAY);
	a->sack_freq = U(n, SCTPNL_SACK_A_FREQ);

	n = nlt_attr(nlh, SCTPNL_A_DEFAULT_SEND);
	a->ds_stream = U(n, SCTPNL_SNDRCV_A_STREAM);
	a->ds_flags = U(n, SCTPNL_SNDRCV_A_FLAGS);
	a->ds_ppid = U(n, SCTPNL_SNDRCV_A_PPID);
	a->ds_context = U(n, SCTPNL_SNDRCV_A_CONTEXT);
	a->ds_ttl = U(n, SCTPNL_SNDRCV_A_TIMETOLIVE);

	n = nlt_attr(nlh, SCTPNL_A_EVENTS);
	for (int i = SCTPNL_EVENTS_A_DATA_IO; i <= SCTPNL_EVENTS_A_MAX; i++)
		a->events[i - 1] = U(n, i);

	n = nlt_attr(nlh, SCTPNL_A_INITMSG);
	a->init_ostreams = U(n, SCTPNL_INITMSG_A_NUM_OSTREAMS);
	a->init_instreams = U(n, SCTPNL_INITMSG_A_MAX_INSTREAMS);
	a->init_attempts = U(n, SCTPNL_INITMSG_A_MAX_ATTEMPTS);
	a->init_timeo = U(n, SCTPNL_INITMSG_A_MAX_INIT_TIMEO);

	n = nlt_attr(nlh, SCTPNL_A_STATS);
	if (n)
		nlt_for_each(e, n)
			if ((e->nla_type & NLA_TYPE_MASK) < 32 &&
			    e->nla_len == NLA_HDRLEN + 8)
				a->stats[e->nla_type & NLA_TYPE_MASK] =
					nlt_uint(e);
}

static int one_cb(const struct nlmsghdr *nlh, void *arg)
{
	snl_decode_assoc(nlh, arg);
	return 0;
}

int snl_get_by_id(struct nlt *n, uint32_t id, struct snl_assoc *a)
{
	nlt_msg(n, n->family, 0, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_u32(n, SCTPNL_A_ASSOC_ID, id);
	return nlt_send(n, one_cb, a);
}

int snl_get_by_addrs(struct nlt *n, const char *lip, int lport,
		     const char *pip, int pport, struct snl_assoc *a)
{
	nlt_msg(n, n->family, 0, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_put_addr(n, SCTPNL_A_LOCAL, lip, lport);
	nlt_put_addr(n, SCTPNL_A_PEER, pip, pport);
	return nlt_send(n, one_cb, a);
}

struct dump_arg {
	snl_assoc_cb cb;
	void *arg;
	struct snl_assoc a;
};

static int dump_cb(const struct nlmsghdr *nlh, void *p)
{
	struct dump_arg *d = p;

	snl_decode_assoc(nlh, &d->a);
	return d->cb(&d->a, d->arg);
}

int snl_dump(struct nlt *n, void (*filter)(struct nlt *n, void *arg),
	     void *farg, snl_assoc_cb cb, void *arg)
{
	struct dump_arg *d = calloc(1, sizeof(*d));
	int err;

	d->cb = cb;
	d->arg = arg;
	nlt_msg(n, n->family, NLM_F_DUMP, SCTPNL_CMD_ASSOC_GET, 1);
	if (filter) {
		nlt_nest(n, SCTPNL_A_FILTER);
		filter(n, farg);
		nlt_nest_end(n);
	}
	err = nlt_send(n, dump_cb, d);
	free(d);
	return err;
}

int sk_events_off(int fd)
{
	struct sctp_event_subscribe none = { 0 };

	return setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &none, sizeof(none));
}

int sk_quiet_socket(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);

	if (fd >= 0)
		sk_events_off(fd);
	return fd;
}

int sk_connect_lo(int fd, int port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};

	return connect(fd, (void *)&sin, sizeof(sin));
}

int sk_pair_lo(int lsn, int port, int *srv)
{
	int cli = sk_quiet_socket(), err;

	if (cli < 0)
		return -1;
	if (!sk_connect_lo(cli, port)) {
		*srv = accept(lsn, NULL, NULL);
		if (*srv >= 0)
			return cli;
	}
	err = errno;
	close(cli);
	errno = err;
	return -1;
}

int sk_local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (void *)&ss, &len))
		return -1;
	/* sin_port and sin6_port share their offset. */
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

int sk_quiesce(int fd, sctp_assoc_t id)
{
	for (int i = 0; i < 300; i++) {
		struct sctp_status st = { .sstat_assoc_id = id };
		socklen_t len = sizeof(st);

		if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
			return -errno;
		if (!st.sstat_unackdata && !st.sstat_penddata)
			return 0;
		usleep(10000);
	}
	return -ETIMEDOUT;
}

sctp_assoc_t sk_assoc_id(int fd)
{
	struct sctp_status st = { 0 };
	socklen_t len = sizeof(st);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
		return 0;
	return st.sstat_assoc_id;
}

sctp_assoc_t sk_first_assoc(int fd, unsigned int *n)
{
	struct {
		struct sctp_assoc_ids ids;
		sctp_assoc_t more[16];
	} list;
	socklen_t len = sizeof(list);

	if (n)
		*n = 0;
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, &list, &len) ||
	    !list.ids.gaids_number_of_ids)
		return 0;
	if (n)
		*n = list.ids.gaids_number_of_ids;
	return list.ids.gaids_assoc_id[0];
}

int snl_collect(const struct snl_assoc *a, void *arg)
{
	struct snl_seen *s = arg;

	if (s->n < (int)(sizeof(s->ids) / sizeof(s->ids[0])))
		s->ids[s->n++] = a->assoc_id;
	return 0;
}

int snl_seen_count(const struct snl_seen *s, uint32_t id)
{
	int i, c = 0;

	for (i = 0; i < s->n; i++)
		c += s->ids[i] == id;
	return c;
}

void snl_filter_lport(struct nlt *n, void *arg)
{
	nlt_put_u16(n, SCTPNL_FILTER_A_LOCAL_PORT, *(int *)arg);
}

void snl_filter_pport(struct nlt *n, void *arg)
{
	nlt_put_u16(n, SCTPNL_FILTER_A_PEER_PORT, *(int *)arg);
}

int genl_subscribers(void)
{
	unsigned int proto, portid, groups;
	char line[256], sk[32];
	FILE *f = fopen("/proc/net/netlink", "re");
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%31s %u %u %x", sk, &proto, &portid,
			   &groups) == 4 && proto == NETLINK_GENERIC && groups)
			n++;
	fclose(f);
	return n;
}

int genl_wait_subscriber(int before, int ms)
{
	for (; ms > 0; ms -= 20) {
		if (genl_subscribers() > before)
			return 0;
		usleep(20000);
	}
	return -1;
}

int sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

int enter_netns(const char *name)
{
	char path[256];
	int fd, err;

	snprintf(path, sizeof(path), "/var/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	err = setns(fd, CLONE_NEWNET);
	close(fd);
	return err ? -errno : 0;
}

/* @rel, relative to the directory of the running test program. */
const char *selftest_path(const char *rel)
{
	static char path[PATH_MAX + 64];
	char exe[PATH_MAX];
	ssize_t l = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (l < 0)
		return rel;
	exe[l] = 0;
	slash = strrchr(exe, '/');
	if (slash)
		*slash = 0;
	snprintf(path, sizeof(path), "%s/%s", exe, rel);
	return path;
}
