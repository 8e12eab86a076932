#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make install` into a staging directory, then use only what was
# installed: the library's SONAME and exported symbols, a self-contained
# <sctpnl/sctpnl.h>, pkg-config, the example user/examples/assoc_status.c
# built out of tree against the stage and run against a live association
# (its #sctp_status{}), the staged sctpctl, the module indexed by depmod,
# every man page rendered without a warning, the Erlang application
# started from the stage, and `make uninstall` leaving
# nothing behind.  Runs in the guest: the stage and the build live in
# /tmp (tmpfs), nothing is written to the project directory.

. "$(dirname "$0")/lib/ktap.sh"
top=$(cd "$(dirname "$0")/.." && pwd)

ktap_plan 13

for tool in make cc pkg-config nm objdump man; do
	command -v $tool >/dev/null || { ktap_info "no $tool"; exit $KSFT_SKIP; }
done
[ -e "$top/user/lib/libsctpnl.so.2" ] && [ -e "${SCTPNL_KO:-}" ] ||
	{ ktap_info "not built"; exit $KSFT_SKIP; }

work=$(mktemp -d /tmp/sctpnl-install.XXXXXX) || exit 1
stage=$work/stage
prefix=/usr/local
hold_pid=
cleanup() {
	[ -n "$hold_pid" ] && kill "$hold_pid" 2>/dev/null && wait "$hold_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# The guest kernel's ABI, as the top Makefile sees it.
kver=$(make -s -C "$top" --no-print-directory -f Makefile -f - print-kver <<'MK'
print-kver: ; @echo $(KVER)
MK
)
ktap_info "kver $kver"

# 1. make install
if make -s -C "$top" --no-print-directory install DESTDIR="$stage" \
	PREFIX=$prefix >"$work/install.log" 2>&1; then
	ktap_ok "make install DESTDIR=stage"
else
	sed 's/^/# /' "$work/install.log"
	ktap_fail "make install DESTDIR=stage"
fi

lib=$stage$prefix/lib
inc=$stage$prefix/include
ver=$(sed -n 's/^#define SCTPNL_LIB_VERSION[ \t]*"\(.*\)"/\1/p' "$top/user/lib/sctpnl.h")
erlapp=$lib/erlang/lib/sctpnl-$ver

# 2. every piece where it belongs
missing=
for f in $lib/libsctpnl.so.2 $lib/libsctpnl.a $lib/pkgconfig/libsctpnl.pc \
	 $inc/sctpnl/sctpnl.h $inc/sctpnl/linux/sctpnl.h \
	 $stage$prefix/sbin/sctpctl $stage$prefix/sbin/sctpnl-exporter \
	 $stage$prefix/lib/systemd/system/sctpnl-exporter.service \
	 $stage$prefix/share/man/man8/sctpnl-exporter.8 \
	 $stage$prefix/share/sctpnl/exporter-alerts.yml \
	 $stage$prefix/share/man/man8/sctpctl.8 \
	 $stage$prefix/share/man/man3/libsctpnl.3 \
	 $stage$prefix/share/man/man3/sctpnl.3erl \
	 $erlapp/ebin/sctpnl.app $erlapp/ebin/sctpnl.beam \
	 $erlapp/priv/sctpnl_port \
	 $stage/lib/modules/$kver/extra/sctpnl.ko; do
	[ -e "$f" ] || missing="$missing ${f#$stage}"
done
[ "$(readlink "$lib/libsctpnl.so")" = libsctpnl.so.2 ] ||
	missing="$missing libsctpnl.so->libsctpnl.so.2"
[ -z "$missing" ] || ktap_info "missing:$missing"
ktap_check "installed files" test -z "$missing"

# 3. SONAME, and the library exports sctpnl_* only
soname=$(objdump -p "$lib/libsctpnl.so.2" | awk '$1 == "SONAME" { print $2 }')
others=$(nm -D --defined-only "$lib/libsctpnl.so.2" |
	 awk '$3 !~ /^sctpnl_/ && $3 !~ /^LIBSCTPNL_/ { print $3 }')
ktap_info "SONAME $soname, $(nm -D --defined-only "$lib/libsctpnl.so.2" |
	   grep -c ' T sctpnl_') functions"
[ -z "$others" ] || ktap_info "also exported: $others"
ktap_check "SONAME libsctpnl.so.2, only sctpnl_* exported" \
	test "$soname" = libsctpnl.so.2 -a -z "$others"

# 4. the installed header compiles alone (no -I of the sources, no libnl)
printf '#include <sctpnl/sctpnl.h>\nint main(void) { return SCTPNL_A_MAX > 0 ? 0 : 1; }\n' \
	>"$work/hdr.c"
