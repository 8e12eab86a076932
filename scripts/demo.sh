#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What `make run` shows, inside the guest: real SCTP traffic (iperf3
# --sctp and lksctp-tools' sctp_darn) and what sctpnl sees of it.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/user/sctpctl:$top/selftests/lib:$PATH

step() { printf '\n== %s\n' "$*"; }

step "sctpnl family"
id=$(genl_family sctpnl) || { echo "sctpnl not registered"; exit 1; }
echo "generic netlink family \"sctpnl\" registered, id $id"

step "starting traffic: iperf3 --sctp over loopback"
iperf3 -s -1 -D -p 5201 >/dev/null 2>&1
sleep 0.5
iperf3 --sctp -c 127.0.0.1 -p 5201 -t 8 -b 20M >/tmp/iperf.log 2>&1 &
sleep 2

if command -v sctpctl >/dev/null; then
	step "sctpctl assoc show"
	sctpctl assoc show
	step "sctpctl ep show"
	sctpctl ep show
	step "sctpctl -j -p assoc show (first association)"
	sctpctl -j -p assoc show | head -60
else
	echo "(sctpctl not built yet)"
fi

step "for comparison: /proc/net/sctp/assocs"
cat /proc/net/sctp/assocs
wait
step "iperf3 summary"
tail -4 /tmp/iperf.log
