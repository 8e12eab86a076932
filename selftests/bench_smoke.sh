#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The scale benchmark in miniature: numbers come out, and sctpctl and the
# library count exactly the associations the servers hold.  No timing is
# asserted here; `make bench` measures.
. "$(dirname "$0")/lib/ktap.sh"
ktap_plan 1
out=$("$(dirname "$0")/bench/bench.sh" --quick 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
ktap_check "bench --quick: counts agree" test $rc = 0
ktap_finish
