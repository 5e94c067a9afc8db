# Shared set-up for the real-host tests. CTest runs each test script with these variables set
# (see native/tests/CMakeLists.txt): FOLDBACK_JAR, FOLDBACK_HOST, FOLDBACK_VST3, FOLDBACK_LV2.
# Every test works in its own temporary directory, with its own log (XDG_STATE_HOME) and its own
# LV2 path, and never touches the user's ~/.lv2 or state.
set -euo pipefail

: "${FOLDBACK_JAR:?}" "${FOLDBACK_HOST:?}" "${FOLDBACK_VST3:?}" "${FOLDBACK_LV2:?}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/foldback-test.XXXXXX")"
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

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }

java_cli() { java -jar "$FOLDBACK_JAR" "$@"; }

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
