// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sctpnl_port: the port program of the Erlang application sctpnl.
 *
 * It speaks the external term format over stdin/stdout, each message
 * preceded by its length as 4 bytes big-endian ({packet, 4}), and maps
 * requests onto libsctpnl.  One request is served at a time; the reply
 * (or, for a dump, the batches and then the end) comes before the next
 * request is read.  Events of a subscription arrive in between, at any
 * time.  EOF on stdin (the port closed) ends the program with status 0.
 *
 * Requests (Erlang -> port):
 *   {dump, Filter, Info, Batch}  Filter: [{Key, Value}]; Info: the
 *                                SCTPNL_INFO_* mask; Batch: associations
 *                                per message
 *   {get, AssocId}
 *   {set, AssocId, Option, Value}
 *   {abort, AssocId, Reason :: binary()}
 *   {eof, AssocId}
 *   {subscribe, RcvBuf}          RcvBuf 0: the default size
 *   unsubscribe
 *
 * Replies (port -> Erlang):
 *   {batch, [Assoc]}             some of a dump's associations
 *   {done, Count}                the dump ended
 *   {ok, Assoc} | ok             get / the other requests
 *   {error, Posix, Message}      Message: the kernel's extack text, or
 *                                strerror()'s
 * and, while subscribed:
 *   {event, Identity, Record}
 *   {lost, Overruns, KernelLost} totals since the subscription began
 *   {monitor_down, Posix, Message} | monitor_up
 *
 * Assoc and Identity are lists of {Key, Value} (maps:from_list/1 on the
 * Erlang side); records are the tuples of inet_sctp.hrl.
 *
 * The library handle is opened for each request, which resolves the
 * family each time: a module unloaded and loaded again (a new family id)
 * is picked up by the next request.  While subscribed, the family is
 * checked every second; if it went away or changed, the monitor is
 * closed, monitor_down sent, and it is reopened (monitor_up) as soon as
 * the family is back.
 */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <netlink/genl/ctrl.h>

#include <ei.h>

#include "sctpnl.h"
#include "fields.h"

#define DEFAULT_BATCH	256
#define MAX_BATCH	65536
#define MAX_MSG		(16u << 20)
#define CHECK_MS	1000
#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

struct port {
	struct sctpnl_mon *mon;
	int subscribed;
	int mon_family;		/* family id the monitor joined */
	int rcvbuf;
	struct nl_sock *ctrl;	/* family checks */
};

/* ---- framing ---- */

static int read_all(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EPIPE;
		p += n;
		len -= n;
	}
	return 0;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= n;
	}
	return 0;
}

static int send_x(ei_x_buff *x)
{
	uint32_t be = htonl((uint32_t)x->index);
	int err = write_all(STDOUT_FILENO, &be, sizeof(be));

	return err ? err : write_all(STDOUT_FILENO, x->buff, x->index);
}

/* A request in *buf (malloc'd), its length in *len; -EPIPE at EOF. */
static int read_msg(char **buf, uint32_t *len)
{
	uint32_t be;
	int err = read_all(STDIN_FILENO, &be, sizeof(be));

	if (err)
		return err;
	*len = ntohl(be);
	if (*len > MAX_MSG)
		return -EMSGSIZE;
	*buf = malloc(*len ? *len : 1);
	if (!*buf)
		return -ENOMEM;
	err = read_all(STDIN_FILENO, *buf, *len);
	if (err) {
		free(*buf);
		*buf = NULL;
	}
	return err;
}

/* ---- encoding ---- */

static void enc_atom(ei_x_buff *x, const char *s)
{
	ei_x_encode_atom(x, s);
}

static void enc_posix(ei_x_buff *x, int err)
{
	const char *name = strerrorname_np(err);
	char buf[MAXATOMLEN];
	size_t i;

	if (!name) {
		enc_atom(x, "unknown");
		return;
	}
	for (i = 0; name[i] && i < sizeof(buf) - 1; i++)
		buf[i] = tolower((unsigned char)name[i]);
	buf[i] = '\0';
	enc_atom(x, buf);
}

static void enc_ip(ei_x_buff *x, const struct sctpnl_addr *a)
{
	const uint8_t *b;
	int i;

	if (a->family == AF_INET) {
		b = (const uint8_t *)&a->v4;
		ei_x_encode_tuple_header(x, 4);
		for (i = 0; i < 4; i++)
			ei_x_encode_ulong(x, b[i]);
		return;
	}
	b = a->v6.s6_addr;
	ei_x_encode_tuple_header(x, 8);
	for (i = 0; i < 8; i++)
		ei_x_encode_ulong(x, b[2 * i] << 8 | b[2 * i + 1]);
}

/* {IP, Port}, or undefined for no address. */
static void enc_addr(ei_x_buff *x, const struct sctpnl_addr *a)
{
	if (a->family != AF_INET && a->family != AF_INET6) {
		enc_atom(x, "undefined");
		return;
	}
	ei_x_encode_tuple_header(x, 2);
	enc_ip(x, a);
	ei_x_encode_ulong(x, a->port);
}

static int enc_rec_d(ei_x_buff *x, const struct snl_desc *d,
		     const void *rec);

