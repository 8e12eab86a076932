#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sctpnl against /proc/net/sctp and ss.  In a fresh network namespace,
# lib/assocs holds 10 one-to-one pairs and a one-to-many server with 5
# clients, over IPv4 and IPv6 (30 associations).  Then:
#  - the assoc ids of `sctpctl -j assoc show` equal exactly the ASSOC-ID
#    column of /proc/net/sctp/assocs, and the ids the owners reported;
#  - per association: ports, uid, inode, state, stream counts, the local
#    address set, the peer address set and the primary (the `*' entry)
#    equal /proc/net/sctp/assocs; the peer addresses equal the rows of
#    /proc/net/sctp/remaddr for that id, each path's state,
#    pathmaxrxt and hb_active equal the row's STATE, MAX_PATH_RTX and
#    HB_ACT;
#  - ss -S -a -n shows as many associations (distinct `- lines);
#  - an association still in COOKIE-WAIT (its INIT goes into a dummy
#    device) has hb_active false and HB_ACT 0, while the established
#    ones keep true and 1.

. "$(dirname "$0")/lib/ktap.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
sctpctl=$top/user/sctpctl/sctpctl

command -v python3 >/dev/null || { echo "# no python3"; exit $KSFT_SKIP; }
ktap_in_netns "$@"
ktap_workdir "$top" procmatch

ktap_plan 7

want=30
coproc HOLD { "$here/lib/assocs" o2o 127.0.0.1 5 o2o ::1 5 \
		o2m 127.0.0.1 3 o2m ::1 2; }
ready=
while read -r -t 60 w v <&"${HOLD[0]}"; do
	case $w in
	assoc) echo "$v" >>"$work/owners" ;;
	ready) ready=$v; break ;;
	esac
done
if [ "$ready" != "$want" ]; then
	ktap_fail "lib/assocs built $want associations (got '${ready}')"
	ktap_finish
fi
ktap_ok "lib/assocs built $want associations"

# Everything is idle and held: take the three views back to back.
"$sctpctl" -j assoc show >"$work/sctpctl.json" 2>"$work/sctpctl.err"
rc=$?
cat /proc/net/sctp/assocs >"$work/assocs"
cat /proc/net/sctp/remaddr >"$work/remaddr"
ss -S -a -n >"$work/ss" 2>&1
ktap_check "sctpctl -j assoc show exits 0" test $rc = 0
[ -s "$work/sctpctl.err" ] && sed 's/^/# sctpctl: /' "$work/sctpctl.err"

python3 - "$here/lib" "$work" "$want" <<'PY'
import ipaddress, json, sys

sys.path.insert(0, sys.argv[1])
from ktap import Tap

work, want = sys.argv[2], int(sys.argv[3])
tap = Tap(done=2)	# tests 1 and 2 were printed by the shell

def norm(a):
    a = a.strip().lstrip("*").strip("[]").split("%")[0]
    ip = ipaddress.ip_address(a)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return str(ip)

# The kernel's transport states in /proc, by the names sctpctl uses.
PATH_STATE = {"inactive": 0, "undefined": 1, "active": 2, "unconfirmed": 3}
# /proc ST is the kernel's state: sockets-API state minus one.
STATES = ["closed", "cookie_wait", "cookie_echoed", "established",
          "shutdown_pending", "shutdown_sent", "shutdown_received",
          "shutdown_ack_sent"]

owners = {int(l) for l in open(work + "/owners")}
try:
    sj = json.load(open(work + "/sctpctl.json"))
except Exception as e:
    sj = []
    print("# sctpctl output is not JSON: %s" % e)
nl = {a["assoc_id"]: a for a in sj}

proc = {}
for line in open(work + "/assocs").read().splitlines()[1:]:
    t = line.split()
    if not t:
        continue
    arrow = t.index("<->")
    proc[int(t[6])] = {
        "st": int(t[4]), "uid": int(t[9]), "inode": int(t[10]),
        "lport": int(t[11]), "rport": int(t[12]),
        "laddrs": {norm(x) for x in t[13:arrow]},
        "raddrs": {norm(x) for x in t[arrow + 1:-11]},
        "primary": [norm(x) for x in t[arrow + 1:-11] if x.startswith("*")],
        "ins": int(t[-10]), "outs": int(t[-9]),
    }
