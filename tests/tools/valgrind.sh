#!/usr/bin/env bash
# make valgrind: Memcheck over the myoref command (assess, kb check, a whole
# plan journey, rendering, and refusals of bad input), over the C host
# example, and over C hosts that misuse the API (the C bad-input matrix and
# the C API fuzz corpus), on the default build. Any memory error or leak fails.
# Runs that do not depend on each other run JOBS at a time (default: one per
# core); the plan journey runs in order.
#
#   tests/tools/valgrind.sh BUILD_DIR [JOBS]
set -euo pipefail
build=${1:?usage: valgrind.sh BUILD_DIR [JOBS]}
jobs=${2:-$(nproc)}
cd "$(dirname "$0")/../.."
myoref=$build/examples/myoref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

runs=0
# vg EXPECTED_EXIT COMMAND...: the command under Memcheck must exit as expected
# (valgrind's own error exit is 99, which no command uses). Its output is in
# $tmp/out. A failure ends the script at once.
vg() {
  runs=$((runs + 1))
  memcheck "$runs" "$@" || exit 1
  cp "$tmp/$runs.out" "$tmp/out"
}
# vg_bg EXPECTED_EXIT COMMAND...: the same in the background, JOBS at a time;
# vg_wait collects them.
vg_bg() {
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do
    wait -n || true
  done
  runs=$((runs + 1))
  memcheck "$runs" "$@" &
}
vg_wait() {
  wait
  [[ ! -e $tmp/failed ]] || exit 1
}
memcheck() {
  local n=$1 want=$2
  shift 2
  local got=0
  valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes \
    "$@" > "$tmp/$n.out" 2> "$tmp/$n.err" || got=$?
  if [[ $got -ne $want ]]; then
    echo "valgrind: exit $got, expected $want: $*" >&2
    cat "$tmp/$n.err" >&2
    touch "$tmp/failed"
    return 1
  fi
}

intake=examples/intakes/gluteus_medius_classic.json
vg_bg 0 "$myoref" assess "$intake"
vg_bg 0 "$myoref" assess "$intake" --format json
vg_bg 0 "$myoref" assess examples/intakes/red_flag_emergency_cauda_equina.json
vg_bg 0 "$myoref" kb check "$build/data/myoref-default.json"
vg_bg 0 "$myoref" muscle gluteus_medius --format json
vg_bg 0 "$myoref" render intake "$intake" --out "$tmp/intake.svg"
vg_bg 0 "$myoref" report "$intake" --out "$tmp/report.html"

# Refusals free what they built, too.
vg_bg 3 "$myoref" assess tests/fuzz/corpus/intake/typos
vg_bg 3 "$myoref" kb check tests/data/kb/malformed_several.json
vg_bg 4 "$myoref" plan start tests/data/plan/assessment-urgent.json --out "$tmp/refused.json" \
  --kb tests/data/plan/kb.json

if [[ -x $build/examples/c_host/c_host_example ]]; then
  vg_bg 0 "$build/examples/c_host/c_host_example" "$intake"
  vg_bg 4 "$build/examples/c_host/c_host_example" examples/intakes/red_flag_urgent_calf_swelling.json
fi
# The C API's refusals and misuse: NULL handles, wrong order, bad documents.
if [[ -x $build/tests/myoref_bad_input_c ]]; then
  vg_bg 0 "$build/tests/myoref_bad_input_c" .
fi
if [[ -x $build/tests/myoref_replay_c_api ]]; then
  vg_bg 0 "$build/tests/myoref_replay_c_api" tests/fuzz/corpus/c_api
fi
# Handles of the wrong type: only their tag is read, and a free of the wrong
# type frees nothing.
if [[ -x $build/tests/myoref_c_misuse ]]; then
  vg_bg 0 "$build/tests/myoref_c_misuse"
fi

# A plan's journey, one step after another: each reads what the last wrote.
"$myoref" assess "$intake" --format json > "$tmp/assessment.json"
vg 0 "$myoref" plan start "$tmp/assessment.json" --out "$tmp/plan.json"
vg 0 "$myoref" plan next "$tmp/plan.json" --format json
target=$(sed -n 's/^  "target": "\(.*\)",$/\1/p' "$tmp/out")
for day in 01 02 03 04; do
  printf '{"date": "2026-12-%s", "target": "%s", "steps": ["release", "stretch", "strengthen"], "pain_before": 6, "pain_after": 3, "red_flags": []}' \
    "$day" "$target" > "$tmp/session.json"
  vg 0 "$myoref" plan log "$tmp/plan.json" "$tmp/session.json"
done
printf '{"date": "2026-11-01", "target": "%s", "steps": ["release"], "pain_before": 6, "pain_after": 3, "red_flags": []}' \
  "$target" > "$tmp/backdated.json"
vg 3 "$myoref" plan log "$tmp/plan.json" "$tmp/backdated.json"
vg_wait
echo "valgrind: $runs runs, no memory error and no leak"
