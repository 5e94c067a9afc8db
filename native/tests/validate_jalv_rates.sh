#!/usr/bin/env bash
# The LV2 in jalv (a third-party host) on a JACK dummy server at every sample rate the issue names,
# each with another period size: 44.1 kHz/256, 48 kHz/32, 88.2 kHz/1024, 96 kHz/128, 192 kHz/4096.
# A metronome (1 kHz clicks at -6 dBFS) feeds the main input; cue 2 must carry the clicks at their
# level, which only the Java mix does (without Java only cue 1 passes audio).
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
URI="http://foldback.dev/plugins/foldback"

for setting in 44100:256 48000:32 88200:1024 96000:128 192000:4096; do
    rate=${setting%:*} period=${setting#*:}
    mkdir -p "$(dirname "$LOG")"; : > "$LOG"
    echo "rate=$rate period=$period: starting the server and jalv"
    start_jack "$period" "$rate"

    start_jalv -n foldback -x "$URI"
    wait_for_port foldback:audio_out_3 15 || { cat "$WORK/jalv.log"; fail "$rate Hz: jalv did not bring up the plugin's ports"; }
    wait_for_log "prepared: $rate Hz" || { cat "$WORK/jalv.log"; fail "$rate Hz: jalv did not activate the plugin"; }
    echo "rate=$rate: jalv prepared the plugin; recording cue 2"
    metronome_into foldback:audio_in_1 foldback:audio_in_2
    expect_clicks "$WORK/cue2-$rate.wav" 2 foldback:audio_out_3 foldback:audio_out_4
    pid_running "$JALV_PID" || { cat "$WORK/jalv.log"; fail "$rate Hz: jalv died while processing"; }

    # jalv blocks in jack_client_close (jackd2 1.9.21 with 48 ports carrying metadata:
    # native/bench/jack_close_hang.c), and jack_metro may block there the same way: stop the
    # server with them, and make sure all are gone (3 s each, then KILL) before the next rate
    # takes the server's name. Then bash reaps them; a bare `wait` could wait for ever.
    echo "rate=$rate: stopping jalv, the metronome and the server"
    kill "$METRO_PID" "$JALV_PID" 2>/dev/null || true
    stop_jack
    stop_pid "$JALV_PID"
    stop_pid "$METRO_PID"
    wait "$METRO_PID" "$JALV_PID" 2>/dev/null || true
    exec {JALV_CONSOLE}>&-

    grep -q "prepared: $rate Hz" "$LOG" || fail "jalv did not prepare the plugin at $rate Hz"
    assert_no_jvm_crash
    echo "rate=$rate period=$period: pass"
done
pass "jalv at 44.1/48/88.2/96/192 kHz with periods 32..4096: the Java mix ran at every rate"
