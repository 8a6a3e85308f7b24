#!/usr/bin/env bash
# usage: run.sh SITE_DIR WORK_DIR — the example app's browser tests
# (app.test.mjs) with node's test runner. WORK_DIR gets the npm packages the
# lock file pins (npm ci, once per lock file). Exit 77 (skipped) when the site
# was not built or chromium is missing. MYOREF_UPDATE_GOLDEN=1 rewrites the
# screenshots in tests/browser/golden/.
set -euo pipefail
site=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -f $site/myoref/myoref_core.wasm ]]; then
  echo "SKIPPED: $site has no myoref/myoref_core.wasm: run 'make web' (make test does) to build the example app"
  exit 77
fi
chromium=${MYOREF_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "SKIPPED: no chromium at $chromium (apt-get install --no-install-recommends chromium; scripts/deps.sh test)"
  exit 77
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
