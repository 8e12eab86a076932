#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sctpnl-exporter under Debian's Prometheus server.  Two network
# namespaces joined by two veth pairs (as linkflap.sh), SCTP timers short
# enough that a downed link is reported in about a second:
#
#	A  xa1 10.1.0.1/24 ---- xb1 10.1.0.2/24  B
#	   xa2 10.2.0.1/24 ---- xb2 10.2.0.2/24
#
# In A: a multi-homed one-to-one client of a server in B (port 6000),
# lib/assocs' loopback associations (one-to-one and one-to-many), the
# exporter (per-association series for peer port 6000 only) and
# Prometheus scraping it every second, storage in /tmp.  Asserted through
# Prometheus's HTTP query API:
#  - the target is up and sum(sctpnl_associations) equals the number of
#    associations `sctpctl -j assoc show` lists;
#  - the filtered association has a per-path srtt series for each of its
#    two paths, and no other association has series;
#  - taking a link down raises
#    increase(sctpnl_events_paddr_change_total{state="addr_unreachable"}[1m]),
#    bringing it back addr_available;
#  - `sctpctl abort` of a one-to-many association raises comm_lost;
#  - the scrape duration is recorded.
# And directly: `promtool check metrics` finds nothing in a scrape, an
# OpenMetrics scrape ends with "# EOF", `sctpctl export` writes a .prom
# file atomically that promtool accepts too.

. "$(dirname "$0")/lib/ktap.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
ctl=$top/user/sctpctl/sctpctl
exporter=$top/user/exporter/sctpnl-exporter

[ "$(id -u)" = 0 ] || { echo "# needs root"; exit $KSFT_SKIP; }
for tool in ip curl python3 prometheus promtool; do
	command -v $tool >/dev/null || { echo "# no $tool"; exit $KSFT_SKIP; }
done
[ -x "$exporter" ] && [ -x "$ctl" ] && [ -x "$here/lib/assocs" ] ||
	{ echo "# not built"; exit 1; }

a=snlxa$$ b=snlxb$$
work=$(mktemp -d /tmp/sctpnl-exporter.XXXXXX) || exit 1
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	ip netns del "$a" 2>/dev/null
	ip netns del "$b" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

setup() {
	ip netns add "$a" && ip netns add "$b" || return 1
	for i in 1 2; do
		ip link add name xa$i netns "$a" type veth \
			peer name xb$i netns "$b" || return 1
		ip -n "$a" addr add 10.$i.0.1/24 dev xa$i || return 1
		ip -n "$b" addr add 10.$i.0.2/24 dev xb$i || return 1
		ip -n "$a" link set xa$i up || return 1
		ip -n "$b" link set xb$i up || return 1
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

# For foreground commands only: a background function would leave the
# command a child of a subshell, out of reach of cleanup's kill.
inA() { ip netns exec "$a" "$@"; }

# Poll: until CMD succeeds or $1 seconds have passed (by the clock: one
# query costs a good part of a second in the emulated guest).
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while :; do
		"$@" && return 0
		[ $SECONDS -ge $end ] && return 1
		sleep 0.25
	done
}

