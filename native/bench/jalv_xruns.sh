#!/usr/bin/env bash
# Real-time run: Foldback's LV2 in jalv on a JACK dummy server with 32-sample periods at 48 kHz
# (0.667 ms), fed a tone on every input, for SECONDS; JACK's xrun count over that time, next to an
# idle baseline of the same length (the same server with no plugin: what this machine does anyway).
#
# usage: jalv_xruns.sh [--seconds 300] [--period 32]   (FOLDBACK_LV2: the built Foldback.lv2)
# prints key=value lines: idle_xruns, foldback_xruns, and the DSP load JACK reported.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/jalv_bench.sh"

SECONDS_RUN=300
PERIOD=32
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_RUN=$2; shift 2 ;;
        --period) PERIOD=$2; shift 2 ;;
        *) echo "usage: $0 [--seconds S] [--period FRAMES]" >&2; exit 2 ;;
    esac
done
bench_world

cc -O2 "$HERE/xrun_count.c" -o "$WORK/xrun_count" $(pkg-config --cflags --libs jack)

start_jack "$PERIOD" 48000 || exit 1
pids+=("$JACK_PID")

start_tone

"$WORK/xrun_count" "$SECONDS_RUN" | sed 's/^/idle_/'

(sleep $((SECONDS_RUN + 60))) | jalv -n foldback http://foldback.dev/plugins/foldback >"$WORK/jalv.log" 2>&1 &
pids+=($!)
wait_for_port foldback:audio_out_1 30 || { cat "$WORK/jalv.log" >&2; exit 1; }
for port in $(jack_lsp | grep "^foldback:audio_in_"); do jack_connect "$SIGNAL" "$port"; done
# Start-up (JVM start, JIT) is not steady state: give it 10 s before counting.
sleep 10
"$WORK/xrun_count" "$SECONDS_RUN" | sed 's/^/foldback_/'
grep -q "prepared: 48000 Hz" "$XDG_STATE_HOME/foldback/foldback.log" 2>/dev/null \
    && echo "foldback_prepared=true" || echo "foldback_prepared=false"
