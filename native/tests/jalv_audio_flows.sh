#!/usr/bin/env bash
# Test 2: jalv (a third-party LV2 host) on a JACK dummy server loads the LV2 and processes for
# several seconds. A metronome feeds the main input; jack_rec captures cue 1 and cue 2. Audio
# flowed through Java if both captures carry the clicks at the input's level.
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
export JACK_DEFAULT_SERVER="foldback-test-$$"
URI="http://foldback.dev/plugins/foldback"

jackd -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 64 >"$WORK/jackd.log" 2>&1 &
jackd_pid=$!
cleanup_hooks+=("kill $jackd_pid 2>/dev/null")
for _ in $(seq 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done

# jalv reads commands from stdin; keep it open for the length of the test.
(sleep 30) | jalv -n foldback -x "$URI" >"$WORK/jalv.log" 2>&1 &
jalv_pid=$!
cleanup_hooks+=("kill $jalv_pid 2>/dev/null")
for _ in $(seq 100); do jack_lsp 2>/dev/null | grep -q "foldback:audio_out_1" && break; sleep 0.1; done
jack_lsp | grep -q "foldback:audio_out_1" || { cat "$WORK/jalv.log"; fail "jalv did not bring up the plugin's ports"; }

# The metronome: 1 kHz clicks at amplitude 0.5 (-6 dBFS), 8 per second.
jack_metro -n metro -b 480 -f 1000 -A 0.5 -D 20 >/dev/null 2>&1 &
metro_pid=$!
cleanup_hooks+=("kill $metro_pid 2>/dev/null")
for _ in $(seq 50); do jack_lsp | grep -q "metro:" && break; sleep 0.1; done
metro_port=$(jack_lsp | grep "^metro:" | head -1)
jack_connect "$metro_port" foldback:audio_in_1
jack_connect "$metro_port" foldback:audio_in_2

jack_rec -f "$WORK/cue1.wav" -d 4 -b 32 foldback:audio_out_1 foldback:audio_out_2 >/dev/null 2>&1 &
rec1=$!
jack_rec -f "$WORK/cue2.wav" -d 4 -b 32 foldback:audio_out_3 foldback:audio_out_4 >/dev/null 2>&1 &
rec2=$!
wait $rec1 || fail "jack_rec failed on cue 1"
wait $rec2 || fail "jack_rec failed on cue 2"
kill -0 $jalv_pid 2>/dev/null || { cat "$WORK/jalv.log"; fail "jalv died while processing"; }

# Every cue hears the main input at 0 dB by default, so both carry the clicks at -6 dBFS
# (32-bit capture; the metronome's envelope peaks just under its amplitude).
for cue in 1 2; do
    peak=$(json_field "$WORK/cue$cue.wav" sample_peak_dbfs)
    echo "cue $cue captured peak: $peak dBFS"
    ok=$(awk -v p="$peak" 'BEGIN { print (p != "null" && p > -7.5 && p < -5.0) ? "ok" : "bad" }')
    [ "$ok" = ok ] || fail "cue $cue captured peak $peak dBFS, expected the metronome's -6 dBFS (-7.5..-5)"
done
grep -q "Java ready" "$LOG" || fail "the plugin did not start Java in jalv"
grep -q "prepared: 48000 Hz" "$LOG" || fail "jalv did not prepare the plugin at 48 kHz"
assert_no_jvm_crash
pass "jalv on JACK dummy: audio flowed through the LV2 and Java into cues 1 and 2"
