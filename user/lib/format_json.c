// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A small streaming JSON writer and the JSON form of the records: keys
 * are the record field names, atoms strings, unset fields null, addresses
 * {"addr":"10.0.0.1","port":5000}.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "fields.h"

#define JSON_MAX_DEPTH	32

struct sctpnl_json {
	unsigned int flags;
	int depth;
	unsigned int count[JSON_MAX_DEPTH + 1];
	struct snl_obuf ob;	/* handed to stdio at each public call's end */
};

#define out_n(j, p, n)	snl_ob_n(&(j)->ob, p, n)
#define out_c(j, c)	snl_ob_c(&(j)->ob, c)
#define out_s(j, s)	snl_ob_s(&(j)->ob, s)
#define out_u(j, v)	snl_ob_u(&(j)->ob, v)
#define jflush(j)	snl_ob_flush(&(j)->ob)

struct sctpnl_json *sctpnl_json_new(FILE *f, unsigned int flags)
{
	struct sctpnl_json *j = calloc(1, sizeof(*j));

	if (j) {
		j->ob.f = f;
		j->flags = flags;
	}
	return j;
}

int sctpnl_json_free(struct sctpnl_json *j)
{
	int err;

	if (!j)
		return 0;
	out_c(j, '\n');
	jflush(j);
	err = ferror(j->ob.f) ? -EIO : 0;
	free(j);
	return err;
}

static void indent(struct sctpnl_json *j)
{
	int i;

	out_c(j, '\n');
	for (i = 0; i < j->depth; i++)
		out_s(j, "  ");
}

static const char *escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	}
	return NULL;
}

/* Runs of plain characters go out whole; the rest escaped. */
static void put_str(struct sctpnl_json *j, const char *s)
{
	const char *run = s, *esc;
	char u[8];
	unsigned char c;

	out_c(j, '"');
	for (; (c = *s); s++) {
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		out_n(j, run, s - run);
		run = s + 1;
		esc = escape(c);
		if (!esc) {
			snprintf(u, sizeof(u), "\\u%04x", c);
			esc = u;
		}
		out_s(j, esc);
	}
	out_n(j, run, s - run);
	out_c(j, '"');
}

/* Keys are field names, almost never in need of escaping. */
static void put_key(struct sctpnl_json *j, const char *key)
{
	const unsigned char *p;

	for (p = (const unsigned char *)key; *p; p++)
		if (*p < 0x20 || *p == '"' || *p == '\\') {
			put_str(j, key);
			return;
		}
	out_c(j, '"');
	out_s(j, key);
	out_c(j, '"');
}

/* Separator, indentation and key before a value: any key, any mode. */
static void pre_slow(struct sctpnl_json *j, const char *key)
{
	if (j->count[j->depth]++)
		out_c(j, ',');
	if ((j->flags & SCTPNL_JSON_PRETTY) && j->depth)
		indent(j);
	if (key) {
		put_key(j, key);
		out_s(j, j->flags & SCTPNL_JSON_PRETTY ? ": " : ":");
	}
}

/* Table keys need no escaping: the separator and the key, as they are. */
static inline void pre_key(struct sctpnl_json *j, const char *key)
{
	size_t n = strlen(key);
	char *d;

	if (j->ob.len + n + 4 > SNL_OBUF || (j->flags & SCTPNL_JSON_PRETTY)) {
		pre_slow(j, key);
		return;
	}
	d = j->ob.buf + j->ob.len;
	if (j->count[j->depth]++)
		*d++ = ',';
	*d++ = '"';
	memcpy(d, key, n);
	d += n;
	*d++ = '"';
	*d++ = ':';
	j->ob.len = d - j->ob.buf;
}

/* Separator, indentation and key before a value. */
static inline void pre(struct sctpnl_json *j, const char *key)
{
	const unsigned char *p;

	if (j->flags & SCTPNL_JSON_PRETTY) {
		pre_slow(j, key);
		return;
	}
	if (!key) {
		if (j->count[j->depth]++)
			out_c(j, ',');
		return;
	}
	for (p = (const unsigned char *)key; *p; p++)
		if (*p < 0x20 || *p == '"' || *p == '\\') {
			pre_slow(j, key);
			return;
		}
	pre_key(j, key);
}

static void open_c(struct sctpnl_json *j, const char *key, char c)
{
	pre(j, key);
	out_c(j, c);
	if (j->depth < JSON_MAX_DEPTH)
		j->depth++;
	j->count[j->depth] = 0;
}

static void close_c(struct sctpnl_json *j, char c)
{
	unsigned int n = j->count[j->depth];

	if (j->depth > 0)
		j->depth--;
	if ((j->flags & SCTPNL_JSON_PRETTY) && n)
		indent(j);
	out_c(j, c);
}

static void j_begin_object(struct sctpnl_json *j, const char *key)
{
	open_c(j, key, '{');
}

static void j_end_object(struct sctpnl_json *j)
{
	close_c(j, '}');
}

static void j_begin_array(struct sctpnl_json *j, const char *key)
{
	open_c(j, key, '[');
}

