#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What one refresh of `sctpctl top` costs at scale, inside the guest:
# with LOAD (default o2o:10000, i.e. 20,000 associations) up, time
# `top -n N` (N refreshes, 1 s apart, --batch output to /dev/null) and
# its per-refresh dump times, with and without -P's /proc scan
# (comm filter), and `assoc show` for comparison.  Bench-style timing,
# not a test.
#
# Usage: selftests/vm/run -m 3072 -- selftests/bench/top.sh [LOAD] [N]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/selftests/bench
ctl=$top/user/sctpctl/sctpctl
load=${1:-o2o:10000}
n=${2:-5}
ulimit -n 65536
sysctl -qw net.core.somaxconn=4096 2>/dev/null
export SCTP_LOAD_PORT=21000
coproc LOAD { exec "$b/sctp_load" o2o "${load#*:}"; }
read -r ready total setup <&"${LOAD[0]}" || { echo "load failed"; exit 1; }
sleep 1
count=$("$ctl" assoc show | tail -n +2 | wc -l)
echo "associations: $count (load $load: $ready $total $setup)"
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
	 echo "$e - $s" | bc -l | xargs printf '%.3f'; }
echo "assoc show (table):          $(secs "$ctl" assoc show) s"
echo "top -n 1 (one refresh):      $(secs "$ctl" top -n 1) s"
out=$("$ctl" top -n "$n" --interval 1000 --sort rtx | grep '^sctpctl top')
echo "$out" | sed 's/^/  /'
dumps=$(echo "$out" | sed -n 's/.* dump \([0-9]*\) ms.*/\1/p')
echo "top -n $n: dump ms per refresh: $(echo $dumps)"
t=$(secs "$ctl" top -n "$n" --interval 1000)
echo "top -n $n --interval 1000, wall: $t s (idle would be $((n - 1)) s)"
echo "top -n 1 comm sctp_load (+/proc scan): $(secs "$ctl" top -n 1 comm sctp_load) s"
kill "$LOAD_PID" 2>/dev/null
wait 2>/dev/null