/* One field's value, as sctpctl -f erl prints it. */
static void enc_field(ei_x_buff *x, const struct snl_desc *d,
		      const struct snl_row *r, const void *rec)
{
	const void *p = snl_at(rec, r);
	unsigned int b;
	uint64_t v;

	if (!snl_row_isset(d, rec, r)) {
		enc_atom(x, "undefined");
		return;
	}
	switch (r->type) {
	case SNL_F_UINT:
		/* As OTP's driver shows it (the adaptation layer
		 * indication: see fields.c), like sctpctl -f erl. */
		ei_x_encode_ulonglong(x, snl_row_erl_u(rec, r));
		break;
	case SNL_F_ATOM:
		enc_atom(x, snl_row_atom(rec, r, 0));
		break;
	case SNL_F_BOOL:
		enc_atom(x, snl_row_u(rec, r) ? "true" : "false");
		break;
	case SNL_F_ADDR:
		enc_addr(x, p);
		break;
	case SNL_F_FLAGS:
		v = snl_row_u(rec, r);
		for (b = 0; b < r->names->n; b++) {
			if (!(v & (1ull << b)) || !r->names->v[b])
				continue;
			ei_x_encode_list_header(x, 1);
			enc_atom(x, r->names->v[b]);
		}
		ei_x_encode_empty_list(x);
		break;
	case SNL_F_REC:
		enc_rec_d(x, r->rec, p);
		break;
	case SNL_F_BIN:
		ei_x_encode_binary(x, *(const void *const *)p,
				   (long)*(const size_t *)
				   ((const char *)rec + r->len_off));
		break;
	}
}

/* A record of inet_sctp.hrl, from the library's table of it. */
static int enc_rec_d(ei_x_buff *x, const struct snl_desc *d,
		     const void *rec)
{
	const struct snl_row *r;
	int n = 0;

	for (r = d->rows; r < d->rows + d->n; r++)
		n += r->name != NULL;
	ei_x_encode_tuple_header(x, n + 1);
	enc_atom(x, d->name);
	for (r = d->rows; r < d->rows + d->n; r++)
		if (r->name)
			enc_field(x, d, r, rec);
	return 0;
}

static int enc_rec(ei_x_buff *x, enum sctpnl_rec which, const void *rec)
{
	const struct snl_desc *d = snl_desc_of(which);

	return d ? enc_rec_d(x, d, rec) : -EINVAL;
}

/* One {Key, Value} element of a list built one cell at a time. */
static void enc_key(ei_x_buff *x, const char *key)
{
	ei_x_encode_list_header(x, 1);
	ei_x_encode_tuple_header(x, 2);
	enc_atom(x, key);
}

static void kv_u64(ei_x_buff *x, const char *key, uint64_t v)
{
	enc_key(x, key);
	ei_x_encode_ulonglong(x, v);
}

static void kv_bool(ei_x_buff *x, const char *key, int v)
{
	enc_key(x, key);
	enc_atom(x, v ? "true" : "false");
}

static void kv_rec(ei_x_buff *x, const char *key, enum sctpnl_rec which,
		   const void *rec)
{
	enc_key(x, key);
	if (enc_rec(x, which, rec))
		enc_atom(x, "undefined");
}

static const char *style_atom(unsigned int style)
{
	switch (style) {
	case SCTPNL_STYLE_ONE_TO_ONE:
		return "one_to_one";
	case SCTPNL_STYLE_ONE_TO_MANY:
		return "one_to_many";
	case SCTPNL_STYLE_PEELED:
		return "peeled";
	default:
		return "undefined";
	}
}

/*
 * The association as a list of {Key, Value}: identity first, then the
 * records as the owner's inet:getopts/2 shows them (only those the
 * kernel sent).  sock_maxseg (>= 0) is the owning socket's SCTP_MAXSEG.
 */
/* The owner and the addresses, as the socket presents them. */
static void enc_assoc_ident(ei_x_buff *x, const struct sctpnl_assoc *a)
{
	struct sctpnl_addr tmp, shown;
	unsigned int i;

	kv_u64(x, "assoc_id", a->assoc_id);
	kv_u64(x, "inode", a->inode);
	kv_u64(x, "uid", a->uid);
	enc_key(x, "style");
	enc_atom(x, style_atom(a->style));
	enc_key(x, "family");
	enc_atom(x, a->sk_family == AF_INET6 ? "inet6" : "inet");
	/* local: the kernel's, else the first bound address; peer: the
	 * kernel's, else the primary path's */
	if (SCTPNL_HAS(a, SCTPNL_A_LOCAL) || a->n_laddrs) {
		enc_key(x, "local");
		tmp = SCTPNL_HAS(a, SCTPNL_A_LOCAL) ? a->local : a->laddrs[0];
		tmp.port = a->local_port;
		sctpnl_addr_present(&shown, &tmp, a->sk_family,
				    a->v4mapped);
		enc_addr(x, &shown);
	}
	if (SCTPNL_HAS(a, SCTPNL_A_PEER) ||
	    SCTPNL_ISSET(&a->status, SCTPNL_STATUS_PRIMARY)) {
		enc_key(x, "peer");
		tmp = SCTPNL_HAS(a, SCTPNL_A_PEER) ? a->peer :
						     a->status.primary.address;
		tmp.port = a->peer_port;
		sctpnl_addr_present(&shown, &tmp, a->sk_family,
				    a->v4mapped);
		enc_addr(x, &shown);
	}
	enc_key(x, "local_addrs");
	for (i = 0; i < a->n_laddrs; i++) {
		sctpnl_addr_present(&tmp, &a->laddrs[i], a->sk_family,
				    a->v4mapped);
		tmp.port = a->local_port;
		ei_x_encode_list_header(x, 1);
		enc_addr(x, &tmp);
	}
	ei_x_encode_empty_list(x);
}

