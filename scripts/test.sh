#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite:
# the optimised build, then the AddressSanitizer + UndefinedBehaviorSanitizer
# build, then the ThreadSanitizer build of everything that starts threads,
# then the libFuzzer targets (clang) for a short fixed run each.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=$(nproc)
build_and_test() {
  local preset=$1 targets=$2; shift 2
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  # shellcheck disable=SC2086
  cmake --build --preset "$preset" -j "$jobs" $targets
  echo "== $preset: test"
  ctest --preset "$preset" -j "$jobs" "$@"
}

build_and_test release ""
build_and_test asan ""
# TSan needs only what the "threads" tests run.
build_and_test tsan "--target gil-demo gil_thread_tests" -L threads
# The fuzz preset builds only the fuzz targets; their tests are a smoke run
# of each (fuzz/README.md has the long run).
build_and_test fuzz "" -L fuzz
