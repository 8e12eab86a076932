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
