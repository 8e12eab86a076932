// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The monitor: a generic netlink socket joined to the "events" and/or
 * "probe" multicast groups, read without libnl's receive loop so that an
 * overrun (recv() failing with ENOBUFS) is seen, counted and reported
 * instead of being folded into a generic error.  The family and group ids
 * are resolved once, through libnl, on the same socket.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/family.h>

#include "internal.h"
#include "fields.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* An event message is small (the module allocates 512 bytes), a probe
 * message a batch of samples within a page; a datagram holds one or
 * several.  Room for the largest the kernel may send. */
#define MON_BUF	(64 * 1024)

struct sctpnl_mon {
	struct nl_sock *sk;
	int fd;
	int family;
	uint64_t overruns;	/* ENOBUFS seen */
	uint64_t kernel_lost;	/* increase of SCTPNL_A_LOST seen */
	uint64_t last_lost;
	int have_lost;
	int lost_pending;	/* on_lost owed (no on_lost: -ENOBUFS) */
	uint8_t *buf;
};

static const char *const event_names[] = {
	[SCTPNL_CMD_EVENT_ASSOC_CHANGE]	= "assoc_change",
	[SCTPNL_CMD_EVENT_PADDR_CHANGE]	= "paddr_change",
	[SCTPNL_CMD_EVENT_REMOTE_ERROR]	= "remote_error",
	[SCTPNL_CMD_EVENT_SEND_FAILED]	= "send_failed",
	[SCTPNL_CMD_EVENT_SHUTDOWN]	= "shutdown_event",
	[SCTPNL_CMD_EVENT_ADAPTATION]	= "adaptation_event",
	[SCTPNL_CMD_EVENT_PDAPI]	= "pdapi_event",
};

const char *sctpnl_event_name(unsigned int type)
{
	if (type < SNL_ARRAY_SIZE(event_names) && event_names[type])
		return event_names[type];
	return "unknown";
}

/* The module says so in a read-only parameter (kmod/hooks.c). */
int sctpnl_hooks_unavailable(char *buf, size_t len)
{
	FILE *f;
	int err = 0;

	if (!buf || !len)
		return -EINVAL;
	buf[0] = '\0';
	f = fopen("/sys/module/sctpnl/parameters/unavailable", "re");
	if (!f)
		return -errno;
	if (!fgets(buf, len, f))
		err = ferror(f) ? -EIO : 0;
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return err;
}

struct sctpnl_mon *sctpnl_monitor_open(unsigned int groups)
{
	static const char *const names[] = { SCTPNL_MCGRP_EVENTS,
					     SCTPNL_MCGRP_PROBE };
	struct sctpnl_mon *m;
	unsigned int i;
	int err, grp;

	if (!groups || (groups & ~(SCTPNL_MON_EVENTS | SCTPNL_MON_PROBE))) {
		errno = EINVAL;
		return NULL;
	}
	m = calloc(1, sizeof(*m));
	if (!m || !(m->buf = malloc(MON_BUF))) {
		free(m);
		errno = ENOMEM;
		return NULL;
	}
	m->sk = nl_socket_alloc();
	if (!m->sk) {
		err = -ENOMEM;
		goto fail;
	}
	/* Multicast messages have sequence number 0. */
	nl_socket_disable_seq_check(m->sk);
	err = genl_connect(m->sk);
	if (err < 0) {
		err = snl_nle_to_errno(err);
		goto fail;
	}
	m->fd = nl_socket_get_fd(m->sk);
	m->family = genl_ctrl_resolve(m->sk, SCTPNL_FAMILY_NAME);
	if (m->family < 0) {
		err = m->family == -NLE_OBJ_NOTFOUND ? -SCTPNL_ENOFAMILY :
			snl_nle_to_errno(m->family);
		goto fail;
	}
	for (i = 0; i < SNL_ARRAY_SIZE(names); i++) {
		if (!(groups & (1u << i)))
			continue;
		grp = genl_ctrl_resolve_grp(m->sk, SCTPNL_FAMILY_NAME,
					    names[i]);
		if (grp < 0) {
			err = snl_nle_to_errno(grp);
			goto fail;
		}
		/* setsockopt, not libnl: errno EPERM stays EPERM. */
		if (setsockopt(m->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
			       &grp, sizeof(grp))) {
			err = -errno;
			goto fail;
		}
	}
	if (fcntl(m->fd, F_SETFL, fcntl(m->fd, F_GETFL) | O_NONBLOCK)) {
		err = -errno;
		goto fail;
	}
	return m;

fail:
	sctpnl_monitor_close(m);
	errno = -err;
	return NULL;
}

