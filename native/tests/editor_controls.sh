#!/usr/bin/env bash
# Editor test 5: the cue's setup controls and the meter reference, through the real host.
#  - The 0 VU mark (meter reference) is drawn on every meter and on the cue meter's VU scale at
#    -18 dBFS; the REF control moves it to -20 dBFS (read back from the screen's pixels), and the
#    host saves -20 in the state and is told the state changed (the reference is no parameter).
#  - Dim amount (wheel), limiter ceiling (drag) and talkback source (click) reach the host as
#    gestures with the right values; so do the cue's mono law and "hears talkback" and a
#    source's stereo/mono switch (clicks), which the saved state then holds.
# About 15 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 1
floor=$(java -cp "$FOLDBACK_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.floor_db" { print $2 }')
top=$(java -cp "$FOLDBACK_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.top_db" { print $2 }')
within() { python3 -c "import sys; v, want, tol = sys.argv[1:]; sys.exit(0 if v != 'none' and abs(float(v) - float(want)) <= float(tol) else 1)" "$@"; }
silent=$(layout source.meter.2)
read -r cx cy cw ch <<< "$(layout cue.meter)"
scale_x=$(python3 -c "print(int($cx + $cw + 3))")   # the VU scale's ticks, right of the cue meter

# Where the marks are: REF at -18 (default), then after a click on the reference control at -20.
marks() { # marks PNG: prints the mark's level on a silent source meter and on the cue's VU scale
    echo "$(png_py bar_level "$1" "$silent" 0 reference "$floor" "$top") $(png_py column_level "$1" "$scale_x" "$cy $ch" reference "$floor" "$top")"
}
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 60 \
    --screenshot "$WORK/ref18.png" > "$WORK/out18.txt" || { cat "$WORK/out18.txt"; fail "the host failed"; }
read -r meter18 scale18 <<< "$(marks "$WORK/ref18.png")"
echo "0 VU mark at $meter18 dBFS on source 2's meter, $scale18 dBFS on the VU scale"
within "$meter18" -18 0.5 || fail "the 0 VU mark is at $meter18 dBFS, want -18"
within "$scale18" -18 0.5 || fail "the VU scale's 0 is at $scale18 dBFS, want -18"

run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 40 --report-params yes \
    --click "$(centre meter.reference)" --wheel "$(centre cue.dim.amount),2" \
    --drag "$(centre cue.limiter.ceiling),$(centre cue.limiter.ceiling | awk -F, '{ print $1 "," $2 + 20 }')" \
    --click "$(centre talkback.source)" \
    --click "$(centre cue.mono.law)" --click "$(centre cue.talkback)" --click "$(centre source.mode.3)" \
    --screenshot "$WORK/ref20.png" --save-plugin-state "$WORK/state.json" > "$WORK/out20.txt" \
    || { cat "$WORK/out20.txt"; fail "the host failed"; }
assert_no_jvm_crash
read -r meter20 scale20 <<< "$(marks "$WORK/ref20.png")"
echo "after REF: 0 VU mark at $meter20 dBFS on source 2's meter, $scale20 dBFS on the VU scale"
within "$meter20" -20 0.5 || fail "after choosing -20 dBFS the 0 VU mark is at $meter20 dBFS"
within "$scale20" -20 0.5 || fail "after choosing -20 dBFS the VU scale's 0 is at $scale20 dBFS"
ref=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['meter']['reference_dbfs'])" "$WORK/state.json")
[ "$ref" = "-20" ] || fail "the saved state has meter reference $ref, want -20"
grep -q '^state_changed=' "$WORK/out20.txt" || fail "the host was not told that the meter reference changed"
pass "the 0 VU mark and the VU scale follow the meter reference, which the host saves"

values() { grep "^param=[0-9]* $1=" "$WORK/out20.txt" | awk -F= '{ print $NF }' | tr '\n' ' '; }
gestures_of() { grep -c "^gesture_begin=[0-9]* $1$" "$WORK/out20.txt" || true; }
echo "dim amount: $(values 'Cue 1 Dim Amount'); ceiling: $(values 'Cue 1 Ceiling'); talkback source: $(values 'Talkback Source')"
python3 -c "
import sys
dim, ceil, tb = ([float(x) for x in a.split()] for a in sys.argv[1:4])
# Dim amount -20 dB of -60..0 is 2/3; two wheel notches of 1%.
assert [round(v, 4) for v in dim] == [round(2/3 + 0.01, 4), round(2/3 + 0.02, 4)], dim
# Ceiling -1 dB of -20..0 is 0.95; dragged 20 points down over a 200-point span: -0.1.
assert abs(ceil[-1] - 0.85) < 0.011 and all(b <= a for a, b in zip(ceil, ceil[1:])), ceil
# Talkback source None -> Src 1: choice 1 of 0..16.
assert tb == [1 / 16], tb
" "$(values 'Cue 1 Dim Amount')" "$(values 'Cue 1 Ceiling')" "$(values 'Talkback Source')" \
    || fail "the controls sent the wrong values"
[ "$(gestures_of 'Cue 1 Dim Amount')" = 2 ] || fail "two wheel notches were not two gestures"
[ "$(gestures_of 'Cue 1 Ceiling')" = 1 ] || fail "the ceiling drag was not one gesture"
[ "$(gestures_of 'Talkback Source')" = 1 ] || fail "the talkback source click was not one gesture"
pass "dim amount, limiter ceiling and talkback source reach the host as gestures"

# One click each: mono law -3 -> -6 dB (choice 1 of 0..1), hears talkback on -> off, source 3
# stereo -> mono; one gesture each, and the saved state holds them.
for name in "Cue 1 Mono Law=1" "Cue 1 Hears Talkback=0" "Src 3 Mode=1"; do
    python3 -c "import sys; sys.exit(0 if [float(v) for v in sys.argv[1].split()] == [float(sys.argv[2])] else 1)" \
        "$(values "${name%=*}")" "${name#*=}" || fail "${name%=*} went to '$(values "${name%=*}")', want ${name#*=}"
    [ "$(gestures_of "${name%=*}")" = 1 ] || fail "the ${name%=*} click was not one gesture"
done
python3 -c "
import json, sys
p = json.load(open(sys.argv[1]))['params']
assert (p['cue1.mono.law'], p['cue1.talkback'], p['src3.mode']) == (1, 0, 1), p
" "$WORK/state.json" || fail "the saved state does not hold the mono law, talkback and source mode clicks"
pass "mono law, hears talkback and a source's stereo/mono mode reach the host as gestures and the state"

# A state that loads with a warning (a meter reference that is neither -18 nor -20 becomes -18)
# puts the notice along the editor's bottom edge, in amber; a clean state shows none.
python3 -c "
import json, sys
s = json.load(open(sys.argv[1])); s['meter']['reference_dbfs'] = -19
json.dump(s, open(sys.argv[2], 'w'))" "$WORK/state.json" "$WORK/warned.json"
for kind in warned clean; do
    file="$WORK/warned.json"; [ $kind = clean ] && file="$WORK/state.json"
    run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 60 --plugin-state "$file" \
        --screenshot "$WORK/notice-$kind.png" > "$WORK/notice-$kind.txt" || { cat "$WORK/notice-$kind.txt"; fail "the host failed"; }
done
# Amber (the notice's colour, HOT: 230 180 40) pixels along the bottom 12 rows, left half.
count_amber() { png_py count "$1" "8 588 500 12" "230 180 40" 40; }
warned=$(count_amber "$WORK/notice-warned.png"); clean=$(count_amber "$WORK/notice-clean.png")
echo "notice row: $warned amber samples after a state with a warning, $clean after a clean one"
[ "$warned" -ge 5 ] || fail "no notice drawn after a state that loaded with a warning"
[ "$clean" = 0 ] || fail "a notice is drawn after a clean state"
pass "a state's load warning shows along the editor's bottom edge"

# Which build this is: "Foldback <version>" at the bottom edge's right end (grey text; the box
# comes from the editor's own layout).
read -r vx vy vw vh <<< "$(layout version)"
text=$(png_py count "$WORK/notice-clean.png" "${vx%.*} ${vy%.*} ${vw%.*} ${vh%.*}" "150 150 150" 45)
echo "version corner: $text grey text samples"
[ "$text" -ge 20 ] || fail "the editor does not show its version in the bottom-right corner"
pass "the editor shows its version"


# The DSP read-out left of the version: "DSP -" until the host has played, then the share of the
# audio period and the late blocks the shim measured (handed to Java by its 2 Hz timer): "DSP 5.0 %
# late 0" is about four times the text of "DSP -" (grey, amber for a while after a late block).
read -r dx dy dw dh <<< "$(layout dsp)"
box="${dx%.*} ${dy%.*} ${dw%.*} ${dh%.*}"
dsp_text=$(( $(png_py count "$WORK/notice-clean.png" "$box" "150 150 150" 45) + $(png_py count "$WORK/notice-clean.png" "$box" "230 180 40" 45) ))
echo "DSP read-out: $dsp_text text samples after 60 frames of audio"
[ "$dsp_text" -ge 60 ] || fail "the DSP read-out shows no measured figure after playing ($dsp_text text samples)"
pass "the editor shows the DSP load the shim measured"
