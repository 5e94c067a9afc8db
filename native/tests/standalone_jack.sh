#!/usr/bin/env bash
# The Standalone app starts under Xvfb (a real X display, no screen), opens JACK on a dummy
# server, and passes a metronome from its input to its output through Java.
source "$(dirname "$0")/lib.sh"

STANDALONE="$(dirname "$FOLDBACK_VST3")/../Standalone/Foldback"
[ -x "$STANDALONE" ] || fail "no Standalone at $STANDALONE"
export HOME="$WORK/home"    # JUCE keeps the Standalone's settings in ~/.config/Foldback.settings
mkdir -p "$HOME/.config"
# The Standalone mutes its input by default (feedback protection for a laptop's mic and
# speakers); a headphone mixer's input is the DAW's buses, so unmute it as a user would.
cat >"$HOME/.config/Foldback.settings" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<PROPERTIES>
  <VALUE name="shouldMuteInput" val="0"/>
</PROPERTIES>
XML
start_jack 256

xvfb-run -a "$STANDALONE" >"$WORK/standalone.log" 2>&1 &
app=$!
cleanup_hooks+=("pkill -P $app 2>/dev/null; kill $app 2>/dev/null")
wait_for_port Foldback:out_1
wait_for_log "prepared: 48000 Hz" || { cat "$WORK/standalone.log"; fail "the Standalone did not prepare the plugin"; }

metronome_into Foldback:in_1 Foldback:in_2
expect_clicks "$WORK/out.wav" 3 Foldback:out_1 Foldback:out_2
grep -q "Java ready" "$LOG" || fail "the Standalone did not start Java"
grep -q "prepared: 48000 Hz" "$LOG" || fail "the Standalone was not prepared at 48 kHz"
assert_no_jvm_crash
pass "the Standalone runs under Xvfb on JACK and passes audio through Java"
