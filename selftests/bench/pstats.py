# SPDX-License-Identifier: GPL-2.0
"""Where sctpnl's time on SACKs goes, from the counters of a module built
by make bench-probe-cost (kmod/probe.c, SCTPNL_PROBE_STATS).

One run (tput.sh, after each loaded set-up):
    pstats.py MODE WALL_NS LISTENER_CPU_S "BEFORE" "AFTER"
prints a "#" line for people and a "cost" line for the summary:
    pstats.py --summary FILE
which gives, per set-up, the mean and standard error over its runs.

"warm" is the time of the tests every SACK passes, run a second time
right after the first: the difference is what the first pays for cold
caches and, in a TCG guest, for its soft TLB.

The module's share of the CPU is the time counted in the tracepoint
callback and in the flush timer over the run's wall time, less the
instrumentation's own clock reads, and less what the unlock at the end
of a sampled SACK ran: in process context (the socket backlog) it runs
the softirqs that came in meanwhile, the transfer's own packets, which
would have run anyway.  The guest has one CPU, so
that share is throughput the transfer did not get.  The listener's
share is the CPU time it says it spent reading (from the moment its
filter was set) over the same wall time.
"""
import statistics
import sys


def parse(text):
    w = text.split()
    return {k: int(v) for k, v in zip(w[::2], w[1::2])}


def one(mode, wall_ns, lcpu, before, after):
    b, a = parse(before), parse(after)
    d = {k: a[k] - b.get(k, 0) for k in a if k != "clock_ns"}
    clk = a["clock_ns"]
    wall = int(wall_ns)
    sacks, sampled, samples = d["sacks"], d["sampled"], d["samples"]
    # A SACK's time less what its unlock ran.  Clock reads in it: about
    # one per SACK, and a sampled SACK's three (t0, t1, the end) less the
    # two of the interval taken out and the one its built part keeps.
    sack_ns = (d["sack_ns"] - d["sampled_ns"] + d["built_ns"] -
               (sacks + 2 * sampled) * clk)
    mod_ns = max(sack_ns + d["flush_ns"] - d["flushes"] * clk, 0)
    mod = mod_ns / wall
    lis = float(lcpu) / (wall / 1e9)
    per_sack = sack_ns / sacks if sacks else 0
    per_sampled = ((d["built_ns"] - sampled * clk) / sampled
                   if sampled else 0)
    # The same tests again right away (recheck_ns): with warm caches.
    warm = (d["recheck_ns"] - sacks * clk) / sacks if sacks else 0
    opens = d["opens"]
    per_open = (d["open_ns"] - opens * clk) / opens if opens else 0
    unlock = ((d["sampled_ns"] - d["built_ns"] - sampled * clk) / sampled
              if sampled else 0)
    per_flush = d["flush_ns"] / d["flushes"] if d["flushes"] else 0
    print("# sctpnl: %d SACKs (%.0f/s), %.0f ns each (its tests again, "
          "warm: %.0f ns); %d sampled, %.0f ns each (%d samples; %d "
          "batches opened, %.1f us each), unlock %.0f ns; %d flushes, "
          "%.1f us each; clock %d ns" %
          (sacks, sacks / (wall / 1e9), per_sack, warm, sampled,
           per_sampled, samples, opens, per_open / 1e3, unlock,
           d["flushes"], per_flush / 1e3, clk))
    print("# CPU: sctpnl %.2f %%, listener %.2f %%" % (mod * 100, lis * 100))
    print("cost %s %.5f %.5f %.1f %.1f %.0f %.1f" %
          (mode, mod, lis, per_sack, per_sampled, sacks / (wall / 1e9),
           warm))


def mean_se(v):
    m = statistics.mean(v)
    return m, statistics.stdev(v) / len(v) ** 0.5 if len(v) > 1 else 0


def summary(path):
    runs = {}
    for line in open(path):
        w = line.split()
        runs.setdefault(w[1], []).append([float(x) for x in w[2:]])
    print("# CPU spent by sctpnl and by the listener per set-up (counting "
          "module), mean ± standard error over the runs")
    print("%-10s %4s %16s %16s %16s %10s %9s %12s %9s" %
          ("set-up", "runs", "sctpnl %", "listener %", "total %",
           "ns/SACK", "warm", "ns/sampled", "SACKs/s"))
    for mode, rows in runs.items():
        col = list(zip(*rows))
        m, l = mean_se(col[0]), mean_se(col[1])
        t = mean_se([x + y for x, y in zip(col[0], col[1])])
        print("%-10s %4d %7.2f ± %5.2f %7.2f ± %5.2f %7.2f ± %5.2f %10.0f "
              "%9.0f %12.0f %9.0f" %
              (mode, len(rows), m[0] * 100, m[1] * 100, l[0] * 100,
               l[1] * 100, t[0] * 100, t[1] * 100,
               statistics.mean(col[2]), statistics.mean(col[5]),
               statistics.mean(col[3]),
               statistics.mean(col[4])))


if sys.argv[1] == "--summary":
    summary(sys.argv[2])
else:
    one(*sys.argv[1:6])