ktap_check "<sctpnl/sctpnl.h> is self-contained" \
	cc -Wall -Werror -I"$inc" -fsyntax-only "$work/hdr.c"

# 5. pkg-config, through the sysroot of the stage
export PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$stage
pc=$(pkg-config --cflags --libs libsctpnl 2>&1)
ktap_info "pkg-config: $pc"
ktap_check "pkg-config --cflags --libs libsctpnl" \
	test "$(pkg-config --modversion libsctpnl)" = "$ver" -a \
	     -n "$(echo "$pc" | grep -e "-I$inc" | grep -e "-lsctpnl")"

# 6. the example, out of tree, linked against the staged shared library
cp -r "$top/user/examples" "$work/examples"
if make -s -C "$work/examples" >"$work/build.log" 2>&1 &&
   [ -x "$work/examples/assoc_status" ]; then
	ktap_ok "example builds with pkg-config"
else
	sed 's/^/# /' "$work/build.log"
	ktap_fail "example builds with pkg-config"
fi

# 7. it runs against a live association: hold one over loopback
python3 - "$work/ready" 2>"$work/py.log" <<'PY' &
import os, socket, sys, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
cli.connect(srv.getsockname())
acc, _ = srv.accept()
open(sys.argv[1], "w").write("%d\n" % srv.getsockname()[1])
time.sleep(60)
PY
hold_pid=$!
for _ in $(seq 100); do [ -s "$work/ready" ] && break; sleep 0.1; done
[ -s "$work/ready" ] || sed "s/^/# /" "$work/py.log"
grep -q '^sctpnl ' /proc/modules || ktap_info "sctpnl not loaded"
LD_LIBRARY_PATH=$lib "$work/examples/assoc_status" >"$work/out" 2>"$work/err"
rc=$?
sed 's/^/# /' "$work/out" "$work/err" | head -20
ktap_check "example prints #sctp_status{} of the live association" \
	grep -q "^#sctp_status{assoc_id = [0-9]*,state = established," "$work/out"
ktap_check "example used the staged libsctpnl.so.2" \
	sh -c "test $rc = 0 && LD_LIBRARY_PATH=$lib ldd $work/examples/assoc_status |
	       grep -q '$lib/libsctpnl.so.2'"

# 8. the staged CLI
ktap_check "staged sctpctl runs" "$stage$prefix/sbin/sctpctl" -V

# 9. depmod indexed the staged module
ktap_check "depmod -b indexed extra/sctpnl.ko" \
	grep -q '^extra/sctpnl.ko:' "$stage/lib/modules/$kver/modules.dep"

# 10. every installed man page renders without a warning, and man finds
# them by name in the staged tree
bad=
n=0
for page in "$stage$prefix"/share/man/man[38]/*; do
	n=$((n + 1))
	w=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	[ -z "$w" ] || { bad="$bad ${page##*/}"; ktap_info "${page##*/}: $w"; }
done
man -M "$stage$prefix/share/man" -w sctpctl sctpnl_set >/dev/null 2>&1 ||
	bad="$bad (man -M cannot find them)"
ktap_info "$n man pages"
ktap_check "man pages render without warnings" test -z "$bad" -a "$n" -gt 0

# 11. the Erlang application from the stage: it finds its port program in
# its own priv directory and lists associations
if command -v erl >/dev/null; then
	out=$(cd /tmp && HOME=/tmp ERL_CRASH_DUMP=/tmp/erl_crash.dump \
	      erl -noshell -pa "$erlapp/ebin" -eval '
		ok = application:start(sctpnl),
		{ok, _} = sctpnl:associations(),
		io:format("~s~n", [code:priv_dir(sctpnl)]),
		halt().' 2>&1)
	ktap_info "erl: $out"
	ktap_check "staged Erlang application starts and lists" \
		test "$out" = "$erlapp/priv"
else
	ktap_skip "staged Erlang application (no erl)"
fi

# 12. make uninstall leaves no file behind (depmod's own indexes aside)
make -s -C "$top" --no-print-directory uninstall DESTDIR="$stage" \
	PREFIX=$prefix >"$work/uninstall.log" 2>&1 ||
	sed 's/^/# /' "$work/uninstall.log"
left=$(find "$stage" \( -type f -o -type l \) ! -name 'modules.*' | sed "s|^$stage||")
[ -z "$left" ] || ktap_info "left behind: $left"
ktap_check "make uninstall" test -z "$left"

ktap_finish