/* The gen_sctp records of an association, each under its key. */
static void enc_assoc_records(ei_x_buff *x, const struct sctpnl_assoc *a)
{
	union snl_rec_buf r;
	unsigned int i;

	if (!sctpnl_status_from_assoc(a, &r.status))
		kv_rec(x, "status", SCTPNL_REC_STATUS, &r.status);
	enc_key(x, "paths");
	for (i = 0; i < a->n_paths; i++) {
		ei_x_encode_list_header(x, 1);
		ei_x_encode_tuple_header(x, 2);
		if (sctpnl_paddrinfo_from_assoc(a, i, &r.pi) ||
		    enc_rec(x, SCTPNL_REC_PADDRINFO, &r.pi))
			enc_atom(x, "undefined");
		if (sctpnl_paddrparams_from_assoc(a, i, &r.pp) ||
		    enc_rec(x, SCTPNL_REC_PADDRPARAMS, &r.pp))
			enc_atom(x, "undefined");
	}
	ei_x_encode_empty_list(x);
	if (!sctpnl_rtoinfo_from_assoc(a, &r.rto))
		kv_rec(x, "rtoinfo", SCTPNL_REC_RTOINFO, &r.rto);
	if (!sctpnl_assocparams_from_assoc(a, &r.ap))
		kv_rec(x, "assocparams", SCTPNL_REC_ASSOCPARAMS, &r.ap);
	if (!sctpnl_initmsg_from_assoc(a, &r.im))
		kv_rec(x, "initmsg", SCTPNL_REC_INITMSG, &r.im);
	if (!sctpnl_delayed_ack_from_assoc(a, &r.av))
		kv_rec(x, "delayed_ack", SCTPNL_REC_ASSOC_VALUE, &r.av);
	if (!sctpnl_sndrcvinfo_from_assoc(a, &r.sri))
		kv_rec(x, "default_send", SCTPNL_REC_SNDRCVINFO, &r.sri);
	if (!sctpnl_events_from_assoc(a, &r.ev))
		kv_rec(x, "events", SCTPNL_REC_EVENT_SUBSCRIBE, &r.ev);
	if (!sctpnl_setadaptation_from_assoc(a, &r.ad))
		kv_rec(x, "adaptation", SCTPNL_REC_SETADAPTATION, &r.ad);
	if (!sctpnl_prim_from_assoc(a, &r.prim))
		kv_rec(x, "prim", SCTPNL_REC_PRIM, &r.prim);
}

static void enc_assoc(ei_x_buff *x, const struct sctpnl_assoc *a,
		      int64_t sock_maxseg)
{
	enc_assoc_ident(x, a);
	enc_assoc_records(x, a);
	if (SCTPNL_HAS(a, SCTPNL_A_MAXSEG))
		kv_u64(x, "maxseg", a->maxseg);
	if (sock_maxseg >= 0)
		kv_u64(x, "sock_maxseg", (uint64_t)sock_maxseg);
	if (SCTPNL_HAS(a, SCTPNL_A_NODELAY))
		kv_bool(x, "nodelay", a->nodelay);
	if (SCTPNL_HAS(a, SCTPNL_A_AUTOCLOSE))
		kv_u64(x, "autoclose", a->autoclose);
	if (SCTPNL_HAS(a, SCTPNL_A_DISABLE_FRAGMENTS))
		kv_bool(x, "disable_fragments", a->disable_fragments);
	if (SCTPNL_HAS(a, SCTPNL_A_PEER_ADAPTATION_IND))
		kv_u64(x, "peer_adaptation_ind",
		       ntohl(a->peer_adaptation_ind));
	ei_x_encode_empty_list(x);
}

static int send_error(int err, const struct sctpnl *h)
{
	const char *msg = h ? sctpnl_errmsg(h) : NULL;
	ei_x_buff x;
	int ret;

	if (err < 0)
		err = -err;
	if (!msg || !*msg) {
		if (err == SCTPNL_ENOFAMILY)
			msg = "sctpnl kernel module not loaded";
		else
			msg = strerror(err);
	}
	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 3);
	enc_atom(&x, "error");
	if (err == SCTPNL_ENOFAMILY)
		enc_atom(&x, "not_loaded");
	else
		enc_posix(&x, err);
	ei_x_encode_binary(&x, msg, strlen(msg));
	ret = send_x(&x);
	ei_x_free(&x);
	return ret;
}

static int send_atom(const char *a)
{
	ei_x_buff x;
	int ret;

	ei_x_new_with_version(&x);
	enc_atom(&x, a);
	ret = send_x(&x);
	ei_x_free(&x);
	return ret;
}

/* ---- decoding ---- */

struct req {
	const char *buf;
	int i;
};

static int dec_u64(struct req *r, uint64_t *v)
{
	unsigned long long u;
	char a[MAXATOMLEN];
	int save = r->i;

	if (!ei_decode_ulonglong(r->buf, &r->i, &u)) {
		*v = u;
		return 0;
	}
	r->i = save;
	/* booleans as 1 / 0 */
	if (!ei_decode_atom(r->buf, &r->i, a)) {
		if (!strcmp(a, "true")) {
			*v = 1;
			return 0;
		}
		if (!strcmp(a, "false")) {
			*v = 0;
			return 0;
		}
	}
	r->i = save;
	return -EINVAL;
}

