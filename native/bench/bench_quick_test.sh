#!/usr/bin/env bash
# CI check that `foldback bench --quick --json` keeps working: it must print one JSON object with
# every figure of issue 8, each a finite number, and the audio path must allocate nothing
# (alloc_bytes_per_block exactly 0: the count is exact, ThreadMXBean's bytes for the processing
# thread). A missing figure fails, x42's included: x42-plugins is in TEST_PACKAGES, so a machine
# that runs this can measure it. Timings are not held to thresholds here (CI machines are shared
# and noisy); PERFORMANCE.md holds the measured figures.
set -euo pipefail
: "${FOLDBACK_JAR:?}" "${FOLDBACK_HOST:?}" "${FOLDBACK_VST3:?}" "${FOLDBACK_LV2:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_STATE_HOME="$WORK/state"

FOLDBACK_BENCH_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)" \
    java -jar "$FOLDBACK_JAR" bench --quick --json >"$WORK/bench.json" 2>"$WORK/bench.err" \
    || { cat "$WORK/bench.err"; echo "FAIL: foldback bench --quick --json exited non-zero"; exit 1; }
cat "$WORK/bench.json"
cat "$WORK/bench.err" >&2

python3 "$(dirname "${BASH_SOURCE[0]}")/check_bench_figures.py" "$WORK/bench.json"
