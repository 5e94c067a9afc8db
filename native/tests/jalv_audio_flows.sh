#!/usr/bin/env bash
# Test 2: jalv (a third-party LV2 host) on a JACK dummy server loads the LV2 and processes for
# several seconds. A metronome feeds the main input; jack_rec captures cue 1 and cue 2. Audio
# flowed through Java if both captures carry the clicks at the input's level (every cue hears
# the main input at 0 dB by default).
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
start_jack 64

start_jalv -n foldback -x "http://foldback.dev/plugins/foldback"
wait_for_port foldback:audio_out_1
wait_for_log "prepared: 48000 Hz" || { cat "$WORK/jalv.log"; fail "jalv did not activate the plugin"; }

metronome_into foldback:audio_in_1 foldback:audio_in_2
expect_clicks "$WORK/cue1.wav" 4 foldback:audio_out_1 foldback:audio_out_2
expect_clicks "$WORK/cue2.wav" 2 foldback:audio_out_3 foldback:audio_out_4
pid_running "$JALV_PID" || { cat "$WORK/jalv.log"; fail "jalv died while processing"; }

grep -q "Java ready" "$LOG" || fail "the plugin did not start Java in jalv"
grep -q "prepared: 48000 Hz" "$LOG" || fail "jalv did not prepare the plugin at 48 kHz"
assert_no_jvm_crash
pass "jalv on JACK dummy: audio flowed through the LV2 and Java into cues 1 and 2"
