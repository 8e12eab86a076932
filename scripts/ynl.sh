#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's YNL tools (tools/net/ynl: the C code generator and the CLI)
# and the netlink spec schemas (Documentation/netlink/*.yaml), taken from
# Debian's linux-source-7.3 and extracted under .cache/ynl; nothing else
# of the source tree is kept.  scripts/ynl-gen.py runs the generator from
# there.  The package comes through the private apt configuration that
# scripts/deps.sh sets up under .cache/apt (trixie-backports is one of its
# suites); the host's sources are not used.
#
# Idempotent: does nothing once .cache/ynl/.done exists.
#
# Usage: scripts/ynl.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SCTPNL_CACHE:-$top/.cache}
ver=7.3
suite=trixie-backports
dest=$cache/ynl

log() { printf 'ynl: %s\n' "$*" >&2; }

[ -e "$dest/.done" ] && exit 0

# shellcheck source=scripts/apt-private.sh
. "$top/scripts/apt-private.sh"
if [ ! -e "$papt/sources.list" ]; then
	log "no private apt configuration in $papt: run scripts/deps.sh first"
	exit 1
fi

dl=$(mktemp -d "$cache/dl-ynl.XXXXXX")
trap 'rm -rf "$dl"' EXIT

log "downloading linux-source-$ver from $suite"
if ! (cd "$dl" && apt-get "${apt_opts[@]}" download "linux-source-$ver/$suite") >/dev/null 2>&1; then
	# Lists older than the package: refresh the private ones, once.
	apt-get "${apt_opts[@]}" update >/dev/null
	(cd "$dl" && apt-get "${apt_opts[@]}" download "linux-source-$ver/$suite") >/dev/null
fi
deb=$(echo "$dl"/linux-source-"$ver"_*.deb)
pkgver=$(dpkg-deb -f "$deb" Version)

log "extracting tools/net/ynl and the spec schemas ($pkgver)"
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$dl" "./usr/src/linux-source-$ver.tar.xz"
rm -f "$deb"
tar -C "$dl" -xJf "$dl/usr/src/linux-source-$ver.tar.xz" \
	--wildcards --no-wildcards-match-slash \
	"linux-source-$ver/tools/net/ynl" \
	"linux-source-$ver/Documentation/netlink/*.yaml"

rm -rf "$dest"
mv "$dl/linux-source-$ver" "$dest"
echo "linux-source-$ver $pkgver" > "$dest/VERSION"
touch "$dest/.done"
log "done: $dest ($pkgver)"
