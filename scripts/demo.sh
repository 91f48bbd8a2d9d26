#!/usr/bin/env bash
# Installs what is missing, builds the optimised gil-demo and runs the main
# job: CPU-bound MiniPy threads behind the GIL against a serial baseline.
# Arguments are passed on (e.g. --workers 2 --gil legacy).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target gil-demo
./build/release/gil-demo --mode threads --workload cpu "$@"
