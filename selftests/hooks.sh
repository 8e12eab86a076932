#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The module's hooks into sctp.ko, on the kernel this guest runs: every
# kprobe target and the sctp_probe tracepoint are there on each kernel of
# the matrix ("unavailable" empty); a hook left off at load (disable=) is
# reported by the parameter, by `sctpctl module` and by `sctpctl monitor`,
# while the rest keeps working; an unknown name fails the load.

. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
ko=${SCTPNL_KO:-}
sctpctl=$top/user/sctpctl/sctpctl
assocs=$top/selftests/lib/assocs
param=/sys/module/sctpnl/parameters/unavailable
work=$(mktemp -d /tmp/hooks.XXXXXX)
holder=

cleanup() {
	[ -n "$holder" ] && kill "$holder" 2>/dev/null
	grep -q '^sctpnl ' /proc/modules || insmod "$ko"
	rm -rf "$work"
}
trap cleanup EXIT

ktap_plan 9
[ -r "$ko" ] || { ktap_skip "module not built"; exit $KSFT_SKIP; }
grep -q '^sctpnl ' /proc/modules || insmod "$ko"

# 1. Every hook placed on this kernel.
ktap_info "$(uname -r): unavailable='$(cat $param)'"
ktap_check "every hook placed" test -z "$(cat $param)"
ktap_check "sctpctl module: none" \
	test "$("$sctpctl" module)" = "unavailable: none"

# 2. Two hooks left off at load.
rmmod sctpnl
dmesg -C
insmod "$ko" disable=send_failed_x 2>/dev/null
ktap_check "unknown hook name fails the load" \
	sh -c "! grep -q '^sctpnl ' /proc/modules && dmesg | grep -q 'no hook named \"send_failed_x\"'"
insmod "$ko" disable=send_failed,probe || true
ktap_check "disable=send_failed,probe: loaded, both listed" \
	test "$(cat $param 2>/dev/null)" = "send_failed,probe"
ktap_check "sctpctl -j module" \
	test "$("$sctpctl" -j module)" = '{"unavailable":["send_failed","probe"]}'

# The other events still arrive; monitor says what it will not see.
"$sctpctl" monitor events --count 2 >"$work/ev" 2>"$work/err" &
mon=$!
sleep 1
coproc ASSOCS { "$assocs" o2o 127.0.0.1 1; }
holder=$ASSOCS_PID
id=
while read -r -t 20 w v <&"${ASSOCS[0]}"; do
	[ "$w" = assoc ] && [ -z "$id" ] && id=$v
	[ "$w" = ready ] && break
done
timeout 20 tail --pid=$mon -f /dev/null
kill "$mon" 2>/dev/null
ktap_info "monitor: $(tr '\n' '|' <"$work/ev") stderr: $(cat "$work/err")"
ktap_check "events still delivered (2 x comm_up)" \
	test "$(grep -c comm_up "$work/ev")" = 2
ktap_check "monitor names send_failed as not delivered, not probe" \
	sh -c "grep -q 'not delivered.*send_failed' '$work/err' && ! grep -q probe '$work/err'"
"$sctpctl" probe "${id:-1}" --duration 1 --out "$work/p.csv" \
	2>"$work/perr" >/dev/null
ktap_check "probe names itself as not delivered" grep -q 'not delivered.*probe' "$work/perr"
kill "$holder" 2>/dev/null; holder=

# 3. Back to normal.
rmmod sctpnl && insmod "$ko"
ktap_check "reloaded without disable=: none" test -z "$(cat $param)"
ktap_finish
