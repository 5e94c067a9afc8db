#!/usr/bin/env bash
# The host's bypass in LV2, the lv2:enabled control port (symbol "enabled", written by JUCE's LV2
# wrapper into dsp.ttl), through jalv on a JACK dummy server. At 0 the plugin plays its own bypass
# (cue 1 = the main input, every other cue silent; crossfaded by the engine), and back at 1 every
# cue hears the main input again (the default mix).
#
# How the port is set: on jalv's console ("enabled = 0" on its stdin), which finds any port by its
# symbol. `jalv -c enabled=0` does nothing here: -c looks only at the controls jalv shows, and the
# wrapper marks this port pprop:notOnGUI, so jalv ignores it ("Ignoring value for unknown control").
#
# Under LV2 the shim names no bypass parameter to JUCE's wrapper (which would set it and send the
# host a patch:Set every period) and follows the port itself (FoldbackProcessor::followHostEnabled):
# this test is what shows the port still bypasses.
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
grep -A3 'lv2:designation lv2:enabled' "$FOLDBACK_LV2/dsp.ttl" | grep -q 'lv2:symbol "enabled"' \
    || fail "dsp.ttl has no lv2:enabled port with the symbol \"enabled\""
start_jack 64

# jalv reads console commands from stdin (start_jalv's FIFO) and answers each on stdout
# ("enabled = 0.000000"), line-buffered, so the test sees it.
start_jalv -n foldback -x "http://foldback.dev/plugins/foldback"
wait_for_port foldback:audio_out_1
wait_for_log "prepared: 48000 Hz" || { cat "$WORK/jalv.log"; fail "jalv did not activate the plugin"; }

metronome_into foldback:audio_in_1 foldback:audio_in_2

# silent_cue FILE PORT...: records 2 s of the ports and fails unless both stay below -90 dBFS.
silent_cue() {
    local file="$1"
    shift
    local frames=$(( $(jack_samplerate) * 3 ))
    timeout -k 5 32 jack_rec -f "$file" -d 2 -b 32 -B "$frames" "$@" >"$file.log" 2>&1 \
        || fail "jack_rec failed or hung on $* (exit $?; 124: still recording 30 s after its end)"
    local peak
    peak=$(json_field "$file" sample_peak_dbfs)
    echo "$* captured peak: $peak dBFS"
    awk -v p="$peak" 'BEGIN { exit !(p == "null" || p < -90) }' \
        || fail "bypassed by the host, $* should be silent; its peak was $peak dBFS"
}

# set_enabled VALUE: the port through jalv's console; then the crossfade (tens of ms) settles.
set_enabled() {
    echo "enabled = $1" >&"$JALV_CONSOLE"
    for _ in $(seq 50); do grep -q "enabled *= *$1\.0" "$WORK/jalv.log" && break; sleep 0.1; done
    grep -q "enabled *= *$1\.0" "$WORK/jalv.log" || { cat "$WORK/jalv.log"; fail "jalv's console did not take enabled = $1"; }
    sleep 1
}

# Enabled (the port's default): the default mix, cue 2 hears the main input.
expect_clicks "$WORK/enabled-cue2.wav" 2 foldback:audio_out_3 foldback:audio_out_4

set_enabled 0
expect_clicks "$WORK/bypassed-cue1.wav" 2 foldback:audio_out_1 foldback:audio_out_2
silent_cue "$WORK/bypassed-cue2.wav" foldback:audio_out_3 foldback:audio_out_4
silent_cue "$WORK/bypassed-cue8.wav" foldback:audio_out_15 foldback:audio_out_16

set_enabled 1
expect_clicks "$WORK/reenabled-cue2.wav" 2 foldback:audio_out_3 foldback:audio_out_4

pid_running "$JALV_PID" || { cat "$WORK/jalv.log"; fail "jalv died while processing"; }
assert_no_jvm_crash
pass "jalv's lv2:enabled port: at 0 the plugin's own bypass (cue 1 the main input, cues 2 and 8 silent), at 1 the mix again"
