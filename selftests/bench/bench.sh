#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Scale benchmark, run inside the guest (make bench).  For each load it
# creates the associations with sctp_load, waits until the servers count
# them all, then lists them in the same guest run with sctpctl (table and
# JSON), the library's dump API alone, `ss -S -a -n -i` and
# /proc/net/sctp/assocs, and prints times and ratios.  Then it scrapes
# sctpnl-exporter twice: as deployed by default (namespace series only:
# column exp) and with per-association and per-path series for every
# association (exp-all), each the wall time of one HTTP scrape; the
# comment line under each load gives the duration the exporter reports
# (sctpnl_exporter_scrape_duration_seconds), the series counts, and what
# a curl of the exporter's static page costs (most of a wall time here).
#
# Usage: bench.sh [--quick] [LOAD...]    LOAD: o2o:N (N one-to-one client
#        sockets associated with one one-to-many server: 2N associations
#        in all) or o2m:N (N associations from one-to-many client sockets
#        to one-to-many servers: 2N in all).  --quick: one small load, for
#        make check.

set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/selftests/bench
ctl=$top/user/sctpctl/sctpctl
exporter=$top/user/exporter/sctpnl-exporter
param=/sys/module/sctpnl/parameters
quick=0
[ "${1:-}" = --quick ] && { quick=1; shift; }

