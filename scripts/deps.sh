#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Idempotent set-up of everything sctpnl needs on a Debian bookworm host:
#
#  - Debian packages, with the host's own apt (as root);
#  - for each kernel of the matrix (scripts/kernels), the unsigned image
#    and the headers, downloaded with a private apt configuration under
#    .cache/apt (the host's sources.list is never changed) and extracted
#    under .cache/kernel/<abi> (never installed);
#  - for kernels built with a newer compiler than bookworm's, a minimal
#    chroot of that Debian release (debootstrap) holding the compiler and
#    the headers, under .cache/<release>-root;
#  - the parts of linux-source-6.1 the build uses (kselftest headers,
#    checkpatch);
#  - the kernel's YNL generator, which makes uapi/linux/sctpnl.h from the
#    netlink spec, out of linux-source-7.3 (scripts/ynl.sh);
#  - the QEMU the guests run on, from bookworm-backports, extracted under
#    .cache/qemu (see "the emulator" below for why not bookworm's).
#
# Pieces already present are not fetched again; `make clean` leaves them.
#
# Usage: scripts/deps.sh [KERNEL...]     (default: every kernel of the matrix)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SCTPNL_CACHE:-$top/.cache}

pkgs=(
	build-essential linux-source-6.1 kmod cpio
	xz-utils zstd qemu-system-x86 busybox-static iproute2 libnl-3-dev
	libnl-genl-3-dev pkg-config lksctp-tools libsctp-dev sparse
	erlang-base iperf3 python3 python3-pyroute2 gnuplot-nox man-db
	groff-base util-linux python3-yaml debootstrap libelf1 libssl3 pahole
	libmicrohttpd-dev prometheus curl erlang-dev python3-jsonschema
	abigail-tools
)

log() { printf 'deps: %s\n' "$*" >&2; }

# --- host packages --------------------------------------------------------
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null |
		grep -qx installed || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		log "missing packages: ${missing[*]} (run as root to install)"
		exit 1
	fi
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
		--no-install-recommends "${missing[@]}" >/dev/null
fi

# --- the private apt configuration ------------------------------------------
# Every suite of the matrix in one list directory of our own; the host's
# configuration (sources, lists, archive cache) is not touched.
# shellcheck source=scripts/apt-private.sh
. "$top/scripts/apt-private.sh"
apt_private() {
	local cmd=$1
	shift
	"$cmd" "${apt_opts[@]}" "$@"
}

apt_ready=0
apt_setup() {
	[ "$apt_ready" = 1 ] && return 0
	mkdir -p "$papt/sources.list.d" "$papt/lists/partial" \
		"$papt/cache/archives/partial"
	# The suites of scripts/kernels, plus bookworm-security, where
	# bookworm's kernel updates are published, and sid (sparse).
	{
		echo "deb http://deb.debian.org/debian bookworm main"
		echo "deb http://deb.debian.org/debian-security bookworm-security main"
		echo "deb http://deb.debian.org/debian sid main"
		awk '!/^#/ && NF { print $2 }' "$top/scripts/kernels" | sort -u |
			grep -vx -e bookworm -e bookworm-security |
			sed 's|.*|deb http://deb.debian.org/debian & main|'
	} > "$papt/sources.list"
	log "updating the private package lists ($papt)"
	apt_private apt-get update >/dev/null
	apt_ready=1
}

# Download package NAME (or NAME/SUITE) into the current directory.
apt_fetch() {
	apt_private apt-get download "$@" >/dev/null
}

