#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# libsctpnl's own unit tests (user/tests): decoding of hand-built messages,
# the Erlang and JSON writers, and erl parsing the Erlang terms back into
# inet_sctp.hrl records.
. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
ktap_plan 1
out=$(HOME=/tmp ERL_CRASH_DUMP=/tmp/erl_crash.dump make -s -C "$top/user" check 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
ktap_check "make -C user check" test $rc = 0
ktap_finish
