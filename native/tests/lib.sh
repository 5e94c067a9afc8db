# Shared set-up for the real-host tests. CTest runs each test script with these variables set
# (see native/tests/CMakeLists.txt): FOLDBACK_JAR, FOLDBACK_HOST, FOLDBACK_VST3, FOLDBACK_LV2.
# package_validate.sh runs some of them on the installed release archive instead: the plugins then
# find their own jar and runtime (FOLDBACK_JAR unset) and the test's tools (the demo stems, the
# meter) run on FOLDBACK_TEST_JAVA and FOLDBACK_TEST_JAR, the archive's runtime and jar.
# Every test works in its own temporary directory, with its own log (XDG_STATE_HOME) and its own
# LV2 path, and never touches the user's ~/.lv2 or state.
set -euo pipefail

: "${FOLDBACK_HOST:?}" "${FOLDBACK_VST3:?}" "${FOLDBACK_LV2:?}"
TEST_JAR="${FOLDBACK_TEST_JAR:-${FOLDBACK_JAR:?}}"
TEST_JAVA="${FOLDBACK_TEST_JAVA:-java}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/foldback-test.XXXXXX")"
# A home of the test's own: plugins installed in the user's ~/.lv2 or ~/.vst3 (./foldback demo
# installs them there) and the user's settings must not reach the plugin under test. Maven's
# repository stays where it is (the JVM-host test takes JNA from it).
export MAVEN_REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
export HOME="$WORK/home"
mkdir -p "$HOME"
export XDG_STATE_HOME="$WORK/state"
export XDG_DATA_HOME="$WORK/data"
LOG="$XDG_STATE_HOME/foldback/foldback.log"
mkdir -p "$XDG_STATE_HOME" "$XDG_DATA_HOME"

cleanup_hooks=()
on_exit() {
    local rc=$?
    for hook in "${cleanup_hooks[@]}"; do eval "$hook" || true; done
    if [ $rc -ne 0 ]; then
        echo "--- foldback log ($LOG):"
        cat "$LOG" 2>/dev/null | tail -40 || true
        echo "--- work dir kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap on_exit EXIT

# pid_running PID: the process exists and has not exited (a child of this shell that exited
# stays a zombie until bash reaps it, and `kill -0` still reaches a zombie).
pid_running() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ "$state" != Z* ]]
}

# stop_pid PID: TERM, KILL after 3 s, and back once it is gone: a host still shutting down (and
# writing its log) when the test removes WORK makes the removal fail.
stop_pid() {
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 30); do pid_running "$1" || return 0; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
    for _ in $(seq 30); do pid_running "$1" || return 0; sleep 0.1; done
}

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }

java_cli() { "$TEST_JAVA" -jar "$TEST_JAR" "$@"; }

# wait_for_log PATTERN [SECONDS]: waits (60 s unless told) for the plugin's log to match PATTERN
# (grep -E); returns 1 if it does not. Hosts such as jalv show the plugin's ports before they
# activate it, and the first activation in a process runs the JIT warm-up (seconds on a busy
# machine): wait for "prepared: RATE Hz" before listening to the outputs.
wait_for_log() {
    local tenths=$(( ${2:-60} * 10 ))
    for _ in $(seq "$tenths"); do grep -qE "$1" "$LOG" 2>/dev/null && return 0; sleep 0.1; done
    echo "the plugin's log never said: $1" >&2
    return 1
}

# Writes the demo stems (7 stereo WAVs, 48 kHz) into $WORK/demo/stems and prints their paths.
demo_stems() {
    java_cli demo --via engine --out "$WORK/demo" >/dev/null
    ls "$WORK"/demo/stems/*.wav
}

# A number out of `foldback meter --json`: json_field FILE KEY
json_field() {
    java_cli meter --json "$1" | sed -n "s/.*\"$2\": \([^,}]*\).*/\1/p"
}

