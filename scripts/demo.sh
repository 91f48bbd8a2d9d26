#!/usr/bin/env bash
# Installs what is missing, builds the optimised gil-demo and runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target gil-demo
./build/release/gil-demo run demos/programs/primes.py "$@"