static int dec_u32(struct req *r, uint32_t *v)
{
	uint64_t u;

	if (dec_u64(r, &u) || u > UINT32_MAX)
		return -EINVAL;
	*v = (uint32_t)u;
	return 0;
}

/* An IP tuple: 4 or 8 integers. */
static int dec_ip(struct req *r, struct sctpnl_addr *a)
{
	int n, k;
	uint64_t v;

	if (ei_decode_tuple_header(r->buf, &r->i, &n) || (n != 4 && n != 8))
		return -EINVAL;
	memset(a, 0, sizeof(*a));
	a->family = n == 4 ? AF_INET : AF_INET6;
	for (k = 0; k < n; k++) {
		if (dec_u64(r, &v) || v > (n == 4 ? 255u : 65535u))
			return -EINVAL;
		if (n == 4) {
			((uint8_t *)&a->v4)[k] = (uint8_t)v;
		} else {
			a->v6.s6_addr[2 * k] = (uint8_t)(v >> 8);
			a->v6.s6_addr[2 * k + 1] = (uint8_t)v;
		}
	}
	return 0;
}

/* {IP, Port} */
static int dec_addr(struct req *r, struct sctpnl_addr *a)
{
	uint64_t port;
	int n;

	if (ei_decode_tuple_header(r->buf, &r->i, &n) || n != 2 ||
	    dec_ip(r, a) || dec_u64(r, &port) || port > 65535)
		return -EINVAL;
	a->port = (uint16_t)port;
	return 0;
}

static int is_undefined(struct req *r)
{
	char a[MAXATOMLEN];
	int i = r->i;

	if (!ei_decode_atom(r->buf, &i, a) && !strcmp(a, "undefined")) {
		r->i = i;
		return 1;
	}
	return 0;
}

/* A list of atoms -> a bit mask, by names[bit]. */
static int dec_flags(struct req *r, uint32_t *mask, const char *const *names,
		     unsigned int n_names)
{
	char a[MAXATOMLEN];
	int n, k, type, size;
	unsigned int b;

	*mask = 0;
	if (ei_get_type(r->buf, &r->i, &type, &size))
		return -EINVAL;
	if (type == ERL_NIL_EXT)
		return ei_decode_list_header(r->buf, &r->i, &n) ? -EINVAL : 0;
	if (ei_decode_list_header(r->buf, &r->i, &n))
		return -EINVAL;
	for (k = 0; k < n; k++) {
		if (ei_decode_atom(r->buf, &r->i, a))
			return -EINVAL;
		for (b = 0; b < n_names; b++)
			if (names[b] && !strcmp(names[b], a))
				break;
		if (b == n_names)
			return -EINVAL;
		*mask |= 1u << b;
	}
	return ei_decode_list_header(r->buf, &r->i, &n) || n ? -EINVAL : 0;
}

