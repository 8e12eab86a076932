# SPDX-License-Identifier: GPL-2.0
#
# sctpnl: top-level build.  `make` builds the module for every kernel of
# the matrix, the library and CLI, and the selftests; `make check` and
# `make run` also install what is missing (scripts/deps.sh) and boot QEMU
# guests.  See README.md.
#
#   KERNELS=6.12		the kernels to build and test (default: all)
#   KERNEL=7.3		the one kernel of vm-run, bench, bench-tput
#			(default 6.1; run: the newest)

CACHE	:= $(CURDIR)/.cache
# The kernel matrix: every current Debian kernel, oldest first.
MATRIX	:= $(shell awk '!/^\#/ && NF { print $$1 }' scripts/kernels)
NEWEST	:= $(lastword $(MATRIX))
ifneq ($(filter-out debug,$(KERNEL)),)
KERNELS	?= $(KERNEL)
endif
KERNELS	?= $(MATRIX)
KERNEL	?= $(firstword $(MATRIX))
KSRC	:= $(CACHE)/linux-source-6.1
VM	:= selftests/vm/run
# `make check` builds with warnings as errors.
WERROR	?=

ifeq ($(WERROR),1)
KBUILD_EXTRA := KCFLAGS=-Werror
endif

all: module user erlang selftests

deps:
	@scripts/deps.sh $(filter-out debug,$(KERNELS))

# One out-of-tree build per kernel, each in its own directory
# (scripts/kbuild.sh); -s: only what the compiler says is shown.
module:
	@set -e; for k in $(KERNELS); do \
		echo "  KBUILD  sctpnl.ko for $$k"; \
		scripts/kbuild.sh $$k -s W=1 $(KBUILD_EXTRA); \
	done

user:
	$(MAKE) -C user

# The Erlang application (user/erlang): erlc and the ei port program.
erlang: user
	$(MAKE) -C user/erlang

selftests: user
	$(MAKE) -C selftests

# uapi/linux/sctpnl.h is generated from the netlink spec by the kernel's
# YNL generator (scripts/ynl.sh puts it under .cache/ynl, scripts/ynl-gen.py
# runs it); never edit the header, edit the spec and `make uapi`.
SPEC	:= Documentation/netlink/specs/sctpnl.yaml
UAPI	:= uapi/linux/sctpnl.h
YNL_GEN	:= scripts/ynl-gen.py --mode uapi --header

uapi:
	@scripts/ynl.sh
	@echo "  GEN     $(UAPI) from $(SPEC)"
	@$(YNL_GEN) -o $(UAPI)

# The spec must validate against the kernel's genetlink-legacy schema (the
# generator checks) and regenerating the header must change nothing.
lint-uapi:
	@echo "  LINT    $(UAPI) is generated from $(SPEC)"
	@t=$$(mktemp /tmp/sctpnl-uapi.XXXXXX); \
	$(YNL_GEN) -o $$t || { rm -f $$t; exit 1; }; \
	if ! diff -u $(UAPI) $$t; then \
		rm -f $$t; echo "$(UAPI) is not what $(SPEC) generates: make uapi" >&2; \
		exit 1; \
	fi; \
	rm -f $$t