void sctpnl_monitor_close(struct sctpnl_mon *m)
{
	if (!m)
		return;
	if (m->sk)
		nl_socket_free(m->sk);
	free(m->buf);
	free(m);
}

int sctpnl_monitor_fd(const struct sctpnl_mon *m)
{
	return m->fd;
}

int sctpnl_monitor_set_rcvbuf(struct sctpnl_mon *m, int bytes)
{
	if (bytes <= 0)
		return -EINVAL;
	if (!setsockopt(m->fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes,
			sizeof(bytes)))
		return 0;
	if (!setsockopt(m->fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes)))
		return 0;
	return -errno;
}

void sctpnl_monitor_lost(const struct sctpnl_mon *m, uint64_t *overruns,
			 uint64_t *kernel_lost)
{
	if (overruns)
		*overruns = m->overruns;
	if (kernel_lost)
		*kernel_lost = m->kernel_lost;
}

/* An integer attribute into an lvalue, or fail (decode_probe). */
#define U	SNL_GET

/* Identity common to events and samples, and their payload nests. */
struct ident {
	uint32_t assoc_id;
	uint64_t inode;
	uint16_t lport, pport;
	struct sctpnl_addr peer;
	uint64_t ts;
	uint64_t lost;
	uint64_t seen;		/* 1ull << SCTPNL_A_* */
	const struct nlattr *event, *probe;
};

#define P struct ident
static const struct snl_row ident_rows[] = {
	SNL_U(P, assoc_id, -1, SCTPNL_A_ASSOC_ID, 4),
	SNL_U(P, inode, -1, SCTPNL_A_SK_INODE, 8),
	SNL_U(P, lport, -1, SCTPNL_A_LOCAL_PORT, 2),
	SNL_U(P, pport, -1, SCTPNL_A_PEER_PORT, 2),
	SNL_ADDR(P, peer, -1, SCTPNL_A_PEER),
	SNL_U(P, ts, -1, SCTPNL_A_TIMESTAMP, 8),
	SNL_U(P, lost, -1, SCTPNL_A_LOST, 8),
	SNL_ROW(P, event, SNL_F_HOOK, -1, SCTPNL_A_EVENT, 0,
		.decode = snl_dec_keep),
	SNL_ROW(P, probe, SNL_F_HOOK, -1, SCTPNL_A_PROBE_SAMPLE, 0,
		.decode = snl_dec_keep),
};
static struct snl_desc ident_desc = SNL_PLAIN(ident_rows, offsetof(P, seen), 8);
#undef P

__attribute__((constructor)) static void map_ident(void)
{
	snl_map_rows(&ident_desc);
}

/* The top-level attributes, by the same decoder as an association's. */
static int decode_ident(const struct nlmsghdr *nlh, struct ident *id)
{
	const struct genlmsghdr *g = nlmsg_data(nlh);

	memset(id, 0, sizeof(*id));
	return snl_decode_attrs(&ident_desc, genlmsg_attrdata(g, 0),
				genlmsg_attrlen(g, 0), id) ? -EBADMSG : 0;
}

/*
 * A sample is one struct sctpnl_path_sample, versioned by its length:
 * take what both sides know, the rest reads 0.
 */
static int decode_probe(const struct ident *id, const struct nlattr *a,
			struct sctpnl_probe_sample *s)
{
	struct sctpnl_path_sample w;
	size_t len = nla_len(a);

	memset(&w, 0, sizeof(w));
	memcpy(&w, nla_data(a), len < sizeof(w) ? len : sizeof(w));
	if (w.family != AF_INET && w.family != AF_INET6)
		return -EBADMSG;
	memset(s, 0, sizeof(*s));
	s->assoc_id = w.assoc_id;
	s->lport = w.local_port;
	s->pport = w.peer_port;
	s->addr.family = w.family;
	memcpy(&s->addr.v6, w.addr, w.family == AF_INET ? 4 : 16);
	s->addr.port = w.port;
	s->addr.scope_id = w.scope_id;
	s->cwnd = w.cwnd;
	s->ssthresh = w.ssthresh;
	s->srtt = w.srtt;
	s->rto = w.rto;
	s->flight_size = w.flight_size;
	s->partial_bytes_acked = w.partial_bytes_acked;
	s->peer_rwnd = w.peer_rwnd;
	s->state = w.state;
	s->primary = w.primary;
	s->timestamp_ns = w.timestamp;
	s->kernel_lost = id->lost;
	return 0;
}

