#!/usr/bin/env bash
# Installs what gil-demo needs on Debian 12, and nothing that is already there.
# Boost 1.81 conflicts with Debian's default Boost 1.74 dev packages, so those are
# removed in the same apt-get call (a trailing '-' on a package name removes it).
# libgmp-dev holds the big part of MiniPy's ints (longobject.cc).
# clang and libclang-rt-14-dev (libFuzzer) build the fuzz targets of fuzz/.
set -euo pipefail

needed=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-filesystem1.81-dev
  libgtest-dev libbenchmark-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libgmp-dev
  python3
  clang libclang-rt-14-dev
)
conflicting=(libboost-dev libboost1.74-dev libboost-filesystem-dev
             libboost-filesystem1.74-dev libboost-system1.74-dev)

missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

removals=()
for pkg in "${conflicting[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && removals+=("$pkg-")
done

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" "${removals[@]}" >/dev/null
