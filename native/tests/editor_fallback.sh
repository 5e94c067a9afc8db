#!/usr/bin/env bash
# Editor test 3: when the editor cannot draw, the host keeps running and the user reads why.
#  - an old driver (Mesa told to offer OpenGL 3.0): NanoVG's GL2 back end draws, meters right;
#  - OpenGL 1.5: the editor detaches its context and paints the reason with plain JUCE graphics;
#  - FOLDBACK_EDITOR=status, and no Java at all: the plain status editor.
# Every case: exit code 0, no JVM crash report, a screenshot of what the user sees. About 20 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

tone "$WORK/sine.wav" -18 1
floor=$(java -cp "$FOLDBACK_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.floor_db" { print $2 }')
top=$(java -cp "$FOLDBACK_JAR" org.foldback.ui.LayoutDump | awk '$1 == "scale.top_db" { print $2 }')

shot() {   # shot NAME [ENV=VALUE ...]: runs the editor for 60 frames with that environment
    local name="$1"; shift
    mkdir -p "$(dirname "$LOG")"; : > "$LOG"
    env "$@" xvfb-run -a -s "-screen 0 $SCREEN" "$FOLDBACK_HOST" editor --plugin "$FOLDBACK_VST3" \
        --in "$WORK/sine.wav" --frames 60 --screenshot "$WORK/$name.png" > "$WORK/$name.txt" 2>&1 \
        || { cat "$WORK/$name.txt"; fail "$name: the host did not survive"; }
    assert_no_jvm_crash
    [ -s "$WORK/$name.png" ] || fail "$name: no screenshot"
}
background_at() {   # the plain editors paint 0x1e2227 where there is no text
    [ "$(png_py pixel "$WORK/$1.png" 620 180)" = "30 34 39" ] || fail "$1: not the plain editor's background"
}

shot gl30 MESA_GL_VERSION_OVERRIDE=3.0
grep -q "editor: OpenGL 3.0" "$LOG" || fail "gl30: Mesa did not give OpenGL 3.0: $(grep editor: "$LOG")"
peak=$(png_py bar_level "$WORK/gl30.png" "$(layout source.meter.1)" 0 peak "$floor" "$top")
python3 -c "import sys; sys.exit(0 if sys.argv[1] != 'none' and abs(float(sys.argv[1]) + 18) <= 0.5 else 1)" "$peak" \
    || fail "gl30: the GL2 back end shows the peak at $peak dBFS, want -18"
pass "OpenGL 3.0: drawn with NanoVG's GL2 back end, peak bar at $peak dBFS"

shot gl15 MESA_GL_VERSION_OVERRIDE=1.5
grep -q "editor: showing the plain message: OpenGL 2.0 or newer is needed" "$LOG" || fail "gl15: no reason logged"
background_at gl15
pass "OpenGL 1.5: the editor says why it cannot draw"

shot status FOLDBACK_EDITOR=status
grep -q "editor: showing the plain editor" "$LOG" || fail "status: the plain editor was not chosen"
background_at status
pass "FOLDBACK_EDITOR=status: the plain editor"

shot nojava FOLDBACK_JAVA_HOME=/nonexistent/java
grep -q "no Java runtime found" "$LOG" || fail "nojava: Java was found after all"
background_at nojava
pass "no Java: the plain editor, the host runs on"
