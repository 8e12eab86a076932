/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * One table per record (fields.c): each row says where a field lives in
 * the C struct, which attribute carries it on the wire, how it is shown
 * (Erlang record field in inet_sctp.hrl order, JSON key, atom or flag
 * names) and which bit says it is set.  The decoder (codec.c, monitor.c),
 * the Erlang writer (format_erl.c), the JSON writer (format_json.c) and
 * the Erlang port (user/erlang) all walk these rows; none of them knows
 * a record's layout.
 */
#ifndef _SCTPNL_FIELDS_H
#define _SCTPNL_FIELDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include "sctpnl.h"

struct nlattr;
struct snl_desc;

enum snl_ftype {
	SNL_F_UINT,
	SNL_F_ATOM,		/* Erlang atom, JSON string, from names */
	SNL_F_BOOL,
	SNL_F_ADDR,		/* {IP, Port} / {"addr":..,"port":..} */
	SNL_F_FLAGS,		/* list of the names of the bits set */
	SNL_F_REC,		/* nested record (rec) */
	SNL_F_BIN,		/* binary / hex string; length at len_off */
	SNL_F_HOOK,		/* decoded and written by functions */
};

/* Conversions: on decoding (NTOH*), on the Erlang form only (ERL_NTOHL). */
enum snl_conv {
	SNL_CV_NONE,
	SNL_CV_NTOHL,		/* wire is network order: keep host order */
	SNL_CV_NTOHS,
	SNL_CV_ERL_NTOHL,	/* OTP shows ntohl() of the host value */
};

/* Names of small integer values (atoms) or of bits (flags). */
struct snl_names {
	const char *const *v;
	unsigned int n;
	const char *dflt;	/* value out of range or unnamed */
};

struct sctpnl_json;

struct snl_row {
	const char *name;	/* Erlang record field; NULL: not in it */
	const char *jkey;	/* JSON key; NULL: not in JSON */
	uint16_t off;		/* offsetof the C field */
	uint16_t size;		/* sizeof the C field */
	uint8_t type;		/* enum snl_ftype */
	int8_t bit;		/* presence bit; -1: always present */
	uint8_t attr;		/* attribute in the nest; 0: not on the wire */
	uint8_t wire;		/* the attribute's integer size */
	uint8_t conv;		/* enum snl_conv */
	const struct snl_names *names;	/* ATOM, FLAGS */
	const struct snl_names *jnames;	/* ATOM in JSON, if not names */
	const struct snl_desc *rec;	/* REC */
	uint16_t len_off;		/* BIN: offsetof its size_t length */
	/* Any type: decode the attribute into obj, or write obj's JSON
	 * (key and value), in place of the type's way. */
	int (*decode)(const struct snl_row *r, const struct nlattr *a,
		      void *obj);
	void (*json)(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj);
};

#define SNL_NO_OFF	0xffff	/* no such member */

struct snl_desc {
	const char *name;	/* Erlang record name */
	const struct snl_row *rows;
	uint8_t n;
	uint8_t set_size;	/* 4 (record "set") or 8 (SCTPNL_HAS present) */
	uint8_t seen_size;	/* likewise */
	uint8_t skip_unset;	/* JSON: leave unset fields out (not null) */
	uint16_t set_off;	/* offsetof the fields' presence mask */
	uint16_t seen_off;	/* offsetof the mask of attributes seen */
	uint16_t id_off;	/* offsetof assoc_id */
	int8_t id_bit;		/* its presence bit */
	uint8_t amap[64];	/* attr -> row index + 1 (fields.c fills) */
};

/* The local address list, alike in sctpnl_assoc and sctpnl_ep. */
struct snl_addr_list {
	unsigned int n;
	unsigned int total;
	struct sctpnl_addr v[SCTPNL_MAX_ADDRS];
};

/* The events nest: the record, and the one flag gen_sctp does not have. */
struct snl_events {
	struct sctpnl_event_subscribe ev;
	uint8_t sender_dry;
};

/* Rows decoded by functions (codec.c) ... */
int snl_dec_laddrs(const struct snl_row *r, const struct nlattr *a,
		   void *obj);
int snl_dec_paths(const struct snl_row *r, const struct nlattr *a,
		  void *obj);
int snl_dec_events(const struct snl_row *r, const struct nlattr *a,
		   void *obj);
int snl_dec_keep(const struct snl_row *r, const struct nlattr *a,
		 void *obj);
/* ... and written by functions (format_json.c). */
void snl_json_laddrs(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj);
void snl_json_status(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj);
void snl_json_paths(struct sctpnl_json *j, const struct snl_row *r,
		    const void *obj);
void snl_json_sndrcv(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj);
void snl_json_events(struct sctpnl_json *j, const struct snl_row *r,
		     const void *obj);

/* The table of a record kind, NULL for none. */
const struct snl_desc *snl_desc_of(enum sctpnl_rec which);

/* Tables of what is not a gen_sctp record (fields.c). */
extern struct snl_desc snl_assoc_desc, snl_ep_desc, snl_path_desc,
	snl_stats_desc;

/* Fill d's attribute map: once, before d decodes (a constructor). */
void snl_map_rows(struct snl_desc *d);

/*
 * Rows: SNL_ROW(struct, member, type, presence bit, attribute, wire size,
 * more designated initializers); SNL_U, SNL_BOOL... for each type.  The
 * Erlang field and the JSON key are the member's name unless a later
 * initializer overrides them (.name = NULL: not in the Erlang record;
 * .jkey: another key, or NULL: not in JSON), which is why a file of
 * tables builds with -Wno-override-init.
 */
