#!/usr/bin/env bash
# Every factory preset, chosen as a host program, loads in the real VST3 or the real LV2 (both in
# our JUCE host) and renders the demo session exactly as the engine does with that preset: the
# routing the preset describes is what the performers hear.
#   factory_presets_in_hosts.sh vst3|lv2
# Programs are chosen by name: an LV2 host lists presets in lilv's order, which differs between
# processes (choosing by index once loaded the wrong preset).
source "$(dirname "$0")/lib.sh"
FORMAT="${1:?vst3 or lv2}"

mapfile -t stems < <(demo_stems)
ins=()
for s in "${stems[@]}"; do ins+=(--in "$s"); done

# Program order is the plugin's: ask it.
"$FOLDBACK_HOST" info --plugin "$FOLDBACK_VST3" >"$WORK/info.txt" || fail "host info failed"
count=$(sed -n 's/^programs=//p' "$WORK/info.txt")
# Program 0 is the default state; the six factory presets follow.
[ "${count:-0}" -eq 7 ] || { cat "$WORK/info.txt"; fail "expected 7 programs (default + 6 factory), the plugin reports ${count:-none}"; }

# Factory presets as the CLI lists them: "factory  ID  Display name".
java_cli presets list >"$WORK/presets.txt"
export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH" && cp -r "$FOLDBACK_LV2" "$LV2_PATH/"

for i in 1 2 3 4 5 6; do
    name=$(sed -n "s/^program$((i + 1))_name=//p" "$WORK/info.txt")
    id=$(awk -v n="$name" '$1 == "factory" { id = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); if ($0 == n) print id }' "$WORK/presets.txt")
    [ -n "$id" ] || fail "program $i '$name' is not a factory preset the CLI knows"

    java_cli render "${ins[@]}" --preset "$id" --via engine --out "$WORK/engine-$i" >/dev/null
    if [ "$FORMAT" = vst3 ]; then
        "$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --program-name "$name" "${ins[@]}" --out "$WORK/out-$i" >/dev/null \
            || fail "VST3 render of program $i failed"
    else
        "$FOLDBACK_HOST" render --plugin "$LV2_PATH/Foldback.lv2" --program-name "$name" "${ins[@]}" --out "$WORK/out-$i" >/dev/null \
            || fail "LV2 render of program $i failed"
    fi
    for c in 1 2 3 4 5 6 7 8; do
        result=$(java_cli compare "$WORK/engine-$i/cue-$c.wav" "$WORK/out-$i/cue-$c.wav") \
            || fail "program $i ($id) cue $c: the $FORMAT does not render the preset's routing ($result)"
    done
    echo "program $i '$name' ($id): the $FORMAT renders the preset bit for bit"
done
assert_no_jvm_crash
pass "all 6 factory presets load as programs in the $FORMAT and render their routing"
