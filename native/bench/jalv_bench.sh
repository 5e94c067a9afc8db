# The world of the jalv comparisons (x42_compare.sh, jalv_xruns.sh): a temporary directory with
# the built LV2 first on LV2_PATH, every started process stopped on exit, a JACK dummy server
# (native/tests/jack_lib.sh) and a test tone. Sourced after HERE is set.
source "$HERE/thread_cpu.sh"
source "$HERE/../tests/jack_lib.sh"

# bench_world [MORE_LV2_DIRS]: sets WORK, LV2_PATH ($WORK/lv2, then MORE_LV2_DIRS),
# XDG_STATE_HOME (unless set) and `pids`, whose processes the exit trap stops before WORK goes.
bench_world() {
    : "${FOLDBACK_LV2:?set FOLDBACK_LV2 to the built Foldback.lv2 bundle}"
    WORK=$(mktemp -d)
    export LV2_PATH="$WORK/lv2${1:+:$1}"
    mkdir -p "$WORK/lv2"
    cp -r "$FOLDBACK_LV2" "$WORK/lv2/"
    export XDG_STATE_HOME="${XDG_STATE_HOME:-$WORK/state}"
    pids=()
    trap bench_cleanup EXIT
    trap 'exit 1' INT TERM HUP PIPE
}

bench_cleanup() {
    for p in "${pids[@]}"; do stop "$p"; done
    rm -rf "$WORK"
}

# start_tone: JACK's metronome as a steady 440 Hz tone at amplitude 0.25 (990 ms of every
# 1000 ms); SIGNAL is its output port.
start_tone() {
    jack_metro -n signal -b 60 -f 440 -A 0.25 -D 990 >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do jack_lsp | grep -q "^signal:" && break; sleep 0.1; done
    SIGNAL=$(jack_lsp | grep "^signal:" | head -1)
}
