// SPDX-License-Identifier: GPL-2.0
/*
 * Host micro-benchmark of the per-association costs: decoding an
 * association message, writing it as JSON and as Erlang terms with the
 * library, and sctpctl's table row and JSON (its output.c, as it drives
 * the library).  Two associations: test_codec's (16 local addresses, two
 * paths) and one like the bench's loopback associations (one local
 * address, one path, every info part the kernel sends).  CPU time per
 * association, so that other load on the host matters less; under
 * callgrind, the instruction counts per function.  Not a test:
 * make tests/bench_writers, then run it: bench_writers [N [codec|loopback]]
 * (stdout goes to /dev/null).
 */
#include <time.h>

#define main codec_main
#include "test_codec.c"
#undef main

#include "../sctpctl/monitor.c"

/* An association of the loopback bench: 127.0.0.2 to 127.0.0.1. */
static struct nl_msg *build_loopback(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_ASSOC_GET);
	struct nlattr *n;
	int i;

	nla_put_u32(m, SCTPNL_A_ASSOC_ID, 20001);
	nla_put_u64(m, SCTPNL_A_SK_INODE, 1234567);
	nla_put_u32(m, SCTPNL_A_SK_UID, 0);
	nla_put_u8(m, SCTPNL_A_SK_STYLE, SCTPNL_STYLE_ONE_TO_ONE);
	nla_put_u16(m, SCTPNL_A_SK_FAMILY, AF_INET);
	nla_put_u8(m, SCTPNL_A_SK_V4MAPPED, 0);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 40123);
	nla_put_u16(m, SCTPNL_A_PEER_PORT, 6000);
	nla_put_u32(m, SCTPNL_A_LOCAL_VTAG, 0x8badf00d);
	nla_put_u32(m, SCTPNL_A_PEER_VTAG, 0x12345678);
	nla_put_u32(m, SCTPNL_A_SNDQ, 0);
	nla_put_u32(m, SCTPNL_A_RCVQ, 0);
	nla_put_u32(m, SCTPNL_A_LOCAL_RWND, 106496);

	n = nla_nest_start(m, SCTPNL_A_LOCAL_ADDRS);
	put_addr4(m, SCTPNL_A_LOCAL_ADDRS_ENTRY, "127.0.0.2", -1);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_STATUS);
	nla_put_u8(m, SCTPNL_STATUS_A_STATE, SCTPNL_STATE_ESTABLISHED);
	nla_put_u32(m, SCTPNL_STATUS_A_RWND, 106496);
	nla_put_u32(m, SCTPNL_STATUS_A_UNACKDATA, 0);
	nla_put_u32(m, SCTPNL_STATUS_A_PENDDATA, 0);
	nla_put_u16(m, SCTPNL_STATUS_A_INSTRMS, 10);
	nla_put_u16(m, SCTPNL_STATUS_A_OUTSTRMS, 10);
	nla_put_u32(m, SCTPNL_STATUS_A_FRAGMENTATION_POINT, 65484);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_RTOINFO);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_INITIAL, 3000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MAX, 60000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MIN, 1000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_ASSOCINFO);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 10);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS, 1);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_PEER_RWND, 106496);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_LOCAL_RWND, 106496);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE, 60000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_INITMSG);
	nla_put_u16(m, SCTPNL_INITMSG_A_NUM_OSTREAMS, 10);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_INSTREAMS, 10);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_ATTEMPTS, 8);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_INIT_TIMEO, 60000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_DELAYED_ACK);
	nla_put_u32(m, SCTPNL_SACK_A_DELAY, 200);
	nla_put_u32(m, SCTPNL_SACK_A_FREQ, 2);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_DEFAULT_SEND);
	nla_put_u16(m, SCTPNL_SNDRCV_A_STREAM, 0);
	nla_put_u16(m, SCTPNL_SNDRCV_A_FLAGS, 0);
	nla_put_u32(m, SCTPNL_SNDRCV_A_PPID, 0);
	nla_put_u32(m, SCTPNL_SNDRCV_A_CONTEXT, 0);
	nla_put_u32(m, SCTPNL_SNDRCV_A_TIMETOLIVE, 0);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_EVENTS);
	for (i = SCTPNL_EVENTS_A_DATA_IO; i <= SCTPNL_EVENTS_A_SENDER_DRY; i++)
		nla_put_u8(m, i, i == SCTPNL_EVENTS_A_DATA_IO);
	nla_nest_end(m, n);

	nla_put_u32(m, SCTPNL_A_MAXSEG, 65484);
	nla_put_u32(m, SCTPNL_A_PEER_ADAPTATION_IND, 0);
	nla_put_u8(m, SCTPNL_A_NODELAY, 0);
	nla_put_u32(m, SCTPNL_A_AUTOCLOSE, 0);
	nla_put_u8(m, SCTPNL_A_DISABLE_FRAGMENTS, 0);
	nla_put_u32(m, SCTPNL_A_ADAPTATION_IND, 0);

	n = nla_nest_start(m, SCTPNL_A_STATS);
	for (i = SCTPNL_STATS_A_RTXCHUNKS; i <= SCTPNL_STATS_A_MAX_OBS_RTO; i++)
		nla_put_u64(m, i, i * 3);
	put_addr4(m, SCTPNL_STATS_A_MAX_OBS_RTO_ADDR, "127.0.0.1", 6000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_PADDRS);
	put_path(m, "127.0.0.1", 2 /* SCTP_ACTIVE */, 1, 4380);
	nla_nest_end(m, n);
	return m;
}

