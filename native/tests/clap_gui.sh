#!/usr/bin/env bash
# The CLAP's editor through clap.gui (issue 18), in our host's CLAP loader under Xvfb: the host
# creates the gui for X11, sets its scale, asks its size, parents it into its own X11 window
# (JUCE's XEmbedComponent) and shows it, and drives JUCE's message loop inside the plugin
# through clap.timer-support, as a CLAP host on Linux does. What the X server shows is read back.
#  - the drawn editor at its default size (Boundary.h's editor sizes), with a -18 dBFS sine
#    playing: the meters read sample peak -18.0 and RMS -21.0 dBFS (0.5 dB), as editor_meters;
#  - scale 2 (set_scale): twice the pixels, the same reading in the doubled layout;
#  - a size below the minimum (adjust_size, set_size): the editor's minimum;
#  - a click on a send's mute reaches the host as one gesture (begin, value 1, end) through
#    CLAP's output events;
#  - opened and closed 40 times while audio renders on another thread (editor-cycles): audio
#    exact, every gui destroyed, threads flat, resident memory at most 24 MB more after the last
#    cycle than after the first (a leak of 1 MB a cycle, a NanoVG context with its font, goes past
#    it). With glibc's default per-thread arenas the CLAP's cycles grew +52 MB over the first 30
#    cycles and +1 to +8 MB over the next 30 (the VST3: +6, then -1): freed memory kept in the
#    arenas of threads that came and went, which malloc_trim does not give back. With one arena
#    (MALLOC_ARENA_MAX=1, as here) the same 60 cycles measured +5.6 MB at half-way and -8.6 MB at
#    the end: live memory, which is what this bound is about;
#  - without Java: the plain status view, not a crash.
# 60-115 s. More frames than editor_meters: on this shared 2-core machine under load the first
# OpenGL context took 4 s to come up (Java loading LWJGL and NanoVG) and 90 frames were not enough.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"
: "${FOLDBACK_CLAP:?}"

tone "$WORK/sine.wav" -18 2
value() { sed -n "s/^$1=//p" "$2"; }
within() { python3 -c "import sys; v, want, tol = sys.argv[1:]; sys.exit(0 if v != 'none' and abs(float(v) - float(want)) <= float(tol) else 1)" "$@"; }
dump=$(java -cp "$FOLDBACK_JAR" org.foldback.ui.LayoutDump)
floor=$(awk '$1 == "scale.floor_db" { print $2 }' <<< "$dump")
top=$(awk '$1 == "scale.top_db" { print $2 }' <<< "$dump")
meter=$(layout source.meter.1)
# The sizes the generated contract gives the editor (org.foldback.control.EditorView).
size_of() { sed -n "s/^constexpr int $1 = \([0-9]*\);/\1/p" "$(dirname "$FOLDBACK_HOST")/../generated/Boundary.h"; }
width=$(size_of DEFAULT_WIDTH); height=$(size_of DEFAULT_HEIGHT)
min_width=$(size_of MIN_WIDTH); min_height=$(size_of MIN_HEIGHT)
[ -n "$width" ] && [ -n "$min_height" ] || fail "no editor sizes in Boundary.h"

# 1. The editor at its default size, meters reading the sine.
run_host editor --plugin "$FOLDBACK_CLAP" --in "$WORK/sine.wav" --frames 240 \
    --screenshot "$WORK/clap.png" > "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the host failed with the CLAP's gui open"; }
assert_no_jvm_crash
grep -q "CLAP gui created: the editor" "$LOG" || fail "the CLAP did not create its drawn editor: $(grep 'CLAP gui' "$LOG")"
grep -q "editor: OpenGL" "$LOG" || fail "the CLAP's editor got no OpenGL context"
grep -q "editor: showing" "$LOG" && fail "the CLAP's editor fell back: $(grep 'editor: showing' "$LOG")"
grep -q "CLAP gui destroyed" "$LOG" || fail "the host's gui.destroy did not reach the plugin"
[ "$(value editor_width "$WORK/out.txt")x$(value editor_height "$WORK/out.txt")" = "${width}x${height}" ] \
    || fail "the CLAP's gui is $(value editor_width "$WORK/out.txt")x$(value editor_height "$WORK/out.txt"), want ${width}x${height}"
