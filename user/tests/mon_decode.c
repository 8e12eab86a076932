// SPDX-License-Identifier: GPL-2.0
/*
 * The library's event and probe decoders, reached without a socket: this unit is
 * libsctpnl's monitor.c itself (its statics in scope), and its
 * sctpnl_monitor_* definitions stand in for the archive's in
 * test_output.
 */
#include "../lib/monitor.c"

int test_decode_event(const void *nlh, struct sctpnl_event *ev);
int test_decode_probe(const void *nlh,
		      int (*cb)(const struct sctpnl_probe_sample *, void *),
		      void *arg);

int test_decode_event(const void *nlh, struct sctpnl_event *ev)
{
	const struct genlmsghdr *g = nlmsg_data(nlh);
	struct ident id;

	if (decode_ident(nlh, &id))
		return -EBADMSG;
	return decode_event(g->cmd, &id, ev);
}

/* Every sample of a probe message to @cb, as the monitor does: how many. */
int test_decode_probe(const void *nlh,
		      int (*cb)(const struct sctpnl_probe_sample *, void *),
		      void *arg)
{
	const struct sctpnl_mon_cb c = { .on_probe = cb };
	struct ident id;

	if (decode_ident(nlh, &id) || !id.probe)
		return -EBADMSG;
	return probe_msg(nlmsg_data(nlh), &id, &c, arg);
}
