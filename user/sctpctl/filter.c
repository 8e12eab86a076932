// SPDX-License-Identifier: GPL-2.0
/*
 * Filter expressions for `assoc show` (and top), in the spirit of ss:
 *
 *   EXPR := TERM { (or | '||') TERM }
 *   TERM := FACTOR { [and | '&&'] FACTOR }
 *   FACTOR := (not | '!') FACTOR | '(' EXPR ')' | KEY VALUE
 *
 * KEY: lport|sport N[-M], pport|dport N[-M], laddr|src ADDR,
 * paddr|dst ADDR, state S[,S...] (or a group), uid N, ino N, id N,
 * pid N, comm NAME.  Evaluated on each association of one dump.  A plain
 * AND of single values (what the kernel filter can do) is not parsed
 * here: sctpctl.c pushes it down to the kernel instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sctpctl.h"

enum fkey {
	F_AND, F_OR, F_NOT,
	F_LPORT, F_PPORT, F_LADDR, F_PADDR, F_STATE, F_UID, F_INO, F_ID,
	F_PID, F_COMM,
};

struct fnode {
	enum fkey key;
	struct fnode *a, *b;		/* AND, OR: a b; NOT: a */
	uint64_t lo, hi;		/* ports, uid, ino, id, pid */
	uint32_t mask;			/* states */
	struct sctpnl_addr addr;
	const char *s;			/* comm */
};

/* State groups, as ss has them, in sockets-API state numbers. */
#define ST(x)	(1u << SCTPNL_STATE_##x)
static const struct {
	const char *name;
	uint32_t mask;
} groups[] = {
	{ "all", 0x1ff },
	/* not closed, not empty: set up, up, or going down */
	{ "connected", ST(COOKIE_WAIT) | ST(COOKIE_ECHOED) | ST(ESTABLISHED) |
		ST(SHUTDOWN_PENDING) | ST(SHUTDOWN_SENT) |
		ST(SHUTDOWN_RECEIVED) | ST(SHUTDOWN_ACK_SENT) },
	/* connected, and the handshake done */
	{ "synchronized", ST(ESTABLISHED) | ST(SHUTDOWN_PENDING) |
		ST(SHUTDOWN_SENT) | ST(SHUTDOWN_RECEIVED) |
		ST(SHUTDOWN_ACK_SENT) },
	{ "closing", ST(SHUTDOWN_PENDING) | ST(SHUTDOWN_SENT) |
		ST(SHUTDOWN_RECEIVED) | ST(SHUTDOWN_ACK_SENT) },
	{ "handshake", ST(COOKIE_WAIT) | ST(COOKIE_ECHOED) },
};

int filter_state_group(const char *name, uint32_t *mask)
{
	unsigned int i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (!strcmp(name, groups[i].name)) {
			*mask |= groups[i].mask;
			return 0;
		}
	return -1;
}

/* "established,closing,...": states and state groups. */
int filter_parse_states(const char *arg, uint32_t *mask)
{
	char buf[256], *tok, *save = NULL;

	if (strlen(arg) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, arg);
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int st = sctpnl_state_from_name(tok);

		if (st >= 0)
			*mask |= 1u << st;
		else if (filter_state_group(tok, mask))
			return -EINVAL;
	}
	return *mask ? 0 : -EINVAL;
}

/* N or N-M */
static int parse_range(const char *v, uint64_t max, uint64_t *lo,
		       uint64_t *hi)
{
	char buf[64], *dash;

	if (strlen(v) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, v);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (parse_u64(buf, max, lo))
		return -EINVAL;
	*hi = *lo;
	if (dash && (parse_u64(dash + 1, max, hi) || *hi < *lo))
		return -EINVAL;
	return 0;
}

struct parser {
	int argc, i;
	char **argv;
	int err;
};

static const char *peek(struct parser *p)
{
	return p->i < p->argc ? p->argv[p->i] : NULL;
}

static struct fnode *node(enum fkey key, struct fnode *a, struct fnode *b)
{
	struct fnode *n = calloc(1, sizeof(*n));

