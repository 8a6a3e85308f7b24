#!/usr/bin/env bash
# Installs the Debian packages a make target needs, only those missing.
# Quiet when everything is there. usage: scripts/deps.sh GROUP...
# Groups: build test web sanitize bench docs abi coverage fuzz lint cross
set -euo pipefail

declare -A groups=(
  [build]="cmake make g++ pkg-config libboost-json1.81-dev libmsgsl-dev catch2 pybind11-dev python3-dev python3-numpy python3-pytest"
  [test]="clang-format doxygen librsvg2-bin chromium jupyter-nbconvert python3-ipykernel python3-matplotlib python3-venv python3-pip python3-setuptools python3-wheel valgrind libxml2-utils python3-pandas python3-hypothesis python3-dask python3-distributed python3-shapely"
  [web]="emscripten nodejs"
  [sanitize]="clang libclang-rt-14-dev"
  [fuzz]="clang libclang-rt-14-dev"
  [bench]="libbenchmark-dev libopenblas0-pthread"
  [docs]="doxygen"
  [lint]="clang-format clang-tidy"
  [abi]="abigail-tools"
  [coverage]="gcovr"
  [cross]="g++-aarch64-linux-gnu gcc-aarch64-linux-gnu qemu-user"
)

wanted=()
for g in "$@"; do
  [[ -n "${groups[$g]+x}" ]] || { echo "deps.sh: unknown group $g" >&2; exit 2; }
  # shellcheck disable=SC2206
  wanted+=(${groups[$g]})
done

missing=()
for p in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: recommends would pull in Boost 1.74 headers, which
# clash with Boost 1.81's.
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