static double cpu_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Named per association, so that callgrind counts each apart. */
static __attribute__((noinline)) void bench_one(const char *name,
						struct nl_msg *m, int n)
{
	struct sctpnl_assoc *a = malloc(sizeof(*a));
	FILE *f = fopen("/dev/null", "w");
	struct sctpnl_json *j;
	struct out o = { 0 };
	double t;
	int i;

	if (!a || !f)
		exit(1);
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_parse_assoc(nlmsg_hdr(m), a);
	fprintf(stderr, "%s parse %.2f us\n", name, (cpu_s() - t) / n * 1e6);
	j = sctpnl_json_new(f, 0);
	sctpnl_json_begin_array(j, NULL);
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_json_record(j, NULL, SCTPNL_REC_ASSOC, a);
	fprintf(stderr, "%s json %.2f us\n", name, (cpu_s() - t) / n * 1e6);
	sctpnl_json_end_array(j);
	sctpnl_json_free(j);
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_fprint_erl_assoc(f, a);
	fprintf(stderr, "%s erl %.2f us\n", name, (cpu_s() - t) / n * 1e6);

	/* sctpctl, to stdout */
	o.fmt = FMT_TABLE;
	out_begin(&o, 1);
	t = cpu_s();
	for (i = 0; i < n; i++)
		out_assoc(&o, a);
	fprintf(stderr, "%s sctpctl table %.2f us\n", name,
		(cpu_s() - t) / n * 1e6);
	out_end(&o);
	o.fmt = FMT_JSON;
	out_begin(&o, 1);
	t = cpu_s();
	for (i = 0; i < n; i++)
		out_assoc(&o, a);
	fprintf(stderr, "%s sctpctl json %.2f us\n", name,
		(cpu_s() - t) / n * 1e6);
	out_end(&o);
	fclose(f);
	free(a);
}

static __attribute__((noinline)) void bench_codec(int n)
{
	struct nl_msg *m = build_assoc();

	bench_one("codec", m, n);
	nlmsg_free(m);
}

static __attribute__((noinline)) void bench_loopback(int n)
{
	struct nl_msg *m = build_loopback();

	bench_one("loopback", m, n);
	nlmsg_free(m);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 200000;
	const char *which = argc > 2 ? argv[2] : "";

	if (n <= 0 || !freopen("/dev/null", "w", stdout))
		return 1;
	if (strcmp(which, "loopback"))
		bench_codec(n);
	if (strcmp(which, "codec"))
		bench_loopback(n);
	return 0;
}
