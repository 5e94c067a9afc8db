#!/usr/bin/env bash
# Editor test 2: real pointer input (XTest on Xvfb) on the OpenGL editor reaches the host as
# parameter gestures: our host listens on the hosted plugin and prints every gesture begin/end
# and value change. A click on a cue tab selects the cue (no edit); a click on a mute is one
# whole gesture; a fader drag is ONE gesture with several values; wheel steps are one gesture
# each, 1% of the range. The screenshot afterwards shows the mute lit: the edit went round
# host -> plugin -> Java -> screen. About 10 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 1
tab=$(centre tab.2)
mute=$(centre send.mute.1)
read -r fx fy fw fh <<< "$(layout cue.level)"
drag="$((${fx%.*} + ${fw%.*} / 2)),$((${fy%.*} + ${fh%.*} / 2)),$((${fx%.*} + ${fw%.*} / 2)),$((${fy%.*} + ${fh%.*} / 2 + 100))"
wheel="$(centre send.level.2),3"

run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 40 --report-params yes \
    --click "$tab" --click "$mute" --drag "$drag" --wheel "$wheel" \
    --screenshot "$WORK/after.png" > "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the host failed"; }
assert_no_jvm_crash
cat "$WORK/out.txt" | grep -E "^(gesture|param)" | head -40

gestures() { grep -E "^(gesture_begin|gesture_end|param)=" "$WORK/out.txt"; }
# The mute click: begin, value 1, end, on cue 2 (the tab clicked first), nothing on cue 1.
gestures | grep -q "^param=[0-9]* Cue 1 " && fail "an edit landed on cue 1; the tab click did not select cue 2"
mute_lines=$(gestures | grep "Cue 2 Src 1 Mute" | sed 's/=[0-9]* /=/')
[ "$mute_lines" = "$(printf 'gesture_begin=Cue 2 Src 1 Mute\nparam=Cue 2 Src 1 Mute=1.000000\ngesture_end=Cue 2 Src 1 Mute')" ] \
    || fail "the mute click was not one gesture setting 1: $mute_lines"

# The drag: one begin, several values going down, one end.
level=$(gestures | grep "Cue 2 Level")
[ "$(grep -c '^gesture_begin' <<< "$level")" = 1 ] || fail "the fader drag was not one gesture: $level"
[ "$(grep -c '^gesture_end' <<< "$level")" = 1 ] || fail "the fader drag gesture did not end: $level"
[ "$(head -1 <<< "$level" | cut -d= -f1)" = gesture_begin ] || fail "values came before the gesture began"
[ "$(tail -1 <<< "$level" | cut -d= -f1)" = gesture_end ] || fail "values came after the gesture ended"
values=$(grep '^param=' <<< "$level" | awk -F= '{ print $NF }')
[ "$(wc -l <<< "$values")" -ge 4 ] || fail "a 100-point drag gave fewer than 4 values: $values"
python3 -c "
import sys; v = [float(x) for x in sys.argv[1].split()]
assert all(b <= a for a, b in zip(v, v[1:])), 'not monotonic down: %s' % v
# 0 dB is 0.9 of the -90..+10 dB range; dragging 100 of the fader's $fh points down lowers it by 100/$fh.
want = 0.9 - 100 / float('$fh')
assert abs(v[-1] - want) < 0.02, 'ended at %.4f, want %.4f' % (v[-1], want)
" "$values" || fail "the drag values are wrong"

# The wheel: three steps of 1%, each its own gesture.
wheel_values=$(gestures | grep "^param=.*Cue 2 Src 2 Level" | awk -F= '{ print $NF }' | tr '\n' ' ')
[ "$(gestures | grep -c '^gesture_begin=.*Cue 2 Src 2 Level')" = 3 ] || fail "3 wheel steps were not 3 gestures"
python3 -c "
import sys; v = [float(x) for x in sys.argv[1].split()]
assert [round(x, 4) for x in v] == [0.01, 0.02, 0.03], v
" "$wheel_values" || fail "wheel values $wheel_values, want 0.01 0.02 0.03"

