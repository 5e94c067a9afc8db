#!/usr/bin/env bash
# Test 5: Java throws inside process (a test hook makes block 20 fail). The host survives, the
# instance bypasses (main input to cue 1, other cues silent) and the reason is logged.
source "$(dirname "$0")/lib.sh"

mapfile -t stems < <(demo_stems)
main="${stems[0]}"

FOLDBACK_TEST_THROW_AT_BLOCK=20 "$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" \
    --in "$main" --out "$WORK/out" --block 512 || fail "the host did not survive a Java exception"

# Before the fault every cue hears the main input (the default); after it, cue 1 is the bypass
# (identical by design) and cue 2 is silence. So cue 1 equals the input, cue 2 does not.
java_cli compare "$main" "$WORK/out/cue-1.wav" >/dev/null || fail "cue 1 is not the main input"
if java_cli compare "$main" "$WORK/out/cue-2.wav" >/dev/null; then
    fail "cue 2 still carries the input after the fault: the instance did not bypass"
fi
peak=$(json_field "$WORK/out/cue-2.wav" sample_peak_dbfs)
[ "$peak" != "null" ] || fail "cue 2 was silent even before the fault"
grep -q "injected test fault at block 20" "$LOG" || fail "the log does not give the Java exception"
assert_no_jvm_crash
pass "a Java exception in process: host survives, instance bypasses, reason logged"