# Download packages NAME/SUITE... and extract them all under DEST
# (dpkg-deb -x: nothing is installed, no maintainer script runs).
apt_extract() {
	local dest=$1 dl f
	shift
	apt_setup
	dl=$(mktemp -d "$cache/dl.XXXXXX")
	(cd "$dl" && apt_fetch "$@")
	mkdir -p "$dest"
	for f in "$dl"/*.deb; do
		dpkg-deb -x "$f" "$dest"
	done
	rm -rf "$dl"
}

# --- guest kernels and their headers ----------------------------------------
# Fetch one kernel of the matrix: the image for the guest, the headers
# (arch, common and kbuild packages) to build against.  The headers go
# under $root: the kernel's own directory, or the chroot that builds it.
fetch_kernel() {
	local name=$1 suite=$2 chroot=$3
	local dl abi deps kdir root hdr common kbuild f

	[ -e "$cache/kernel/$name/.done" ] && return 0
	apt_setup
	log "kernel $name: resolving linux-headers-amd64 in $suite"
	dl=$(mktemp -d "$cache/dl.XXXXXX")
	(cd "$dl" && apt_fetch "linux-headers-amd64/$suite")
	deps=$(dpkg-deb -f "$dl"/linux-headers-amd64_*.deb Depends)
	abi=$(sed -n 's/.*linux-headers-\([0-9][^ ,]*\)-amd64.*/\1/p' <<<"$deps")
	[ -n "$abi" ] || { log "cannot tell the ABI from: $deps"; exit 1; }
	abi=$abi-amd64

	log "kernel $name: $abi from $suite"
	# The unsigned image where Debian splits it out (6.1, 6.12); 7.x
	# has one image package that depends on linux-binary-<abi> (the
	# kernel) and linux-modules-<abi>.
	(cd "$dl" && { apt_fetch "linux-image-$abi-unsigned/$suite" 2>/dev/null ||
		       apt_fetch "linux-image-$abi/$suite"; } &&
		apt_fetch "linux-headers-$abi/$suite")
	deps=$(dpkg-deb -f "$dl"/linux-image-"$abi"*.deb Depends)
	for f in $(grep -oE "linux-(binary|modules)-[^ ,]+" <<<"$deps" | sort -u); do
		(cd "$dl" && apt_fetch "$f/$suite")
	done
	deps=$(dpkg-deb -f "$dl"/linux-headers-"$abi"_*.deb Depends)
	common=$(grep -o 'linux-headers-[^ ,]*-common' <<<"$deps" | head -1)
	kbuild=$(grep -o 'linux-kbuild-[^ ,]*' <<<"$deps" | head -1)
	(cd "$dl" && apt_fetch "$common/$suite" "$kbuild/$suite")

	kdir=$cache/kernel/$abi
	rm -rf "$kdir"
	mkdir -p "$kdir"
	for f in "$dl"/linux-image-"$abi"*.deb "$dl"/linux-binary-*.deb \
		 "$dl"/linux-modules-*.deb; do
		[ -e "$f" ] && dpkg-deb -x "$f" "$kdir"
	done
	# Merged /usr: newer images ship their modules under usr/lib.
	if [ ! -d "$kdir/lib/modules/$abi" ] && [ -d "$kdir/usr/lib/modules/$abi" ]; then
		mkdir -p "$kdir/lib/modules"
		mv "$kdir/usr/lib/modules/$abi" "$kdir/lib/modules/$abi"
	fi
	# ... and the kernel itself there too, as vmlinuz.
	if [ ! -e "$kdir/boot/vmlinuz-$abi" ] && [ -e "$kdir/lib/modules/$abi/vmlinuz" ]; then
		mkdir -p "$kdir/boot"
		mv "$kdir/lib/modules/$abi/vmlinuz" "$kdir/boot/vmlinuz-$abi"
	fi
	depmod -b "$kdir" "$abi"

	root=${chroot:-$kdir}
	for f in "$dl"/linux-headers-"$abi"_*.deb "$dl/$common"_*.deb \
		 "$dl/$kbuild"_*.deb; do
		dpkg-deb -x "$f" "$root"
	done
	hdr=/usr/src/linux-headers-$abi
	# The arch Makefile includes the common one by absolute path; outside
	# a chroot that path is under $kdir.
	if [ -z "$chroot" ]; then
		sed -i "s|^include /usr/src/|include $kdir/usr/src/|" "$kdir$hdr/Makefile"
	fi
	# 7.x's Makefile asks scripts/checker-valid.sh whether sparse works,
	# and Debian's headers lack it: without an answer `C=2` silently
	# checks nothing.  Ours answers by running the checker once.
	f=$root/usr/src/$common/scripts/checker-valid.sh
	if grep -q checker-valid.sh "$root/usr/src/$common/Makefile" && [ ! -e "$f" ]; then
		printf '%s\n' '#!/bin/sh' \
			'# Added by sctpnl scripts/deps.sh: prints 1 if "$@" checks C.' \
			'echo "int x;" | "$@" - >/dev/null 2>&1 && echo 1 || echo 0' \
			> "$f"
		chmod +x "$f"
	fi
	{
		echo "abi=$abi"
		echo "suite=$suite"
		echo "chroot=$chroot"
		echo "kdir=$hdr"
	} > "$kdir/kernel.conf"
	rm -rf "$dl"
	touch "$kdir/.done"
	ln -sfn "$abi" "$cache/kernel/$name"
}