# No JVM crash report may appear in the state directory.
assert_no_jvm_crash() {
    if ls "$XDG_STATE_HOME"/foldback/hs_err_pid*.log >/dev/null 2>&1; then
        head -30 "$XDG_STATE_HOME"/foldback/hs_err_pid*.log
        fail "the JVM wrote a crash report"
    fi
}

# start_jack, stop_jack, wait_for_port: a failure ends the test (set -e); the server stops with it.
source "$(dirname "${BASH_SOURCE[0]}")/jack_lib.sh"
cleanup_hooks+=("stop_jack")

# start_jalv JALV_ARGS...: jalv in the background, its console (stdin) a FIFO that this shell
# holds open on descriptor JALV_CONSOLE for as long as the test runs; its output (line-buffered)
# in $WORK/jalv.log; its pid in JALV_PID; stopped when the test exits. jalv quits at the end of
# its stdin, so a timed holder such as `(sleep 20) | jalv` quits it while the plugin is still
# starting on a slow machine (in CI the JIT warm-up outlasted it, jalv left, and jack_rec waited
# for ever on ports that had gone). Console commands: echo "enabled = 0" >&"$JALV_CONSOLE".
start_jalv() {
    rm -f "$WORK/jalv.console"
    mkfifo "$WORK/jalv.console"
    stdbuf -oL jalv "$@" <"$WORK/jalv.console" >"$WORK/jalv.log" 2>&1 &
    JALV_PID=$!
    # Opening a FIFO waits for its other end: jalv's redirection above, in the background.
    exec {JALV_CONSOLE}>"$WORK/jalv.console"
    cleanup_hooks+=("stop_pid $JALV_PID")
}

# A metronome (1 kHz clicks at amplitude 0.5, i.e. -6 dBFS, 8 per second) into the given ports.
# Its pid is in METRO_PID (it is also stopped when the test exits).
metronome_into() {
    jack_metro -n metro -b 480 -f 1000 -A 0.5 -D 20 >/dev/null 2>&1 &
    METRO_PID=$!
    cleanup_hooks+=("kill $METRO_PID 2>/dev/null")
    for _ in $(seq 50); do jack_lsp | grep -q "^metro:" && break; sleep 0.1; done
    local port
    port=$(jack_lsp | grep "^metro:" | head -1)
    for target in "$@"; do jack_connect "$port" "$target"; done
}

# Records two ports for SECONDS into FILE (32-bit) and checks the peak is the metronome's -6 dBFS.
expect_clicks() {
    local file="$1" seconds="$2"
    shift 2
    # jack_rec's ring buffer (16384 frames unless told) overruns when its disk thread falls behind
    # on a busy machine; it then writes periods of garbage (values that are not audio, on every
    # port it records, the metronome's too) and exits 0. Room for the whole capture avoids that,
    # and a capture that still lost data is the capture's failure, not the plugin's.
    local frames=$(( $(jack_samplerate) * (seconds + 1) ))
    # A server that stops running periods would keep jack_rec waiting for ever: 30 s over its length.
    timeout -k 5 $((seconds + 30)) jack_rec -f "$file" -d "$seconds" -b 32 -B "$frames" "$@" >"$file.log" 2>&1 \
        || fail "jack_rec failed or hung on $* (exit $?; 124: still recording 30 s after its end)"
    if grep -q "overrun" "$file.log"; then fail "jack_rec lost data ($(grep overrun "$file.log")): the capture says nothing about the plugin"; fi
    local peak ok
    peak=$(json_field "$file" sample_peak_dbfs)
    echo "$* captured peak: $peak dBFS"
    ok=$(awk -v p="$peak" 'BEGIN { print (p != "null" && p > -7.5 && p < -5.0) ? "ok" : "bad" }')
    [ "$ok" = ok ] || fail "$* captured peak $peak dBFS, expected the metronome's -6 dBFS (-7.5..-5)"
}