#define SNL_ROW(st, f, t, b, a, w, ...)					\
	{ .name = #f, .jkey = #f, .off = offsetof(st, f),		\
	  .size = sizeof(((st *)0)->f), .type = t, .bit = b,		\
	  .attr = a, .wire = w, __VA_ARGS__ }
#define SNL_U(st, f, b, a, w, ...) \
	SNL_ROW(st, f, SNL_F_UINT, b, a, w, __VA_ARGS__)
#define SNL_BOOL(st, f, b, a, w, ...) \
	SNL_ROW(st, f, SNL_F_BOOL, b, a, w, __VA_ARGS__)
#define SNL_ATOM(st, f, b, a, w, nm, ...)					\
	SNL_ROW(st, f, SNL_F_ATOM, b, a, w, .names = &nm, __VA_ARGS__)
#define SNL_ADDR(st, f, b, a, ...) \
	SNL_ROW(st, f, SNL_F_ADDR, b, a, 0, __VA_ARGS__)
#define SNL_FLAGS(st, f, b, a, w, nm) \
	SNL_ROW(st, f, SNL_F_FLAGS, b, a, w, .names = &nm)
#define SNL_REC(st, f, b, a, d, ...) \
	SNL_ROW(st, f, SNL_F_REC, b, a, 0, .rec = &d, __VA_ARGS__)
#define SNL_BIN(st, f, a) \
	SNL_ROW(st, f, SNL_F_BIN, -1, a, 0, .len_off = offsetof(st, f##_len))

/* Not a record: no presence mask, every field printed; the attributes
 * seen in a mask at offset "seen" (of "size" bytes), or SNL_NO_OFF. */
#define SNL_PLAIN(r, seen, size)					\
	{ .rows = r, .n = SNL_ARRAY_SIZE(r), .set_off = SNL_NO_OFF,	\
	  .seen_off = seen, .seen_size = size, .id_off = SNL_NO_OFF }

/* Names shared by the writers and sctpctl. */
extern const struct snl_names snl_state_names, snl_path_atoms,
	snl_path_names, snl_style_names, snl_family_names;

static inline const void *snl_at(const void *base, const struct snl_row *r)
{
	return (const char *)base + r->off;
}

static inline uint64_t snl_load(const void *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *(const uint8_t *)p;
	case 2: {
		uint16_t v;

		memcpy(&v, p, 2);
		return v;
	}
	case 4: {
		uint32_t v;

		memcpy(&v, p, 4);
		return v;
	}
	default: {
		uint64_t v;

		memcpy(&v, p, 8);
		return v;
	}
	}
}

static inline void snl_store(void *p, unsigned int size, uint64_t v)
{
	switch (size) {
	case 1:
		*(uint8_t *)p = v;
		break;
	case 2: {
		uint16_t x = v;

		memcpy(p, &x, 2);
		break;
	}
	case 4: {
		uint32_t x = v;

		memcpy(p, &x, 4);
		break;
	}
	default:
		memcpy(p, &v, 8);
		break;
	}
}

/* A field's integer value as stored. */
static inline uint64_t snl_row_u(const void *base, const struct snl_row *r)
{
	return snl_load(snl_at(base, r), r->size);
}

/* ... and as Erlang shows it. */
static inline uint64_t snl_row_erl_u(const void *base, const struct snl_row *r)
{
	uint64_t v = snl_row_u(base, r);

	return r->conv == SNL_CV_ERL_NTOHL ? ntohl((uint32_t)v) : v;
}

/* Is the field set (Erlang undefined, JSON null if not)? */
static inline int snl_row_isset(const struct snl_desc *d, const void *base,
				const struct snl_row *r)
{
	if (r->type == SNL_F_ADDR) {
		const struct sctpnl_addr *a = snl_at(base, r);

		if (a->family != AF_INET && a->family != AF_INET6)
			return 0;
	}
	if (r->bit < 0 || d->set_off == SNL_NO_OFF)
		return 1;
	return snl_load((const char *)base + d->set_off, d->set_size) >>
	       r->bit & 1;
}

static inline const char *snl_name(const struct snl_names *t, uint64_t i)
{
	return i < t->n && t->v[i] ? t->v[i] : t->dflt;
}

/* An ATOM field's text, for Erlang (json 0) or JSON. */
static inline const char *snl_row_atom(const void *base,
				       const struct snl_row *r, int json)
{
	const struct snl_names *t = json && r->jnames ? r->jnames : r->names;

	return snl_name(t, snl_row_u(base, r));
}

/* Attributes [attrs, attrs + len) into obj, by d's rows. */
int snl_decode_attrs(const struct snl_desc *d, const struct nlattr *attrs,
		     int len, void *obj);
/* A nest's attributes into obj, by d's rows. */
int snl_decode_nest(const struct snl_desc *d, const struct nlattr *nest,
		    void *obj);
/* Give the record its association id (and its presence bit). */
void snl_rec_set_id(const struct snl_desc *d, void *obj, uint32_t id);

/* Room for any one of an association's records, built one at a time. */
union snl_rec_buf {
	struct sctpnl_status status;
	struct sctpnl_paddrinfo pi;
	struct sctpnl_paddrparams pp;
	struct sctpnl_rtoinfo rto;
	struct sctpnl_assocparams ap;
	struct sctpnl_initmsg im;
	struct sctpnl_assoc_value av;
	struct sctpnl_sndrcvinfo sri;
	struct sctpnl_event_subscribe ev;
	struct sctpnl_setadaptation ad;
	struct sctpnl_prim prim;
};

#endif /* _SCTPNL_FIELDS_H */