	if (!n) {
		fputs("sctpctl: out of memory\n", stderr);
		exit(1);
	}
	n->key = key;
	n->a = a;
	n->b = b;
	return n;
}

static struct fnode *expr(struct parser *p);

static struct fnode *fail_at(struct parser *p, const char *fmt,
			     const char *arg)
{
	if (!p->err)
		bad_arg(fmt, arg ? arg : "(end)");
	p->err = 1;
	return NULL;
}

static struct fnode *factor(struct parser *p)
{
	const char *k = peek(p), *v;
	struct fnode *n;
	uint64_t x;

	if (!k)
		return fail_at(p, "filter: a term is missing at %s", NULL);
	p->i++;
	if (!strcmp(k, "not") || !strcmp(k, "!")) {
		n = factor(p);
		return n ? node(F_NOT, n, NULL) : NULL;
	}
	if (!strcmp(k, "(")) {
		n = expr(p);
		if (!n)
			return NULL;
		if (!peek(p) || strcmp(peek(p), ")"))
			return fail_at(p, "filter: \")\" expected at %s",
				       peek(p));
		p->i++;
		return n;
	}
	v = peek(p);
	if (!v)
		return fail_at(p, "filter \"%s\" needs a value", k);
	p->i++;
	n = node(F_AND, NULL, NULL);
	if (!strcmp(k, "lport") || !strcmp(k, "sport") ||
	    !strcmp(k, "pport") || !strcmp(k, "dport")) {
		n->key = (k[0] == 'l' || k[0] == 's') ? F_LPORT : F_PPORT;
		if (parse_range(v, 65535, &n->lo, &n->hi))
			return fail_at(p, "bad port or port range \"%s\"", v);
	} else if (!strcmp(k, "laddr") || !strcmp(k, "src") ||
		   !strcmp(k, "paddr") || !strcmp(k, "dst")) {
		n->key = (k[0] == 'l' || k[0] == 's') ? F_LADDR : F_PADDR;
		if (sctpnl_addr_pton(v, &n->addr, 0))
			return fail_at(p, "bad address \"%s\"", v);
	} else if (!strcmp(k, "state")) {
		n->key = F_STATE;
		if (filter_parse_states(v, &n->mask))
			return fail_at(p, "bad state list \"%s\"", v);
	} else if (!strcmp(k, "uid") || !strcmp(k, "ino") ||
		   !strcmp(k, "inode") || !strcmp(k, "id") ||
		   !strcmp(k, "pid")) {
		n->key = k[0] == 'u' ? F_UID : k[0] == 'i' && k[1] == 'd' ?
			 F_ID : k[0] == 'i' ? F_INO : F_PID;
		if (parse_u64(v, n->key == F_INO ? UINT64_MAX : UINT32_MAX,
			      &x))
			return fail_at(p, "bad number \"%s\"", v);
		n->lo = n->hi = x;
	} else if (!strcmp(k, "comm") || !strcmp(k, "process")) {
		n->key = F_COMM;
		n->s = v;
	} else {
		return fail_at(p, "unknown filter \"%s\"", k);
	}
	return n;
}

static int is_and(const char *t)
{
	return t && (!strcmp(t, "and") || !strcmp(t, "&&"));
}

static int is_or(const char *t)
{
	return t && (!strcmp(t, "or") || !strcmp(t, "||"));
}

static struct fnode *term(struct parser *p)
{
	struct fnode *n = factor(p), *m;

	while (n && peek(p) && !is_or(peek(p)) && strcmp(peek(p), ")")) {
		if (is_and(peek(p)))
			p->i++;
		m = factor(p);
		if (!m)
			return NULL;
		n = node(F_AND, n, m);
	}
	return n;
}

static struct fnode *expr(struct parser *p)
{
	struct fnode *n = term(p), *m;

	while (n && is_or(peek(p))) {
		p->i++;
		m = term(p);
		if (!m)
			return NULL;
		n = node(F_OR, n, m);
	}
	return n;
}

