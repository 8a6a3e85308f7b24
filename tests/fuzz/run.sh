#!/usr/bin/env bash
# Runs libFuzzer targets for a while each (make fuzz; .ci/run).
#
#   tests/fuzz/run.sh [-j JOBS] BUILD_DIR SECONDS [NAME...]
#
# JOBS targets run at a time (default 1; on a machine of its own, one per core).
# BUILD_DIR was configured with -DMYOREF_BUILD_FUZZERS=ON; NAME defaults to
# every target built there (myoref_fuzz_<NAME>). Each target starts from its
# seeds (BUILD_DIR/fuzz/<NAME>.seeds lists them) copied into a working corpus
# BUILD_DIR/fuzz/work/<NAME>, which keeps what the fuzzer finds between runs;
# the seed corpus in the source tree is never written. A crash, leak, timeout
# (10 s for one input) or out-of-memory stops that target and fails the run,
# with the input saved as BUILD_DIR/fuzz/artifacts/<NAME>-crash-...: replay it
# with BUILD_DIR/tests/myoref_replay_<NAME> FILE, fix the bug, and add the file
# to tests/fuzz/corpus/<NAME>/ as a regression test.
set -euo pipefail
jobs=1
if [[ ${1:-} == -j ]]; then
  jobs=${2:?usage: run.sh [-j JOBS] BUILD_DIR SECONDS [NAME...]}
  shift 2
fi
build=${1:?usage: run.sh [-j JOBS] BUILD_DIR SECONDS [NAME...]}
seconds=${2:?usage: run.sh [-j JOBS] BUILD_DIR SECONDS [NAME...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for f in "$build"/tests/myoref_fuzz_*; do
    [[ -x $f ]] && names+=("${f##*/myoref_fuzz_}")
  done
fi
[[ ${#names[@]} -gt 0 ]] || { echo "run.sh: no fuzz targets in $build/tests" >&2; exit 1; }

mkdir -p "$build/fuzz/artifacts"

# fuzz_one NAME: runs one target; its one-line result goes to BUILD/fuzz/NAME.result.
fuzz_one() {
  local name=$1
  local bin=$build/tests/myoref_fuzz_$name
  local result=$build/fuzz/$name.result
  [[ -x $bin ]] || { echo "$name: $bin is missing" > "$result"; return 1; }
  local work=$build/fuzz/work/$name
  mkdir -p "$work"
  local seed
  while IFS= read -r seed; do
    [[ -z $seed ]] && continue
    if [[ -d $seed ]]; then
      find "$seed" -type f -exec cp -n -t "$work" {} +
    else
      cp -n "$seed" "$work/"
    fi
  done < "$build/fuzz/$name.seeds"
  # JSON's tokens, and the target's own words when it has a dictionary.
  cat "$here/json.dict" > "$build/fuzz/$name.dict"
  [[ -f $here/$name.dict ]] && cat "$here/$name.dict" >> "$build/fuzz/$name.dict"
  local log=$build/fuzz/$name.log
  echo "--- fuzz $name for ${seconds} s ($(find "$work" -type f | wc -l) inputs to start from)"
  local start=$SECONDS
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$bin" "$work" -dict="$build/fuzz/$name.dict" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/fuzz/artifacts/$name-" \
      > "$log" 2>&1; then
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "$name: ${runs:-?} inputs in $((SECONDS - start)) s, no failure" > "$result"
  else
    echo "$name: FAILED (see $log)" > "$result"
    grep -E "ERROR|SUMMARY|fuzz check failed|Test unit written" "$log" | head -20 || true
    return 1
  fi
}

status=0
pids=()
for name in "${names[@]}"; do
  rm -f "$build/fuzz/$name.result"
  fuzz_one "$name" &
  pids+=($!)
  if [[ ${#pids[@]} -ge $jobs ]]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
echo "--- fuzz summary"
for name in "${names[@]}"; do
  cat "$build/fuzz/$name.result" 2>/dev/null || echo "$name: no result"
done
exit $status
