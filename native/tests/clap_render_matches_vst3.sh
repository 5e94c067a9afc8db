#!/usr/bin/env bash
# The CLAP (Foldback.clap, in foldback-host's CLAP hosting) renders the demo stems bit-identical to
# the VST3, on all eight cues, in blocks of 512 and 100; and a state the VST3 saved loads in the
# CLAP and renders bit-identical to the VST3's render with that state. Tolerance: 0 (both formats
# drive the same Java processor through the same boundary; the wrappers only copy floats).
source "$(dirname "$0")/lib.sh"
: "${FOLDBACK_CLAP:?}"

mapfile -t stems < <(demo_stems)
ins=()
for s in "${stems[@]}"; do ins+=(--in "$s"); done
sets=(--set "cue2.mono=Mono sum" --set "cue3.swap=On" --set "cue4.polarity.left=On"
      --set "cue5.src2.pan=L40" --set "cue6.limiter.ceiling=-12" --set "cue1.level=+4")

compare_cues() {   # compare_cues DIR_A DIR_B WHAT
    for c in 1 2 3 4 5 6 7 8; do
        result=$(java_cli compare "$1/cue-$c.wav" "$2/cue-$c.wav") || fail "$3, cue $c: the CLAP differs from the VST3: $result"
        echo "$3, cue $c: $result"
    done
    peak=$(json_field "$2/cue-1.wav" sample_peak_dbfs)
    [ "$peak" != "null" ] || fail "$3: cue 1 is silent"
}

# 1. The same preset and edits, handed to each format as its state by the render command.
for block in 512 100; do
    for format in vst3 clap; do
        plugin="$FOLDBACK_VST3"
        [ $format = clap ] && plugin="$FOLDBACK_CLAP"
        FOLDBACK_HOST="$FOLDBACK_HOST" FOLDBACK_VST3="$plugin" \
            java_cli render "${ins[@]}" --preset four-piece-band "${sets[@]}" --block $block --via plugin \
            --out "$WORK/$format-$block" >/dev/null || fail "the $format render failed (block $block)"
    done
    compare_cues "$WORK/vst3-$block" "$WORK/clap-$block" "block $block"
done

# 2. A state saved by the VST3 (a factory program, then edits through the VST3's parameters) loads
# in the CLAP: both render the same audio, and the CLAP saves back the same settings.
"$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --program-name "Drummer with loud click" \
    --set "Cue 3 Swap L/R=On" --set "Cue 2 Fold-down=Side" --set "Cue 1 Level=-3.0 dB" \
    "${ins[@]}" --out "$WORK/vst3-state" --save-plugin-state "$WORK/vst3.json" >/dev/null \
    || fail "the VST3 render with a program and edits failed"
grep -q '"cue3.swap"' "$WORK/vst3.json" || fail "the VST3 saved no state with cue3.swap"
"$FOLDBACK_HOST" render --plugin "$FOLDBACK_CLAP" --plugin-state "$WORK/vst3.json" \
    "${ins[@]}" --out "$WORK/clap-state" --save-plugin-state "$WORK/clap.json" >/dev/null \
    || fail "the CLAP render with the VST3's state failed"
compare_cues "$WORK/vst3-state" "$WORK/clap-state" "VST3 state in the CLAP"
cmp -s "$WORK/vst3.json" "$WORK/clap.json" || {
    diff <(tr ',' '\n' < "$WORK/vst3.json") <(tr ',' '\n' < "$WORK/clap.json") | head -20
    fail "the CLAP saved other state bytes than the VST3 it loaded them from"
}
echo "state: the CLAP saved back the VST3's $(wc -c < "$WORK/vst3.json") bytes unchanged"
grep -q "CLAP state restored" "$LOG" || fail "the CLAP did not log the state it restored"
assert_no_jvm_crash
pass "CLAP renders bit-identical to the VST3 (blocks 512 and 100) and takes the VST3's state"