# The value of a PromQL instant query's first sample, "none" if empty.
q() {
	inA curl -s --max-time 10 --data-urlencode "query=$1" \
		http://127.0.0.1:9090/api/v1/query |
	python3 -c 'import json, sys
try:
    r = json.load(sys.stdin)["data"]["result"]
    print(r[0]["value"][1] if r else "none")
except Exception as e:
    print("error", e)'
}
q_is() { [ "$(q "$1")" = "$2" ]; }
q_pos() { local v; v=$(q "$1"); [ "$v" != none ] && python3 -c "import sys; sys.exit(not float('$v') > 0)" 2>/dev/null; }
scrape() { inA curl -s --max-time 20 "$@" http://127.0.0.1:9742/metrics; }

ktap_plan 12

# The multi-homed association: B's server listens on every address, so
# its INIT ACK gives the client both 10.1.0.2 and 10.2.0.2.
sctp_py='import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
if sys.argv[1] == "server":
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", 6000)); s.listen(4); c, _ = s.accept()
else:
    for i in range(120):
        try:
            s.connect(("10.1.0.2", 6000)); break
        except ConnectionRefusedError:
            time.sleep(0.25)
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
time.sleep(3600)'
ip netns exec "$b" python3 -c "$sctp_py" server &
pids+=($!)
ip netns exec "$a" python3 -c "$sctp_py" client &
pids+=($!)

# Loopback associations in A: 3 one-to-one pairs, 2 one-to-many clients.
coproc HOLD { exec ip netns exec "$a" "$here/lib/assocs" o2o 127.0.0.1 3 \
	o2m 127.0.0.1 2; }
pids+=($HOLD_PID)
ready=
while read -r -t 60 w v <&"${HOLD[0]}"; do
	[ "$w" = ready ] && { ready=$v; break; }
done
[ "$ready" = 10 ] || ktap_info "lib/assocs: ready '$ready', want 10"

ip netns exec "$a" "$exporter" --web.listen-address=127.0.0.1:9742 \
	--collector.assoc --assoc.pport=6000 2>"$work/exporter.log" &
pids+=($!)
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: sctpnl
    static_configs:
      - targets: ['127.0.0.1:9742']
EOF
ip netns exec "$a" prometheus --config.file="$work/prometheus.yml" \
	--storage.tsdb.path="$work/data" --web.listen-address=127.0.0.1:9090 \
	--log.level=warn >"$work/prometheus.log" 2>&1 &
pids+=($!)

# 1-3: the exporter alone
wait_for 20 scrape -f -o "$work/first.prom"
ktap_check "the exporter serves /metrics" test -s "$work/first.prom"
scrape -o "$work/scrape.prom"
promtool check metrics <"$work/scrape.prom" >"$work/lint" 2>&1
rc=$?
sed 's/^/# promtool: /' "$work/lint"
ktap_check "promtool check metrics: no problems" test $rc = 0 -a ! -s "$work/lint"
scrape -D "$work/om.hdr" -o "$work/om.prom" \
	-H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5'
is_om() {
	grep -qi '^content-type: application/openmetrics-text' "$work/om.hdr" &&
	[ "$(tail -1 "$work/om.prom")" = "# EOF" ] &&
	grep -q '^# TYPE sctpnl_events_assoc_change counter$' "$work/om.prom"
}
ktap_check "OpenMetrics when asked: its content type, counter families, # EOF" is_om

# Both paths confirmed before anything else: an unconfirmed path that
# fails is not reported unreachable.
two_active() {
	[ "$(scrape | grep -c '^sctpnl_path_info{.*peer_port="6000".*state="active"')" = 2 ]
}
wait_for 30 two_active || ktap_info "the two paths to port 6000 are not both active"

# 4-6: through Prometheus
if wait_for 120 q_is 'up{job="sctpnl"}' 1; then
	ktap_ok "Prometheus scrapes the exporter (up == 1)"
else
	sed 's/^/# prometheus: /' "$work/prometheus.log" | tail -20
	ktap_fail "Prometheus scrapes the exporter (up == 1)"
fi

want=$(inA "$ctl" -j assoc show | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
if wait_for 20 q_is 'sum(sctpnl_associations)' "$want"; then
	ktap_ok "sum(sctpnl_associations) = $want, the associations sctpctl lists"
else
	ktap_fail "sum(sctpnl_associations) = $(q 'sum(sctpnl_associations)'), sctpctl lists $want"
fi

wait_for 10 q_is 'count(sctpnl_path_srtt_seconds{peer_port="6000"})' 2
n_srtt=$(q 'count(sctpnl_path_srtt_seconds{peer_port="6000"})')
n_info=$(q 'count(sctpnl_path_info{peer_port="6000",state="active"})')
n_other=$(q 'count(sctpnl_assoc_info{peer_port!="6000"})')
ktap_info "srtt series of the filtered association: $n_srtt, active" \
	  "path_info: $n_info; associations of others: $n_other"
ktap_check "per-path srtt series for the filtered association only" \
	test "$n_srtt" = 2 -a "$n_info" = 2 -a "$n_other" = none

# 7-8: a link flap, seen between scrapes by the event counters
unreach='increase(sctpnl_events_paddr_change_total{state="addr_unreachable"}[1m])'
avail='increase(sctpnl_events_paddr_change_total{state="addr_available"}[1m])'
ktap_info "before the flap: $unreach = $(q "$unreach")"
ip -n "$a" link set xa2 down
if wait_for 30 q_pos "$unreach"; then
	ktap_ok "link down: $unreach > 0 ($(q "$unreach"))"
else
	ktap_fail "link down: $unreach = $(q "$unreach")"
fi
ip -n "$a" link set xa2 up
if wait_for 30 q_pos "$avail"; then
	ktap_ok "link up: $avail > 0"
else
	ktap_fail "link up: $avail = $(q "$avail")"
fi

# 9: abort a one-to-many association
lost='sctpnl_events_assoc_change_total{state="comm_lost"}'
before=$(q "$lost")
id=$(inA "$ctl" -j assoc show | python3 -c 'import json, sys
print([a["assoc_id"] for a in json.load(sys.stdin) if a.get("style") == "one-to-many"][0])')
ktap_info "abort association $id; $lost was $before"
if inA "$ctl" abort "$id" && wait_for 20 q_pos "$lost > $before"; then
	ktap_ok "sctpctl abort: comm_lost $before -> $(q "$lost")"
else
	ktap_fail "sctpctl abort: comm_lost $before -> $(q "$lost")"
fi

# 10: the exporter's own scrape duration
d=$(q 'sctpnl_exporter_scrape_duration_seconds')
ktap_info "sctpnl_exporter_scrape_duration_seconds $d"
ktap_check "scrape duration recorded" q_pos 'sctpnl_exporter_scrape_duration_seconds'

# 11-12: sctpctl export for the textfile collector
mkdir "$work/textfile"
inA "$ctl" export --out "$work/textfile/sctpnl.prom" assoc pport 6000
rc=$?
left=$(ls -A "$work/textfile")
ktap_check "sctpctl export --out: the file alone, no temporary left" \
	test $rc = 0 -a "$left" = sctpnl.prom
promtool check metrics <"$work/textfile/sctpnl.prom" >"$work/lint2" 2>&1
rc=$?
sed 's/^/# promtool: /' "$work/lint2"
ktap_check "sctpctl export: promtool clean, per-path srtt series present" \
	test $rc = 0 -a ! -s "$work/lint2" -a \
	"$(grep -c '^sctpnl_path_srtt_seconds{.*peer_port="6000"' "$work/textfile/sctpnl.prom")" = 2

grep -v 'listening on' "$work/exporter.log" | sed 's/^/# exporter: /'
ktap_finish