rem = {}
for line in open(work + "/remaddr").read().splitlines()[1:]:
    t = line.split()
    if t:
        rem.setdefault(int(t[1]), {})[norm(t[0])] = {
            "max_path_rtx": int(t[4]), "state": int(t[7]),
            "hb_act": int(t[2])}

ids_nl, ids_proc = set(nl), set(proc)
tap(len(sj) == len(ids_nl) == want and ids_nl == ids_proc == owners,
    "assoc ids: sctpctl == /proc/net/sctp/assocs == owners (%d)" % want,
    ["sctpctl %d (%d records), /proc %d, owners %d" %
     (len(ids_nl), len(sj), len(ids_proc), len(owners)),
     "only in sctpctl: %s" % sorted(ids_nl - ids_proc),
     "only in /proc: %s" % sorted(ids_proc - ids_nl),
     "not in sctpctl but owned: %s" % sorted(owners - ids_nl)])

why = []
for i in sorted(ids_nl & ids_proc):
    a, p = nl[i], proc[i]
    paths = a.get("paths", [])
    peers = {norm(x["sctp_paddrinfo"]["address"]["addr"]) for x in paths}
    prim = [norm(x["sctp_paddrinfo"]["address"]["addr"]) for x in paths
            if x.get("primary")]
    st = a["sctp_status"]
    checks = [
        ("local_port", a["local_port"], p["lport"]),
        ("peer_port", a["peer_port"], p["rport"]),
        ("uid", a["uid"], p["uid"]),
        ("inode", a["inode"], p["inode"]),
        ("state", st["state"], STATES[p["st"]] if p["st"] < len(STATES) else p["st"]),
        ("instrms", st["instrms"], p["ins"]),
        ("outstrms", st["outstrms"], p["outs"]),
        ("local addrs", {norm(x) for x in a["local_addrs"]}, p["laddrs"]),
        ("peer addrs", peers, p["raddrs"]),
        ("primary", prim, p["primary"]),
        ("primary in status", [norm(st["primary"]["address"]["addr"])], prim),
    ]
    for f, x, y in checks:
        if x != y:
            why.append("assoc %d %s: sctpctl %s, /proc/net/sctp/assocs %s" % (i, f, x, y))
tap(not why, "per association: ports, uid, inode, state, streams, "
    "addresses, primary equal /proc/net/sctp/assocs", why)

why = []
for i in sorted(ids_nl):
    paths = nl[i].get("paths", [])
    peers = {norm(x["sctp_paddrinfo"]["address"]["addr"]): x for x in paths}
    r = rem.get(i, {})
    if set(peers) != set(r):
        why.append("assoc %d peers: sctpctl %s, remaddr %s" % (i, sorted(peers), sorted(r)))
        continue
    for addr, x in peers.items():
        s = PATH_STATE.get(x["sctp_paddrinfo"]["state"], -1)
        if s != r[addr]["state"]:
            why.append("assoc %d %s state: sctpctl %s, remaddr %d" % (i, addr, x["sctp_paddrinfo"]["state"], r[addr]["state"]))
        if x["sctp_paddrparams"]["pathmaxrxt"] != r[addr]["max_path_rtx"]:
            why.append("assoc %d %s pathmaxrxt: sctpctl %d, remaddr %d" % (i, addr, x["sctp_paddrparams"]["pathmaxrxt"], r[addr]["max_path_rtx"]))
        if x["sctp_paddrinfo"].get("hb_active") is not bool(r[addr]["hb_act"]):
            why.append("assoc %d %s hb_active: sctpctl %s, remaddr HB_ACT %d" % (i, addr, x["sctp_paddrinfo"].get("hb_active"), r[addr]["hb_act"]))
if set(rem) - ids_nl:
    why.append("remaddr rows of unknown assocs: %s" % sorted(set(rem) - ids_nl))
tap(not why, "per association: peer addresses, path state, "
    "pathmaxrxt and hb_active equal /proc/net/sctp/remaddr", why)