for ch in 0 1; do
    peak=$(png_py bar_level "$WORK/clap.png" "$meter" $ch peak "$floor" "$top")
    rms=$(png_py bar_level "$WORK/clap.png" "$meter" $ch rms "$floor" "$top")
    echo "CLAP: source 1 channel $ch: peak bar at $peak dBFS, RMS bar at $rms dBFS"
    within "$peak" -18.0 0.5 || fail "source 1 peak bar at $peak dBFS, want -18.0 +- 0.5"
    within "$rms" -21.03 0.5 || fail "source 1 RMS bar at $rms dBFS, want -21.0 +- 0.5"
done
empty=$(png_py bar_level "$WORK/clap.png" "$(layout source.meter.2)" 0 peak "$floor" "$top")
[ "$empty" = "none" ] || fail "source 2 shows a level ($empty dBFS) without input"
pass "the CLAP's gui shows the editor at ${width}x${height}, meters at the sine's peak and RMS"

# 2. Scale 2 (clap.gui set_scale): the plugin reports twice the pixels and draws in them.
run_host editor --plugin "$FOLDBACK_CLAP" --in "$WORK/sine.wav" --frames 180 --scale 2 \
    --screenshot "$WORK/clap2x.png" > "$WORK/out2x.txt" || { cat "$WORK/out2x.txt"; fail "the host failed at scale 2"; }
[ "$(value editor_width "$WORK/out2x.txt")" = "$((width * 2))" ] || fail "at scale 2 the gui is $(value editor_width "$WORK/out2x.txt") pixels wide, want $((width * 2))"
peak=$(png_py bar_level "$WORK/clap2x.png" "$(awk '{ print $1 * 2, $2 * 2, $3 * 2, $4 * 2 }' <<< "$meter")" 0 peak "$floor" "$top")
echo "CLAP, scale 2: source 1 peak bar at $peak dBFS"
within "$peak" -18.0 0.5 || fail "at scale 2 the peak bar is at $peak dBFS (drawn at the wrong scale?)"
pass "scale 2: $((width * 2)) pixels wide, the meter reads the same"

# 3. A size below the editor's minimum: adjust_size and set_size give the minimum.
run_host editor --plugin "$FOLDBACK_CLAP" --frames 10 --size 300x200 > "$WORK/small.txt" \
    || { cat "$WORK/small.txt"; fail "the host failed resizing the CLAP's gui"; }
[ "$(value editor_width "$WORK/small.txt")x$(value editor_height "$WORK/small.txt")" = "${min_width}x${min_height}" ] \
    || fail "asked for 300x200, the gui took $(value editor_width "$WORK/small.txt")x$(value editor_height "$WORK/small.txt"), want ${min_width}x${min_height}"
pass "a window below the minimum is adjusted to ${min_width}x${min_height}"

# 4. A click on cue 1's source 1 mute: one gesture through CLAP's events into the host.
# CI (2 cores, 2026-12-03) once got a wrong answer here that no local run (12 runs, 4-6 busy
# loops beside it) reproduced, and printed too little to say which; so a miss prints everything
# the host and the plugin said, and the click is tried once more in a new process. A gesture that
# is wrong (not missing) fails at once; two misses fail.
want_mute=$(printf 'gesture_begin=Cue 1 Src 1 Mute\nparam=Cue 1 Src 1 Mute=1.000000\ngesture_end=Cue 1 Src 1 Mute')
click_mute() {
    : > "$LOG"
    run_host editor --plugin "$FOLDBACK_CLAP" --in "$WORK/sine.wav" --frames 120 --report-params yes \
        --click "$(centre send.mute.1)" > "$WORK/click.txt" || { cat "$WORK/click.txt"; fail "the host failed on a click"; }
    mute_lines=$(grep -E "^(gesture_begin|gesture_end|param)=" "$WORK/click.txt" | grep "Src 1 Mute" | sed 's/=[0-9]* /=/')
}
click_mute
if [ "$mute_lines" != "$want_mute" ]; then
    echo "the mute click gave: [$mute_lines]; everything the host reported:"
    grep -vE "^(screenshot)=" "$WORK/click.txt" | head -40
    echo "the plugin's log of that run:"; cat "$LOG"
    [ -z "$mute_lines" ] || fail "the mute click was not one gesture setting 1 (above)"
    echo "no gesture at all: the click again, in a new process"
    click_mute
    [ "$mute_lines" = "$want_mute" ] \
        || fail "the mute click was not one gesture setting 1, twice: $(grep -E '^(gesture|param)' "$WORK/click.txt" | head)"
