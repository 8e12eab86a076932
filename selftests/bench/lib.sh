# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Timing helpers of bench.sh and prof.sh, sourced with $b set to this
# directory.  Other work on the (shared, emulating) host only ever adds
# time to a run, so every figure is the best of $reps runs (default 3,
# BENCH_REPS overrides).

reps=${BENCH_REPS:-3}

# The smallest of the numbers given, empty ones left out.
best() { printf '%s\n' "$@" | grep . | sort -g | head -n 1; }

# Seconds taken by a command, output discarded.
t() {
	local s e
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s.%N)
	echo "$e - $s" | bc -l | xargs printf '%.3f'
}

# The best of $reps outputs of a command (a number each).
bestof() {
	local i r=()
	for ((i = 0; i < reps; i++)); do r+=("$("$@")"); done
	best "${r[@]}"
}

# Best of $reps runs of t.
tb() { bestof t "$@"; }

# The library's own seconds for a dump with INFO $1 (empty: everything),
# as bench_dump reports them: the process's start and exit left out.
lib_secs() {
	# shellcheck disable=SC2086,SC2154 # no INFO: no argument; $b: the caller's
	"$b/bench_dump" count ${1:-} | awk '{ print $4 }'
}
tlib() { bestof lib_secs "$@"; }
