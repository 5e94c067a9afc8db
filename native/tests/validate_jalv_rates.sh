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
    export JACK_DEFAULT_SERVER="foldback-rates-$$-$rate"
    mkdir -p "$(dirname "$LOG")"; : > "$LOG"
    jackd -n "$JACK_DEFAULT_SERVER" -d dummy -r "$rate" -p "$period" >"$WORK/jackd.log" 2>&1 &
    jackd_pid=$!
    for _ in $(seq 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done

    (sleep 20) | jalv -n foldback -x "$URI" >"$WORK/jalv.log" 2>&1 &
    jalv_pid=$!
    for _ in $(seq 150); do jack_lsp 2>/dev/null | grep -q "foldback:audio_out_3" && break; sleep 0.1; done
    jack_lsp | grep -q "foldback:audio_out_3" || { cat "$WORK/jalv.log"; kill $jalv_pid $jackd_pid; fail "$rate Hz: jalv did not bring up the plugin's ports"; }

    jack_metro -n metro -b 480 -f 1000 -A 0.5 -D 20 >/dev/null 2>&1 &
    metro_pid=$!
    for _ in $(seq 50); do jack_lsp | grep -q "metro:" && break; sleep 0.1; done
    metro_port=$(jack_lsp | grep "^metro:" | head -1)
    jack_connect "$metro_port" foldback:audio_in_1
    jack_connect "$metro_port" foldback:audio_in_2
    rc=0
    jack_rec -f "$WORK/cue2-$rate.wav" -d 2 -b 32 foldback:audio_out_3 foldback:audio_out_4 >/dev/null 2>&1 || rc=$?
    alive=yes
    kill -0 $jalv_pid 2>/dev/null || alive=no
    # jalv may block in jack_client_close while the dummy server is busy: stop the server
    # with it, and make sure both are gone before the next rate.
    kill $metro_pid $jalv_pid $jackd_pid 2>/dev/null || true
    for _ in $(seq 30); do kill -0 $jalv_pid 2>/dev/null || kill -0 $jackd_pid 2>/dev/null || break; sleep 0.1; done
    kill -9 $jalv_pid $jackd_pid 2>/dev/null || true
    wait $jalv_pid $jackd_pid $metro_pid 2>/dev/null || true

    [ "$rc" -eq 0 ] || fail "$rate Hz: jack_rec failed"
    [ "$alive" = yes ] || { cat "$WORK/jalv.log"; fail "$rate Hz: jalv died while processing"; }
    peak=$(json_field "$WORK/cue2-$rate.wav" sample_peak_dbfs)
    echo "rate=$rate period=$period cue2_peak_dbfs=$peak"
    ok=$(awk -v p="$peak" 'BEGIN { print (p != "null" && p > -7.5 && p < -5.0) ? "ok" : "bad" }')
    [ "$ok" = ok ] || fail "$rate Hz/$period: cue 2 peak $peak dBFS, expected the metronome's -6 dBFS (-7.5..-5)"
    grep -q "prepared: $rate Hz" "$LOG" || fail "jalv did not prepare the plugin at $rate Hz"
    assert_no_jvm_crash
done
pass "jalv at 44.1/48/88.2/96/192 kHz with periods 32..4096: the Java mix ran at every rate"
