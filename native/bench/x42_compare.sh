#!/usr/bin/env bash
# CPU of Foldback against x42's plugins (Debian x42-plugins), each alone in jalv on a JACK dummy
# server (48 kHz, 64-sample periods), fed the same signal: a 440 Hz tone from jack_metro at
# -12 dBFS on every input. Measured: CPU time of jalv's busiest thread (JACK's process thread)
# over a window after a warm-up, from /proc/PID/task/TID/schedstat (ns; /proc/.../stat's
# utime+stime in ticks is printed alongside as a cross-check).
#
#   meters: Foldback in its default state meters 24 stereo buses (16 sources + 8 cues = 48
#           channels); x42 meters#EBUr128 meters 1 stereo bus (2 channels). Ratio per channel:
#           (foldback_cpu / 48) / (x42_cpu / 2). Foldback's figure includes its mixing, the JNI
#           hand-off and the JVM: it is an upper bound for the meters alone.
#   mix:    Foldback as an 8 x 8 matrix (8 mono sources into 4 stereo cues panned hard L/R,
#           limiters off; meters stay on: no parameter switches them off) against
#           matrixmixer#i8o8 with all 64 gains at 0.5. Ratio: foldback_cpu / x42_cpu.
#
# usage: x42_compare.sh [--seconds 30] [--warmup 10] [--only meters|mix]
#        (FOLDBACK_LV2: the built Foldback.lv2; --only runs one of the two comparisons)
# prints key=value lines; exit 1 if a plugin did not run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/jalv_bench.sh"

SECONDS_MEASURED=30
WARMUP=10
ONLY=
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_MEASURED=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        *) echo "usage: $0 [--seconds S] [--warmup S] [--only meters|mix]" >&2; exit 2 ;;
    esac
done

command -v jalv >/dev/null || { echo "jalv is not installed" >&2; exit 1; }
lv2info http://gareus.org/oss/lv2/meters#EBUr128 >/dev/null 2>&1 \
    || { echo "x42-plugins is not installed (apt-get install x42-plugins)" >&2; exit 1; }

bench_world "/usr/lib/lv2:/usr/local/lib/lv2"
FOLDBACK_URI="http://foldback.dev/plugins/foldback"

start_jack 64 48000 || exit 1
pids+=("$JACK_PID")

start_tone

# measure NAME URI INPUT_PORT_PATTERN [jalv -c options...]: prints the busiest thread's CPU in %.
measure() {
    local name=$1 uri=$2 inputs=$3
    shift 3
    local prepared_before
    prepared_before=$(grep -c "prepared:" "$XDG_STATE_HOME/foldback/foldback.log" 2>/dev/null || true)
    prepared_before=${prepared_before:-0}
    (sleep $((WARMUP + SECONDS_MEASURED + 30))) | jalv -n "$name" "$@" "$uri" >"$WORK/$name.log" 2>&1 &
    local jalv=$!
    pids+=($jalv)
    local port
    for _ in $(seq 300); do jack_lsp 2>/dev/null | grep -q "^$name:" && break; sleep 0.1; done
    sleep 1
    jack_lsp | grep -q "^$name:" || { cat "$WORK/$name.log" >&2; echo "jalv did not start $uri" >&2; return 1; }
    # Foldback's first activation in a process runs the JIT warm-up (2 s idle, 15 s on a busy
    # machine): the warm-up below starts once the plugin says it is prepared.
    if [ "$uri" = "$FOLDBACK_URI" ]; then
        for _ in $(seq 600); do
            [ "$(grep -c "prepared:" "$XDG_STATE_HOME/foldback/foldback.log" 2>/dev/null)" -gt "$prepared_before" ] && break
            sleep 0.1
        done
    fi
    for port in $(jack_lsp | grep "^$name:" | grep -E "$inputs"); do
        jack_connect "$SIGNAL" "$port" || { echo "cannot connect $SIGNAL to $port" >&2; return 1; }
    done
    sleep "$WARMUP"
    local pid
    pid=$(pgrep -P "$jalv" -x jalv || echo "$jalv")
    read -r tid ns ticks < <(busiest_thread "$pid" "$SECONDS_MEASURED")
    local thread_name
    thread_name=$(cat "/proc/$pid/task/$tid/comm" 2>/dev/null || echo "?")
    stop "$jalv"
    local percent
    percent=$(awk -v ns="$ns" -v s="$SECONDS_MEASURED" 'BEGIN { printf "%.4f", 100 * ns / (s * 1e9) }')
    local hz
    hz=$(getconf CLK_TCK)
    echo "${name}_cpu_percent=$percent"
    echo "${name}_stat_cpu_percent=$(awk -v t="$ticks" -v hz="$hz" -v s="$SECONDS_MEASURED" 'BEGIN { printf "%.4f", 100 * t / hz / s }')"
    echo "${name}_thread=$tid"
    echo "${name}_thread_name=${thread_name// /_}"
    echo "${name}_us_per_period=$(awk -v ns="$ns" -v s="$SECONDS_MEASURED" 'BEGIN { printf "%.2f", ns / 1e3 / (s * 48000 / 64) }')"
    eval "${name}_percent=$percent"
}

x42_gains=()
for i in 1 2 3 4 5 6 7 8; do
    for o in 1 2 3 4 5 6 7 8; do
        x42_gains+=(-c "mix_${i}_${o}=0.5")
    done
done

if [ "$ONLY" != mix ]; then
    measure x42_ebur128 http://gareus.org/oss/lv2/meters#EBUr128 ":in"
    measure foldback_meters "$FOLDBACK_URI" ":audio_in_"
    awk -v fb="$foldback_meters_percent" -v x="$x42_ebur128_percent" \
        'BEGIN { if (x > 0) printf "meter_cpu_ratio_vs_x42=%.4f\n", (fb / 48) / (x / 2) }'
fi
[ "$ONLY" = meters ] && exit 0

measure x42_matrix http://gareus.org/oss/lv2/matrixmixer#i8o8 ":in[1-8]$" "${x42_gains[@]}"
# Foldback's parameters are LV2 patch parameters, not control ports (JUCE 7), so the matrix comes
# in as a state: an LV2 state directory written by the bench command (BenchConfig.MATRIX_8X8).
: "${FOLDBACK_MATRIX_STATE:?set FOLDBACK_MATRIX_STATE to the matrix state directory (foldback bench writes it)}"
# Sources 1-8: LV2 audio_in_1..16.
measure foldback_matrix "$FOLDBACK_URI" ":audio_in_([1-9]|1[0-6])$" -l "$FOLDBACK_MATRIX_STATE"

awk -v fb="$foldback_matrix_percent" -v x="$x42_matrix_percent" \
    'BEGIN { if (x > 0) printf "mix_cpu_ratio_vs_x42_matrix=%.4f\n", fb / x }'
grep -q "state not loaded" "$XDG_STATE_HOME/foldback/foldback.log" 2>/dev/null \
    && echo "foldback_matrix_state_loaded=false" || echo "foldback_matrix_state_loaded=true"