# ss prints each association on a "`- " line under its socket.
# sctp_diag may list an association twice (its dump restarts per
# endpoint; once seen on 6.12: 31 lines for 30): count
# distinct lines, which differ by their ports.  sctp_diag also sends a
# listening one-to-many socket twice, from its walk of the endpoints and
# again ahead of the socket's associations; when the two records come
# one after the other, ss prints the second as one of the socket's
# associations, "`- (null)" with a peer without port ("*:*",
# "0.0.0.0:*"): 11 runs in 180 on 6.12, none in 60 on 6.1 and 7.3; all
# 3 printed with their context were right under their own LISTEN line.
# An association always has a peer port: those lines are left out.
lines = open(work + "/ss").read().splitlines()
ss = [l for l in lines if l.startswith("`-")]
noassoc = [l for l in ss if l.split()[-1].endswith(":*")]
for l in noassoc:
    i = lines.index(l)
    print("# ss printed a line with no peer: %s" % l)
    print("#   after: %s" % " | ".join(lines[max(i - 2, 0):i]))
ss = [l for l in ss if l not in noassoc]
if len(set(ss)) != len(ss):
    print("# ss printed %d lines for %d distinct associations" %
          (len(ss), len(set(ss))))
tap(len(set(ss)) == want, "ss -S -a -n shows %d associations" % want,
    ["ss shows %d distinct (%d lines)" % (len(set(ss)), len(ss))] + ss)
sys.exit(tap.status())
PY
rc=$?
if [ $rc != 0 ]; then
	ktap_info "sctpctl table:"
	"$sctpctl" assoc show | sed 's/^/# /'
	ktap_info "/proc/net/sctp/assocs:"
	sed 's/^/# /' "$work/assocs"
	__ktap_fail=1
fi

# An INIT into a dummy device is never answered: the association stays
# in COOKIE-WAIT, where the kernel has not started heartbeats yet.
ip link add snlpm0 type dummy 2>/dev/null &&
	ip addr add 192.0.2.1/24 dev snlpm0 && ip link set snlpm0 up
python3 -c 'import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
s.setblocking(False)
s.connect_ex(("192.0.2.2", 9))
time.sleep(60)' &
waiter=$!
for _ in $(seq 50); do
	grep -q '^ *192\.0\.2\.2 ' /proc/net/sctp/remaddr && break
	sleep 0.1
done
"$sctpctl" -j assoc show >"$work/cw.json"
cat /proc/net/sctp/remaddr >"$work/remaddr2"
kill $waiter 2>/dev/null
wait $waiter 2>/dev/null
python3 - "$work" <<'PY'
import ipaddress, json, sys
work = sys.argv[1]

def norm(a):
    ip = ipaddress.ip_address(a.strip().lstrip("*").strip("[]").split("%")[0])
    return str(ip.ipv4_mapped if ip.version == 6 and ip.ipv4_mapped else ip)

hb = {}
for line in open(work + "/remaddr2").read().splitlines()[1:]:
    t = line.split()
    if t:
        hb[(int(t[1]), norm(t[0]))] = int(t[2])
seen = {"cookie_wait": [], "established": []}
why = []
for a in json.load(open(work + "/cw.json")):
    st = a["sctp_status"]["state"]
    on = []
    for p in a.get("paths", []):
        pi = p["sctp_paddrinfo"]
        addr = norm(pi["address"]["addr"])
        want = hb.get((a["assoc_id"], addr))
        on.append(pi.get("hb_active"))
        if want is None or pi.get("hb_active") is not bool(want):
            why.append("assoc %d (%s) %s: hb_active %s, HB_ACT %s" %
                       (a["assoc_id"], st, addr, pi.get("hb_active"), want))
    if st in seen:
        seen[st].append(on)
ok = (not why and seen["cookie_wait"] == [[False]] and
      len(seen["established"]) == 30 and
      all(all(on) for on in seen["established"]))
print("%s 7 a COOKIE-WAIT path has hb_active false (HB_ACT 0), the 30 "
      "established ones true (HB_ACT 1)" % ("ok" if ok else "not ok"))
if not ok:
    print("#   cookie_wait %s, established %d, %s" %
          (seen["cookie_wait"], len(seen["established"]), why[:10]))
sys.exit(0 if ok else 1)
PY
[ $? = 0 ] || __ktap_fail=1
ip link del snlpm0 2>/dev/null
ktap_finish
