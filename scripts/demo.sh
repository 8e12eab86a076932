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
echo "generic netlink family \"sctpnl\" registered, id $id, kernel $(uname -r)"
command -v sctpctl >/dev/null && sctpctl module

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

if command -v sctpctl >/dev/null; then
	step "sctpctl monitor events: a link fails and comes back"
	# Two namespaces joined by two veth pairs, timers short enough that
	# a dead link is noticed in about a second:
	#   A veth-a1 10.1.0.1 ---- 10.1.0.2 veth-b1 B
	#     veth-a2 10.2.0.1 ---- 10.2.0.2 veth-b2
	a=demo-a b=demo-b
	ip netns del $a 2>/dev/null; ip netns del $b 2>/dev/null
	ip netns add $a; ip netns add $b
	for i in 1 2; do
		ip link add name veth-a$i netns $a type veth \
			peer name veth-b$i netns $b
		ip -n $a addr add 10.$i.0.1/24 dev veth-a$i
		ip -n $b addr add 10.$i.0.2/24 dev veth-b$i
		ip -n $a link set veth-a$i up
		ip -n $b link set veth-b$i up
	done
	for n in $a $b; do
		ip -n $n link set lo up
		ip netns exec $n sysctl -q -w net.sctp.hb_interval=500 \
			net.sctp.path_max_retrans=2 net.sctp.rto_min=100 \
			net.sctp.rto_max=400 net.sctp.sack_timeout=50
	done
	ip netns exec $a sctpctl monitor events &
	mon=$!
	sleep 1
	# A multi-homed association: both ends bind both addresses.
	ip netns exec $b python3 - <<'PY' &
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
s.bind(("10.1.0.2", 6000))
# sctp_bindx(ADD) of the second address: SCTP_SOCKOPT_BINDX_ADD = 100
s.setsockopt(132, 100, bytes([2, 0, 0x17, 0x70, 10, 2, 0, 2]) + bytes(8))
s.listen(1)
c, _ = s.accept()
while c.recv(65536):
    pass
PY
	srv=$!
	sleep 1
	ip netns exec $a python3 - <<'PY' &
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
s.bind(("10.1.0.1", 0))
port = s.getsockname()[1]
s.setsockopt(132, 100, bytes([2, 0, port >> 8, port & 255, 10, 2, 0, 1]) +
             bytes(8))
# sctp_connectx: SCTP_SOCKOPT_CONNECTX = 110, both server addresses
s.setsockopt(132, 110, bytes([2, 0, 0x17, 0x70, 10, 1, 0, 2]) + bytes(8) +
             bytes([2, 0, 0x17, 0x70, 10, 2, 0, 2]) + bytes(8))
t = time.time()
while time.time() - t < 14:
    s.send(b"x" * 8000)
    time.sleep(0.01)
s.close()
PY
	cli=$!
	sleep 1
	# The probe records (and plots) the association under load while
	# its primary link fails and comes back: the path events are marked
	# on the plot's time axis.
	step "sctpctl probe: the same association, its primary link down and up"
	aid=$(ip netns exec $a sctpctl -j assoc show pport 6000 | first_id)
	mkdir -p "$top/.cache"
	ip netns exec $a sctpctl probe "$aid" --duration 9 \
		--out "$top/.cache/demo-probe.csv" \
		--plot "$top/.cache/demo-probe.png" &
	probe=$!
	sleep 2
	echo "+ ip -n $a link set veth-a1 down"
	ip -n $a link set veth-a1 down
	sleep 3
	echo "+ ip -n $a link set veth-a1 up"
	ip -n $a link set veth-a1 up
	wait "$probe"
	echo "first samples:"
	head -4 "$top/.cache/demo-probe.csv"
	echo "plot: $top/.cache/demo-probe.png (cwnd, ssthresh, flight size,"
	echo "      peer rwnd; srtt, rto; the link's events in red)"
	wait "$cli" 2>/dev/null
	sleep 1
	kill "$mon" "$srv" 2>/dev/null
	wait 2>/dev/null
	ip netns del $a; ip netns del $b
fi
