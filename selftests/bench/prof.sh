#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Where the listing time goes, inside the guest: creates one load with
# sctp_load, then profiles (perf record, cpu-clock: the only clock TCG
# offers) the library's dump and each sctpctl view of it, and prints
# each profile's top symbols and a table of CPU time by part.  Uses the host's perf (linux-perf), which
# the guest sees through its read-only view of /.
#
# Usage: prof.sh [LOAD] [TOP]     (defaults: o2o:5000, 25 symbols)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/selftests/bench
ctl=$top/user/sctpctl/sctpctl
load=${1:-o2o:5000} ntop=${2:-25}
perf=$(command -v perf) || { echo "prof: no perf (apt-get install linux-perf)"; exit 2; }
# shellcheck source=selftests/bench/lib.sh
. "$b/lib.sh"

export SCTP_LOAD_PORT=20000
kind=${load%%:*} n=${load#*:}
if [ "$kind" = o2o ]; then args=(o2o "$n"); else args=(o2m $((n / 100)) 100); fi
coproc LOAD { exec "$b/sctp_load" "${args[@]}"; }
read -r _ total _ <&"${LOAD[0]}" || { echo "load failed"; exit 1; }
sleep 1
echo "# $load: $total associations"

# What the load costs while nobody lists it: the guest's CPU (both vCPUs,
# /proc/stat) and the control chunks (heartbeats and their acks) each
# second, over 5 s.  Timers run per association, so this grows with the
# load and takes its share from whatever runs during a listing.
bg() {
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat
	awk '$1 ~ /^Sctp(In|Out)CtrlChunks$/ { s += $2 } END { print s }' \
		/proc/net/sctp/snmp
}
read -r b0 i0 c0 <<<"$(bg | tr '\n' ' ')"
sleep 5
read -r b1 i1 c1 <<<"$(bg | tr '\n' ' ')"
echo "# idle load: CPU busy $(echo "($b1 - $b0) / ($b1 - $b0 + $i1 - $i0)" | bc -l |
	cut -c1-5) of 2 vCPUs, $(((c1 - c0) / 5)) control chunks/s"

# Per view: its CPU time (samples at $hz Hz) by part: the kernel (the
# dump's walk and fill, recvmsg, write), the library's decoder (decode*,
# snl_dec*), libnl, libc, the dynamic loader (process start), and the
# rest of the program (the writer); then the top symbols.
hz=2999
prof() {
	local name=$1
	shift
	"$perf" record -q -F $hz -e cpu-clock -o /tmp/perf.data -- "$@" \
		>/dev/null 2>/tmp/perf.err || cat /tmp/perf.err
	"$perf" report -q -i /tmp/perf.data --stdio --no-children -n \
		--sort dso,sym 2>/dev/null | grep -v '^$' >/tmp/perf.txt
	awk -v name="$name" -v hz=$hz '
	{ n = $2; dso = $3; sym = $5
	  if (dso ~ /kernel/) k += n
	  else if (dso ~ /^ld-linux/) ld += n
	  else if (dso ~ /^libnl/) nl += n
	  else if (dso ~ /^libc/) c += n
	  else if (sym ~ /^(decode|snl_dec|snl_nla|snl_load)/) d += n
	  else w += n
	  t += n }
	END { printf "%-10s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f\n", name,
		t * 1000 / hz, k * 1000 / hz, d * 1000 / hz, nl * 1000 / hz,
		c * 1000 / hz, ld * 1000 / hz, w * 1000 / hz }' /tmp/perf.txt \
		>>/tmp/prof.sum
	echo "## $name: $*"
	head -n "$ntop" /tmp/perf.txt
}
: >/tmp/prof.sum

# Wall seconds of a whole process (lib.sh: best of $reps): the library's
# dump as a program (bench_dump: start, open, dump) against sctpctl's
# views.
wall() { printf '%-34s %8.3f\n' "$*" "$(tb "$@")"; }
echo "# wall seconds, whole processes (best of $reps):"
wall /bin/true
wall "$ctl" --version
wall "$b/bench_dump" count
wall "$ctl" -j assoc show
wall "$ctl" -f erl assoc show
wall "$b/bench_dump" count table
wall "$ctl" assoc show
# In process (best of $reps): the library's dump as bench_dump times it, and
# the floor, one walk in the module that only counts (seconds).
echo "# in process, library dump (full): $(tlib)"
echo "# in process, library dump (table): $(tlib table)"
echo "# in process, bare walk: $(bestof awk '{ print $2 / 1e9 }' \
	/sys/module/sctpnl/parameters/bare_walk)"
prof lib "$b/bench_dump" count
prof json "$ctl" -j assoc show
prof erl "$ctl" -f erl assoc show
prof table "$ctl" assoc show
prof lib-table "$b/bench_dump" count table
echo "# CPU ms by part ($total associations):"
printf '%-10s %8s %8s %8s %8s %8s %8s %8s\n' view total kernel decode \
	libnl libc ld.so program
cat /tmp/prof.sum
kill "$LOAD_PID" 2>/dev/null
wait "$LOAD_PID" 2>/dev/null
exit 0
