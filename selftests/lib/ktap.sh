# SPDX-License-Identifier: GPL-2.0
# Minimal TAP helpers for the shell selftests.  Source it, call ktap_plan N,
# then ktap_ok/ktap_fail/ktap_skip per case and ktap_finish at the end.

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

__ktap_n=0
__ktap_fail=0

ktap_plan() { echo "TAP version 13"; echo "1..$1"; }
ktap_ok() { __ktap_n=$((__ktap_n + 1)); echo "ok $__ktap_n $*"; }
ktap_fail() {
	__ktap_n=$((__ktap_n + 1)); __ktap_fail=$((__ktap_fail + 1))
	echo "not ok $__ktap_n $*"
}
ktap_skip() { __ktap_n=$((__ktap_n + 1)); echo "ok $__ktap_n $* # SKIP"; }
ktap_check() {	# ktap_check NAME CMD... : ok if CMD succeeds
	local name=$1; shift
	if "$@"; then ktap_ok "$name"; else ktap_fail "$name"; fi
}
ktap_finish() { [ "$__ktap_fail" = 0 ] && exit $KSFT_PASS; exit $KSFT_FAIL; }
ktap_info() { echo "# $*"; }

# Run the calling script again in a fresh network namespace with lo up,
# and exit with its status; inside that namespace, return at once.  Skips
# without root or without the module.  Call it as: ktap_in_netns "$@"
ktap_in_netns() {
	local ns=snl$$ rc

	[ -n "${KTAP_IN_NETNS:-}" ] && return 0
	[ "$(id -u)" = 0 ] || { echo "# needs root"; exit $KSFT_SKIP; }
	grep -q '^sctpnl ' /proc/modules ||
		{ echo "# sctpnl not loaded"; exit $KSFT_SKIP; }
	ip netns add "$ns" && ip -n "$ns" link set lo up ||
		{ echo "# cannot create netns"; exit $KSFT_SKIP; }
	KTAP_IN_NETNS=1 ip netns exec "$ns" "$0" "$@"
	rc=$?
	ip netns del "$ns"
	exit $rc
}

# $work: a scratch directory under the project's .cache, removed at exit
# together with the HOLD coprocess (the sockets a test holds), if any.
ktap_workdir() {
	work=$(mktemp -d "$1/.cache/$2.XXXXXX") || exit 1
	trap '[ -n "${HOLD_PID:-}" ] && kill "$HOLD_PID" 2>/dev/null &&
		wait "$HOLD_PID" 2>/dev/null; rm -rf "$work"' EXIT
}
