#!/usr/bin/env bash
# Editor test 1: the OpenGL editor opens in our host under Xvfb while a -18 dBFS sine plays, and
# its meters show that level. The screenshot is read back from the X server (what a user sees);
# the bar tops are converted back to dB with the meter scale and compared with the analytic
# levels of a sine: sample peak -18.0 dBFS, RMS -18 - 3.01 = -21.0 dBFS. Tolerance 0.5 dB (the
# scale is about 7 pixels per dB at the default size). Then again at scale 2 (HiDPI). About 15 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 2
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 90 \
    --screenshot "$WORK/meters.png" > "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the host failed with the editor open"; }
assert_no_jvm_crash
grep -q "editor: OpenGL" "$LOG" || fail "the editor did not get an OpenGL context"
grep -q "editor: showing" "$LOG" && fail "the editor fell back: $(grep 'editor: showing' "$LOG")"
[ -s "$WORK/meters.png" ] || fail "no screenshot"

floor=$("$TEST_JAVA" -cp "$TEST_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.floor_db" { print $2 }')
top=$("$TEST_JAVA" -cp "$TEST_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.top_db" { print $2 }')
meter=$(layout source.meter.1)
within() { python3 -c "import sys; v, want, tol = sys.argv[1:]; sys.exit(0 if v != 'none' and abs(float(v) - float(want)) <= float(tol) else 1)" "$@"; }
for ch in 0 1; do
    peak=$(png_py bar_level "$WORK/meters.png" "$meter" $ch peak "$floor" "$top")
    rms=$(png_py bar_level "$WORK/meters.png" "$meter" $ch rms "$floor" "$top")
    echo "source 1 channel $ch: peak bar at $peak dBFS, RMS bar at $rms dBFS"
    within "$peak" -18.0 0.5 || fail "source 1 peak bar at $peak dBFS, want -18.0 +- 0.5"
    within "$rms" -21.03 0.5 || fail "source 1 RMS bar at $rms dBFS, want -21.0 +- 0.5"
done
# Source 2 gets no input: its meter must show no bar at all.
empty=$(png_py bar_level "$WORK/meters.png" "$(layout source.meter.2)" 0 peak "$floor" "$top")
[ "$empty" = "none" ] || fail "source 2 shows a level ($empty dBFS) without input"

grep "editor: render" "$LOG" || fail "no frame times logged"

# HiDPI: the host tells the editor its scale is 2 (as a VST3 host does on a HiDPI screen). The
# editor must fill twice the pixels, and the meter must read the same in the doubled layout.
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 60 --scale 2 \
    --screenshot "$WORK/meters2x.png" > "$WORK/out2x.txt" || { cat "$WORK/out2x.txt"; fail "the host failed at scale 2"; }
grep -q "^editor_width=2080$" "$WORK/out2x.txt" || fail "the editor is not 2080 pixels wide at scale 2"
meter2x=$(awk '{ print $1 * 2, $2 * 2, $3 * 2, $4 * 2 }' <<< "$meter")
peak=$(png_py bar_level "$WORK/meters2x.png" "$meter2x" 0 peak "$floor" "$top")
echo "scale 2: source 1 peak bar at $peak dBFS"
within "$peak" -18.0 0.5 || fail "at scale 2 the peak bar is at $peak dBFS (drawn at the wrong scale?)"
if [ -n "${FOLDBACK_EDITOR_SHOT:-}" ]; then cp "$WORK/meters.png" "$FOLDBACK_EDITOR_SHOT"; fi
pass "the editor draws the -18 dBFS sine's peak and RMS where they belong"
