#!/usr/bin/env bash
# Xruns with Foldback against a native plugin, in the same run on the same JACK dummy server
# (48 kHz, PERIOD frames): JACK's xrun count (xrun_count.c) over SECONDS with no plugin, with x42's
# EBU R128 meter (meters#EBUr128) alone in jalv, and with Foldback (default state) alone in jalv,
# each fed the same tone, one after the other. The issue's goal: Foldback's count no higher than
# x42's (xrun_ratio_vs_x42 <= 1). Load on the machine moves every count: compare within one run.
#
# After Foldback's run, its block-time telemetry (the shim's log line on release: processBlock and
# Java call means and worst, late blocks) splits its time between Java and the rest, and how long
# jalv took to exit on SIGTERM is printed (foldback_exit_seconds; > 3 means it had to be killed).
#
# usage: xrun_compare.sh [--seconds 90] [--period 64] [--settle 10]   (FOLDBACK_LV2: the built bundle)
# prints key=value lines.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/jalv_bench.sh"

SECONDS_RUN=90
PERIOD=64
SETTLE=10
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_RUN=$2; shift 2 ;;
        --period) PERIOD=$2; shift 2 ;;
        --settle) SETTLE=$2; shift 2 ;;
        *) echo "usage: $0 [--seconds S] [--period FRAMES] [--settle S]" >&2; exit 2 ;;
    esac
done
command -v jalv >/dev/null || { echo "jalv is not installed" >&2; exit 1; }
lv2info http://gareus.org/oss/lv2/meters#EBUr128 >/dev/null 2>&1 \
    || { echo "x42-plugins is not installed (apt-get install x42-plugins)" >&2; exit 1; }
bench_world "/usr/lib/lv2:/usr/local/lib/lv2"
cc -O2 "$HERE/xrun_count.c" -o "$WORK/xrun_count" $(pkg-config --cflags --libs jack)

start_jack "$PERIOD" 48000 || exit 1
pids+=("$JACK_PID")
start_tone
echo "period=$PERIOD"
echo "seconds=$SECONDS_RUN"
echo "load_average_start=$(cut -d' ' -f1 /proc/loadavg)"

"$WORK/xrun_count" "$SECONDS_RUN" | sed 's/^/none_/'

# run NAME URI INPUT_PATTERN: the plugin alone in jalv, SETTLE seconds after its ports appear,
# then SECONDS_RUN counted; stopped with TERM and timed.
run() {
    local name=$1 uri=$2 inputs=$3
    (sleep $((SETTLE + SECONDS_RUN + 60))) | jalv -n "$name" "$uri" >"$WORK/$name.log" 2>&1 &
    local jalv=$!
    pids+=($jalv)
    for _ in $(seq 300); do jack_lsp 2>/dev/null | grep -q "^$name:" && break; sleep 0.1; done
    sleep 1
    jack_lsp | grep -q "^$name:" || { cat "$WORK/$name.log" >&2; echo "jalv did not start $uri" >&2; return 1; }
    local port
    for port in $(jack_lsp | grep "^$name:" | grep -E "$inputs"); do jack_connect "$SIGNAL" "$port"; done
    sleep "$SETTLE"
    "$WORK/xrun_count" "$SECONDS_RUN" | sed "s/^/${name}_/"
    local t0 t1
    t0=$(date +%s.%N)
    stop "$jalv"
    t1=$(date +%s.%N)
    echo "${name}_exit_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
}

run x42_ebur128 http://gareus.org/oss/lv2/meters#EBUr128 ":in"
run foldback http://foldback.dev/plugins/foldback ":audio_in_"
echo "load_average_end=$(cut -d' ' -f1 /proc/loadavg)"

LOG="$XDG_STATE_HOME/foldback/foldback.log"
grep -q "prepared: 48000 Hz" "$LOG" 2>/dev/null && echo "foldback_prepared=true" || echo "foldback_prepared=false"
# The shim's telemetry line: "block time: blocks=N dsp_percent=P mean_us=M java_mean_us=J worst_us=W ...
# median_us, p99_us, java_median_us, java_p99_us ..."
grep "block time: " "$LOG" 2>/dev/null | tail -1 | tr ' ' '\n' | grep '=' | sed 's/^/foldback_block_/' || true