/* One field of a record tuple into the C member at p, as row r says. */
static int dec_field(struct req *r, const struct snl_row *row, void *p)
{
	uint32_t v;

	switch (row->type) {
	case SNL_F_UINT:
	case SNL_F_FLAGS:
		if (row->type == SNL_F_FLAGS ?
		    dec_flags(r, &v, row->names->v, row->names->n) :
		    dec_u32(r, &v))
			return -EINVAL;
		/* OTP byte-swaps such a value on the way in as on the way
		 * out: keep what inet:setopts/2 would give the socket. */
		if (row->conv == SNL_CV_ERL_NTOHL)
			v = htonl(v);
		if (row->size == 1 && v <= UINT8_MAX)
			*(uint8_t *)p = (uint8_t)v;
		else if (row->size == 2 && v <= UINT16_MAX)
			*(uint16_t *)p = (uint16_t)v;
		else if (row->size == 4)
			*(uint32_t *)p = v;
		else
			return -ERANGE;
		return 0;
	case SNL_F_ADDR:
		return dec_addr(r, p) ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/*
 * A record tuple {Name, F0, F1, ...} into the struct at out, by the
 * library's table of the record: each field not `undefined` is stored and
 * its presence bit set.
 */
static int dec_rec(struct req *r, enum sctpnl_rec which, void *out)
{
	const struct snl_desc *d = snl_desc_of(which);
	const struct snl_row *row;
	char a[MAXATOMLEN];
	uint64_t set = 0;
	int n, nf = 0, err;

	for (row = d->rows; row < d->rows + d->n; row++)
		nf += row->name != NULL;
	if (ei_decode_tuple_header(r->buf, &r->i, &n) || n != nf + 1 ||
	    ei_decode_atom(r->buf, &r->i, a) || strcmp(a, d->name))
		return -EINVAL;
	for (row = d->rows; row < d->rows + d->n; row++) {
		if (!row->name || is_undefined(r))
			continue;
		err = dec_field(r, row, (char *)out + row->off);
		if (err)
			return err;
		if (row->bit >= 0)
			set |= 1ull << row->bit;
	}
	if (d->set_size == 8)
		memcpy((char *)out + d->set_off, &set, 8);
	else
		*(uint32_t *)((char *)out + d->set_off) = (uint32_t)set;
	return 0;
}

/* ---- requests ---- */

static struct sctpnl *open_handle(void)
{
	struct sctpnl *h = sctpnl_open();

	if (!h)
		send_error(errno ? errno : EIO, NULL);
	return h;
}

static int states_mask(struct req *r, uint32_t *mask)
{
	char a[MAXATOMLEN];
	int n, k, s;

	*mask = 0;
	if (ei_decode_list_header(r->buf, &r->i, &n))
		return -EINVAL;
	for (k = 0; k < n; k++) {
		if (ei_decode_atom(r->buf, &r->i, a))
			return -EINVAL;
		s = sctpnl_state_from_name(a);
		if (s < 0)
			return -EINVAL;
		*mask |= 1u << s;
	}
	if (n && (ei_decode_list_header(r->buf, &r->i, &n) || n))
		return -EINVAL;
	return 0;
}

static int dec_filter(struct req *r, struct sctpnl_filter *f)
{
	char key[MAXATOMLEN];
	uint64_t v;
	int n, k, t;

	memset(f, 0, sizeof(*f));
	if (ei_decode_list_header(r->buf, &r->i, &n))
		return -EINVAL;
	for (k = 0; k < n; k++) {
		if (ei_decode_tuple_header(r->buf, &r->i, &t) || t != 2 ||
		    ei_decode_atom(r->buf, &r->i, key))
			return -EINVAL;
		if (!strcmp(key, "lport") || !strcmp(key, "pport")) {
			if (dec_u64(r, &v) || v > 65535)
				return -EINVAL;
			if (key[0] == 'l') {
				f->lport = (uint16_t)v;
				SCTPNL_SETF(f, SCTPNL_FILTER_LPORT);
			} else {
				f->pport = (uint16_t)v;
				SCTPNL_SETF(f, SCTPNL_FILTER_PPORT);
			}
		} else if (!strcmp(key, "laddr")) {
			if (dec_ip(r, &f->laddr))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_LADDR);
		} else if (!strcmp(key, "paddr")) {
			if (dec_ip(r, &f->paddr))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_PADDR);
		} else if (!strcmp(key, "states")) {
			if (states_mask(r, &f->state_mask))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_STATE);
		} else if (!strcmp(key, "uid")) {
			if (dec_u32(r, &f->uid))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_UID);
		} else if (!strcmp(key, "inode")) {
			if (dec_u64(r, &f->inode))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_INODE);
		} else if (!strcmp(key, "assoc_id")) {
			if (dec_u32(r, &f->assoc_id))
				return -EINVAL;
			SCTPNL_SETF(f, SCTPNL_FILTER_ASSOC_ID);
		} else {
			return -EINVAL;
		}
	}
	if (n && (ei_decode_list_header(r->buf, &r->i, &n) || n))
		return -EINVAL;
	return 0;
}

struct dump_ctx {
	ei_x_buff x;
	unsigned int in_batch;
	unsigned int batch;
	uint64_t total;
	int io_err;
};

static void batch_begin(struct dump_ctx *d)
{
	ei_x_new_with_version(&d->x);
	ei_x_encode_tuple_header(&d->x, 2);
	enc_atom(&d->x, "batch");
	d->in_batch = 0;
}

static int batch_flush(struct dump_ctx *d)
{
	int err;

	ei_x_encode_empty_list(&d->x);
	err = send_x(&d->x);
	ei_x_free(&d->x);
	return err;
}

static int dump_cb(const struct sctpnl_assoc *a, void *arg)
{
	struct dump_ctx *d = arg;

	ei_x_encode_list_header(&d->x, 1);
	enc_assoc(&d->x, a, -1);
	d->total++;
	if (++d->in_batch >= d->batch) {
		d->io_err = batch_flush(d);
		batch_begin(d);
		if (d->io_err)
			return d->io_err;	/* stop: stdout is gone */
	}
	return 0;
}

static int do_dump(struct req *r)
{
	struct sctpnl_filter f;
	struct dump_ctx d = { 0 };
	struct sctpnl *h;
	uint64_t info, batch;
	ei_x_buff x;
	int err;

	if (dec_filter(r, &f) || dec_u64(r, &info) || dec_u64(r, &batch))
		return send_error(EINVAL, NULL);
	if (info) {
		f.info = (uint32_t)info;
		SCTPNL_SETF(&f, SCTPNL_FILTER_INFO);
	}
	d.batch = batch && batch <= MAX_BATCH ? (unsigned int)batch :
						DEFAULT_BATCH;
	h = open_handle();
	if (!h)
		return 0;
	batch_begin(&d);
	err = sctpnl_assoc_dump(h, &f, dump_cb, &d);
	if (d.io_err) {
		ei_x_free(&d.x);
		sctpnl_close(h);
		return d.io_err;
	}
	if (err < 0) {
		ei_x_free(&d.x);
		err = send_error(err, h);
		sctpnl_close(h);
		return err;
	}
	sctpnl_close(h);
	if (d.in_batch) {
		err = batch_flush(&d);
		if (err)
			return err;
	} else {
		ei_x_free(&d.x);
	}
	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 2);
	enc_atom(&x, "done");
	ei_x_encode_ulonglong(&x, d.total);
	err = send_x(&x);
	ei_x_free(&x);
	return err;
}

static int ep_maxseg_cb(const struct sctpnl_ep *ep, void *arg)
{
	*(int64_t *)arg = ep->maxseg;
	return 1;
}

