#!/usr/bin/env bash
# Every factory preset, chosen as a host program, loads in the real VST3 and in the real LV2
# (both in our JUCE host) and renders the demo session exactly as the engine does with that
# preset: the routing the preset describes is what the performers hear.
source "$(dirname "$0")/lib.sh"

mapfile -t stems < <(demo_stems)
ins=()
for s in "${stems[@]}"; do ins+=(--in "$s"); done

# Program order is the plugin's: ask it.
"$FOLDBACK_HOST" info --plugin "$FOLDBACK_VST3" >"$WORK/info.txt" || fail "host info failed"
count=$(sed -n 's/^programs=//p' "$WORK/info.txt")
# Program 0 is the default state; the five factory presets follow.
[ "${count:-0}" -eq 6 ] || { cat "$WORK/info.txt"; fail "expected 6 programs (default + 5 factory), the plugin reports ${count:-none}"; }

# Factory presets as the CLI lists them: "factory  ID  Display name".
java_cli presets list >"$WORK/presets.txt"
export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH" && cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
# An LV2 host lists presets in its own order (lilv's): find each by name there.
"$FOLDBACK_HOST" info --plugin "$LV2_PATH/Foldback.lv2" >"$WORK/info-lv2.txt" || fail "host info (LV2) failed"
lv2_program() { sed -n "s/^program\([0-9]*\)_name=$1\$/\1/p" "$WORK/info-lv2.txt" | head -1; }

for i in 1 2 3 4 5; do
    name=$(sed -n "s/^program$((i + 1))_name=//p" "$WORK/info.txt")
    id=$(awk -v n="$name" '$1 == "factory" { id = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); if ($0 == n) print id }' "$WORK/presets.txt")
    [ -n "$id" ] || fail "program $i '$name' is not a factory preset the CLI knows"

    java_cli render "${ins[@]}" --preset "$id" --via engine --out "$WORK/engine-$i" >/dev/null
    "$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --program $i "${ins[@]}" --out "$WORK/vst3-$i" >/dev/null \
        || fail "VST3 render of program $i failed"
    lv2=$(lv2_program "$name")
    [ -n "$lv2" ] || { cat "$WORK/info-lv2.txt"; fail "the LV2 has no preset '$name'"; }
    "$FOLDBACK_HOST" render --plugin "$LV2_PATH/Foldback.lv2" --program $((lv2 - 1)) "${ins[@]}" --out "$WORK/lv2-$i" >/dev/null \
        || fail "LV2 render of program $i failed"
    for c in 1 2 3 4 5 6 7 8; do
        java_cli compare "$WORK/engine-$i/cue-$c.wav" "$WORK/vst3-$i/cue-$c.wav" >/dev/null \
            || fail "program $i ($id) cue $c: the VST3 does not render the preset's routing"
        java_cli compare "$WORK/engine-$i/cue-$c.wav" "$WORK/lv2-$i/cue-$c.wav" >/dev/null \
            || fail "program $i ($id) cue $c: the LV2 does not render the preset's routing"
    done
    echo "program $i '$name' ($id): VST3 and LV2 render the preset bit for bit"
done
assert_no_jvm_crash
pass "all 5 factory presets load as programs in the VST3 and the LV2 and render their routing"
