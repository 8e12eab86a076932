#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Erlang application sctpnl (user/erlang) against gen_sctp in one
# node: erl/sctpnl_app_test.erl (listing, getopts =:= inet:getopts for
# every style of socket, setopts seen by the owner, events = the owner's,
# bad input, an unprivileged node, a killed port program, the module
# unloaded and loaded again).  Skipped without erl/erlc.
# SCTPNL_ERL_ARGS: more erl arguments, e.g. to run the port program under
# valgrind: '-sctpnl port_program "/path/to/wrapper"' (no spaces inside).

. "$(dirname "$0")/lib/ktap.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
app=$top/user/erlang
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}

command -v erl >/dev/null && command -v erlc >/dev/null ||
	{ echo "# erl/erlc not installed"; exit $KSFT_SKIP; }
[ -x "$app/priv/sctpnl_port" ] && [ -r "$app/ebin/sctpnl.app" ] ||
	{ echo "# $app not built"; exit 1; }
grep -q '^sctpnl ' /proc/modules || { echo "# sctpnl not loaded"; exit $KSFT_SKIP; }

# Scratch space the guest can write (the unprivileged node reads it too).
dir=$top/.cache/erl-app.$$
mkdir -p "$dir" && chmod 755 "$dir" || exit 1
trap 'rm -rf "$dir"' EXIT
export HOME=/tmp ERL_CRASH_DUMP=/tmp/erl_crash.dump

echo "TAP version 13"
erlc -o "$dir" "$here/erl/sctpnl_app_test.erl" || exit 1
# shellcheck disable=SC2086
erl -noshell ${SCTPNL_ERL_ARGS:-} -pa "$app/ebin" -pa "$dir" \
	-eval "sctpnl_app_test:main([\"$app/ebin\", \"$ko\"])"
rc=$?
# Whatever happened, the module is loaded at the end.
grep -q '^sctpnl ' /proc/modules || insmod "$ko"
exit $rc