static int do_get(struct req *r)
{
	struct sctpnl_key key = { 0 };
	struct sctpnl_assoc *a;
	struct sctpnl_filter f;
	struct sctpnl *h;
	int64_t sock_maxseg = -1;
	ei_x_buff x;
	int err;

	if (dec_u32(r, &key.assoc_id))
		return send_error(EINVAL, NULL);
	a = malloc(sizeof(*a));
	if (!a)
		return send_error(ENOMEM, NULL);
	h = open_handle();
	if (!h) {
		free(a);
		return 0;
	}
	err = sctpnl_assoc_get(h, &key, a);
	if (err < 0) {
		err = send_error(err, h);
		goto out;
	}
	/*
	 * SCTP_MAXSEG on a one-to-many socket without an association id
	 * (what gen_sctp asks) reports the socket's value, not the
	 * association's fragmentation point: read it from the endpoint.
	 */
	if (a->style == SCTPNL_STYLE_ONE_TO_MANY && a->inode) {
		memset(&f, 0, sizeof(f));
		f.inode = a->inode;
		SCTPNL_SETF(&f, SCTPNL_FILTER_INODE);
		if (sctpnl_ep_dump(h, &f, ep_maxseg_cb, &sock_maxseg) < 0)
			sock_maxseg = -1;
	}
	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 2);
	enc_atom(&x, "ok");
	enc_assoc(&x, a, sock_maxseg);
	err = send_x(&x);
	ei_x_free(&x);
out:
	sctpnl_close(h);
	free(a);
	return err;
}

static int is_wildcard(const struct sctpnl_addr *a)
{
	static const struct in6_addr any6 = IN6ADDR_ANY_INIT;

	if (a->port)
		return 0;
	if (a->family == AF_INET)
		return a->v4.s_addr == htonl(INADDR_ANY);
	if (a->family == AF_INET6)
		return !memcmp(&a->v6, &any6, sizeof(any6));
	return 0;
}

/* The value of any option do_set() takes. */
union set_val {
	struct sctpnl_rtoinfo rto;
	struct sctpnl_assocparams ap;
	struct sctpnl_initmsg im;
	struct sctpnl_paddrparams pp;
	struct sctpnl_prim prim;
	struct sctpnl_setpeerprim spp;
	struct sctpnl_setadaptation ad;
	struct sctpnl_assoc_value av;
	struct sctpnl_sndrcvinfo sri;
	uint32_t u;			/* the integer and boolean options */
};

/* Decode option opt's value: 0, or -errno (-ENOPROTOOPT: no such). */
static int dec_set_value(struct req *r, const char *opt, union set_val *v)
{
	int err = -ENOPROTOOPT;

	if (!strcmp(opt, "sctp_rtoinfo"))
		err = dec_rec(r, SCTPNL_REC_RTOINFO, &v->rto);
	else if (!strcmp(opt, "sctp_associnfo"))
		err = dec_rec(r, SCTPNL_REC_ASSOCPARAMS, &v->ap);
	else if (!strcmp(opt, "sctp_initmsg"))
		err = dec_rec(r, SCTPNL_REC_INITMSG, &v->im);
	else if (!strcmp(opt, "sctp_peer_addr_params")) {
		err = dec_rec(r, SCTPNL_REC_PADDRPARAMS, &v->pp);
		if (!err && SCTPNL_ISSET(&v->pp, SCTPNL_PADDRPARAMS_ADDRESS) &&
		    is_wildcard(&v->pp.address))
			SCTPNL_CLRF(&v->pp, SCTPNL_PADDRPARAMS_ADDRESS);
	} else if (!strcmp(opt, "sctp_primary_addr"))
		err = dec_rec(r, SCTPNL_REC_PRIM, &v->prim);
	else if (!strcmp(opt, "sctp_set_peer_primary_addr"))
		err = dec_rec(r, SCTPNL_REC_SETPEERPRIM, &v->spp);
	else if (!strcmp(opt, "sctp_adaptation_layer"))
		err = dec_rec(r, SCTPNL_REC_SETADAPTATION, &v->ad);
	else if (!strcmp(opt, "sctp_delayed_ack_time"))
		err = dec_rec(r, SCTPNL_REC_ASSOC_VALUE, &v->av);
	else if (!strcmp(opt, "sctp_default_send_param"))
		err = dec_rec(r, SCTPNL_REC_SNDRCVINFO, &v->sri);
	else if (!strcmp(opt, "sctp_maxseg") || !strcmp(opt, "sctp_nodelay") ||
		 !strcmp(opt, "sctp_autoclose") ||
		 !strcmp(opt, "sctp_disable_fragments"))
		err = dec_u32(r, &v->u);
	return err;
}

