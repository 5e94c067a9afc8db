#!/usr/bin/env bash
# Editor test 6: user presets from the editor's preset panel, through a real host (XTest clicks and
# keys), in a preset folder of the test's own (XDG_DATA_HOME under the test's temp dir, lib.sh).
#  - Save as: cue 1 muted, SAVE AS, a typed name and Enter write NAME.json there, which the
#    command line (`foldback presets list`) lists too.
#  - Load: cue 1 unmuted by a gesture, then a click on the preset's row brings the mute back in
#    the state the host saves; the host hears of the value (a parameter change, no gesture) and
#    that the state changed, and no program change (a user preset is no host program).
#  - A second SAVE AS under the same name is refused, and says so along the bottom edge.
#  - Rename (RENAME, typed name, Enter) and delete (DELETE, which deletes on the second click only).
# About 30 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 1
DIR="$XDG_DATA_HOME/foldback/presets"
# Factory rows come first: Default and the six factory presets, so the first user preset is row 8.
USER_ROW=preset.row.8
mute_of() { # cue 1's mute in a saved plugin state or preset (JSON)
    python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['params']['cue1.mute'])" "$1"
}

run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 60 --report-params yes \
    --click "$(centre cue.mute)" \
    --click "$(centre presets)" --click "$(centre preset.save_as)" --type "stage-mix" --key Return \
    --click "$(centre presets)" --click "$(centre cue.mute)" \
    --click "$(centre presets)" --click "$(centre $USER_ROW)" \
    --click "$(centre preset.save_as)" --type "stage-mix" --key Return \
    --screenshot "$WORK/saved.png" --save-plugin-state "$WORK/state.json" > "$WORK/out.txt" \
    || { cat "$WORK/out.txt"; fail "the host failed"; }
assert_no_jvm_crash
grep -qE "editor: (mouse|key) failed" "$LOG" && fail "Java failed on input: $(grep -E 'editor: (mouse|key) failed' "$LOG")"

[ -f "$DIR/stage-mix.json" ] || fail "SAVE AS wrote no $DIR/stage-mix.json: $(ls -la "$DIR" 2>&1)"
[ "$(mute_of "$DIR/stage-mix.json")" = 1 ] || fail "the saved preset does not hold cue 1 muted"
java_cli presets list > "$WORK/list.txt" || fail "presets list failed"
grep -q "stage-mix" "$WORK/list.txt" || { cat "$WORK/list.txt"; fail "presets list does not list the preset saved in the editor"; }
pass "SAVE AS in the editor wrote stage-mix.json, and the command line lists it"

# The mute went 1 (gesture), 0 (gesture), then 1 again from the preset load: a change the host
# hears outside any gesture, after the second gesture's end.
mute_lines=$(grep -E "^(gesture_begin|gesture_end|param)=.*Cue 1 Mute" "$WORK/out.txt" | sed 's/=[0-9]* /=/')
echo "$mute_lines"
python3 -c "
import sys
lines = sys.argv[1].splitlines()
assert [l.split('=')[0] for l in lines[:6]] == ['gesture_begin', 'param', 'gesture_end'] * 2, lines
assert lines[-1].startswith('param=') and float(lines[-1].rsplit('=', 1)[1]) == 1.0, lines
assert len(lines) == 7, lines
" "$mute_lines" || fail "the host did not hear the loaded mute as one parameter change after the two gestures"
[ "$(mute_of "$WORK/state.json")" = 1 ] || fail "after loading the preset cue 1 is not muted in the state the host saves"
grep -q '^state_changed=' "$WORK/out.txt" || fail "the host was not told that the state changed"
grep -q '^program_changed=' "$WORK/out.txt" && fail "a user preset load was a program change: $(grep '^program_changed=' "$WORK/out.txt")"
grep -q "state loaded by the editor" "$LOG" || fail "the shim did not adopt the loaded state"
pass "a click on the preset's row loaded it: the mute is back in the saved state, the host heard the value and the state change"

grep -q "Preset not saved: a preset named 'stage-mix' already exists" "$LOG" \
    || fail "a second SAVE AS under a taken name was not refused in the log"
[ "$(mute_of "$DIR/stage-mix.json")" = 1 ] || fail "the refused save changed the preset"
# Amber (the notice's colour, HOT: 230 180 40) along the bottom 12 rows, left half.
amber=$(png_py count "$WORK/saved.png" "8 588 500 12" "230 180 40" 40)
[ "$amber" -ge 5 ] || fail "no notice drawn after a refused save ($amber amber samples)"
pass "SAVE AS under a taken name is refused and the notice says so ($amber amber samples)"

# Rename: select the row, RENAME, erase "stage-mix" (9 characters), type, Enter; then one DELETE
# click, which only asks.
erase=(); for _ in $(seq 9); do erase+=(--key BackSpace); done
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 40 \
    --click "$(centre presets)" --click "$(centre $USER_ROW)" --click "$(centre preset.rename)" \
    "${erase[@]}" --type "band-mix" --key Return --click "$(centre preset.delete)" \
    --screenshot "$WORK/renamed.png" > "$WORK/rename.txt" || { cat "$WORK/rename.txt"; fail "the host failed"; }
[ -f "$DIR/band-mix.json" ] && [ ! -e "$DIR/stage-mix.json" ] || fail "RENAME did not rename: $(ls "$DIR")"
java_cli presets list > "$WORK/list.txt"
grep -q "band-mix" "$WORK/list.txt" && ! grep -q "stage-mix" "$WORK/list.txt" \
    || { cat "$WORK/list.txt"; fail "presets list does not show the rename"; }
pass "RENAME renamed the file to band-mix.json; one DELETE click left it in place"

# Delete: two clicks on DELETE.
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 30 \
    --click "$(centre presets)" --click "$(centre $USER_ROW)" \
    --click "$(centre preset.delete)" --click "$(centre preset.delete)" > "$WORK/delete.txt" \
    || { cat "$WORK/delete.txt"; fail "the host failed"; }
[ ! -e "$DIR/band-mix.json" ] || fail "two DELETE clicks did not delete: $(ls "$DIR")"
java_cli presets list > "$WORK/list.txt"
grep -q "band-mix" "$WORK/list.txt" && fail "presets list still lists the deleted preset"
pass "two DELETE clicks deleted it"
