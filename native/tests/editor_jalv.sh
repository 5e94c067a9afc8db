#!/usr/bin/env bash
# Editor test 4: a third-party host shows the editor. jalv.gtk3 (GTK, embedding the LV2's X11
# UI) on a JACK dummy server and Xvfb opens Foldback's editor; the editor gets its OpenGL
# context; jalv stays alive until it is told to quit; no JVM crash report.
# About 15 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
URI="http://foldback.dev/plugins/foldback"
start_jack 256

# jalv runs for 10 s, then gets SIGINT (its way to quit) from timeout, and SIGKILL 5 s later if
# it is still there. Exit code 124 (or 137 after the KILL) means it was still running at 10 s;
# anything else means it ended on its own: a crash.
xvfb-run -a -s "-screen 0 $SCREEN" timeout -s INT -k 5 10 jalv.gtk3 -n foldback "$URI" >"$WORK/jalv.log" 2>&1 &
jalv_pid=$!
for _ in $(seq 100); do grep -q "editor: OpenGL" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "editor: OpenGL" "$LOG" || { cat "$WORK/jalv.log"; fail "jalv.gtk3 did not open the editor with an OpenGL context"; }
rc=0; wait $jalv_pid || rc=$?
[ $rc = 124 ] || [ $rc = 137 ] || { cat "$WORK/jalv.log"; fail "jalv ended early with the editor open (exit code $rc)"; }
grep "editor:" "$LOG"
grep -q "editor: showing" "$LOG" && fail "the editor fell back in jalv"
# jalv closes its UI when told to quit: the editor logs how many frames it drew. No such line
# means the editor never closed (jalv was killed, or the editor died with it): that fails too.
frames=$(sed -n 's/.*editor: render frames=\([0-9]*\).*/\1/p' "$LOG" | tail -1)
[ -n "$frames" ] || fail "the editor logged no frame count: it was not closed when jalv quit"
[ "$frames" -ge 30 ] || fail "the editor drew only $frames frames in jalv"
assert_no_jvm_crash
pass "jalv.gtk3 shows the OpenGL editor and keeps running"