/* The causes of the ABORT that ended an association, if any. */
static void abort_data(const struct ident *id, struct sctpnl_event *ev)
{
	const struct nlattr *a;

	a = nla_find(nla_data(id->event), nla_len(id->event),
		     SCTPNL_EVENT_A_DATA);
	if (a) {
		ev->abort_data = nla_data(a);
		ev->abort_data_len = nla_len(a);
	}
}

/* The payload nest into the event's record, by the record's table. */
static int decode_event(uint8_t cmd, const struct ident *id,
			struct sctpnl_event *ev)
{
	const struct snl_desc *d;

	memset(ev, 0, sizeof(*ev));
	if (cmd < SCTPNL_CMD_EVENT_ASSOC_CHANGE || cmd > SCTPNL_CMD_EVENT_PDAPI)
		return -ENOENT;		/* a newer module's: skip */
	ev->type = cmd;
	ev->rec = SCTPNL_REC_ASSOC_CHANGE + cmd - SCTPNL_CMD_EVENT_ASSOC_CHANGE;
	ev->assoc_id = id->assoc_id;
	ev->inode = id->inode;
	ev->lport = id->lport;
	ev->pport = id->pport;
	ev->peer = id->peer;
	ev->timestamp_ns = id->ts;
	ev->kernel_lost = id->lost;
	d = snl_desc_of(ev->rec);
	if (id->event && snl_decode_nest(d, id->event, &ev->u))
		return -EBADMSG;
	snl_rec_set_id(d, &ev->u, id->assoc_id);
	if (cmd == SCTPNL_CMD_EVENT_ASSOC_CHANGE && id->event)
		abort_data(id, ev);
	if (cmd == SCTPNL_CMD_EVENT_SEND_FAILED) {
		/* ssf_info: the whole sctp_sndrcvinfo is reported */
		ev->u.send_failed.info.assoc_id = id->assoc_id;
		ev->u.send_failed.info.set =
			(1u << (SCTPNL_SNDRCVINFO_ASSOC_ID + 1)) - 1;
	}
	return 0;
}

static sctpnl_event_cb pick_cb(const struct sctpnl_mon_cb *c, uint8_t cmd)
{
	sctpnl_event_cb f = NULL;

	switch (cmd) {
	case SCTPNL_CMD_EVENT_ASSOC_CHANGE:
		f = c->on_assoc_change;
		break;
	case SCTPNL_CMD_EVENT_PADDR_CHANGE:
		f = c->on_paddr_change;
		break;
	case SCTPNL_CMD_EVENT_REMOTE_ERROR:
		f = c->on_remote_error;
		break;
	case SCTPNL_CMD_EVENT_SEND_FAILED:
		f = c->on_send_failed;
		break;
	case SCTPNL_CMD_EVENT_SHUTDOWN:
		f = c->on_shutdown;
		break;
	case SCTPNL_CMD_EVENT_ADAPTATION:
		f = c->on_adaptation;
		break;
	case SCTPNL_CMD_EVENT_PDAPI:
		f = c->on_pdapi;
		break;
	}
	return f ? f : c->on_event;
}

/* Report a loss now owed: on_lost's return, or -ENOBUFS without it. */
static int report_lost(struct sctpnl_mon *m, const struct sctpnl_mon_cb *c,
		       void *arg)
{
	int ret;

	m->lost_pending = 0;
	if (!c->on_lost)
		return -ENOBUFS;
	ret = c->on_lost(arg, m->overruns, m->kernel_lost);
	return ret < 0 ? ret : 0;
}

/*
 * A probe message is a batch: one SCTPNL_A_LOST for all of it, then
 * samples, one SCTPNL_A_PROBE_SAMPLE each, oldest first.  Each goes to
 * on_probe in turn.  The number of samples, or on_probe's error.
 */
static int probe_msg(const struct genlmsghdr *g, const struct ident *id,
		     const struct sctpnl_mon_cb *c, void *arg)
{
	struct sctpnl_probe_sample s;
	struct nlattr *a;
	int n = 0, rem, ret;

	if (!id->probe)
		return 0;
	nla_for_each_attr(a, genlmsg_attrdata(g, 0), genlmsg_attrlen(g, 0),
			  rem) {
		if (nla_type(a) != SCTPNL_A_PROBE_SAMPLE)
			continue;
		n++;
		if (!c->on_probe || decode_probe(id, a, &s))
			continue;
		ret = c->on_probe(&s, arg);
		if (ret < 0)
			return ret;
	}
	return n;
}

