#!/usr/bin/env bash
# Runs a fuzz target from its seeds:
#
#   run_fuzz.sh TARGET -OPTION... WORK_DIR SEED_DIR...
#
# The options bound the run and go to libFuzzer as they are: -runs=N (the
# smoke test) or -max_total_time=S (a long run), -jobs=N... New inputs
# libFuzzer finds go to WORK_DIR/corpus, which starts empty, never into the
# seed directories: a run leaves the source tree as it was. A crash input
# is written to WORK_DIR/crash-* (fuzz/README.md says how it becomes a
# regression input). Seed directories that do not exist are skipped. The
# random seed is FUZZ_SEED, 1 unless set, so a smoke run is repeatable.
set -euo pipefail
target=$1
shift
options=()
while [ $# -gt 0 ] && [[ $1 == -* ]]; do
  options+=("$1")
  shift
done
work=$1
shift
rm -rf "$work"
mkdir -p "$work/corpus"
seeds=()
for dir in "$@"; do
  [ -d "$dir" ] && seeds+=("$dir")
done
# -timeout: an input that takes 10 s is a hang, and a failure.
exec "$target" "${options[@]}" -seed="${FUZZ_SEED:-1}" -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/" "$work/corpus" "${seeds[@]}"
