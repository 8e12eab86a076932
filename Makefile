# SPDX-License-Identifier: GPL-2.0
#
# sctpnl: top-level build.  `make` builds the module, the library and CLI,
# and the selftests; `make check` and `make run` also install what is
# missing (scripts/deps.sh) and boot a QEMU guest.  See README.md.

CACHE	:= $(CURDIR)/.cache
# The guest kernel's ABI: the one of the installed linux-headers-amd64.
ABI	?= $(shell readlink $(CACHE)/kernel/current 2>/dev/null || \
	     dpkg-query -W -f='$${Depends}' linux-headers-amd64 2>/dev/null | \
	     sed -n 's/.*linux-headers-\([0-9][^ ,]*-amd64\).*/\1/p')
KDIR	?= /lib/modules/$(ABI)/build
KSRC	:= $(CACHE)/linux-source-6.1
VM	:= selftests/vm/run
# `make check` builds with warnings as errors.
WERROR	?=

ifeq ($(WERROR),1)
KBUILD_EXTRA := KCFLAGS=-Werror
endif

all: module user erlang selftests

deps:
	@scripts/deps.sh

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 $(KBUILD_EXTRA) modules

user:
	$(MAKE) -C user

# The Erlang application (user/erlang): erlc and the ei port program.
erlang: user
	$(MAKE) -C user/erlang

selftests: user
	$(MAKE) -C selftests

# checkpatch --strict over the kernel side and a sparse build; both must
# be silent.
lint:
	@echo "  LINT    netlink spec (scripts/check-spec.py)" && scripts/check-spec.py
	@echo "  LINT    checkpatch --strict"
	@perl $(KSRC)/scripts/checkpatch.pl --strict --no-tree --quiet \
		--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG \
		-f $(filter-out %.mod.c,$(wildcard kmod/*.c)) kmod/*.h \
		uapi/linux/sctpnl.h
	@echo "  LINT    sparse (C=2)"
	@$(MAKE) -s -C $(KDIR) M=$(CURDIR) C=2 CHECK=sparse modules \
		>$(CACHE)/sparse.log 2>&1 || { cat $(CACHE)/sparse.log; exit 1; }
	@# Kernel headers have sparse findings of their own; ours must be clean.
	@if grep -E '^($(CURDIR)/)?(kmod|uapi)/.*(warning|error):' \
		$(CACHE)/sparse.log; then exit 1; fi

# Everything a fresh bookworm machine needs, then every selftest in one
# guest boot; ends with "N passed, N failed, N skipped".
check: deps
	$(MAKE) WERROR=1 all
	$(MAKE) lint
	@KERNEL=$(KERNEL) selftests/check

# The KASAN/lockdep/kmemleak guest kernel, cached under .cache/debug-kernel
# (about 16 minutes on 2 cores); `make check KERNEL=debug` uses it.
debug-kernel: deps
	@scripts/debug-kernel.sh

run: deps
	$(MAKE) all
	@$(VM) -m 1024 -- scripts/demo.sh

# The scale benchmark (Documentation/performance.rst); BENCH_LOADS picks
# loads, e.g. make bench BENCH_LOADS='o2o:10000 o2m:30000'.
bench: deps
	$(MAKE) all
	@$(VM) -m $(BENCH_MEM) -t 5400 -- selftests/bench/bench.sh $(BENCH_LOADS)

BENCH_MEM ?= 3072

# Throughput overhead (iperf3 --sctp with and without sctpnl and its
# listeners), in a one-CPU guest: see selftests/bench/tput.sh.
bench-tput: deps
	$(MAKE) all
	@$(VM) -c 1 -m 1536 -t 3600 -- selftests/bench/tput.sh \
		$(TPUT_ROUNDS) $(TPUT_SECS) $(TPUT_INTERVALS)

TPUT_ROUNDS ?= 9
TPUT_SECS ?= 5
TPUT_INTERVALS ?= 10,0

# Run any command in a guest: make vm-run CMD='sctpctl assoc show'
vm-run:
	@$(VM) $(VM_ARGS) -- bash -c '$(CMD)'

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	-$(MAKE) -C user clean
	-$(MAKE) -C user/erlang clean
	$(MAKE) -C selftests clean

.PHONY: all deps module user erlang selftests lint check debug-kernel run bench \
	bench-tput \
	vm-run clean

include mk/install.mk