if [ $# -gt 0 ]; then
	loads=("$@")
elif [ $quick = 1 ]; then
	loads=(o2o:200)
else
	loads=(o2o:1000 o2o:10000 o2o:20000 o2m:10000 o2m:30000)
fi

sysctl -qw net.core.somaxconn=4096 2>/dev/null

# BENCH_REPS=1 for one run of each (lib.sh).
[ $quick = 1 ] && BENCH_REPS=1
# shellcheck source=selftests/bench/lib.sh
. "$b/lib.sh"
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.1f'; }
curr_estab() { awk '$1 == "SctpCurrEstab" { print $2 }' /proc/net/sctp/snmp; }

# One scrape of an exporter started with "$@" on 127.0.0.1:9743: prints
# "wall_s reported_s series associations".
exp_scrape() {
	local pid out s e n
	out=$(mktemp)
	"$exporter" --web.listen-address=127.0.0.1:9743 "$@" 2>/dev/null &
	pid=$!
	for _ in $(seq 100); do
		curl -sf -o /dev/null http://127.0.0.1:9743/ && break
		sleep 0.1
	done
	s=$(date +%s.%N)
	curl -sf --max-time 600 -o "$out" http://127.0.0.1:9743/metrics
	e=$(date +%s.%N)
	# curl's own cost: its start-up is a large part of a wall time in
	# the emulated guest.
	t_base=$(t curl -sf http://127.0.0.1:9743/)
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	n=$(awk '/^sctpnl_associations\{/ { n += $2 } END { print n + 0 }' "$out")
	printf '%.3f %s %d %d %s\n' "$(echo "$e - $s" | bc -l)" \
		"$(awk '$1 == "sctpnl_exporter_scrape_duration_seconds" { printf "%.3f", $2 }' "$out")" \
		"$(grep -vc '^#' "$out")" "$n" "$t_base"
	rm -f "$out"
}

printf '%-10s %7s %8s %8s %8s %8s %8s %8s %7s %8s %8s %7s %6s %7s %7s\n' load \
	assocs ctl ctl-json lib lib-brf ss proc ss/ctl proc/ctl tuple_us \
	id_us B/asoc exp exp-all
fail=0
declare -A tctl
port=20000
for load in "${loads[@]}"; do
	# Each load gets its own ports: the last one's may still be closing.
	export SCTP_LOAD_PORT=$port
	port=$((port + 1000))
	kind=${load%%:*} n=${load#*:}
	if [ "$kind" = o2o ]; then
		args=(o2o "$n")
	else
		# C client sockets x S servers: N = C*S client associations.
		s=100; [ "$n" -lt 2000 ] && s=10
		args=(o2m $((n / s)) "$s")
	fi
	coproc LOAD { exec "$b/sctp_load" "${args[@]}"; }
	read -r _ total setup <&"${LOAD[0]}" || { echo "load failed"; exit 1; }
	sleep 1

	real=$(curr_estab)
	count=$("$ctl" assoc show | tail -n +2 | wc -l)
	lib=$("$b/bench_dump" count)
	libcount=$(echo "$lib" | awk '{ print $2 }')

	t_ctl=$(tb "$ctl" assoc show)
	t_json=$(tb "$ctl" -j assoc show)
	t_erl=$(tb "$ctl" -f erl assoc show)
	# The floor: one walk in the module that only counts.
	walk=$(cat $param/bare_walk)
	t_lib=$(best "$(echo "$lib" | awk '{ print $4 }')" "$(tlib)")
	t_libb=$(tlib brief)
	t_libt=$(tlib table)
	# What starting a process costs in the guest: sctpctl's times include
	# it, the library's (timed inside bench_dump) do not.
	t_start=$(tb "$ctl" --version)
	# The old tools: BENCH_OLD=0 leaves them out (they do not change).
	t_proc=nan
	[ "${BENCH_OLD:-1}" = 1 ] && t_proc=$(t cat /proc/net/sctp/assocs)
	# ss is quadratic: past 20k one-to-many associations it would take
	# many minutes, and /proc already shows the point there.
	if [ "${BENCH_OLD:-1}" = 1 ] && { [ $quick = 1 ] || [ "$n" -le 10000 ] ||
	   { [ "$kind" = o2o ] && [ "$n" -le 20000 ]; }; }; then
		t_ss=$(t ss -S -a -n -i)
	else
		t_ss=nan
	fi
	lk=$("$b/bench_dump" lookup 200)
	tu=$(echo "$lk" | awk '{ print $2 }') iu=$(echo "$lk" | awk '{ print $4 }')
	bpa=$(( $(cat $param/snapshot_bytes) / $(cat $param/snapshot_assocs) ))
	tctl[$load]=$t_ctl
	read -r x_wall x_rep x_series x_count x_base < <(exp_scrape)
	read -r xa_wall xa_rep xa_series _ < <(exp_scrape --collector.assoc \
		--assoc.max=0)

	ssr=nan
	[ "$t_ss" != nan ] && ssr=$(ratio "$t_ss" "$t_ctl")
	pr=nan
	[ "$t_proc" != nan ] && pr=$(ratio "$t_proc" "$t_ctl")
	printf '%-10s %7d %8s %8s %8s %8s %8s %8s %7s %8s %8s %7s %6s %7s %7s\n' \
		"$load" "$real" "$t_ctl" "$t_json" "$t_lib" "$t_libb" "$t_ss" \
		"$t_proc" "$ssr" "$pr" "$tu" "$iu" "$bpa" \
		"$x_wall" "$xa_wall"
	echo "#   setup ${setup}s; sctpctl rows $count, library $libcount," \
	     "SctpCurrEstab $real; library maxrss $(echo "$lib" | awk '{ print $6 " kB (" $20 " kB before the dump; at the end: anonymous " $14 " kB, files " $16 " kB), heap " $8 " kB (most " $18 " kB), mmap " $10 " kB, " $12 " minor faults" }')"
	t_walk=$(echo "$walk" | awk '{ printf "%.3f", $2 / 1e9 }')
	echo "#   -f erl ${t_erl}s; bare walk ${t_walk}s ($(echo "$walk" | awk '{ print $1 }')" \
	     "counted); json/lib $(ratio "$t_json" "$t_lib"), erl/lib" \
	     "$(ratio "$t_erl" "$t_lib"), table/lib-brief $(ratio "$t_ctl" "$t_libb")," \
	     "table/lib-table $(ratio "$t_ctl" "$t_libt") (lib-table ${t_libt}s)," \
	     "sctpctl start ${t_start}s," \
	     "id/tuple $(ratio "$iu" "$tu")"
	echo "#   exporter: ${x_rep}s reported, $x_series series, $x_count" \
	     "associations; with every association: ${xa_rep}s reported," \
	     "$xa_series series; curl of a static page ${x_base}s"
	if [ "$count" != "$real" ] || [ "$libcount" != "$real" ] ||
	   [ "$x_count" != "$real" ] || [ "$real" != "$total" ]; then
		echo "# MISMATCH: expected $total associations"
		fail=1
	fi

	kill "$LOAD_PID" 2>/dev/null
	wait "$LOAD_PID" 2>/dev/null
	# Let the associations go before the next load.
	for _ in $(seq 300); do [ "$(curr_estab)" = 0 ] && break; sleep 0.2; done
	if [ "$(curr_estab)" != 0 ]; then
		echo "# associations of $load did not go away"
		fail=1
	fi
done

if [ -n "${tctl[o2o:10000]:-}" ] && [ -n "${tctl[o2o:20000]:-}" ]; then
	echo "# linearity: t(20k)/t(10k) = $(echo "${tctl[o2o:20000]} / ${tctl[o2o:10000]}" | bc -l | xargs printf '%.2f')"
fi
exit $fail