static void j_end_array(struct sctpnl_json *j)
{
	close_c(j, ']');
}

static void j_string(struct sctpnl_json *j, const char *key, const char *s)
{
	pre(j, key);
	put_str(j, s);
}

static void j_uint(struct sctpnl_json *j, const char *key, uint64_t v)
{
	pre(j, key);
	out_u(j, v);
}

static void j_int(struct sctpnl_json *j, const char *key, int64_t v)
{
	pre(j, key);
	if (v < 0) {
		out_c(j, '-');
		out_u(j, -(uint64_t)v);
	} else {
		out_u(j, v);
	}
}

static void j_bool(struct sctpnl_json *j, const char *key, int v)
{
	pre(j, key);
	out_s(j, v ? "true" : "false");
}

static void j_null(struct sctpnl_json *j, const char *key)
{
	pre(j, key);
	out_s(j, "null");
}

static void j_addr(struct sctpnl_json *j, const char *key,
		   const struct sctpnl_addr *a)
{
	char buf[SCTPNL_ADDRSTRLEN];

	if (a->family != AF_INET && a->family != AF_INET6) {
		j_null(j, key);
		return;
	}
	j_begin_object(j, key);
	j_string(j, "addr", sctpnl_addr_ntop(a, buf, sizeof(buf)));
	j_uint(j, "port", a->port);
	j_end_object(j);
}

/* ---- records, by the tables of fields.c ---- */

static void json_flags(struct sctpnl_json *j, const char *key,
		       const struct snl_names *t, uint64_t mask)
{
	unsigned int b;

	j_begin_array(j, key);
	for (b = 0; b < t->n; b++)
		if ((mask & (1ull << b)) && t->v[b])
			j_string(j, NULL, t->v[b]);
	j_end_array(j);
}

static void json_hex(struct sctpnl_json *j, const char *key,
		     const uint8_t *d, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t k;

	pre_key(j, key);
	out_c(j, '"');
	for (k = 0; d && k < len; k++) {
		out_c(j, hex[d[k] >> 4]);
		out_c(j, hex[d[k] & 15]);
	}
	out_c(j, '"');
}

static void json_rec(struct sctpnl_json *j, const char *key,
		     const struct snl_desc *d, const void *obj);

/* One row: its key and value, null (or nothing, at the top) if unset. */
static void json_row(struct sctpnl_json *j, const struct snl_desc *d,
		     const struct snl_row *r, const void *obj)
{
	const void *p = snl_at(obj, r);

	if (!snl_row_isset(d, obj, r)) {
		if (!d->skip_unset)
			j_null(j, r->jkey);
		return;
	}
	if (r->json) {
		r->json(j, r, obj);
		return;
	}
	switch (r->type) {
	case SNL_F_UINT:
		pre_key(j, r->jkey);
		out_u(j, snl_row_u(obj, r));
		break;
	case SNL_F_ATOM:
		j_string(j, r->jkey, snl_row_atom(obj, r, 1));
		break;
	case SNL_F_BOOL:
		pre_key(j, r->jkey);
		out_s(j, snl_row_u(obj, r) ? "true" : "false");
		break;
	case SNL_F_ADDR:
		j_addr(j, r->jkey, p);
		break;
	case SNL_F_FLAGS:
		json_flags(j, r->jkey, r->names, snl_row_u(obj, r));
		break;
	case SNL_F_REC:
		json_rec(j, r->jkey, r->rec, p);
		break;
	case SNL_F_BIN:
		json_hex(j, r->jkey, *(const uint8_t *const *)p,
			 *(const size_t *)((const char *)obj + r->len_off));
		break;
	}
}

static void json_rows(struct sctpnl_json *j, const struct snl_desc *d,
		      const void *obj)
{
	const struct snl_row *r;

	for (r = d->rows; r < d->rows + d->n; r++)
		if (r->jkey)
			json_row(j, d, r, obj);
}

static void json_rec(struct sctpnl_json *j, const char *key,
		     const struct snl_desc *d, const void *obj)
{
	j_begin_object(j, key);
	json_rows(j, d, obj);
	j_end_object(j);
}

void snl_json_laddrs(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj)
{
	const struct snl_addr_list *l = snl_at(obj, r);
	char buf[SCTPNL_ADDRSTRLEN];
	unsigned int i;

	j_begin_array(j, r->jkey);
	for (i = 0; i < l->n; i++)
		j_string(j, NULL, sctpnl_addr_ntop(&l->v[i], buf, sizeof(buf)));
	j_end_array(j);
	if (l->total > l->n)
		j_uint(j, "local_addrs_total", l->total);
}

/* The records as the owner's getsockopt shows them (records.c). */
void snl_json_status(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj)
{
	struct sctpnl_status s;

	if (!sctpnl_status_from_assoc(obj, &s))
		json_rec(j, r->jkey, r->rec, &s);
}

void snl_json_sndrcv(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj)
{
	struct sctpnl_sndrcvinfo s;

	if (!sctpnl_sndrcvinfo_from_assoc(obj, &s))
		json_rec(j, r->jkey, r->rec, &s);
}

