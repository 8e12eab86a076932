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
iperf3 --sctp -c 127.0.0.1 -p 5201 -t 12 -b 20M >/tmp/iperf.log 2>&1 &
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

if command -v sctpctl >/dev/null; then
	first_id() {
		python3 -c 'import json, sys
a = json.load(sys.stdin)
print(a[0]["assoc_id"] if a else "")'
	}

	step "sctpctl set: the iperf3 association's RTO bounds, from outside"
	aid=$(sctpctl -j assoc show pport 5201 | first_id)
	echo "association $aid (iperf3 client side), #sctp_rtoinfo{} before:"
	sctpctl -f erl assoc show id "$aid" | grep sctp_rtoinfo
	echo "+ sctpctl set $aid rtoinfo min 200 max 2000"
	sctpctl set "$aid" rtoinfo min 200 max 2000
	echo "after (iperf3 never asked):"
	sctpctl -f erl assoc show id "$aid" | grep sctp_rtoinfo
	sctpctl -f erl status "$aid"
	echo "+ sctpctl set $aid rtoinfo min 5000 max 1000   (the stack says no)"
	sctpctl set "$aid" rtoinfo min 5000 max 1000

	step "sctpctl abort: a one-to-many association (python3 SOCK_SEQPACKET)"
	ready=$top/.cache/demo-o2m.ready
	mkdir -p "$top/.cache"
	rm -f "$ready"
	python3 - "$ready" <<'PY' &
import socket, sys, time
srv = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, 132)
srv.bind(("127.0.0.1", 5300))
srv.listen(5)
cli = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, 132)
cli.sendto(b"hello", ("127.0.0.1", 5300))
srv.recv(100)
open(sys.argv[1], "w").close()
time.sleep(15)
PY
	o2m=$!
	for _ in $(seq 100); do [ -e "$ready" ] && break; sleep 0.1; done
	sctpctl assoc show lport 5300
	mid=$(sctpctl -j assoc show lport 5300 | first_id)
	echo "+ sctpctl abort $mid reason \"demo: aborted by sctpctl\""
	sctpctl abort "$mid" reason "demo: aborted by sctpctl"
	sleep 0.5
	echo "associations on port 5300 now:"
	left=$(sctpctl assoc show lport 5300; sctpctl assoc show pport 5300)
	echo "${left:-(none: both ends are gone)}"
	kill "$o2m" 2>/dev/null
	wait "$o2m" 2>/dev/null
	rm -f "$ready"
fi
wait
step "iperf3 summary"
tail -4 /tmp/iperf.log