/* Does this filter need the expression evaluator (vs the kernel's)? */
int filter_is_expr(int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *t = argv[i];

		if (is_or(t) || is_and(t) || !strcmp(t, "not") ||
		    !strcmp(t, "!") || !strcmp(t, "(") || !strcmp(t, ")") ||
		    !strcmp(t, "sport") || !strcmp(t, "dport") ||
		    !strcmp(t, "src") || !strcmp(t, "dst"))
			return 1;
		if ((!strcmp(t, "lport") || !strcmp(t, "pport")) &&
		    i + 1 < argc && strchr(argv[i + 1], '-'))
			return 1;
	}
	return 0;
}

struct fnode *filter_parse(int argc, char **argv)
{
	struct parser p = { .argc = argc, .argv = argv };
	struct fnode *n;

	if (!argc)
		return NULL;
	n = expr(&p);
	if (n && p.i < argc) {
		fail_at(&p, "filter: unexpected \"%s\"", argv[p.i]);
		return NULL;
	}
	if (!n && !p.err)
		bad_arg("%s", "filter: empty expression");
	return n;
}

static int addr_eq(const struct sctpnl_addr *x, const struct sctpnl_addr *y)
{
	struct sctpnl_addr a = *x, b = *y;

	/* compare v4-mapped IPv6 as IPv4 */
	if (a.family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&a.v6)) {
		a.family = AF_INET;
		memcpy(&a.v4, &a.v6.s6_addr[12], 4);
	}
	if (b.family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&b.v6)) {
		b.family = AF_INET;
		memcpy(&b.v4, &b.v6.s6_addr[12], 4);
	}
	if (a.family != b.family)
		return 0;
	if (a.family == AF_INET)
		return a.v4.s_addr == b.v4.s_addr;
	return !memcmp(&a.v6, &b.v6, sizeof(a.v6));
}

int filter_match(const struct fnode *n, const struct sctpnl_assoc *a)
{
	unsigned int i;

	if (!n)
		return 1;
	switch (n->key) {
	case F_AND:
		return filter_match(n->a, a) && filter_match(n->b, a);
	case F_OR:
		return filter_match(n->a, a) || filter_match(n->b, a);
	case F_NOT:
		return !filter_match(n->a, a);
	case F_LPORT:
		return a->local_port >= n->lo && a->local_port <= n->hi;
	case F_PPORT:
		return a->peer_port >= n->lo && a->peer_port <= n->hi;
	case F_LADDR:
		for (i = 0; i < a->n_laddrs; i++)
			if (addr_eq(&a->laddrs[i], &n->addr))
				return 1;
		return 0;
	case F_PADDR:
		for (i = 0; i < a->n_paths; i++)
			if (addr_eq(&a->paths[i].info.address, &n->addr))
				return 1;
		return 0;
	case F_STATE:
		return a->status.state < 32 && (n->mask >> a->status.state & 1);
	case F_UID:
		return a->uid == n->lo;
	case F_INO:
		return a->inode == n->lo;
	case F_ID:
		return a->assoc_id == n->lo;
	case F_PID:
		return procs_match(a->inode, n->lo, NULL);
	case F_COMM:
		return procs_match(a->inode, 0, n->s);
	}
	return 0;
}

/* Does the expression need the /proc scan? */
int filter_needs_procs(const struct fnode *n)
{
	if (!n)
		return 0;
	if (n->key == F_PID || n->key == F_COMM)
		return 1;
	return filter_needs_procs(n->a) || filter_needs_procs(n->b);
}

/* -4 / -6: the family of the association's primary peer address. */
int family_match(int family, const struct sctpnl_assoc *a)
{
	const struct sctpnl_addr *p;
	int f;

	if (!family)
		return 1;
	if (!SCTPNL_ISSET(&a->status, SCTPNL_STATUS_PRIMARY))
		return 0;
	p = &a->status.primary.address;
	f = p->family;
	if (f == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&p->v6))
		f = AF_INET;
	return f == family;
}
