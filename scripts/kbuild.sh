#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build sctpnl.ko for one kernel of the matrix (scripts/kernels), out of
# tree, in a build directory of its own: .cache/build/NAME (or, for a
# kernel built in a chroot, the same directory inside the chroot, which
# .cache/build/NAME links to).  The sources are copied there first, so
# the three builds never share an object file and the project tree stays
# clean.
#
# Usage: scripts/kbuild.sh NAME [kbuild arguments...]
#   e.g. scripts/kbuild.sh 7.3 W=1 KCFLAGS=-Werror
#        scripts/kbuild.sh 6.12 C=2 CHECK=sparse
# The module is then .cache/build/NAME/kmod/sctpnl.ko.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SCTPNL_CACHE:-$top/.cache}
name=${1:?usage: scripts/kbuild.sh NAME [kbuild arguments...]}
shift

conf=$cache/kernel/$name/kernel.conf
[ -f "$conf" ] || { echo "kbuild: no kernel $name (run make deps)" >&2; exit 2; }
abi= chroot= kdir=
# shellcheck disable=SC1090
. "$conf"

if [ -n "$chroot" ]; then
	# One directory per project tree: worktrees share the chroot.
	bdir=/build/$(printf %s "$top" | tr / _)/$name
	host_bdir=$chroot$bdir
	mkdir -p "$host_bdir" "$cache/build"
	ln -sfn "$host_bdir" "$cache/build/$name"
	# objtool reads /proc: mount one for this build only, in a mount
	# namespace of its own, so nothing stays mounted under .cache.
	run=(unshare --mount --propagation private sh -c \
		'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$chroot")
else
	bdir=$cache/build/$name
	host_bdir=$bdir
	[ -L "$bdir" ] && rm -f "$bdir"
	mkdir -p "$bdir"
	kdir=$cache/kernel/$name$kdir
	run=()
fi

# Sources only; timestamps kept so that kbuild rebuilds what changed.
(cd "$top" && find Kbuild kmod uapi \( -name '*.[ch]' -o -name Kbuild \
	-o -name '*.include' -o -name '*.sh' \) -print0 |
	cpio --quiet -0 -pdmu "$host_bdir")

exec "${run[@]}" make -C "$kdir" M="$bdir" "$@" modules
