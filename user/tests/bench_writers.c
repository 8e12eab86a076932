// SPDX-License-Identifier: GPL-2.0
/*
 * Host micro-benchmark of the library's per-association costs: decoding
 * test_codec's association message, and writing it as JSON and as
 * Erlang terms to /dev/null.  CPU time per association, so that other
 * load on the host matters less.  Not a test: make tests/bench_writers,
 * then run it.
 */
#include <time.h>

#define main codec_main
#include "test_codec.c"
#undef main

static double cpu_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	struct nl_msg *m = build_assoc();
	struct sctpnl_assoc *a = malloc(sizeof(*a));
	FILE *f = fopen("/dev/null", "w");
	int i, n = argc > 1 ? atoi(argv[1]) : 200000;
	struct sctpnl_json *j;
	double t;

	if (!a || !f || n <= 0)
		return 1;
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_parse_assoc(nlmsg_hdr(m), a);
	printf("parse %.2f us\n", (cpu_s() - t) / n * 1e6);
	j = sctpnl_json_new(f, 0);
	sctpnl_json_begin_array(j, NULL);
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_json_record(j, NULL, SCTPNL_REC_ASSOC, a);
	printf("json %.2f us\n", (cpu_s() - t) / n * 1e6);
	t = cpu_s();
	for (i = 0; i < n; i++)
		sctpnl_fprint_erl_assoc(f, a);
	printf("erl %.2f us\n", (cpu_s() - t) / n * 1e6);
	sctpnl_json_end_array(j);
	sctpnl_json_free(j);
	fclose(f);
	free(a);
	nlmsg_free(m);
	return 0;
}