/* The kernel's view (authentication_event included), and sender_dry. */
void snl_json_events(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj)
{
	const struct snl_events *e = snl_at(obj, r);

	json_rec(j, r->jkey, r->rec, &e->ev);
	j_bool(j, "sender_dry_event", e->sender_dry);
}

void snl_json_paths(struct sctpnl_json *j, const struct snl_row *r,
		    const void *obj)
{
	const struct sctpnl_assoc *a = obj;
	union snl_rec_buf b;
	unsigned int i;

	j_begin_array(j, r->jkey);
	for (i = 0; i < a->n_paths; i++) {
		j_begin_object(j, NULL);
		sctpnl_paddrinfo_from_assoc(a, i, &b.pi);
		json_rec(j, "sctp_paddrinfo",
			 snl_desc_of(SCTPNL_REC_PADDRINFO), &b.pi);
		sctpnl_paddrparams_from_assoc(a, i, &b.pp);
		json_rec(j, "sctp_paddrparams",
			 snl_desc_of(SCTPNL_REC_PADDRPARAMS), &b.pp);
		json_rows(j, &snl_path_desc, &a->paths[i]);
		j_end_object(j);
	}
	j_end_array(j);
	if (a->n_paths_total > a->n_paths)
		j_uint(j, "paths_total", a->n_paths_total);
}

/* An association or endpoint: an object left open if "open". */
static int json_top(struct sctpnl_json *j, const char *key, int open,
		    const struct snl_desc *d, const void *obj)
{
	j_begin_object(j, key);
	json_rows(j, d, obj);
	if (!open)
		j_end_object(j);
	return 0;
}

static int json_snmp(struct sctpnl_json *j, const char *key,
		     const struct sctpnl_snmp *s)
{
	unsigned int i;

	j_begin_object(j, key);
	for (i = 0; i <= SCTPNL_SNMP_A_MAX; i++)
		if (sctpnl_snmp_name(i) && (s->present >> i & 1))
			j_uint(j, sctpnl_snmp_name(i), s->v[i]);
	j_end_object(j);
	return 0;
}

/* ---- the public writer: each call hands its text to the stream ---- */

void sctpnl_json_begin_object(struct sctpnl_json *j, const char *key)
{
	j_begin_object(j, key);
	jflush(j);
}

void sctpnl_json_end_object(struct sctpnl_json *j)
{
	j_end_object(j);
	jflush(j);
}

void sctpnl_json_begin_array(struct sctpnl_json *j, const char *key)
{
	j_begin_array(j, key);
	jflush(j);
}

void sctpnl_json_end_array(struct sctpnl_json *j)
{
	j_end_array(j);
	jflush(j);
}

void sctpnl_json_string(struct sctpnl_json *j, const char *key,
			const char *s)
{
	j_string(j, key, s);
	jflush(j);
}

void sctpnl_json_uint(struct sctpnl_json *j, const char *key, uint64_t v)
{
	j_uint(j, key, v);
	jflush(j);
}

void sctpnl_json_int(struct sctpnl_json *j, const char *key, int64_t v)
{
	j_int(j, key, v);
	jflush(j);
}

void sctpnl_json_bool(struct sctpnl_json *j, const char *key, int v)
{
	j_bool(j, key, v);
	jflush(j);
}

void sctpnl_json_null(struct sctpnl_json *j, const char *key)
{
	j_null(j, key);
	jflush(j);
}

void sctpnl_json_addr(struct sctpnl_json *j, const char *key,
		      const struct sctpnl_addr *a)
{
	j_addr(j, key, a);
	jflush(j);
}

static int json_record(struct sctpnl_json *j, const char *key, int open,
		       enum sctpnl_rec which, const void *rec)
{
	const struct snl_desc *d;

	switch (which) {
	case SCTPNL_REC_ASSOC:
		return json_top(j, key, open, &snl_assoc_desc, rec);
	case SCTPNL_REC_EP:
		return json_top(j, key, open, &snl_ep_desc, rec);
	case SCTPNL_REC_SNMP:
		if (open)
			return -EINVAL;
		return json_snmp(j, key, rec);
	default:
		d = snl_desc_of(which);
		if (!d || open)
			return -EINVAL;
		json_rec(j, key, d, rec);
		return 0;
	}
}

int sctpnl_json_record(struct sctpnl_json *j, const char *key,
		       enum sctpnl_rec which, const void *rec)
{
	int err = json_record(j, key, 0, which, rec);

	jflush(j);
	return err;
}

int sctpnl_json_record_open(struct sctpnl_json *j, const char *key,
			    enum sctpnl_rec which, const void *rec)
{
	int err = json_record(j, key, 1, which, rec);

	jflush(j);
	return err;
}

int sctpnl_fprint_json(FILE *f, enum sctpnl_rec which, const void *rec,
		       unsigned int flags)
{
	struct sctpnl_json *j = sctpnl_json_new(f, flags);
	int err, err2;

	if (!j)
		return -ENOMEM;
	err = sctpnl_json_record(j, NULL, which, rec);
	err2 = sctpnl_json_free(j);
	return err ? err : err2;
}
