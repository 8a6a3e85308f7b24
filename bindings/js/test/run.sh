#!/usr/bin/env bash
# usage: run.sh PACKAGE_DIR MYOREF_CLI TEST_DIR — node's test runner over the
# JavaScript package; exit 77 (skipped) when the package was not built, or 1
# with MYOREF_NO_SKIP=1 (.ci/run), where a skip is a failure.
set -euo pipefail
package=$1 cli=$2 tests=$3
if [[ ! -f $package/myoref_core.wasm ]]; then
  if ! command -v emcc >/dev/null; then
    echo "SKIPPED: emscripten is not installed (apt-get install emscripten), so there is no WebAssembly build to test"
  else
    echo "SKIPPED: $package has no myoref_core.wasm: run 'make web' (make test does) to build it"
  fi
  [[ ${MYOREF_NO_SKIP:-} != 1 ]] || { echo "MYOREF_NO_SKIP=1: a test that cannot run fails"; exit 1; }
  exit 77
fi
command -v node >/dev/null || { echo "node is missing (apt-get install nodejs)"; exit 1; }
MYOREF_JS_PACKAGE=$package MYOREF_CLI=$cli exec node --test "$tests"/
