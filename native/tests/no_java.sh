#!/usr/bin/env bash
# Test 4: no Java reachable. The plugin loads, passes the main input to cue 1, keeps the other
# cues silent, and logs why. FOLDBACK_JAVA_HOME, when set, is the only place looked at.
source "$(dirname "$0")/lib.sh"

mapfile -t stems < <(demo_stems)
main="${stems[0]}"    # src1-main-mix.wav, peaks well under -1 dBFS, so pass-through is exact

FOLDBACK_JAVA_HOME=/nonexistent/java "$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" \
    --in "$main" --in "${stems[1]}" --out "$WORK/out" \
    || fail "the host failed to render with no Java"

java_cli compare "$main" "$WORK/out/cue-1.wav" >/dev/null || fail "cue 1 is not the main input"
# Every cue bus is there without Java (the layout is generated at build time), so the render
# must write all eight files: a missing one is a failure, not a silent cue.
for c in 2 3 4 5 6 7 8; do
    [ -f "$WORK/out/cue-$c.wav" ] || fail "cue $c was not written without Java"
    peak=$(json_field "$WORK/out/cue-$c.wav" sample_peak_dbfs)
    [ "$peak" = "null" ] || fail "cue $c is not silent without Java (peak $peak dBFS)"
done
grep -q "no Java runtime found" "$LOG" || fail "the log does not say why Java is missing"
grep -q "/nonexistent/java" "$LOG" || fail "the log does not name where it looked"
pass "without Java: main input passes to cue 1, other cues silent, reason logged"