/* Set option opt (dec_set_value() knew it) to v: as the library says. */
static int apply_set(struct sctpnl *h, const struct sctpnl_key *key,
		     const char *opt, const union set_val *v)
{
	if (!strcmp(opt, "sctp_rtoinfo"))
		return sctpnl_set_rtoinfo(h, key, &v->rto);
	if (!strcmp(opt, "sctp_associnfo"))
		return sctpnl_set_assocparams(h, key, &v->ap);
	if (!strcmp(opt, "sctp_initmsg"))
		return sctpnl_set_initmsg(h, key, &v->im);
	if (!strcmp(opt, "sctp_peer_addr_params"))
		return sctpnl_set_paddrparams(h, key, &v->pp);
	if (!strcmp(opt, "sctp_primary_addr"))
		return sctpnl_set_primary(h, key, &v->prim);
	if (!strcmp(opt, "sctp_set_peer_primary_addr"))
		return sctpnl_set_peer_primary(h, key, &v->spp);
	if (!strcmp(opt, "sctp_adaptation_layer"))
		return sctpnl_set_adaptation(h, key, &v->ad);
	if (!strcmp(opt, "sctp_delayed_ack_time"))
		return sctpnl_set_delayed_ack(h, key, &v->av);
	if (!strcmp(opt, "sctp_default_send_param"))
		return sctpnl_set_default_send(h, key, &v->sri);
	if (!strcmp(opt, "sctp_maxseg"))
		return sctpnl_set_maxseg(h, key, v->u);
	if (!strcmp(opt, "sctp_nodelay"))
		return sctpnl_set_nodelay(h, key, !!v->u);
	if (!strcmp(opt, "sctp_autoclose"))
		return sctpnl_set_autoclose(h, key, v->u);
	return sctpnl_set_disable_fragments(h, key, !!v->u);
}

/* 0 after the reply was sent, or a write error. */
static int do_set(struct req *r)
{
	struct sctpnl_key key = { 0 };
	char opt[MAXATOMLEN];
	union set_val v;
	struct sctpnl *h;
	int err;

	memset(&v, 0, sizeof(v));
	if (dec_u32(r, &key.assoc_id) || ei_decode_atom(r->buf, &r->i, opt))
		return send_error(EINVAL, NULL);
	/* decode first, so that a bad value needs no handle */
	err = dec_set_value(r, opt, &v);
	if (err)
		return send_error(err, NULL);

	h = open_handle();
	if (!h)
		return 0;
	err = apply_set(h, &key, opt, &v);
	err = err < 0 ? send_error(err, h) : send_atom("ok");
	sctpnl_close(h);
	return err;
}

static int do_end(struct req *r, int abort)
{
	struct sctpnl_key key = { 0 };
	char reason[256] = "";
	struct sctpnl *h;
	long len = 0;
	int err, type, size;

	if (dec_u32(r, &key.assoc_id))
		return send_error(EINVAL, NULL);
	if (abort) {
		if (ei_get_type(r->buf, &r->i, &type, &size) ||
		    type != ERL_BINARY_EXT || size >= (int)sizeof(reason) ||
		    ei_decode_binary(r->buf, &r->i, reason, &len))
			return send_error(EINVAL, NULL);
		reason[len] = '\0';
	}
	h = open_handle();
	if (!h)
		return 0;
	if (abort)
		err = sctpnl_abort(h, &key, len ? reason : NULL);
	else
		err = sctpnl_eof(h, &key);
	err = err < 0 ? send_error(err, h) : send_atom("ok");
	sctpnl_close(h);
	return err;
}

/* ---- subscription ---- */

static int on_event(const struct sctpnl_event *ev, void *arg)
{
	ei_x_buff x;
	int err;

	(void)arg;
	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 3);
	enc_atom(&x, "event");
	kv_u64(&x, "assoc_id", ev->assoc_id);
	kv_u64(&x, "inode", ev->inode);
	kv_u64(&x, "local_port", ev->lport);
	kv_u64(&x, "peer_port", ev->pport);
	enc_key(&x, "peer");
	enc_addr(&x, &ev->peer);
	kv_u64(&x, "timestamp_ns", ev->timestamp_ns);
	enc_key(&x, "type");
	enc_atom(&x, sctpnl_event_name(ev->type));
	if (ev->rec == SCTPNL_REC_ASSOC_CHANGE && ev->abort_data_len) {
		enc_key(&x, "abort_data");
		ei_x_encode_binary(&x, ev->abort_data,
				   (long)ev->abort_data_len);
	}
	ei_x_encode_empty_list(&x);
	if (enc_rec(&x, ev->rec, &ev->u))
		enc_atom(&x, "undefined");
	err = send_x(&x);
	ei_x_free(&x);
	return err;
}

static int on_lost(void *arg, uint64_t overruns, uint64_t kernel_lost)
{
	ei_x_buff x;
	int err;

	(void)arg;
	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 3);
	enc_atom(&x, "lost");
	ei_x_encode_ulonglong(&x, overruns);
	ei_x_encode_ulonglong(&x, kernel_lost);
	err = send_x(&x);
	ei_x_free(&x);
	return err;
}

static const struct sctpnl_mon_cb mon_cbs = {
	.on_event = on_event,
	.on_lost = on_lost,
};

/* The family's current id, or a negative errno (-SCTPNL_ENOFAMILY). */
static int family_id(struct port *p)
{
	int id;

	if (!p->ctrl) {
		p->ctrl = nl_socket_alloc();
		if (!p->ctrl)
			return -ENOMEM;
		if (genl_connect(p->ctrl)) {
			nl_socket_free(p->ctrl);
			p->ctrl = NULL;
			return -EIO;
		}
	}
	id = genl_ctrl_resolve(p->ctrl, SCTPNL_FAMILY_NAME);
	return id < 0 ? -SCTPNL_ENOFAMILY : id;
}

/* Open the monitor: 0 or a negative errno. */
static int mon_open(struct port *p)
{
	int id = family_id(p);

	if (id < 0)
		return id;
	p->mon = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	if (!p->mon)
		return -(errno ? errno : EIO);
	if (p->rcvbuf > 0)
		sctpnl_monitor_set_rcvbuf(p->mon, p->rcvbuf);
	p->mon_family = id;
	return 0;
}

