#!/usr/bin/env bash
# The shim's block-time telemetry (native/shim/BlockTelemetry.h): after the offline host renders a
# stem through the VST3 in 64-sample blocks, the log's "block time:" line counts exactly the blocks
# the host sent, gives a Java call time that is positive and inside the processBlock time, and a
# worst block no shorter than the mean, and medians and 99th percentiles (from the shim's histogram)
# in order: 0 < median <= p99 <= worst (+ a bucket), the Java call's no longer than processBlock's
# median. (Timing values are not asserted: they are measurements.)
source "$(dirname "$0")/lib.sh"

mapfile -t stems < <(demo_stems)
main="${stems[0]}"

"$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --in "$main" --out "$WORK/out" --block 64 >"$WORK/render.txt" \
    || fail "the render failed"
want=$(sed -n 's/^blocks=//p' "$WORK/render.txt")   # the blocks the host says it sent
[ -n "$want" ] && [ "$want" -gt 1000 ] || fail "the host did not say how many blocks it sent"
line=$(grep "block time: " "$LOG" | tail -1)
[ -n "$line" ] || fail "no block-time line in the log on release"
echo "$line"
field() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
[ "$(field blocks)" = "$want" ] || fail "telemetry counted $(field blocks) blocks, the host sent $want"
python3 - "$(field mean_us)" "$(field java_mean_us)" "$(field worst_us)" "$(field late)" \
    "$(field median_us)" "$(field p99_us)" "$(field java_median_us)" "$(field java_p99_us)" <<'PY' || fail "implausible telemetry"
import sys
mean, java, worst, late, median, p99, java_median, java_p99 = map(float, sys.argv[1:])
assert 0 < java <= mean, (java, mean)
assert worst >= mean, (worst, mean)
assert late >= 0
# Percentiles are bucket upper edges (0.25 us below 128 us, 8 us up to 4.2 ms, the worst block
# beyond): a bucket of slack.
assert 0 < median <= p99 <= worst + 8, (median, p99, worst)
assert 0 < java_median <= java_p99, (java_median, java_p99)
assert java_median <= median, (java_median, median)
PY
pass "block-time telemetry: every block counted, Java's share inside processBlock, worst >= mean, percentiles in order"
