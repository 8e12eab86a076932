#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Throughput overhead of sctpnl, inside the guest: iperf3 --sctp between
# two network namespaces joined by a veth pair, in ROUNDS rounds (the order
# rotating from round to round) of these set-ups: sctpnl not loaded;
# loaded and idle; loaded with a listener on the events and probe groups,
# the probe narrowed to the measured association, once per probe interval
# of INTERVALS.  Prints each run, the medians, their ratios to not loaded
# and the mean per-round ratio; then the CPU busy fraction (/proc/stat)
# and the CPU per Mbit/s as a per-round ratio to not loaded.
#
# Usage: tput.sh [ROUNDS] [SECONDS] [INTERVALS]
#        (defaults: 5 rounds of 5 s; INTERVALS "10,0": a sample at most
#        every 10 ms, then one per SACK)
#
# Run it in a one-CPU guest (make bench-tput does): with two, the veth
# pair hands an association's packets to either CPU's backlog, and the
# reordering triggers fast retransmits and RTO stalls that make single
# runs of any set-up drop to half speed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5} secs=${2:-5} intervals=${3:-10,0}
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}

ip netns add tp-a; ip netns add tp-b
ip link add name tp-va netns tp-a type veth peer name tp-vb netns tp-b
ip -n tp-a addr add 10.9.0.1/24 dev tp-va; ip -n tp-a link set tp-va up
ip -n tp-b addr add 10.9.0.2/24 dev tp-vb; ip -n tp-b link set tp-vb up
ip -n tp-a link set lo up; ip -n tp-b link set lo up
ip netns exec tp-b iperf3 -s -D -p 5201 >/dev/null 2>&1
sleep 1

# Busy and all CPU ticks since boot, from the first line of /proc/stat.
ticks() {
	local _ u n s i w q sq
	read -r _ u n s i w q sq _ </proc/stat
	echo "$((u + n + s + q + sq)) $((u + n + s + i + w + q + sq))"
}

# A module built by make bench-probe-cost counts its time on SACKs
# (kmod/probe.c, SCTPNL_PROBE_STATS): the counters as one line, or none.
stats=/sys/module/sctpnl/parameters/probe_stats
pstats() {
	[ -r $stats ] && tr '\n' ' ' <$stats
	echo
}

# One run of set-up $1: prints Mbit/s received and the fraction of the
# CPU busy meanwhile (/proc/stat: the listener's share included).  With
# the counting module, /tmp/pstats.out says where sctpnl's time went.
run() {
	local mode=$1 lpid= s0 s1 lcpu=0 w0 w1
	: >/tmp/pstats.out
	case $mode in
	unloaded) grep -q '^sctpnl ' /proc/modules && rmmod sctpnl ;;
	*) grep -q '^sctpnl ' /proc/modules || insmod "$ko" ;;
	esac
	case $mode in
	probe*)
		# The listener starts first, so that its own start-up is not
		# measured, and finds the association itself: an interpreter
		# started next to the traffic would compete with it.
		rm -f /tmp/listen.ready
		ip netns exec tp-a "$top/selftests/bench/listen" \
			-i "${mode#probe}" -p 5201 -r /tmp/listen.ready \
			>/tmp/listen.out &
		lpid=$!
		while [ ! -e /tmp/listen.ready ] && kill -0 $lpid 2>/dev/null; do
			sleep 0.1
		done
		;;
	esac
	local t0 t1
	s0=$(pstats)
	w0=$(date +%s%N)
	t0=$(ticks)
	ip netns exec tp-a iperf3 --sctp -c 10.9.0.2 -p 5201 -t $((secs + 1)) \
		-O 1 -J >/tmp/tput.json 2>&1 &
	local ipid=$!
	wait $ipid
	t1=$(ticks)
	w1=$(date +%s%N)
	s1=$(pstats)
	if [ -n "$lpid" ]; then
		kill $lpid
		wait $lpid
		lcpu=$(sed -n 's/.*, \([0-9.]*\) s CPU reading$/\1/p' \
			/tmp/listen.out)
	fi
	[ -n "$s1" ] && [ "$mode" != unloaded ] &&
		python3 "$top/selftests/bench/pstats.py" "$mode" $((w1 - w0)) \
			"${lcpu:-0}" "$s0" "$s1" >/tmp/pstats.out
	python3 -c 'import json, sys
