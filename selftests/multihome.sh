#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Multi-homing: two network namespaces joined by two veth pairs,
#
#	client ns  mhc1 10.1.0.1/24 ---- mhs1 10.1.0.2/24  server ns
#	           mhc2 10.2.0.1/24 ---- mhs2 10.2.0.2/24
#
# then ./multihome (kselftest harness) builds the multi-homed association
# across them and checks what sctpnl reports from each side's namespace.

. "$(dirname "$0")/lib/ktap.sh"
cd "$(dirname "$0")" || exit 1

[ "$(id -u)" = 0 ] || { echo "# needs root"; exit $KSFT_SKIP; }
command -v ip >/dev/null || { echo "# no ip(8)"; exit $KSFT_SKIP; }
[ -x ./multihome ] || { echo "# ./multihome not built"; exit 1; }

cns=snlmhc$$ sns=snlmhs$$
cleanup() {
	ip netns del "$cns" 2>/dev/null
	ip netns del "$sns" 2>/dev/null
}
trap cleanup EXIT

setup() {
	ip netns add "$cns" && ip netns add "$sns" || return 1
	for i in 1 2; do
		ip link add name mhc$i netns "$cns" type veth \
			peer name mhs$i netns "$sns" || return 1
		ip -n "$cns" addr add 10.$i.0.1/24 dev mhc$i || return 1
		ip -n "$sns" addr add 10.$i.0.2/24 dev mhs$i || return 1
		ip -n "$cns" link set mhc$i up || return 1
		ip -n "$sns" link set mhs$i up || return 1
	done
	ip -n "$cns" link set lo up && ip -n "$sns" link set lo up
	# Quick path confirmation: each fixture's second path is confirmed
	# by a heartbeat paced by the RTO, 3 s by default.
	for ns in "$cns" "$sns"; do
		ip netns exec "$ns" sysctl -qw net.sctp.rto_initial=300 \
			net.sctp.rto_min=100 || return 1
	done
}

if ! setup; then
	echo "# could not build the two-namespace topology"
	exit $KSFT_SKIP
fi
MH_CNS=$cns MH_SNS=$sns ./multihome