static void mon_close(struct port *p)
{
	if (p->mon) {
		sctpnl_monitor_close(p->mon);
		p->mon = NULL;
	}
}

static int send_monitor_down(int err)
{
	const char *msg = err == SCTPNL_ENOFAMILY ?
		"sctpnl kernel module unloaded" : strerror(err);
	ei_x_buff x;
	int ret;

	ei_x_new_with_version(&x);
	ei_x_encode_tuple_header(&x, 3);
	enc_atom(&x, "monitor_down");
	if (err == SCTPNL_ENOFAMILY)
		enc_atom(&x, "not_loaded");
	else
		enc_posix(&x, err);
	ei_x_encode_binary(&x, msg, strlen(msg));
	ret = send_x(&x);
	ei_x_free(&x);
	return ret;
}

/* Every CHECK_MS while subscribed: is the monitor still joined to the
 * family that exists now? */
static int mon_check(struct port *p)
{
	int id, err;

	if (!p->subscribed)
		return 0;
	if (p->mon) {
		id = family_id(p);
		if (id == p->mon_family)
			return 0;
		mon_close(p);
		return send_monitor_down(id < 0 ? -id : ESTALE);
	}
	err = mon_open(p);
	if (err)
		return 0;	/* still down; try again later */
	return send_atom("monitor_up");
}

static int do_subscribe(struct port *p, struct req *r)
{
	uint64_t rcvbuf;
	int err;

	if (dec_u64(r, &rcvbuf) || rcvbuf > INT32_MAX)
		return send_error(EINVAL, NULL);
	if (p->subscribed)
		return send_atom("ok");
	p->rcvbuf = (int)rcvbuf;
	err = mon_open(p);
	if (err)
		return send_error(err, NULL);
	p->subscribed = 1;
	return send_atom("ok");
}

static int do_unsubscribe(struct port *p)
{
	mon_close(p);
	p->subscribed = 0;
	return send_atom("ok");
}

/* One request: 0, or a negative errno that ends the program. */
static int handle(struct port *p, const char *buf)
{
	struct req r = { .buf = buf };
	char tag[MAXATOMLEN];
	int version, n = 0, type, size;

	if (ei_decode_version(buf, &r.i, &version) ||
	    ei_get_type(buf, &r.i, &type, &size))
		return send_error(EINVAL, NULL);
	if (type == ERL_ATOM_EXT || type == ERL_SMALL_ATOM_UTF8_EXT ||
	    type == ERL_ATOM_UTF8_EXT || type == ERL_SMALL_ATOM_EXT) {
		if (ei_decode_atom(buf, &r.i, tag))
			return send_error(EINVAL, NULL);
	} else if (ei_decode_tuple_header(buf, &r.i, &n) || n < 1 ||
		   ei_decode_atom(buf, &r.i, tag)) {
		return send_error(EINVAL, NULL);
	}
	if (!strcmp(tag, "dump") && n == 4)
		return do_dump(&r);
	if (!strcmp(tag, "get") && n == 2)
		return do_get(&r);
	if (!strcmp(tag, "set") && n == 4)
		return do_set(&r);
	if (!strcmp(tag, "abort") && n == 3)
		return do_end(&r, 1);
	if (!strcmp(tag, "eof") && n == 2)
		return do_end(&r, 0);
	if (!strcmp(tag, "subscribe") && n == 2)
		return do_subscribe(p, &r);
	if (!strcmp(tag, "unsubscribe") && n == 0)
		return do_unsubscribe(p);
	return send_error(EINVAL, NULL);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void)
{
	struct port p = { 0 };
	int64_t next_check = 0;
	int err = 0;

	/* A closed port shows as EPIPE on write, not as a signal. */
	signal(SIGPIPE, SIG_IGN);
	if (ei_init()) {
		fprintf(stderr, "sctpnl_port: ei_init failed\n");
		return 1;
	}
	for (;;) {
		struct pollfd pfd[2] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = p.mon ? sctpnl_monitor_fd(p.mon) : -1,
			  .events = POLLIN },
		};
		int timeout = -1, n;

		if (p.subscribed) {
			int64_t now = now_ms();

			if (now >= next_check) {
				err = mon_check(&p);
				if (err)
					break;
				next_check = now + CHECK_MS;
			}
			timeout = (int)(next_check - now);
			pfd[1].fd = p.mon ? sctpnl_monitor_fd(p.mon) : -1;
		}
		n = poll(pfd, 2, timeout);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		if (pfd[1].revents) {
			n = sctpnl_monitor_read(p.mon, &mon_cbs, NULL);
			if (n == -EPIPE || n == -EIO) {
				err = n;
				break;
			}
			/* other errors: the family check reopens it */
		}
		if (pfd[0].revents) {
			char *buf = NULL;
			uint32_t len;

			err = read_msg(&buf, &len);
			if (err)
				break;
			err = handle(&p, buf);
			free(buf);
			if (err)
				break;
			if (p.subscribed && !next_check)
				next_check = now_ms() + CHECK_MS;
		}
	}
	mon_close(&p);
	if (p.ctrl)
		nl_socket_free(p.ctrl);
	/* EOF on stdin: the port was closed, a normal end. */
	if (err == -EPIPE)
		return 0;
	fprintf(stderr, "sctpnl_port: %s\n", strerror(-err));
	return 1;
}
