#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Churn: associations created, aborted, shut down and peeled off without
# pause while readers dump and get, writers set options and abort, and a
# listener drains the events and probe groups; halfway through, sctpnl is
# unloaded (waiting out any dump in progress) while the listener stays
# subscribed, and loaded again.  Nothing may splat (the runner checks),
# crash or hang, and everything must answer afterwards.
#
# CHURN_SECS (default 6) sets the duration; make check KERNEL=debug runs
# it for longer.

. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${CHURN_SECS:-6}
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}
ctl=$top/user/sctpctl/sctpctl
tmp=$(mktemp -d)
deadline=$(($(date +%s) + secs))

ktap_plan 7

live() { date +%s | awk -v d="$deadline" '{ exit !($1 < d) }'; }

reader() {
	local n=0 crash=0
	while live; do
		for c in "assoc show" "-j assoc show" "ep show" "snmp"; do
			$ctl $c >/dev/null 2>&1
			[ $? -ge 128 ] && crash=1
		done
		for id in $($ctl -j assoc show 2>/dev/null | grep -o '"assoc_id":[0-9]*' |
			    cut -d: -f2 | sort -u | head -4); do
			$ctl status "$id" >/dev/null 2>&1
			[ $? -ge 128 ] && crash=1
		done
		n=$((n + 1))
	done
	echo "$n $crash" >"$tmp/reader.$1"
}

writer() {
	local n=0 crash=0 i=0
	while live; do
		for id in $($ctl -j assoc show 2>/dev/null | grep -o '"assoc_id":[0-9]*' |
			    cut -d: -f2 | sort -u | head -3); do
			i=$((i + 1))
			case $((i % 5)) in
			0) $ctl abort "$id" reason churn ;;
			1) $ctl eof "$id" ;;
			2) $ctl set "$id" rtoinfo min 200 max 3000 ;;
			3) $ctl set "$id" paddrparams hbinterval 1000 ;;
			4) $ctl set "$id" nodelay on ;;
			esac >/dev/null 2>&1
			[ $? -ge 128 ] && crash=1
			n=$((n + 1))
		done
	done
	echo "$n $crash" >"$tmp/writer"
}

"$top/selftests/bench/listen" >"$tmp/listen" 2>&1 &
lpid=$!
"$top/selftests/lib/churn" "$secs" 2 >"$tmp/churn" 2>&1 &
cpid=$!
reader 1 & r1=$!
reader 2 & r2=$!
writer & w=$!

# Halfway: unload under load.  A dump in progress holds the module, so
# rmmod may say busy for a moment; it must succeed within 30 s.
sleep $((secs / 2))
unloaded=0
for _ in $(seq 300); do
	if rmmod sctpnl 2>/dev/null; then
		unloaded=1
		break
	fi
	sleep 0.1
done
ktap_check "rmmod under load, listener subscribed" test $unloaded = 1
sleep 1
ktap_check "insmod again" insmod "$ko"

wait $cpid $r1 $r2 $w
kill $lpid 2>/dev/null
wait $lpid
ktap_info "$(cat "$tmp/churn") ($(cat "$tmp/listen"))"
ktap_info "readers: $(cat "$tmp"/reader.* | tr '\n' ' '); writer: $(cat "$tmp/writer")"

made=$(awk '{ print $2 }' "$tmp/churn")
ktap_check "associations churned" test "${made:-0}" -gt 0
ktap_check "no reader or writer crashed" \
	test "$(cat "$tmp"/reader.* "$tmp/writer" | awk '{ s += $2 } END { print s + 0 }')" = 0
ktap_check "family answers afterwards" eval "\"$ctl\" snmp >/dev/null"
ktap_check "dump answers afterwards" eval "\"$ctl\" -j assoc show >/dev/null"
# Everything churned goes away.
for _ in $(seq 100); do
	[ "$($ctl -j assoc show | grep -c assoc_id)" = 0 ] && break
	sleep 0.2
done
ktap_check "no association left behind" test "$($ctl -j assoc show | grep -c assoc_id)" = 0
rm -rf "$tmp"
ktap_finish
