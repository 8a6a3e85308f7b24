#!/usr/bin/env bash
# Install-consumer checks (tests/cmake/install.cmake): small host programs
# built against an installed myoref, as hosts build them.
#
#   check.sh install BUILD_DIR PREFIX          cmake --install BUILD_DIR into PREFIX
#   check.sh cxx PREFIX SRC WORK CXX           C++: find_package(myoref COMPONENTS core),
#                                              myoref::core, with the compiler CXX
#   check.sh c PREFIX SRC WORK [--static]      C: a LANGUAGES C project, find_package(myoref),
#                                              myoref::myoref, with the GSL package (and
#                                              for a shared library Boost's) made unfindable
#   check.sh pkg-config PREFIX SRC WORK [--static]
#                                              C: cc $(pkg-config [--static] --cflags --libs myoref)
#
# Every program built is run (the C host example on an example intake).
set -euo pipefail
mode=$1
shift

libdir_of() {
  find "$1" -name 'libmyoref.*' -printf '%h\n' | head -n 1
}

run_c_host() {  # PROGRAM LIBDIR SRC
  echo "== $(basename "$1") on an example intake"
  (cd "$3" && LD_LIBRARY_PATH=$2 "$1" examples/intakes/gluteus_medius_classic.json >/dev/null)
}

case $mode in
  install)
    build=$1 prefix=$2
    rm -rf "$prefix"
    cmake --install "$build" --prefix "$prefix" >/dev/null
    find "$prefix" \( -type f -o -type l \) | sed "s|^$prefix/||" | LC_ALL=C sort
    ;;
  cxx)
    prefix=$1 src=$2 work=$3 cxx=$4
    rm -rf "$work"
    cmake -S "$src/tests/install/consumer_cxx" -B "$work" -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work"
    "$work/consumer_cxx"
    ;;
  c)
    prefix=$1 src=$2 work=$3
    static=${4:-}
    rm -rf "$work"
    # No C++ package may be needed (a static library still links Boost.JSON's
    # library): make them unfindable.
    unfindable=(-DCMAKE_DISABLE_FIND_PACKAGE_Microsoft.GSL=ON)
    [ -n "$static" ] || unfindable+=(-DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON)
    cmake -S "$src/tests/install/consumer" -B "$work" -DCMAKE_PREFIX_PATH="$prefix" \
      "${unfindable[@]}" >/dev/null
    cmake --build "$work"
    libdir=$(libdir_of "$prefix")
    LD_LIBRARY_PATH=$libdir "$work/consumer"
    run_c_host "$work/c_host_example" "$libdir" "$src"
    ;;
  pkg-config)
    prefix=$1 src=$2 work=$3
    static=${4:-}
    rm -rf "$work"
    mkdir -p "$work"
    libdir=$(libdir_of "$prefix")
    export PKG_CONFIG_PATH=$libdir/pkgconfig
    pkg-config --exists myoref
    # shellcheck disable=SC2086 # $static is empty or one option
    flags=$(pkg-config $static --cflags --libs myoref)
    echo "== pkg-config $static --cflags --libs myoref: $flags"
    if [ -n "$static" ]; then
      for lib in -lm -lstdc++; do
        case " $flags " in *" $lib "*) ;; *) echo "missing $lib"; exit 1 ;; esac
      done
    fi
    # shellcheck disable=SC2086
    cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/consumer_pc" \
      "$src/tests/install/consumer/consumer.c" $flags
    LD_LIBRARY_PATH=$libdir "$work/consumer_pc"
    # shellcheck disable=SC2086
    cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/c_host_pc" \
      "$src/examples/c_host/c_host.c" $flags
    run_c_host "$work/c_host_pc" "$libdir" "$src"
    if [ -n "$static" ] && ldd "$work/c_host_pc" | grep -q libmyoref; then
      echo "c_host_pc links libmyoref dynamically"
      exit 1
    fi
    ;;
  *)
    echo "check.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
echo "ok"
