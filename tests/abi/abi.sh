#!/usr/bin/env bash
# The C API's ABI against the checked-in baseline (tests/abi/myoref.abi).
#
#   tests/abi/abi.sh check  LIBRARY   fail on any incompatible change
#   tests/abi/abi.sh update LIBRARY   rewrite the baseline (see docs/c-api.md)
#
# Both sides are written by abidw with the same flags: only the exported
# functions (myoref_*) and the types the public header defines; the handles
# stay opaque, so the C++ core behind them can change freely. Source paths are
# made relative to the tree, so that the baseline does not depend on where it
# is checked out or built.
#
# abidiff's exit status is a bit mask: 1 error, 2 usage, 4 some change, 8 an
# incompatible change (a function or symbol removed). A change of a type that
# an existing function uses is reported with 4 only, so the summary is read
# too: anything "Removed" or "Changed" fails; "Added" alone passes.
set -euo pipefail
mode=${1:?usage: abi.sh check|update LIBRARY}
lib=${2:?usage: abi.sh check|update LIBRARY}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
baseline=$here/myoref.abi

dump() {
  abidw --headers-dir "$root/bindings/c/include/myoref" --drop-private-types \
    --exported-interfaces-only --no-corpus-path --no-show-locs --out-file "$2.raw" "$1"
  sed -E -e "s/ comp-dir-path='[^']*'//g" -e "s# path='$root/# path='#g" "$2.raw" >"$2"
  rm -f "$2.raw"
}

case $mode in
  update)
    dump "$lib" "$baseline"
    echo "abi: wrote $baseline ($(grep -c '<elf-symbol ' "$baseline") exported functions)"
    ;;
  check)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dump "$lib" "$work/current.abi"
    status=0
    abidiff "$baseline" "$work/current.abi" >"$work/report" || status=$?
    cat "$work/report"
    if ((status & 3)); then
      echo "abi-check: abidiff failed (status $status)" >&2
      exit 1
    fi
    if ((status & 8)) || grep -Eq '[1-9][0-9]* (Removed|Changed)' "$work/report"; then
      echo "abi-check: INCOMPATIBLE change of the C API against tests/abi/myoref.abi" >&2
      echo "  A deliberate break: bump MYOREF_SOVERSION, then 'make abi-baseline' (docs/c-api.md)." >&2
      exit 1
    fi
    if ((status & 4)); then
      echo "abi-check: compatible additions only; record them with 'make abi-baseline'"
    fi
    echo "abi-check: no incompatible change against tests/abi/myoref.abi"
    ;;
  *)
    echo "usage: abi.sh check|update LIBRARY" >&2
    exit 2
    ;;
esac
