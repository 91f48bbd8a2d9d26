#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite:
# the optimised build, then the AddressSanitizer + UndefinedBehaviorSanitizer
# build, then the ThreadSanitizer build of the tests that touch threads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=$(nproc)
run_preset() {
  local preset=$1; shift
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset: test"
  ctest --preset "$preset" -j "$jobs" "$@"
}

run_preset release
run_preset asan
run_preset tsan -L threads --no-tests=ignore