/* What a message delivered: 1, a probe message's samples, or an error. */
static int one_msg(struct sctpnl_mon *m, const struct nlmsghdr *nlh,
		   const struct sctpnl_mon_cb *c, void *arg)
{
	const struct genlmsghdr *g;
	struct ident id;
	int ret;

	if (nlh->nlmsg_type != m->family ||
	    !genlmsg_valid_hdr((struct nlmsghdr *)nlh, 0))
		return 1;
	g = nlmsg_data(nlh);
	if (decode_ident(nlh, &id))
		return 1;		/* malformed: not ours to die of */

	if (id.seen >> SCTPNL_A_LOST & 1) {
		if (m->have_lost && id.lost > m->last_lost) {
			m->kernel_lost += id.lost - m->last_lost;
			m->lost_pending = 1;
		}
		if (!m->have_lost || id.lost > m->last_lost)
			m->last_lost = id.lost;
		m->have_lost = 1;
	}
	if (m->lost_pending) {
		ret = report_lost(m, c, arg);
		if (ret)
			return ret;
	}

	if (g->cmd == SCTPNL_CMD_PROBE) {
		return probe_msg(g, &id, c, arg);
	} else {
		struct sctpnl_event ev;
		sctpnl_event_cb f = pick_cb(c, g->cmd);

		if (!f || decode_event(g->cmd, &id, &ev))
			return 1;
		ret = f(&ev, arg);
		return ret < 0 ? ret : 1;
	}
}

int sctpnl_monitor_read(struct sctpnl_mon *m, const struct sctpnl_mon_cb *c,
			void *arg)
{
	static const struct sctpnl_mon_cb none;
	int n = 0, ret;

	if (!c)
		c = &none;
	if (m->lost_pending) {
		ret = report_lost(m, c, arg);
		if (ret)
			return ret;
	}
	for (;;) {
		const struct nlmsghdr *nlh;
		ssize_t len;

		len = recv(m->fd, m->buf, MON_BUF, MSG_DONTWAIT);
		if (len < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return n;
			if (errno == ENOBUFS) {
				/* The kernel dropped messages for us: say
				 * so, then go on reading. */
				m->overruns++;
				ret = report_lost(m, c, arg);
				if (ret)
					return ret;
				continue;
			}
			return -errno;
		}
		if (len == 0)
			return n;
		for (nlh = (const struct nlmsghdr *)m->buf;
		     NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type == NLMSG_DONE ||
			    nlh->nlmsg_type == NLMSG_ERROR ||
			    nlh->nlmsg_type == NLMSG_NOOP)
				continue;
			ret = one_msg(m, nlh, c, arg);
			if (ret < 0)
				return ret;
			n += ret;
		}
	}
}

int sctpnl_probe_filter(struct sctpnl *h, const uint32_t *ids, size_t n)
{
	return sctpnl_probe_filter_interval(h, ids, n, 0);
}

int sctpnl_probe_filter_interval(struct sctpnl *h, const uint32_t *ids,
				 size_t n, uint32_t interval_ms)
{
	struct nlattr *nest;
	struct nl_msg *msg;
	size_t i;
	int err;

	if (n > SCTPNL_PROBE_FILTER_MAX || (n && !ids))
		return -EINVAL;
	msg = snl_new_req(h, SCTPNL_CMD_PROBE_SET, 0);
	if (!msg)
		return -ENOMEM;
	if (interval_ms &&
	    nla_put_u32(msg, SCTPNL_A_PROBE_INTERVAL, interval_ms)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	if (n) {
		nest = nla_nest_start(msg, SCTPNL_A_PROBE_FILTER);
		if (!nest) {
			nlmsg_free(msg);
			return -EMSGSIZE;
		}
		for (i = 0; i < n; i++)
			if (nla_put_u32(msg, SCTPNL_A_PROBE_FILTER_ENTRY,
					ids[i])) {
				nlmsg_free(msg);
				return -EMSGSIZE;
			}
		nla_nest_end(msg, nest);
	}
	err = snl_do(h, msg);
	nlmsg_free(msg);
	return err;
}
