#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Events across a failing link (see linkflap.c): two network namespaces
# joined by two veth pairs, SCTP timers short enough that a downed link
# is reported in about a second.
#
#	A  veth-a1 10.1.0.1/24 ---- veth-b1 10.1.0.2/24  B
#	   veth-a2 10.2.0.1/24 ---- veth-b2 10.2.0.2/24

. "$(dirname "$0")/lib/ktap.sh"
cd "$(dirname "$0")" || exit 1

[ "$(id -u)" = 0 ] || { echo "# needs root"; exit $KSFT_SKIP; }
command -v ip >/dev/null || { echo "# no ip(8)"; exit $KSFT_SKIP; }
[ -x ./linkflap ] || { echo "# ./linkflap not built"; exit 1; }
[ -x ../user/sctpctl/sctpctl ] || { echo "# sctpctl not built"; exit 1; }

a=snlfa$$ b=snlfb$$
cleanup() {
	ip netns del "$a" 2>/dev/null
	ip netns del "$b" 2>/dev/null
}
trap cleanup EXIT

setup() {
	ip netns add "$a" && ip netns add "$b" || return 1
	for i in 1 2; do
		ip link add name veth-a$i netns "$a" type veth \
			peer name veth-b$i netns "$b" || return 1
		ip -n "$a" addr add 10.$i.0.1/24 dev veth-a$i || return 1
		ip -n "$b" addr add 10.$i.0.2/24 dev veth-b$i || return 1
		ip -n "$a" link set veth-a$i up || return 1
		ip -n "$b" link set veth-b$i up || return 1
	done
	for n in "$a" "$b"; do
		ip -n "$n" link set lo up || return 1
		ip netns exec "$n" sysctl -q -w net.sctp.hb_interval=500 \
			net.sctp.path_max_retrans=2 net.sctp.rto_min=100 \
			net.sctp.rto_max=400 net.sctp.sack_timeout=50 || return 1
	done
}

if ! setup; then
	echo "# could not build the two-namespace topology"
	exit $KSFT_SKIP
fi
LF_A=$a LF_B=$b ./linkflap
