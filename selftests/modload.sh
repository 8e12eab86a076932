#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Load and unload sctpnl 20 times: the family must appear and vanish each
# time, and the kernel must not keep memory behind (slab and module
# memory back where they started, within noise).  The runner fails the
# whole run on any WARN/BUG in the log.

. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
ko=${SCTPNL_KO:-$top/kmod/sctpnl.ko}
genl_family=$top/selftests/lib/genl_family
rounds=20

family_present() {
	"$genl_family" sctpnl >/dev/null 2>&1
}

slab_kb() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

ktap_plan 4
[ -r "$ko" ] || { ktap_skip "module not built"; exit $KSFT_SKIP; }
grep -q '^sctpnl ' /proc/modules || insmod "$ko"

# Warm up once so first-load allocations (kernfs, BTF...) don't count.
rmmod sctpnl && insmod "$ko"
before=$(slab_kb)

bad=0
for i in $(seq $rounds); do
	rmmod sctpnl || { bad=1; break; }
	if family_present; then bad=1; ktap_info "family still there after rmmod ($i)"; break; fi
	insmod "$ko" || { bad=1; break; }
	family_present || { bad=1; ktap_info "family missing after insmod ($i)"; break; }
done
ktap_check "load/unload x$rounds" test $bad = 0
ktap_check "module loaded at the end" grep -q '^sctpnl ' /proc/modules
ktap_check "family answers at the end" family_present

after=$(slab_kb)
ktap_info "slab before ${before} kB, after ${after} kB"
# A leak of one family registration per round would be far above this.
ktap_check "no slab growth over $rounds rounds" test $((after - before)) -lt 256
ktap_finish
