// SPDX-License-Identifier: GPL-2.0
/*
 * What every sctpctl command shares: the library handle, error
 * messages, and parsing of numbers, association keys and dump filters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sctpctl.h"

/* The generic netlink handle: open_handle() opens it, cli_close() shuts
 * it; every command reaches it through cli_handle(). */
static struct sctpnl *handle;

struct sctpnl *cli_handle(void)
{
	return handle;
}

void cli_close(void)
{
	sctpnl_close(handle);
	handle = NULL;
}

int fail(int err, const char *what)
{
	const char *msg = handle ? sctpnl_errmsg(handle) : NULL;

	if (err < 0)
		err = -err;
	if (what && msg)
		fprintf(stderr, "sctpctl: %s: %s: %s\n", what, strerror(err),
			msg);
	else if (what)
		fprintf(stderr, "sctpctl: %s: %s\n", what, strerror(err));
	else if (msg)
		fprintf(stderr, "sctpctl: %s: %s\n", strerror(err), msg);
	else
		fprintf(stderr, "sctpctl: %s\n", strerror(err));
	return 1;
}

/* fail(), and for EPERM say what is missing (set, abort, eof). */
int fail_admin(int err, const char *what)
{
	const char *msg = handle ? sctpnl_errmsg(handle) : NULL;

	if (err != -EPERM && err != EPERM)
		return fail(err, what);
	fprintf(stderr, "sctpctl: %s: %s (changing an association needs "
		"CAP_NET_ADMIN in the namespace's user namespace)%s%s\n",
		what, strerror(EPERM), msg && *msg ? ": " : "",
		msg && *msg ? msg : "");
	return 1;
}

int bad_arg(const char *fmt, const char *arg)
{
	fputs("sctpctl: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (see sctpctl help)\n", stderr);
	return 1;
}

int open_handle(void)
{
	handle = sctpnl_open();
	if (handle)
		return 0;
	if (errno == SCTPNL_ENOFAMILY) {
		fprintf(stderr, "sctpctl: sctpnl module not loaded (no generic "
			"netlink family \"%s\")\n", SCTPNL_FAMILY_NAME);
		return 1;
	}
	return fail(errno, "cannot open generic netlink");
}

int parse_u64(const char *s, uint64_t max, uint64_t *v)
{
	unsigned long long x;
	char *end;

	if (!*s || *s == '-')
		return -EINVAL;
	errno = 0;
	x = strtoull(s, &end, 0);
	if (errno || *end || x > max)
		return -EINVAL;
	*v = x;
	return 0;
}

int parse_filter(int argc, char **argv, struct sctpnl_filter *f,
		 struct out *o)
{
	int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < argc; i++) {
		const char *k = argv[i], *v = argv[i + 1];
		uint64_t n;
		int j;

		if (!v)
			return bad_arg("filter \"%s\" needs a value", k);
		/* one value per key (the kernel's filter is an AND) */
		for (j = i - 2; j >= 0; j -= 2)
			if (!strcmp(argv[j], k))
				return bad_arg("filter \"%s\" given twice: "
					       "all terms must match; for "
					       "either, join them with or", k);
		if (!strcmp(k, "lport") || !strcmp(k, "pport")) {
			if (parse_u64(v, 65535, &n))
				return bad_arg("bad port \"%s\"", v);
			if (k[0] == 'l') {
				f->lport = n;
				SCTPNL_SETF(f, SCTPNL_FILTER_LPORT);
			} else {
				f->pport = n;
				SCTPNL_SETF(f, SCTPNL_FILTER_PPORT);
			}
		} else if (!strcmp(k, "laddr")) {
			if (sctpnl_addr_pton(v, &f->laddr, 0))
				return bad_arg("bad address \"%s\"", v);
			SCTPNL_SETF(f, SCTPNL_FILTER_LADDR);
		} else if (!strcmp(k, "paddr")) {
			if (sctpnl_addr_pton(v, &f->paddr, 0))
				return bad_arg("bad address \"%s\"", v);
			SCTPNL_SETF(f, SCTPNL_FILTER_PADDR);
		} else if (!strcmp(k, "state")) {
			if (filter_parse_states(v, &f->state_mask))
				return bad_arg("bad state list \"%s\"", v);
			SCTPNL_SETF(f, SCTPNL_FILTER_STATE);
		} else if (!strcmp(k, "uid")) {
			if (parse_u64(v, UINT32_MAX, &n))
				return bad_arg("bad uid \"%s\"", v);
			f->uid = n;
			SCTPNL_SETF(f, SCTPNL_FILTER_UID);
		} else if (!strcmp(k, "ino") || !strcmp(k, "inode")) {
			if (parse_u64(v, UINT64_MAX, &n))
				return bad_arg("bad inode \"%s\"", v);
			f->inode = n;
			SCTPNL_SETF(f, SCTPNL_FILTER_INODE);
		} else if (!strcmp(k, "pid")) {
			if (parse_u64(v, INT32_MAX, &n) || !n)
				return bad_arg("bad pid \"%s\"", v);
			o->pid = n;
		} else if (!strcmp(k, "comm") || !strcmp(k, "process")) {
			o->comm = v;
		} else if (!strcmp(k, "id")) {
			if (parse_u64(v, UINT32_MAX, &n))
				return bad_arg("bad association id \"%s\"", v);
			f->assoc_id = n;
			SCTPNL_SETF(f, SCTPNL_FILTER_ASSOC_ID);
		} else {
			return bad_arg("unknown filter \"%s\"", k);
		}
		i++;
	}
	return 0;
}

int parse_key(int argc, char **argv, struct sctpnl_key *k)
{
	uint64_t n;

	memset(k, 0, sizeof(*k));
	if (argc == 1 && !parse_u64(argv[0], UINT32_MAX, &n)) {
		k->assoc_id = n;
		return 0;
	}
	if (argc != 2)
		return bad_arg("%s: expected an association id or LADDR:LPORT "
			       "PADDR:PPORT", argc ? argv[0] : "ASSOC");
	if (sctpnl_addr_pton(argv[0], &k->local, 1))
		return bad_arg("bad local address:port \"%s\"", argv[0]);
	if (sctpnl_addr_pton(argv[1], &k->peer, 1))
		return bad_arg("bad peer address:port \"%s\"", argv[1]);
	k->by_addr = 1;
	return 0;
}
