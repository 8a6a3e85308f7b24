#!/usr/bin/env bash
# Install-consumer test: installs the build into a scratch prefix, then builds
# and runs small host programs against it, once through find_package(myoref)
# and once through pkg-config. A broken install fails here.
# usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(find "$prefix" -name 'libmyoref.*' -printf '%h\n' | head -n 1)

echo "== find_package(myoref)"
cmake -S "$src/tests/install/consumer" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake" >/dev/null
LD_LIBRARY_PATH=$libdir "$work/cmake/consumer"
for program in "$work"/cmake/c_host*; do
  [ -x "$program" ] || continue
  echo "== $(basename "$program")"
  (cd "$src" && LD_LIBRARY_PATH=$libdir "$program" examples/intakes/gluteus_medius_classic.json >/dev/null)
done

echo "== pkg-config myoref"
export PKG_CONFIG_PATH=$libdir/pkgconfig
pkg-config --exists myoref
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/consumer_pc" \
  "$src/tests/install/consumer/consumer.c" $(pkg-config --cflags --libs myoref)
LD_LIBRARY_PATH=$libdir "$work/consumer_pc"
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/c_host_pc" \
  "$src/examples/c_host/c_host.c" $(pkg-config --cflags --libs myoref)
(cd "$src" && LD_LIBRARY_PATH=$libdir "$work/c_host_pc" examples/intakes/gluteus_medius_classic.json >/dev/null)
echo "install consumer: ok"
