#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# gen_sctp's own view against sctpctl's Erlang output: an Erlang node
# (erl/sctpnl_erl_match.erl) connects a gen_sctp client to a gen_sctp
# server over 127.0.0.1 with non-default options and, for both
# associations, compares every inet:getopts/2 record with the one
# `sctpctl -f erl assoc show id ID` prints (=:=, field by field on
# mismatch).  Skipped without erl/erlc.

. "$(dirname "$0")/lib/ktap.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
sctpctl=$top/user/sctpctl/sctpctl

command -v erl >/dev/null && command -v erlc >/dev/null ||
	{ echo "# erl/erlc not installed"; exit $KSFT_SKIP; }
[ -x "$sctpctl" ] || { echo "# $sctpctl not built"; exit 1; }
grep -q '^sctpnl ' /proc/modules || { echo "# sctpnl not loaded"; exit $KSFT_SKIP; }

# Scratch space the guest can write: the project's .cache.
dir=$top/.cache/erl-selftest.$$
mkdir -p "$dir" || exit 1
trap 'rm -rf "$dir"' EXIT
export HOME=/tmp ERL_CRASH_DUMP=/tmp/erl_crash.dump

echo "TAP version 13"
erlc -o "$dir" "$here/erl/sctpnl_erl_match.erl" || exit 1
erl -noshell -pa "$dir" \
	-eval "sctpnl_erl_match:main([\"$dir\", \"$sctpctl\"])"
