#!/usr/bin/env bash
# The LV2 rendering in jalv (a third-party host) on a JACK dummy server gives, bit for bit, what
# foldback-host's offline render gives: the demo stems with the Four-piece band preset (chosen in
# jalv with its `preset` command, i.e. the LV2 preset from the bundle's manifest), every cue.
# jack_playrec.c plays the stems into jalv and records its cues sample-aligned, with the server
# freewheeling (it waits for every client: no late cycles on a busy machine). JACK's period is
# the offline render's block, 512. package_validate.sh runs it on the installed release archive.
source "$(dirname "$0")/lib.sh"

command -v cc >/dev/null || fail "no C compiler (cc) to build jack_playrec"
cc -O2 "$(dirname "$0")/jack_playrec.c" -o "$WORK/jack_playrec" $(pkg-config --cflags --libs jack)

mapfile -t stems < <(demo_stems)
ins=()
for s in "${stems[@]}"; do ins+=(--in "$s"); done
"$FOLDBACK_HOST" render --plugin "$FOLDBACK_LV2" --program-name "Four-piece band" --block 512 \
    --out "$WORK/offline" "${ins[@]}" >/dev/null

export LV2_PATH="$(dirname "$FOLDBACK_LV2")"
URI="http://foldback.dev/plugins/foldback"
start_jack 512 48000
mkdir -p "$(dirname "$LOG")"; : > "$LOG"
# jalv reads commands on its console (start_jalv's FIFO): the preset first.
start_jalv -n foldback -x "$URI"
echo "preset $URI:preset3" >&"$JALV_CONSOLE"
wait_for_port foldback:audio_out_16 20 || { cat "$WORK/jalv.log"; fail "jalv did not bring up the plugin's ports"; }
for _ in $(seq 100); do grep -q "program 2 loaded" "$LOG" 2>/dev/null && break; sleep 0.1; done
sleep 1   # the preset's values settle (the engine ramps to them) while jalv processes silence

mkdir -p "$WORK/jalv"
# Bounded: if jalv left mid-render, the player would wait for its ports' periods for ever.
timeout -k 5 120 "$WORK/jack_playrec" "$WORK/jalv" foldback 8 "${stems[@]}" \
    || { cat "$WORK/jalv.log"; fail "jack_playrec failed or hung (exit $?)"; }
pid_running "$JALV_PID" || { cat "$WORK/jalv.log"; fail "jalv died while rendering"; }
stop_jack   # first: jalv may block in jack_client_close while the server runs
stop_pid "$JALV_PID"

grep -q "Java ready" "$LOG" || fail "the plugin did not start Java in jalv"
for c in 1 2 3 4 5 6 7 8; do
    result=$(java_cli compare "$WORK/offline/cue-$c.wav" "$WORK/jalv/cue-$c.wav") \
        || fail "cue $c: jalv's render differs from foldback-host's: $result"
done
peak=$(json_field "$WORK/jalv/cue-1.wav" sample_peak_dbfs)
[ "$peak" != "null" ] || fail "jalv's cue 1 is silent"
assert_no_jvm_crash
pass "jalv rendered the demo with the Four-piece band preset: 8 cues bit-identical to foldback-host's render (cue 1 peak $peak dBFS)"