# A minimal chroot of Debian release $1, with the compiler its kernels
# are built with and what kbuild runs.
make_chroot() {
	local rel=$1 dir=$cache/$1-root dl

	[ -e "$dir/.done" ] && return 0
	log "chroot $rel: debootstrap (a few minutes, once)"
	rm -rf "$dir"
	debootstrap --variant=minbase "$rel" "$dir" http://deb.debian.org/debian \
		>"$cache/debootstrap-$rel.log" 2>&1 ||
		{ tail -20 "$cache/debootstrap-$rel.log" >&2; exit 1; }
	echo "deb http://deb.debian.org/debian $rel-backports main" \
		> "$dir/etc/apt/sources.list.d/backports.list"
	log "chroot $rel: compiler and kbuild tools"
	# (apt's "Can not write log ... /dev/pts" is harmless in a chroot.)
	chroot "$dir" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -qq \
		--no-install-recommends make gcc-14 libc6-dev libelf1t64 \
		libssl3t64 zlib1g kmod pahole >/dev/null
	rm -rf "$dir/var/cache/apt/archives"/*.deb
	# trixie's sparse (0.6.4) stops at 7.x's __typeof_unqual__; sid's
	# 0.6.5 parses it.  Its binary needs nothing but libc.
	log "chroot $rel: sparse from sid"
	dl=$(mktemp -d "$cache/dl.XXXXXX")
	apt_extract "$dl" sparse/sid
	install -m 0755 "$dl/usr/bin/sparse" "$dir/usr/local/bin/sparse"
	rm -rf "$dl"
	chroot "$dir" sparse --version >/dev/null
	touch "$dir/.done"
}

mkdir -p "$cache/kernel"
want=("$@")
while read -r name suite release; do
	case $name in ''|'#'*) continue ;; esac
	if [ ${#want[@]} -gt 0 ] && ! printf '%s\n' "${want[@]}" | grep -qx "$name"; then
		continue
	fi
	chroot=
	if [ "$release" != bookworm ]; then
		make_chroot "$release"
		chroot=$cache/$release-root
	fi
	fetch_kernel "$name" "$suite" "$chroot"
done < "$top/scripts/kernels"

# The kernel guests boot when none is named (make vm-run, helpers).
[ -e "$cache/kernel/current" ] || ln -sfn "$(readlink "$cache/kernel/6.1")" \
	"$cache/kernel/current"

# --- linux-source-6.1 pieces -------------------------------------------------
src=$cache/linux-source-6.1
if [ ! -e "$src/.done" ]; then
	log "extracting kselftest headers and checkpatch from linux-source-6.1"
	rm -rf "$src"
	mkdir -p "$cache"
	tar -C "$cache" -xJf /usr/src/linux-source-6.1.tar.xz \
		linux-source-6.1/tools/testing/selftests/kselftest.h \
		linux-source-6.1/tools/testing/selftests/kselftest_harness.h \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
	touch "$src/.done"
fi

# --- the emulator ------------------------------------------------------------
# bookworm's QEMU 7.2 runs two vCPUs in two threads (MTTCG) and can keep
# running code it translated before another vCPU patched it.  The kernel
# patches text whenever a kprobe or ftrace site is armed or disarmed
# (int3 first, then an IPI to every CPU so none runs the old bytes); a
# vCPU that runs such a stale int3 after the IPI oopses ("int3" at an
# ftrace site the memory shows as a NOP) or, on 6.1, spins there forever
# in the kprobe handler.  sctpnl arms and disarms kprobes on sctp.ko's
# hot paths at insmod and rmmod, so with SCTP traffic running that took
# the guest down within a few cycles on every kernel of the matrix.
# bookworm-backports' QEMU (10.0) does not, in hundreds of such cycles
# (selftests/reload.sh).  It is built for bookworm and needs the libraries
# of bookworm's qemu-system-x86 above, which brings them.
if [ ! -e "$cache/qemu/.done" ]; then
	log "QEMU from bookworm-backports, under $cache/qemu"
	rm -rf "$cache/qemu"
	apt_extract "$cache/qemu" qemu-system-x86/bookworm-backports \
		qemu-system-common/bookworm-backports \
		qemu-system-data/bookworm-backports seabios/bookworm-backports
	"$cache/qemu/usr/bin/qemu-system-x86_64" --version >/dev/null
	touch "$cache/qemu/.done"
fi

# --- the kernel's YNL generator ----------------------------------------------
if [ ! -e "$cache/ynl/.done" ]; then
	apt_setup
	SCTPNL_CACHE=$cache "$top/scripts/ynl.sh"
fi
