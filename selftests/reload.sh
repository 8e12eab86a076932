#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unload and load sctpnl RELOAD_CYCLES times (default 10) while
# associations are created and ended without pause and a listener is
# subscribed.  Every insmod arms, and every rmmod disarms, the module's
# kprobes on sctp.ko functions the traffic is running through: the
# kernel patches live text under the other CPU.  Nothing may splat (the
# runner checks), each unload and load must succeed while associations
# keep being set up, and the family must answer after each load.
#
# churn.sh unloads once, mid-way through a mixed load; this is the
# repeated case, which on bookworm's QEMU 7.2 took the guest down within
# a few cycles (stale translated code; see scripts/deps.sh).

. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}
ctl=$top/user/sctpctl/sctpctl
cycles=${RELOAD_CYCLES:-10}

ktap_plan 5
[ -r "$ko" ] || { ktap_skip "module not built"; exit "$KSFT_SKIP"; }
grep -q '^sctpnl ' /proc/modules || insmod "$ko"

# Long enough for any cycle count, in its own process group so that the
# workers it forks stop with it.
set -m
"$top/selftests/lib/churn" 3600 2 >/dev/null 2>&1 &
cpid=$!
set +m
"$top/selftests/bench/listen" >/dev/null 2>&1 &
lpid=$!
trap 'kill -- -$cpid 2>/dev/null; kill $lpid 2>/dev/null; wait' EXIT
sleep 1

estabs() { awk '$1 == "SctpActiveEstabs" { print $2 }' /proc/net/sctp/snmp; }

unloads=0 loads=0 answers=0 busy=0
for _ in $(seq "$cycles"); do
	e0=$(estabs)
	# A dump in progress holds the module: rmmod may say busy a moment.
	for _ in $(seq 300); do
		rmmod sctpnl 2>/dev/null && { unloads=$((unloads + 1)); break; }
		sleep 0.1
	done
	sleep 0.2
	insmod "$ko" || break
	loads=$((loads + 1))
	"$ctl" -j assoc show >/dev/null && answers=$((answers + 1))
	sleep 0.3
	[ "$(estabs)" -gt "$e0" ] && busy=$((busy + 1))
done
ktap_info "$cycles cycles: $unloads unloads, $loads loads, $busy with associations set up across them"

ktap_check "every rmmod under load succeeded" test "$unloads" = "$cycles"
ktap_check "every insmod under load succeeded" test "$loads" = "$cycles"
ktap_check "the dump answered after every load" test "$answers" = "$cycles"
ktap_check "associations were set up across every cycle" test "$busy" = "$cycles"
ktap_check "family answers afterwards" eval "\"$ctl\" snmp >/dev/null"
ktap_finish
