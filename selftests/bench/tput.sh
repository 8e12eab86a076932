#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Throughput overhead of sctpnl, inside the guest: iperf3 --sctp between
# two network namespaces joined by a veth pair, in ROUNDS alternating runs
# of three set-ups: sctpnl not loaded; loaded and idle; loaded with a
# listener on the events and probe groups, the probe narrowed to the
# measured association.  Prints each run and the medians.
#
# Usage: tput.sh [ROUNDS] [SECONDS] [INTERVAL_MS]
#        (defaults: 5 rounds of 5 s; probe sampling every SACK, or at most
#        once per INTERVAL_MS per association)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5} secs=${2:-5} interval=${3:-0}
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}
ctl=$top/user/sctpctl/sctpctl

ip netns add tp-a; ip netns add tp-b
ip link add name tp-va netns tp-a type veth peer name tp-vb netns tp-b
ip -n tp-a addr add 10.9.0.1/24 dev tp-va; ip -n tp-a link set tp-va up
ip -n tp-b addr add 10.9.0.2/24 dev tp-vb; ip -n tp-b link set tp-vb up
ip -n tp-a link set lo up; ip -n tp-b link set lo up
ip netns exec tp-b iperf3 -s -D -p 5201 >/dev/null 2>&1
sleep 1

# One run: prints Mbit/s received.
run() {
	local mode=$1 out lpid=
	case $mode in
	unloaded) grep -q '^sctpnl ' /proc/modules && rmmod sctpnl ;;
	*) grep -q '^sctpnl ' /proc/modules || insmod "$ko" ;;
	esac
	ip netns exec tp-a iperf3 --sctp -c 10.9.0.2 -p 5201 -t $((secs + 1)) \
		-O 1 -J >/tmp/tput.json 2>&1 &
	local ipid=$!
	if [ "$mode" = listeners ]; then
		sleep 0.5
		id=$(ip netns exec tp-a "$ctl" -j assoc show pport 5201 |
		     python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["assoc_id"])' 2>/dev/null)
		ip netns exec tp-a "$top/selftests/bench/listen" -i "$interval" $id \
			>/tmp/listen.out &
		lpid=$!
	fi
	wait $ipid
	[ -n "$lpid" ] && { kill $lpid; wait $lpid; }
	python3 -c 'import json; d=json.load(open("/tmp/tput.json")); print("%.1f" % (d["end"]["sum_received"]["bits_per_second"]/1e6))'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A res
for r in $(seq "$rounds"); do
	for mode in unloaded idle listeners; do
		v=$(run $mode)
		res[$mode]="${res[$mode]:-} $v"
		echo "# round $r $mode: $v Mbit/s"
		[ "$mode" = listeners ] && sed 's/^/#   /' /tmp/listen.out
	done
done
grep -q '^sctpnl ' /proc/modules || insmod "$ko"

u=$(echo ${res[unloaded]} | tr ' ' '\n' | median)
i=$(echo ${res[idle]} | tr ' ' '\n' | median)
l=$(echo ${res[listeners]} | tr ' ' '\n' | median)
spread() { echo "$@" | tr ' ' '\n' | sort -n | sed -n '1p;$p' | paste -sd- ; }
echo "median Mbit/s: not loaded $u (range $(spread ${res[unloaded]})), idle $i (range $(spread ${res[idle]})), listeners $l (range $(spread ${res[listeners]}))"
echo "ratios: idle/not-loaded $(echo "$i / $u" | bc -l | xargs printf '%.3f'), listeners/not-loaded $(echo "$l / $u" | bc -l | xargs printf '%.3f')"
ip netns del tp-a; ip netns del tp-b
