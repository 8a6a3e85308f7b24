#!/usr/bin/env bash
# usage: run.sh SITE_DIR WORK_DIR — the example app's browser tests
# (app.test.mjs) with node's test runner. WORK_DIR gets the npm packages the
# lock file pins (npm ci, once per lock file). Exit 77 (skipped) when the site
# was not built or chromium is missing. MYOREF_UPDATE_GOLDEN=1 rewrites the
# screenshots in tests/browser/golden/. With MYOREF_NO_SKIP=1 (.ci/run) a skip
# is a failure: CI must run these tests.
set -euo pipefail
skip() {
  echo "SKIPPED: $*"
  [[ ${MYOREF_NO_SKIP:-} != 1 ]] || { echo "MYOREF_NO_SKIP=1: a test that cannot run fails"; exit 1; }
  exit 77
}
site=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -f $site/myoref/myoref_core.wasm ]]; then
  skip "$site has no myoref/myoref_core.wasm: run 'make web' (make test does) to build the example app"
fi
chromium=${MYOREF_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  skip "no chromium at $chromium (apt-get install --no-install-recommends chromium; scripts/deps.sh test)"
fi
command -v npm >/dev/null || { echo "npm is missing (apt-get install nodejs)"; exit 1; }

mkdir -p "$work"
# installed.lock: the lock file of the last install that finished.
if ! cmp -s "$here/package-lock.json" "$work/installed.lock"; then
  rm -f "$work/installed.lock"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  # Never a browser download: the tests drive Debian's chromium.
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  cp "$here/package-lock.json" "$work/installed.lock"
fi
cp "$here"/*.mjs "$work/"
MYOREF_SITE=$(cd "$site" && pwd) MYOREF_GOLDEN_DIR=$here/golden MYOREF_CHROMIUM=$chromium \
  MYOREF_BROWSER_OUT=$(cd "$work" && pwd)/out exec node --test --test-concurrency=1 "$work/app.test.mjs"
