#!/usr/bin/env bash
# The CLAP without Java reachable behaves like the JUCE formats (no_java.sh): it loads, passes the
# main input to cue 1 bit for bit (it peaks under the fallback ceiling), keeps the other cues
# silent, logs why, and keeps a state it was given verbatim.
source "$(dirname "$0")/lib.sh"
: "${FOLDBACK_CLAP:?}"

mapfile -t stems < <(demo_stems)
main="${stems[0]}"
printf '{"not":"a state this build knows"}' > "$WORK/state.json"

FOLDBACK_JAVA_HOME=/nonexistent/java "$FOLDBACK_HOST" render --plugin "$FOLDBACK_CLAP" \
    --in "$main" --in "${stems[1]}" --out "$WORK/out" \
    --plugin-state "$WORK/state.json" --save-plugin-state "$WORK/saved.json" \
    || fail "the host failed to render the CLAP with no Java"

java_cli compare "$main" "$WORK/out/cue-1.wav" >/dev/null || fail "cue 1 is not the main input"
for c in 2 3 4 5 6 7 8; do
    peak=$(json_field "$WORK/out/cue-$c.wav" sample_peak_dbfs)
    [ "$peak" = "null" ] || fail "cue $c is not silent without Java (peak $peak dBFS)"
done
cmp -s "$WORK/state.json" "$WORK/saved.json" || fail "the CLAP did not keep the state verbatim without Java"
grep -q "no Java runtime found" "$LOG" || fail "the log does not say why Java is missing"
grep -q "CLAP instance without Java" "$LOG" || fail "the CLAP did not log that it runs without Java"
pass "CLAP without Java: main input to cue 1, other cues silent, state kept verbatim, reason logged"
