#!/usr/bin/env bash
# A third-party CLAP host: Debian's Qtractor (a Qt GUI sequencer with CLAP support, run with Qt's
# offscreen platform: no display needed) opens a session whose audio track has Foldback.clap as
# its plugin, on a JACK dummy server. Foldback must be created, initialised and activated by
# Qtractor, and a metronome fed into the track's input must come out of the track's output through
# Foldback (main input to cue 1 at unity: the clicks at -6 dBFS).
#
# NOT REGISTERED IN CTEST (unfinished): on this machine Qtractor 0.9.31 loads the session and
# creates and initialises Foldback twice (the log says "CLAP instance ready in qtractorClapPlugin"),
# but within a minute it neither opens its JACK client nor activates the plugin, so the play part
# below is not reached yet (two runs: created after 10 s and after 2 min on a loaded machine, no
# JACK client after 4 min). Run it by hand (with the ctest environment) to continue from there.
source "$(dirname "$0")/lib.sh"
: "${FOLDBACK_CLAP:?}"
command -v qtractor >/dev/null || fail "qtractor is not installed (TEST_PACKAGES in ./foldback)"

start_jack 1024
mkdir -p "$WORK/session"
cat > "$WORK/session/foldback.qtr" <<XML
<!DOCTYPE qtractorSession>
<session version="0.9.31" name="foldback">
 <properties>
  <directory>$WORK/session</directory>
  <sample-rate>48000</sample-rate>
 </properties>
 <tracks>
  <track name="Foldback" type="audio">
   <properties>
    <input-bus>Master</input-bus>
    <output-bus>Master</output-bus>
   </properties>
   <state>
    <mute>0</mute>
    <solo>0</solo>
    <record>0</record>
    <monitor>1</monitor>
    <gain>1</gain>
    <panning>0</panning>
   </state>
   <plugins>
    <plugin type="CLAP">
     <filename>$FOLDBACK_CLAP</filename>
     <index>0</index>
     <label>dev.foldback.foldback</label>
     <activated>1</activated>
    </plugin>
   </plugins>
  </track>
 </tracks>
</session>
XML

# A fresh home: no autosave, so no "recover the last session?" dialog nobody can answer offscreen.
mkdir -p "$HOME/.config/rncbc.org"
printf '[AutoSave]\nEnabled=false\n' > "$HOME/.config/rncbc.org/Qtractor.conf"
QT_QPA_PLATFORM=offscreen qtractor "$WORK/session/foldback.qtr" >"$WORK/qtractor.log" 2>&1 &
QT_PID=$!
cleanup_hooks+=("kill $QT_PID 2>/dev/null; sleep 1; kill -9 $QT_PID 2>/dev/null")
for _ in $(seq 1500); do grep -q "CLAP prepared" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "CLAP instance ready in qtractorClapPlugin" "$LOG" || { tail -30 "$WORK/qtractor.log"; jack_lsp; fail "Qtractor did not create Foldback"; }
grep -q "CLAP prepared" "$LOG" || { tail -30 "$WORK/qtractor.log"; fail "Qtractor did not activate Foldback"; }
wait_for_port "qtractor:Master/in_1" 30 || fail "Qtractor opened no JACK ports"
metronome_into "qtractor:Master/in_1" "qtractor:Master/in_2"
expect_clicks "$WORK/out.wav" 2 "qtractor:Master/out_1" "qtractor:Master/out_2"
assert_no_jvm_crash
pass "Qtractor loads Foldback.clap, activates it and plays the input through cue 1"
