#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the sctpnl selftests inside the guest, kselftest style: TAP on
# stdout, each program's own TAP nested under "# ", a per-program timeout
# from ./settings.  Leaf results are counted into $SCTPNL_RESULTS (if set)
# as "pass N", "fail N", "skip N" lines for the host to total.
#
# Usage: run_tests.sh [TEST...]   (default: every test in tests.list)

cd "$(dirname "$0")" || exit 1

timeout=$(sed -n 's/^timeout=//p' settings 2>/dev/null)
timeout=${SCTPNL_TIMEOUT:-${timeout:-300}}
results=${SCTPNL_RESULTS:-/dev/null}

if [ $# -gt 0 ]; then
	tests=("$@")
else
	mapfile -t tests < <(grep -v '^\s*#' tests.list | grep -v '^\s*$')
fi

pass=0 fail=0 skip=0
echo "TAP version 13"
echo "1..${#tests[@]}"

i=0
for t in "${tests[@]}"; do
	i=$((i + 1))
	out=$(mktemp)
	if [ ! -x "./$t" ]; then
		echo "not ok $i selftests: sctpnl: $t # not built"
		fail=$((fail + 1))
		continue
	fi
	t0=$(date +%s)
	timeout --foreground -k 5 "$timeout" "./$t" >"$out" 2>&1
	rc=$?
	echo "# $t: $(($(date +%s) - t0)) s" >>"$out"
	sed 's/^/# /' "$out"

	# Leaf results of a TAP-speaking program (its own top level only).
	lp=$(grep -cE '^ok [0-9]+ ' "$out")
	ls_=$(grep -cE '^ok [0-9]+ .*# SKIP' "$out")
	lf=$(grep -cE '^not ok [0-9]+ ' "$out")
	lp=$((lp - ls_))

	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo "not ok $i selftests: sctpnl: $t # TIMEOUT ${timeout}s"
		[ "$lf" = 0 ] && lf=1
	elif [ "$rc" = 4 ]; then
		echo "ok $i selftests: sctpnl: $t # SKIP"
		[ $((lp + lf + ls_)) = 0 ] && ls_=1
	elif [ "$rc" = 0 ]; then
		echo "ok $i selftests: sctpnl: $t"
		[ $((lp + lf + ls_)) = 0 ] && lp=1
	else
		echo "not ok $i selftests: sctpnl: $t # exit=$rc"
		[ "$lf" = 0 ] && lf=1
	fi
	pass=$((pass + lp)) fail=$((fail + lf)) skip=$((skip + ls_))
	printf 'pass %d\nfail %d\nskip %d\n' "$lp" "$lf" "$ls_" >>"$results"
	rm -f "$out"
done

# Debug kernel: whatever kmemleak finds after the whole suite is a failure.
if [ "${SCTPNL_KMEMLEAK:-0}" = 1 ]; then
	i=$((i + 1))
	mountpoint -q /sys/kernel/debug || mount -t debugfs none /sys/kernel/debug
	if [ -w /sys/kernel/debug/kmemleak ]; then
		# Two scans: kmemleak reports an object only once it has been
		# seen unreferenced twice.
		echo scan >/sys/kernel/debug/kmemleak; sleep 5
		echo scan >/sys/kernel/debug/kmemleak
		leaks=$(grep -c '^unreferenced object' /sys/kernel/debug/kmemleak)
		if [ "$leaks" = 0 ]; then
			echo "ok $i selftests: sctpnl: kmemleak"
			pass=$((pass + 1)); echo "pass 1" >>"$results"
		else
			sed 's/^/# /' /sys/kernel/debug/kmemleak | head -200
			echo "not ok $i selftests: sctpnl: kmemleak # $leaks objects"
			fail=$((fail + 1)); echo "fail 1" >>"$results"
		fi
	else
		echo "not ok $i selftests: sctpnl: kmemleak # not available"
		fail=$((fail + 1)); echo "fail 1" >>"$results"
	fi
fi

echo "# guest totals: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