d = json.load(open("/tmp/tput.json"))
b0, a0, b1, a1 = map(int, sys.argv[1:])
print("%.1f %.3f" % (d["end"]["sum_received"]["bits_per_second"] / 1e6,
                     (b1 - b0) / max(a1 - a0, 1)))' $t0 $t1
}

modes=(unloaded idle)
for iv in ${intervals//,/ }; do
	modes+=("probe$iv")
done
declare -A res cpu
: >/tmp/tput.cost
for r in $(seq "$rounds"); do
	# Rotate the order so that no set-up always follows the same one.
	for k in $(seq 0 $((${#modes[@]} - 1))); do
		mode=${modes[$(((r + k) % ${#modes[@]}))]}
		read -r v busy < <(run "$mode")
		res[$mode]="${res[$mode]:-} $v"
		cpu[$mode]="${cpu[$mode]:-} $busy"
		echo "# round $r $mode: $v Mbit/s, CPU busy $busy"
		case $mode in probe*) sed 's/^/#   /' /tmp/listen.out ;; esac
		sed -n 's/^#/#  /p' /tmp/pstats.out
		sed -n "/^cost /p" /tmp/pstats.out >>/tmp/tput.cost
	done
done
grep -q '^sctpnl ' /proc/modules || insmod "$ko"

echo "# $(nproc) CPU(s), $rounds rounds of $secs s; probeN: listeners, a sample at most every N ms (0: every SACK)"
for mode in "${modes[@]}"; do
	echo "$mode ${res[$mode]}"
	echo "cpu:$mode ${cpu[$mode]}"
done >/tmp/tput.res
# "per round": the mean over rounds of the ratio to the not-loaded run of
# the same round, with its standard error.  Each run is compared with one
# made within the same minute, so slow drift of the guest cancels out.
# "busy" says whether the transfer kept the CPU busy: if so (1.00 in the
# one-CPU guest), the throughput ratio is the cost; "CPU per Mbit" (the
# busy fraction over the throughput, per round, as a ratio to not loaded)
# is the cost per byte when it did not.
python3 - /tmp/tput.res <<'EOF'
import statistics as st, sys
res, cpu = {}, {}
for line in open(sys.argv[1]):
    mode, *v = line.split()
    if mode.startswith("cpu:"):
        cpu[mode[4:]] = [float(x) for x in v]
    else:
        res[mode] = [float(x) for x in v]
base = res["unloaded"]
cbase = [c / m for c, m in zip(cpu["unloaded"], base)]

def mean_se(r):
    return st.mean(r), (st.stdev(r) / len(r) ** 0.5 if len(r) > 1 else 0)

print("%-10s %8s %13s %7s %15s %6s %18s" % ("set-up", "Mbit/s", "range",
      "ratio", "per round", "busy", "CPU/Mbit, per round"))
for mode, v in res.items():
    r = mean_se([x / b for x, b in zip(v, base)])
    c = mean_se([cm / m / cb for cm, m, cb in zip(cpu[mode], v, cbase)])
    print("%-10s %8.1f %13s %7.3f %8.3f ± %.3f %6.2f %10.3f ± %.3f" %
          (mode, st.median(v), "%.1f-%.1f" % (min(v), max(v)),
           st.median(v) / st.median(base), r[0], r[1],
           st.median(cpu[mode]), c[0], c[1]))
EOF
[ -s /tmp/tput.cost ] &&
	python3 "$top/selftests/bench/pstats.py" --summary /tmp/tput.cost
ip netns del tp-a; ip netns del tp-b