# What the screen shows after: cue 2's source 1 mute is lit (red).
read -r mx my mw mh <<< "$(layout send.mute.1)"
colour=$(png_py pixel "$WORK/after.png" "$((${mx%.*} + 3))" "$((${my%.*} + ${mh%.*} / 2))")
python3 -c "
import sys; r, g, b = map(int, sys.argv[1].split()); sys.exit(0 if r > 200 and g < 90 and b < 90 else 1)" "$colour" \
    || fail "the mute button is not lit after the click (colour $colour)"
pass "clicks, a drag and wheel steps reached the host as gestures, and the screen shows the result"

# The preset control: "next" loads the next program (program 0 is Default, then the factory
# presets) through the shim's program change. The host is told (JUCE's VST3 wrapper reports it as
# an edit of its Program parameter) and gets the preset's values as parameter changes; no other
# parameter is edited as a gesture (a program change is not a user edit of each parameter).
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 20 --report-params yes \
    --click "$(centre preset.next)" > "$WORK/preset.txt" || { cat "$WORK/preset.txt"; fail "the host failed"; }
changes=$(grep -c '^param=' "$WORK/preset.txt" || true)
echo "preset: $changes parameter changes reached the host; $(grep '^program_changed=' "$WORK/preset.txt" | tail -1)"
grep -q '^program_changed=1$' "$WORK/preset.txt" || fail "the host was not told about program 1"
[ "$changes" -ge 3 ] || fail "loading a preset changed $changes parameters the host sees"
other=$(grep '^gesture_begin=' "$WORK/preset.txt" | grep -v ' Program$' || true)
[ -z "$other" ] || fail "a preset load came as gestures on parameters: $other"
pass "the preset control loads the next program; the host is told and gets its values"

# Actions that change many parameters (RESET, A/B) reach the host as one whole gesture per
# parameter that changes, and nothing for the ones that do not: a host records each as an undo
# step (JUCE gives plugins no way to group them; see java/ui/EDITOR.md, "Undo"). Cue 1 starts
# with two edits; RESET puts both back; B (defaults) differs from A in the same two; A restores them.
triples() { # the gesture lines for one run, as "begin NAME / param NAME=V / end NAME"
    grep -E "^(gesture_begin|gesture_end|param)=" "$1" | sed 's/=[0-9]* /=/'
}
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 30 --report-params yes \
    --set "Cue 1 Src 2 Level=-6 dB" --set "Cue 1 Mute=On" \
    --click "$(centre cue.reset)" > "$WORK/reset.txt" || { cat "$WORK/reset.txt"; fail "the host failed"; }
want_reset=$(printf '%s\n' "gesture_begin=Cue 1 Mute" "param=Cue 1 Mute=0.000000" "gesture_end=Cue 1 Mute" \
    "gesture_begin=Cue 1 Src 2 Level" "param=Cue 1 Src 2 Level=0.000000" "gesture_end=Cue 1 Src 2 Level")
got=$(triples "$WORK/reset.txt")
[ "$got" = "$want_reset" ] || fail "RESET was not one gesture per changed parameter:
$got"

run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 30 --report-params yes \
    --set "Cue 1 Src 2 Level=-6 dB" --set "Cue 1 Mute=On" \
    --click "$(centre slot.b)" --click "$(centre slot.a)" > "$WORK/ab.txt" || { cat "$WORK/ab.txt"; fail "the host failed"; }
got=$(triples "$WORK/ab.txt")
level_a=$(grep '^param=.*Cue 1 Src 2 Level=' "$WORK/ab.txt" | tail -1 | awk -F= '{ print $NF }')
[ "$(grep -c '^gesture_begin=' <<< "$got")" = 4 ] || fail "A/B there and back was not four gestures:
$got"
[ "$(head -6 <<< "$got")" = "$want_reset" ] || fail "switching to B (defaults) did not send exactly the two differences:
$got"
python3 -c "import sys; sys.exit(0 if abs(float(sys.argv[1]) - 0.84) < 1e-4 else 1)" "$level_a" \
    || fail "back on A the send is at $level_a, want 0.84 (-6 dB)"
pass "RESET and A/B send one gesture per parameter that changes, and only those"
