#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The spec drives the family: the kernel's own YNL CLI (tools/net/ynl of
# linux-source-7.3, which scripts/ynl.sh puts in .cache/ynl), given
# nothing but Documentation/netlink/specs/sctpnl.yaml, talks to the
# module.  In a fresh network namespace holding 3 one-to-one pairs and a
# listener on 127.0.0.1 (6 associations, 7 sockets):
#  - the spec validates against the kernel's schema;
#  - dump assoc-get gives the 6 association ids sctpctl gives, each with
#    its ports and a status nest in the established state (4);
#  - dump ep-get gives as many sockets as `sctpctl ep show`, one of them
#    listening;
#  - do assoc-get by id returns that association, an unknown id fails
#    with ENOENT;
#  - do snmp-get: curr-estab equals /proc/net/sctp/snmp's SctpCurrEstab;
#  - the kernel's policy for assoc-set, queried through the CLI, has the
#    nested attributes the spec declares.

. "$(dirname "$0")/lib/ktap.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
sctpctl=$top/user/sctpctl/sctpctl
cli=$top/.cache/ynl/tools/net/ynl/pyynl/cli.py
spec=$top/Documentation/netlink/specs/sctpnl.yaml
schema=$top/.cache/ynl/Documentation/netlink/genetlink-legacy.yaml

[ -e "$cli" ] || { echo "# no $cli (scripts/ynl.sh)"; exit $KSFT_SKIP; }
python3 -c 'import yaml, jsonschema' 2>/dev/null ||
	{ echo "# no python3-yaml/jsonschema"; exit $KSFT_SKIP; }
ktap_in_netns "$@"
ktap_workdir "$top" ynl

ynl() { python3 "$cli" --spec "$spec" --schema "$schema" "$@"; }

ktap_plan 7

ktap_check "the spec validates against the kernel's schema" \
	ynl --validate

coproc HOLD { "$here/lib/assocs" o2o 127.0.0.1 3; }
ready=
while read -r -t 60 w v <&"${HOLD[0]}"; do
	[ "$w" = ready ] && { ready=$v; break; }
done
[ "$ready" = 6 ] || { ktap_fail "lib/assocs built 6 associations (got '$ready')"; ktap_finish; }

ynl --dump assoc-get --output-json >"$work/assocs.json" 2>"$work/err" ||
	sed 's/^/# /' "$work/err"
"$sctpctl" -j assoc show >"$work/sctpctl.json"
ynl --dump ep-get --output-json >"$work/eps.json" 2>"$work/err" ||
	sed 's/^/# /' "$work/err"
"$sctpctl" -j ep show >"$work/sctpctl-ep.json"
ynl --do snmp-get --output-json >"$work/snmp.json" 2>"$work/err" ||
	sed 's/^/# /' "$work/err"
awk '$1 == "SctpCurrEstab" { print $2 }' /proc/net/sctp/snmp >"$work/estab"
id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[0]["assoc_id"])' \
	"$work/sctpctl.json")
ynl --do assoc-get --json "{\"assoc-id\": $id}" --output-json \
	>"$work/one.json" 2>"$work/err" || sed 's/^/# /' "$work/err"
ynl --do assoc-get --json '{"assoc-id": 2000000000}' >"$work/bad.out" 2>&1
echo $? >"$work/bad.rc"
ynl --policy --do assoc-set --output-json >"$work/policy.json" 2>"$work/err" ||
	sed 's/^/# /' "$work/err"

python3 - "$here/lib" "$work" "$id" <<'PY'
import json, sys

sys.path.insert(0, sys.argv[1])
from ktap import Tap

work, id_ = sys.argv[2], int(sys.argv[3])
tap = Tap(done=1, why_max=20)	# test 1 was printed by the shell

def load(name):
    try:
        return json.load(open(work + "/" + name))
    except Exception as e:
        print("# %s: %s" % (name, e))
        return None

ya, sa = load("assocs.json") or [], load("sctpctl.json") or []
ids_y = sorted(a.get("assoc-id") for a in ya)
ids_s = sorted(a["assoc_id"] for a in sa)
est = [a for a in ya if a.get("status", {}).get("state") == 4 and
       a.get("local-port") and a.get("peer-port")]
tap(len(ya) == 6 and ids_y == ids_s and len(est) == 6,
    "dump assoc-get: the 6 ids of sctpctl, ports and an established status",
    ["ynl %s, sctpctl %s, established with ports %d" % (ids_y, ids_s, len(est))])

ye, se = load("eps.json") or [], load("sctpctl-ep.json") or []
lis = [e for e in ye if e.get("ep-listening")]
tap(len(ye) == len(se) and len(ye) >= 4 and len(lis) == 1,
    "dump ep-get: as many sockets as sctpctl ep show, one listening",
    ["ynl %d, sctpctl %d, listening %d" % (len(ye), len(se), len(lis))])

one = load("one.json") or {}
tap(one.get("assoc-id") == id_ and "paddrs" in one,
    "do assoc-get by id returns association %d with its paths" % id_,
    ["got %s" % {k: one[k] for k in list(one)[:4]}])

out = open(work + "/bad.out").read()
rc = open(work + "/bad.rc").read().strip()
tap(rc != "0" and out.startswith("Netlink error: ") and
    "No such file or directory" in out,
    "do assoc-get of an unknown id fails with ENOENT",
    ["rc %s, output %s" % (rc, out.strip()[-300:])])

snmp = (load("snmp.json") or {}).get("snmp", {})
estab = int(open(work + "/estab").read() or -1)
tap(snmp.get("curr-estab") == estab == 6,
    "do snmp-get: curr-estab equals SctpCurrEstab (6)",
    ["ynl %s, /proc %d" % (snmp.get("curr-estab"), estab)])

pol = json.dumps(load("policy.json") or {})
want = ["rtoinfo", "paddrparams", "assoc-id"]
tap(all(w in pol for w in want),
    "the kernel's assoc-set policy has %s" % ", ".join(want),
    ["policy: %s" % pol[:300]])
sys.exit(tap.status())
PY
[ $? = 0 ] || __ktap_fail=1
ktap_finish