# The header generated from the spec; checkpatch --strict over the kernel
# side and a sparse build for every kernel; both must be silent.  The
# exporter's example alert rules must load in Prometheus.  The library's
# exported ABI must match its baseline (check-abi, mk/install.mk).
lint: lint-uapi
	@$(MAKE) -s check-abi
	@echo "  LINT    alert rules (promtool check rules)"
	@promtool check rules Documentation/exporter-alerts.yml >/dev/null
	@echo "  LINT    checkpatch --strict"
	@perl $(KSRC)/scripts/checkpatch.pl --strict --no-tree --quiet \
		--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG \
		-f $(filter-out %.mod.c,$(wildcard kmod/*.c)) kmod/*.h \
		kmod/compat/*.h uapi/linux/sctpnl.h
	@# Kernel headers have sparse findings of their own; ours must be clean.
	@set -e; for k in $(KERNELS); do \
		echo "  LINT    sparse (C=2) for $$k"; \
		scripts/kbuild.sh $$k -s C=2 CHECK=sparse \
			>$(CACHE)/sparse-$$k.log 2>&1 || \
			{ cat $(CACHE)/sparse-$$k.log; exit 1; }; \
		if grep -E '(^|/)(kmod|uapi)/[^ :]*:[0-9]+:[0-9]+: (warning|error):|sparse is not available' \
			$(CACHE)/sparse-$$k.log; then exit 1; fi; \
	done

# Everything a fresh bookworm machine needs, then every selftest in one
# guest boot per kernel; ends with "N passed, N failed, N skipped" over
# all of them.  KERNEL=debug: the debug kernel of `make debug-kernel`.
check: deps
	$(MAKE) WERROR=1 all
	$(MAKE) lint
ifeq ($(KERNEL),debug)
	@KERNEL=debug selftests/check
else
	@KERNELS="$(KERNELS)" selftests/check
endif

# The KASAN/lockdep/kmemleak guest kernel, cached under .cache/debug-kernel
# (about 16 minutes on 2 cores); `make check KERNEL=debug` uses it.
debug-kernel: deps
	@scripts/debug-kernel.sh

# The newest kernel of the matrix.
run:
	@scripts/deps.sh $(NEWEST)
	$(MAKE) all KERNELS=$(NEWEST)
	@$(VM) -V $(NEWEST) -m 1024 -- scripts/demo.sh

# The scale benchmark (Documentation/performance.rst); BENCH_LOADS picks
# loads, e.g. make bench BENCH_LOADS='o2o:10000 o2m:30000'.
bench:
	@scripts/deps.sh $(KERNEL)
	$(MAKE) all KERNELS=$(KERNEL)
	@$(VM) -V $(KERNEL) -m $(BENCH_MEM) -t 5400 -- env BENCH_OLD=$(BENCH_OLD) \
		BENCH_REPS=$(BENCH_REPS) selftests/bench/bench.sh $(BENCH_LOADS)

BENCH_MEM ?= 3072
# BENCH_OLD=0 leaves ss and /proc out; each tool is timed BENCH_REPS
# times and the best run kept.
BENCH_OLD ?= 1
BENCH_REPS ?= 3

# Throughput overhead (iperf3 --sctp with and without sctpnl and its
# listeners), in a one-CPU guest: see selftests/bench/tput.sh.
bench-tput:
	@scripts/deps.sh $(KERNEL)
	$(MAKE) all KERNELS=$(KERNEL)
	@$(VM) -V $(KERNEL) -c 1 -m 1536 -t 3600 -- selftests/bench/tput.sh \
		$(TPUT_ROUNDS) $(TPUT_SECS) $(TPUT_INTERVALS)

# The same runs with a module that counts its own time on SACKs
# (kmod/probe.c, SCTPNL_PROBE_STATS): where the cost goes.  It is built
# in the kernel's build directory and copied out; make all then builds
# the shipped module there again.
PSTATS_KO = $(CACHE)/sctpnl-probe-stats-$(KERNEL).ko
bench-probe-cost:
	@scripts/deps.sh $(KERNEL)
	@scripts/kbuild.sh $(KERNEL) -s W=1 KCFLAGS=-DSCTPNL_PROBE_STATS
	cp $(CACHE)/build/$(KERNEL)/kmod/sctpnl.ko $(PSTATS_KO)
	$(MAKE) all KERNELS=$(KERNEL)
	@$(VM) -V $(KERNEL) -c 1 -m 1536 -t 3600 -o $(PSTATS_KO) -- \
		selftests/bench/tput.sh $(TPUT_ROUNDS) $(TPUT_SECS) \
		$(TPUT_INTERVALS)

TPUT_ROUNDS ?= 9
TPUT_SECS ?= 5
TPUT_INTERVALS ?= 10,0

# Run any command in a guest: make vm-run KERNEL=7.3 CMD='sctpctl assoc show'
vm-run:
	@$(VM) -V $(KERNEL) $(VM_ARGS) -- bash -c '$(CMD)'

# Build products only.  Never kbuild's clean with M= over the project:
# it would walk .cache and delete the guest kernels' modules.
clean:
	rm -rf $(CACHE)/build $(wildcard $(CACHE)/*-root/build)
	rm -f $(addprefix kmod/,*.o *.ko *.mod *.mod.c .*.cmd modules.order) \
		Module.symvers modules.order .*.cmd
	-$(MAKE) -C user clean
	-$(MAKE) -C user/erlang clean
	$(MAKE) -C selftests clean

.PHONY: all deps module user erlang selftests uapi lint lint-uapi check \
	debug-kernel run bench \
	bench-tput bench-probe-cost \
	vm-run clean

include mk/install.mk
