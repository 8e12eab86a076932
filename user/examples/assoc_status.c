// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Print the #sctp_status{} of every SCTP association of this network
 * namespace as an Erlang term, one per line, exactly as inet:getopts/2
 * would return it to the owning socket.  Uses only the installed
 * libsctpnl:
 *
 *	cc -o assoc_status assoc_status.c $(pkg-config --cflags --libs libsctpnl)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sctpnl/sctpnl.h>

static int print_status(const struct sctpnl_assoc *a, void *arg)
{
	struct sctpnl_status st;
	unsigned int *n = arg;

	if (sctpnl_status_from_assoc(a, &st) < 0)
		return 0;	/* vanished half-way: nothing to show */
	sctpnl_fprint_erl(stdout, SCTPNL_REC_STATUS, &st);
	fputs(".\n", stdout);
	(*n)++;
	return 0;
}

int main(void)
{
	unsigned int n = 0;
	struct sctpnl *h;
	int err;

	h = sctpnl_open();
	if (!h) {
		fprintf(stderr, "assoc_status: %s\n",
			errno == SCTPNL_ENOFAMILY ?
			"the sctpnl module is not loaded" : strerror(errno));
		return 1;
	}
	err = sctpnl_assoc_dump(h, NULL, print_status, &n);
	if (err < 0)
		fprintf(stderr, "assoc_status: %s%s%s\n", strerror(-err),
			sctpnl_errmsg(h) ? ": " : "",
			sctpnl_errmsg(h) ? sctpnl_errmsg(h) : "");
	sctpnl_close(h);
	fprintf(stderr, "%u associations\n", n);
	return err < 0;
}
