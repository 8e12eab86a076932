// SPDX-License-Identifier: GPL-2.0
/*
 * bench_dump: what the benchmarks time of libsctpnl itself.
 *
 *   bench_dump count [brief|table]
 *                            dump every association through the library
 *                            (all of each, SCTPNL_INFO_BRIEF, or what
 *                            sctpctl's table asks: BRIEF | MISC), print
 *                            "count N seconds T maxrss_kb K heap_kb H
 *                            mmap_kb M minflt F rss_anon_kb A
 *                            rss_file_kb R peak_heap_kb P
 *                            maxrss_before_kb B": the peak RSS; the heap
 *                            and malloc'd mmaps at the end; page faults;
 *                            the RSS at the end, anonymous and file
 *                            pages (fault-around maps as many of those as
 *                            the page cache holds); the most heap seen
 *                            during the dump; the peak RSS before it
 *   bench_dump lookup R      R gets by 4-tuple and R gets by assoc id of
 *                            one association from the middle of the dump,
 *                            print the mean time of each in microseconds
 */
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "sctpnl.h"

struct pick {
	unsigned long n, want;
	size_t peak_heap;		/* most heap + mmaps seen, bytes */
	struct sctpnl_key key;
	uint32_t id;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int count_cb(const struct sctpnl_assoc *a, void *arg)
{
	struct pick *p = arg;

	/* malloc may trim the heap before the end: sample it on the way */
	if (!(p->n & 1023)) {
		struct mallinfo2 mi = mallinfo2();

		if (mi.arena + mi.hblkhd > p->peak_heap)
			p->peak_heap = mi.arena + mi.hblkhd;
	}

	if (p->n++ == p->want && a->n_laddrs && a->primary_path >= 0) {
		p->id = a->assoc_id;
		p->key.by_addr = 1;
		p->key.local = a->laddrs[0];
		p->key.local.port = a->local_port;
		p->key.peer = a->paths[a->primary_path].info.address;
	}
	return 0;
}

/* A "Name:   N kB" line of /proc/self/status, or -1. */
static long status_kb(const char *name)
{
	char line[128];
	size_t n = strlen(name);
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, n) && line[n] == ':') {
			v = atol(line + n + 1);
			break;
		}
	if (f)
		fclose(f);
	return v;
}

static long maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	struct sctpnl *h = sctpnl_open();
	struct pick p = { .want = ~0UL };
	struct sctpnl_assoc *a;
	double t0, t1;
	int err, reps;

	if (!h) {
		perror("sctpnl_open");
		return 1;
	}
	if (argc >= 2 && !strcmp(argv[1], "count")) {
		struct sctpnl_filter f = { 0 };
		struct mallinfo2 mi;
		struct rusage ru;
		long rss0;

		if (argc == 3 && !strcmp(argv[2], "brief")) {
			f.info = SCTPNL_INFO_BRIEF;
			SCTPNL_SETF(&f, SCTPNL_FILTER_INFO);
		} else if (argc == 3 && !strcmp(argv[2], "table")) {
			f.info = SCTPNL_INFO_BRIEF | SCTPNL_INFO_MISC;
			SCTPNL_SETF(&f, SCTPNL_FILTER_INFO);
		}
		rss0 = maxrss_kb();
		t0 = now();
		err = sctpnl_assoc_dump(h, &f, count_cb, &p);
		t1 = now();
		if (err) {
			fprintf(stderr, "dump: %s\n", sctpnl_errmsg(h));
			return 1;
		}
		mi = mallinfo2();
		getrusage(RUSAGE_SELF, &ru);
		printf("count %lu seconds %.3f maxrss_kb %ld heap_kb %zu mmap_kb %zu minflt %ld rss_anon_kb %ld rss_file_kb %ld peak_heap_kb %zu maxrss_before_kb %ld\n",
		       p.n, t1 - t0, ru.ru_maxrss, mi.arena >> 10, mi.hblkhd >> 10,
		       ru.ru_minflt, status_kb("RssAnon"), status_kb("RssFile"),
		       p.peak_heap >> 10, rss0);
		return 0;
	}
	if (argc != 3 || strcmp(argv[1], "lookup")) {
		fprintf(stderr, "usage: bench_dump count | lookup REPS\n");
		return 2;
	}
	reps = atoi(argv[2]);
	a = malloc(sizeof(*a));
	/* Find the middle of the dump, then look that one up. */
	if (sctpnl_assoc_dump(h, NULL, count_cb, &p))
		return 1;
	p.want = p.n / 2;
	p.n = 0;
	if (sctpnl_assoc_dump(h, NULL, count_cb, &p) || !p.id)
		return 1;

	t0 = now();
	for (int i = 0; i < reps; i++)
		if (sctpnl_assoc_get(h, &p.key, a) || a->assoc_id != p.id) {
			fprintf(stderr, "4-tuple get: %s\n", sctpnl_errmsg(h));
			return 1;
		}
	t1 = now();
	printf("tuple_us %.1f ", (t1 - t0) * 1e6 / reps);

	memset(&p.key, 0, sizeof(p.key));
	p.key.assoc_id = p.id;
	t0 = now();
	for (int i = 0; i < reps; i++)
		if (sctpnl_assoc_get(h, &p.key, a) || a->assoc_id != p.id) {
			fprintf(stderr, "id get: %s\n", sctpnl_errmsg(h));
			return 1;
		}
	t1 = now();
	printf("id_us %.1f\n", (t1 - t0) * 1e6 / reps);
	return 0;
}
