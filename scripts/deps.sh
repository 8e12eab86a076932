#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Idempotent set-up of everything sctpnl needs on a Debian bookworm host:
# Debian packages (apt-get, as root), the guest kernel matching the
# installed linux-headers-amd64 (extracted, never installed), and the
# parts of linux-source-6.1 we build against (kselftest headers,
# checkpatch).  Pieces already present are not fetched again.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SCTPNL_CACHE:-$top/.cache}

pkgs=(
	build-essential linux-headers-amd64 linux-source-6.1 kmod cpio
	xz-utils qemu-system-x86 busybox-static iproute2 libnl-3-dev
	libnl-genl-3-dev pkg-config lksctp-tools libsctp-dev sparse
	erlang-base iperf3 python3 python3-pyroute2 gnuplot-nox man-db
	groff-base util-linux python3-yaml erlang-dev
)

log() { printf 'deps: %s\n' "$*" >&2; }

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
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The guest runs the kernel whose headers we build against.
abi=$(dpkg-query -W -f='${Depends}\n' linux-headers-amd64 |
	sed -n 's/.*linux-headers-\([0-9][^ ,]*-amd64\).*/\1/p')
[ -n "$abi" ] || { log "cannot tell the ABI of linux-headers-amd64"; exit 1; }

kdir=$cache/kernel/$abi
if [ ! -e "$kdir/.done" ]; then
	log "fetching guest kernel linux-image-$abi-unsigned"
	rm -rf "$kdir" "$cache/kernel/dl"
	mkdir -p "$kdir" "$cache/kernel/dl"
	(cd "$cache/kernel/dl" && apt-get download -q \
		"linux-image-$abi-unsigned" 2>/dev/null >/dev/null)
	dpkg-deb -x "$cache"/kernel/dl/linux-image-"$abi"-unsigned_*.deb "$kdir"
	depmod -b "$kdir" "$abi"
	rm -rf "$cache/kernel/dl"
	touch "$kdir/.done"
fi
ln -sfn "$abi" "$cache/kernel/current"

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
