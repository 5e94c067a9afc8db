#!/usr/bin/env bash
# Editor test 4: the keyboard through a real host. Key presses are real X key events (XTest on
# Xvfb) going to the window that has the keyboard focus, which the editor takes when clicked, as a
# plugin window does in a DAW; JUCE turns them into key presses in the plugin and the shim passes
# them to Java.
#  - Rename: a double-click on cue 3's tab opens the name field; Backspace, typed text and Enter
#    put the new name into the plugin state, which the host saves (getState) and which a second
#    host process restores and saves again (setState, getState). Escape throws a typed name away.
#    A rename is not a parameter: no gesture, and the host is told the state changed.
#  - Arrow keys step the last clicked fader by 1% (shift: 0.1%), each step one host gesture.
# About 20 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 1
name_of() { # cue names out of a saved plugin state (JSON): name_of FILE CUE
    python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['cues'][int(sys.argv[2]) - 1]['name'])" "$1" "$2"
}

# Rename cue 3 to "Lead vox 2" ("Cue 3" has five characters to delete), then cue 2 typed and escaped.
erase=(); for _ in 1 2 3 4 5; do erase+=(--key BackSpace); done
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 40 --report-params yes \
    --double-click "$(centre tab.3)" "${erase[@]}" --type "Lead vox 2" --key Return \
    --double-click "$(centre tab.2)" --type "nope" --key Escape \
    --screenshot "$WORK/renamed.png" --save-plugin-state "$WORK/state.json" > "$WORK/out.txt" \
    || { cat "$WORK/out.txt"; fail "the host failed"; }
assert_no_jvm_crash
grep -q "editor: key failed" "$LOG" && fail "Java failed on a key: $(grep 'editor: key failed' "$LOG")"
got=$(name_of "$WORK/state.json" 3)
[ "$got" = "Lead vox 2" ] || fail "cue 3 is named '$got' in the saved state, want 'Lead vox 2' (did the keys reach the editor?)"
got=$(name_of "$WORK/state.json" 2)
[ "$got" = "Cue 2" ] || fail "Escape did not cancel: cue 2 is named '$got'"
grep -q '^gesture_begin=' "$WORK/out.txt" && fail "a rename sent parameter gestures: $(grep '^gesture_begin=' "$WORK/out.txt")"
grep -q '^state_changed=' "$WORK/out.txt" || fail "the host was not told that the state changed"
pass "a double-click, typed keys and Enter renamed cue 3 in the saved state; Escape cancelled"

# The name survives a restore in another host process (setState, then getState again).
"$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --out "$WORK/render" \
    --plugin-state "$WORK/state.json" --save-plugin-state "$WORK/again.json" > "$WORK/render.txt" \
    || { cat "$WORK/render.txt"; fail "restoring the renamed state failed"; }
got=$(name_of "$WORK/again.json" 3)
[ "$got" = "Lead vox 2" ] || fail "after a restore cue 3 is named '$got'"
pass "the new name survives setState and getState in a second host process"

# Arrow keys: click source 2's send fader (cue 1's send starts at -inf, 0.0 normalized), then
# Up, Up and shift+Up: three gestures setting 0.01, 0.02 and 0.021.
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 30 --report-params yes \
    --click "$(centre send.level.2)" --key Up --key Up --key shift+Up --key Down \
    > "$WORK/arrows.txt" || { cat "$WORK/arrows.txt"; fail "the host failed"; }
lines=$(grep -E "^(gesture_begin|gesture_end|param)=.*Cue 1 Src 2 Level" "$WORK/arrows.txt" | sed 's/=[0-9]* /=/')
echo "$lines"
values=$(grep '^param=' <<< "$lines" | awk -F= '{ print $NF }' | tr '\n' ' ')
python3 -c "
import sys; v = [round(float(x), 4) for x in sys.argv[1].split()]
assert v == [0.01, 0.02, 0.021, 0.011], v
" "$values" || fail "arrow keys set $values, want 0.01 0.02 0.021 0.011"
# Every value inside its own gesture: begin, param, end, after the click's own begin/end.
python3 -c "
import sys; kinds = [l.split('=')[0] for l in sys.argv[1].splitlines()]
assert kinds == ['gesture_begin', 'gesture_end'] + ['gesture_begin', 'param', 'gesture_end'] * 4, kinds
" "$lines" || fail "the arrow keys were not one gesture each"
pass "arrow keys step the clicked fader by 1% and 0.1% with shift, one host gesture each"
