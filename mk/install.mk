# SPDX-License-Identifier: GPL-2.0
#
# make install / uninstall / dkms-install / dkms-uninstall, included from
# the top-level Makefile.
#
#   make install [PREFIX=/usr/local] [DESTDIR=/stage] [KVER=<abi>]
#
# installs libsctpnl (shared, static, headers, pkg-config file), sctpctl,
# sctpnl-exporter with its systemd unit and example alert rules, the man
# pages, the Erlang application sctpnl in Erlang's library layout
# ($(ERLLIBDIR)/sctpnl-<ver>/{ebin,priv}: with PREFIX=/usr, where Debian's
# erl finds it without -pa), and sctpnl.ko under /lib/modules/$(KVER)/extra.  The
# module tree is not under PREFIX: modules live where modprobe looks.
# Set INSTALL_MODULE=0 to leave the module out.  Nothing is built here that
# is already built: run `make` first (a missing piece is built).
#
# The version comes from one place, SCTPNL_LIB_VERSION in user/lib/sctpnl.h.

SCTPNL_VERSION	:= $(shell sed -n 's/^\#define SCTPNL_LIB_VERSION[ \t]*"\(.*\)"/\1/p' \
			   $(CURDIR)/user/lib/sctpnl.h)

PREFIX		?= /usr/local
DESTDIR		?=
LIBDIR		?= $(PREFIX)/lib
INCLUDEDIR	?= $(PREFIX)/include
SBINDIR		?= $(PREFIX)/sbin
MANDIR		?= $(PREFIX)/share/man
PKGCONFIGDIR	?= $(LIBDIR)/pkgconfig
ERLLIBDIR	?= $(PREFIX)/lib/erlang/lib
ERLAPPDIR	:= $(ERLLIBDIR)/sctpnl-$(SCTPNL_VERSION)
# systemd looks in /usr/local/lib/systemd/system as well as /lib/...
SYSTEMDUNITDIR	?= $(PREFIX)/lib/systemd/system
DATADIR		?= $(PREFIX)/share/sctpnl
# The kernel the module is installed for: the running one by default.
KVER		?= $(shell uname -r)
# A kernel of the matrix (scripts/kernels) has its own build under
# .cache/build/NAME; any other is built in the tree against its headers
# in /lib/modules/KVER/build, as for any out-of-tree module.
KVER_NAME	:= $(notdir $(firstword $(foreach l,$(wildcard $(CACHE)/kernel/*),\
		   $(if $(filter $(KVER),$(shell readlink $(l) 2>/dev/null)),$(l)))))
KO		?= $(if $(KVER_NAME),$(CACHE)/build/$(KVER_NAME)/kmod/sctpnl.ko,kmod/sctpnl.ko)
MODDIR		?= /lib/modules/$(KVER)/extra
INSTALL_MODULE	?= 1
DEPMOD		?= /sbin/depmod
INSTALL		?= install

LIB_SONAME	:= libsctpnl.so.2
MAN3		:= $(wildcard Documentation/man/*.3)
MAN8		:= $(wildcard Documentation/man/*.8)
MAN3ERL		:= $(wildcard Documentation/man/*.3erl)
DKMS_SRC	:= /usr/src/sctpnl-$(SCTPNL_VERSION)

# Built pieces: built here only when absent (so that `make install` in a
# read-mostly environment, e.g. the selftest guest, never rebuilds).
user/lib/$(LIB_SONAME) user/lib/libsctpnl.a user/sctpctl/sctpctl \
user/exporter/sctpnl-exporter:
	$(MAKE) -C user

user/erlang/priv/sctpnl_port user/erlang/ebin/sctpnl.app:
	$(MAKE) -C user/erlang

kmod/sctpnl.ko:
	$(MAKE) -C /lib/modules/$(KVER)/build M=$(CURDIR) modules

install: install-lib install-cli install-exporter install-man install-erlang \
	 $(if $(filter 1,$(INSTALL_MODULE)),install-module)

install-lib: user/lib/$(LIB_SONAME) user/lib/libsctpnl.a
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/sctpnl/linux \
		$(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 0755 user/lib/$(LIB_SONAME) $(DESTDIR)$(LIBDIR)/
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libsctpnl.so
	$(INSTALL) -m 0644 user/lib/libsctpnl.a $(DESTDIR)$(LIBDIR)/
	@# The public header finds the uapi header next to itself, whatever
	@# the compiler's include path: <sctpnl/sctpnl.h> is self-contained.
	sed 's|^#include <linux/sctpnl.h>|#include "linux/sctpnl.h"|' \
		user/lib/sctpnl.h >$(DESTDIR)$(INCLUDEDIR)/sctpnl/sctpnl.h
	chmod 0644 $(DESTDIR)$(INCLUDEDIR)/sctpnl/sctpnl.h
	$(INSTALL) -m 0644 uapi/linux/sctpnl.h \
		$(DESTDIR)$(INCLUDEDIR)/sctpnl/linux/sctpnl.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(SCTPNL_VERSION)|' \
		mk/libsctpnl.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/libsctpnl.pc
	chmod 0644 $(DESTDIR)$(PKGCONFIGDIR)/libsctpnl.pc
	$(if $(DESTDIR),,-/sbin/ldconfig)

install-cli: user/sctpctl/sctpctl
	$(INSTALL) -d $(DESTDIR)$(SBINDIR)
	$(INSTALL) -m 0755 user/sctpctl/sctpctl $(DESTDIR)$(SBINDIR)/

install-exporter: user/exporter/sctpnl-exporter
	$(INSTALL) -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(SYSTEMDUNITDIR) \
		$(DESTDIR)$(DATADIR)
	$(INSTALL) -m 0755 user/exporter/sctpnl-exporter $(DESTDIR)$(SBINDIR)/
	sed 's|@SBINDIR@|$(SBINDIR)|' user/exporter/sctpnl-exporter.service.in \
		>$(DESTDIR)$(SYSTEMDUNITDIR)/sctpnl-exporter.service
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/sctpnl-exporter.service
	$(INSTALL) -m 0644 Documentation/exporter-alerts.yml $(DESTDIR)$(DATADIR)/

install-man:
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(MANDIR)/man8
	$(INSTALL) -m 0644 $(MAN3) $(MAN3ERL) $(DESTDIR)$(MANDIR)/man3/
	$(INSTALL) -m 0644 $(MAN8) $(DESTDIR)$(MANDIR)/man8/

# The port program is linked statically against libsctpnl (it uses the
# library's internal field tables), so it needs no libsctpnl.so at run time.
install-erlang: user/erlang/priv/sctpnl_port user/erlang/ebin/sctpnl.app
	$(INSTALL) -d $(DESTDIR)$(ERLAPPDIR)/ebin $(DESTDIR)$(ERLAPPDIR)/priv \
		$(DESTDIR)$(ERLAPPDIR)/src
	$(INSTALL) -m 0644 user/erlang/ebin/sctpnl.app user/erlang/ebin/*.beam \
		$(DESTDIR)$(ERLAPPDIR)/ebin/
	$(INSTALL) -m 0644 user/erlang/src/*.erl $(DESTDIR)$(ERLAPPDIR)/src/
	$(INSTALL) -m 0755 user/erlang/priv/sctpnl_port $(DESTDIR)$(ERLAPPDIR)/priv/

# With DESTDIR, depmod works on the staged tree (-b) and needs nothing of
# the running system.
install-module: $(KO)
	@test -n "$(KVER)" || { echo "install-module: set KVER"; exit 1; }
	$(INSTALL) -d $(DESTDIR)$(MODDIR)
	$(INSTALL) -m 0644 $(KO) $(DESTDIR)$(MODDIR)/sctpnl.ko
ifeq ($(DESTDIR),)
	$(DEPMOD) $(KVER)
else
	@# A staged tree has no modules.order/builtin: depmod says so, harmlessly.
	@echo "$(DEPMOD) -b $(DESTDIR) $(KVER)"; \
	out=$$($(DEPMOD) -b $(DESTDIR) $(KVER) 2>&1); rc=$$?; \
	printf '%s\n' "$$out" | grep -v -e '^$$' -e 'could not open modules\.' >&2; \
	exit $$rc
endif

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libsctpnl.so \
	      $(DESTDIR)$(LIBDIR)/libsctpnl.a \
	      $(DESTDIR)$(PKGCONFIGDIR)/libsctpnl.pc \
	      $(DESTDIR)$(INCLUDEDIR)/sctpnl/sctpnl.h \
	      $(DESTDIR)$(INCLUDEDIR)/sctpnl/linux/sctpnl.h \
	      $(DESTDIR)$(SBINDIR)/sctpctl \
	      $(DESTDIR)$(SBINDIR)/sctpnl-exporter \
	      $(DESTDIR)$(SYSTEMDUNITDIR)/sctpnl-exporter.service \
	      $(DESTDIR)$(DATADIR)/exporter-alerts.yml \
	      $(addprefix $(DESTDIR)$(MANDIR)/man3/,$(notdir $(MAN3))) \
	      $(addprefix $(DESTDIR)$(MANDIR)/man8/,$(notdir $(MAN8))) \
	      $(addprefix $(DESTDIR)$(MANDIR)/man3/,$(notdir $(MAN3ERL)))
	rm -rf $(DESTDIR)$(ERLAPPDIR)
	-rmdir $(DESTDIR)$(ERLLIBDIR) $(DESTDIR)$(PREFIX)/lib/erlang 2>/dev/null
	-rmdir $(DESTDIR)$(INCLUDEDIR)/sctpnl/linux $(DESTDIR)$(INCLUDEDIR)/sctpnl \
		$(DESTDIR)$(DATADIR) 2>/dev/null
	@if [ "$(INSTALL_MODULE)" = 1 ] && [ -n "$(KVER)" ] && \
	    [ -e $(DESTDIR)$(MODDIR)/sctpnl.ko ]; then \
		echo rm -f $(DESTDIR)$(MODDIR)/sctpnl.ko; \
		rm -f $(DESTDIR)$(MODDIR)/sctpnl.ko; \
		echo $(DEPMOD) $(if $(DESTDIR),-b $(DESTDIR)) $(KVER); \
		$(DEPMOD) $(if $(DESTDIR),-b $(DESTDIR)) $(KVER); \
	fi
	$(if $(DESTDIR),,-/sbin/ldconfig)

ABI_BASELINE := user/lib/libsctpnl.abi
# Every type of the headers in user/lib, so that the structs' layouts are
# in the XML (abi-check.py looks at those of sctpnl.h only).
ABIDW_FLAGS := --no-corpus-path --no-comp-dir-path \
	--headers-dir $(CURDIR)/user/lib --drop-private-types

# The library must export its API and nothing else, under its SONAME, and
# that API may only grow compatibly, and on the record: new functions
# under a new version node, new struct members in the structs' reserved
# room (scripts/abi-check.py); the baseline records every addition.
check-abi: user/lib/$(LIB_SONAME)
	@echo "  ABI     $(LIB_SONAME)"
	@soname=$$(objdump -p user/lib/$(LIB_SONAME) | awk '$$1 == "SONAME" { print $$2 }'); \
	test "$$soname" = $(LIB_SONAME) || \
		{ echo "SONAME is '$$soname', want $(LIB_SONAME)"; exit 1; }
	@bad=$$(nm -D --defined-only user/lib/$(LIB_SONAME) | \
		awk '$$3 !~ /^sctpnl_/ && $$3 !~ /^LIBSCTPNL_/ { print $$3 }'); \
	test -z "$$bad" || { echo "exported but not sctpnl_*: $$bad"; exit 1; }
	@abidw $(ABIDW_FLAGS) user/lib/$(LIB_SONAME) >$(CACHE)/libsctpnl.abi
	@scripts/abi-check.py $(ABI_BASELINE) $(CACHE)/libsctpnl.abi; \
	case $$? in \
	0) ;; \
	3) echo "libsctpnl: compatible additions (above): record them with" \
		"make abi-baseline and commit it"; exit 1 ;; \
	*) abidiff --no-show-locs $(ABI_BASELINE) $(CACHE)/libsctpnl.abi; \
	   echo "libsctpnl: incompatible ABI change (above): a new SONAME, or" \
		"keep the old layout"; exit 1 ;; \
	esac

# Record the library's ABI as the baseline: only a compatible growth of
# the old one, or the first of a new SONAME.
abi-baseline: user/lib/$(LIB_SONAME)
	@abidw $(ABIDW_FLAGS) user/lib/$(LIB_SONAME) >$(CACHE)/libsctpnl.abi
	@scripts/abi-check.py $(ABI_BASELINE) $(CACHE)/libsctpnl.abi; \
	case $$? in 0|3) ;; *) exit 1 ;; esac
	cp $(CACHE)/libsctpnl.abi $(ABI_BASELINE)

# DKMS: the module's sources (kmod/, uapi/, the Kbuild files and
# dkms.conf with the version filled in) under /usr/src/sctpnl-<ver>, then
# dkms add, build and install for KVER (default: the running kernel; DKMS
# builds against its headers, kmod/compat/ adapts to whichever it is).  dkms-src alone only stages the sources
# ($(DESTDIR) honoured), for packaging.
dkms-src:
	rm -rf $(DESTDIR)$(DKMS_SRC)
	$(INSTALL) -d $(DESTDIR)$(DKMS_SRC)/kmod/compat $(DESTDIR)$(DKMS_SRC)/uapi/linux
	$(INSTALL) -m 0644 Kbuild $(DESTDIR)$(DKMS_SRC)/
	$(INSTALL) -m 0644 kmod/Kbuild kmod/*.h \
		$(filter-out %.mod.c,$(wildcard kmod/*.c)) $(DESTDIR)$(DKMS_SRC)/kmod/
	$(INSTALL) -m 0644 kmod/compat/compat.h kmod/compat/Kbuild.include \
		$(DESTDIR)$(DKMS_SRC)/kmod/compat/
	$(INSTALL) -m 0644 uapi/linux/sctpnl.h $(DESTDIR)$(DKMS_SRC)/uapi/linux/
	sed 's|@VERSION@|$(SCTPNL_VERSION)|' dkms.conf \
		>$(DESTDIR)$(DKMS_SRC)/dkms.conf

dkms-install:
	@# Replace a previous add of this version (dkms add refuses twice).
	@if dkms status -m sctpnl -v $(SCTPNL_VERSION) | grep -q .; then \
		echo dkms remove -m sctpnl -v $(SCTPNL_VERSION) --all; \
		dkms remove -m sctpnl -v $(SCTPNL_VERSION) --all; fi
	$(MAKE) dkms-src DESTDIR=
	dkms add -m sctpnl -v $(SCTPNL_VERSION)
	dkms build -m sctpnl -v $(SCTPNL_VERSION) -k $(KVER)
	dkms install -m sctpnl -v $(SCTPNL_VERSION) -k $(KVER)

dkms-uninstall:
	-dkms remove -m sctpnl -v $(SCTPNL_VERSION) --all
	rm -rf $(DKMS_SRC)

.PHONY: install install-lib install-cli install-exporter install-man install-erlang install-module \
	uninstall check-abi abi-baseline dkms-src dkms-install dkms-uninstall
