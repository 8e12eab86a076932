#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the debug guest kernel (KASAN, lockdep, kmemleak, ...) from
# linux-source-6.1 and cache it under .cache/debug-kernel/<config hash>/:
#   bzImage, lib/modules/<ver>/ (depmod'ed), build -> the kernel tree.
# A cached build whose config hash matches is reused.  Prints the cache
# directory on the last line.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
base=$top/.cache/debug-kernel
frag=$top/selftests/vm/debug.config
src=$base/linux-source-6.1
jobs=${JOBS:-$(nproc)}

[ -f /usr/src/linux-source-6.1.tar.xz ] || { echo "run scripts/deps.sh first" >&2; exit 1; }
hash=$( (cat "$frag"; sha256sum /usr/src/linux-source-6.1.tar.xz) | sha256sum | cut -c1-12)
out=$base/$hash
if [ -e "$out/.done" ]; then
	echo "$out"
	exit 0
fi

mkdir -p "$base"
if [ ! -e "$src/.extracted" ]; then
	echo "debug-kernel: extracting linux-source-6.1" >&2
	rm -rf "$src"
	tar -C "$base" -xJf /usr/src/linux-source-6.1.tar.xz
	touch "$src/.extracted"
fi

for p in flex bison bc libelf-dev libssl-dev dwarves; do
	dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed ||
		missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

build=$base/build-$hash
mkdir -p "$build"
echo "debug-kernel: configuring" >&2
make -s -C "$src" O="$build" x86_64_defconfig
"$src/scripts/kconfig/merge_config.sh" -m -O "$build" "$build/.config" \
	"$src/kernel/configs/kvm_guest.config" "$frag" >/dev/null
make -s -C "$src" O="$build" olddefconfig
# The fragment must have survived olddefconfig (dependencies met).
while IFS= read -r line; do
	case $line in CONFIG_*=n|'#'*|'') continue ;; esac
	grep -qx "$line" "$build/.config" || { echo "debug-kernel: $line did not stick" >&2; exit 1; }
done < "$frag"

echo "debug-kernel: building with $jobs jobs (about 16 minutes on 2 cores)" >&2
make -s -C "$src" O="$build" -j"$jobs" bzImage modules
rm -rf "$out"
mkdir -p "$out"
make -s -C "$src" O="$build" INSTALL_MOD_PATH="$out" modules_install
ver=$(make -s -C "$src" O="$build" kernelrelease)
cp "$build/arch/x86/boot/bzImage" "$out/bzImage"
ln -sfn "$build" "$out/build"
rm -f "$out/lib/modules/$ver/build" "$out/lib/modules/$ver/source"
depmod -b "$out" "$ver"
echo "$ver" > "$out/version"
touch "$out/.done"
echo "$out"