fi
pass "a click in the CLAP's gui reaches the host as one gesture"

# 5. Open and close 40 times while audio plays in real time on another thread.
export FOLDBACK_JVM_OPTIONS="-Xms48m -Xmx48m -XX:+AlwaysPreTouch"
: > "$LOG"
MALLOC_ARENA_MAX=1 run_host editor-cycles --plugin "$FOLDBACK_CLAP" --cycles 40 > "$WORK/cycles.txt" \
    || { cat "$WORK/cycles.txt"; fail "the host failed opening and closing the CLAP's gui"; }
unset FOLDBACK_JVM_OPTIONS
assert_no_jvm_crash
cat "$WORK/cycles.txt"
created=$(grep -c "CLAP gui created: the editor" "$LOG" || true)
destroyed=$(grep -c "CLAP gui destroyed" "$LOG" || true)
closed=$(grep -c "editor: render frames=" "$LOG" || true)
opened=$(grep -c "editor: OpenGL" "$LOG" || true)
[ "$created" = 40 ] && [ "$destroyed" = 40 ] && [ "$closed" = 40 ] \
    || fail "40 cycles: $created guis created, $destroyed destroyed, $closed editor views closed"
# On a busy machine a gui may close before JUCE's GL thread made its context: a case worth having too.
[ "$opened" -ge 36 ] || fail "only $opened of 40 guis got an OpenGL context"
python3 - "$(value seconds "$WORK/cycles.txt")" "$(value audio_blocks "$WORK/cycles.txt")" \
    "$(value audio_nonfinite_samples "$WORK/cycles.txt")" "$(value audio_max_difference "$WORK/cycles.txt")" <<'PY' \
    || fail "the audio went wrong while the CLAP's gui opened and closed"
import sys
seconds, blocks, nonfinite, diff = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
assert blocks >= 0.5 * seconds * 48000 / 512, "only %d audio blocks in %.1f s" % (blocks, seconds)
assert nonfinite == 0, "%d non-finite samples" % nonfinite
assert diff <= 1e-6, "a cue differed from the input by %g" % diff
PY
threads=$(( $(value threads_after_last "$WORK/cycles.txt") - $(value threads_after_first "$WORK/cycles.txt") ))
rss_half=$(( ($(value rss_kb_after_half "$WORK/cycles.txt") - $(value rss_kb_after_first "$WORK/cycles.txt")) / 1024 ))
rss_mb=$(( ($(value rss_kb_after_last "$WORK/cycles.txt") - $(value rss_kb_after_first "$WORK/cycles.txt")) / 1024 ))
echo "after 39 more cycles: $threads threads, $rss_mb MB resident memory more than after the first ($rss_half MB half-way)"
[ "$threads" -le 2 ] || fail "$threads more threads after 39 cycles"
[ "$rss_mb" -le 24 ] || fail "resident memory grew $rss_mb MB over 39 cycles (bound 24 MB)"
pass "40 openings and closings: audio exact, every gui destroyed ($opened drew), $threads threads and $rss_mb MB more"

# 6. No Java: the plain status view (its background where there is no text), and no crash.
: > "$LOG"
FOLDBACK_JAVA_HOME=/nonexistent/java run_host editor --plugin "$FOLDBACK_CLAP" --in "$WORK/sine.wav" --frames 30 \
    --screenshot "$WORK/nojava.png" > "$WORK/nojava.txt" 2>&1 || { cat "$WORK/nojava.txt"; fail "no Java: the host did not survive the CLAP's gui"; }
grep -q "CLAP gui created: the plain status view" "$LOG" || fail "no Java: the plain view was not chosen: $(grep 'CLAP gui' "$LOG")"
[ "$(png_py pixel "$WORK/nojava.png" 620 180)" = "30 34 39" ] || fail "no Java: not the plain view's background"
pass "without Java the CLAP's gui shows the plain status view"
