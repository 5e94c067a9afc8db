# JACK for the tests and the bench scripts: a server with the dummy driver (no sound card
# needed) and waiting for ports. Sourced by lib.sh (every test) and by native/bench/x42_compare.sh
# and jalv_xruns.sh. Needs WORK, a scratch directory: the server's log goes there.

# One server name per checkout, the same on every run. JACK2's registry holds 8 servers and gives
# a dead server's slot only to a server of the same name, so per-run names fill it up; and a name
# shared by several checkouts on one machine (engineers testing side by side) would let one
# checkout's start_jack stop another's server. Within a checkout, tests and benches run one at
# a time.
jack_server_name() {
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    echo "foldback-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
}

# JACK's command-line clients wait for their server without a limit: a server that stopped
# answering (or a registry a killed client left locked) would hang the test until CTest's 15-minute
# limit, with nothing said. These functions stand in for the tools in every script that sources
# this file, and give up after 10 s with a message (exit 124, as `timeout`).
jack_client_limited() {
    local rc=0
    timeout -k 2 10 "$@" || rc=$?
    [ $rc -ne 124 ] && [ $rc -ne 137 ] || echo "JACK tool timed out after 10 s: $*" >&2
    return $rc
}
jack_lsp() { jack_client_limited jack_lsp "$@"; }
jack_connect() { jack_client_limited jack_connect "$@"; }
jack_samplerate() { jack_client_limited jack_samplerate "$@"; }

# start_jack [PERIOD] [RATE]: starts the server (64 frames, 48 kHz unless told), exports
# JACK_DEFAULT_SERVER so that JACK clients started afterwards find it, and sets JACK_PID; the
# caller stops it with stop_jack. Returns 1, with the server's log on stderr, if it is not up
# within 10 s.
start_jack() {
    local period="${1:-64}" rate="${2:-48000}"
    JACK_DEFAULT_SERVER=$(jack_server_name)
    export JACK_DEFAULT_SERVER
    # A server of this checkout's name left by an earlier run must be gone first.
    pkill -f "jackd -n $JACK_DEFAULT_SERVER " 2>/dev/null || true
    for _ in $(seq 50); do pgrep -f "jackd -n $JACK_DEFAULT_SERVER " >/dev/null || break; sleep 0.1; done
    jackd -n "$JACK_DEFAULT_SERVER" -d dummy -r "$rate" -p "$period" >"$WORK/jackd.log" 2>&1 &
    JACK_PID=$!
    for _ in $(seq 100); do jack_lsp >/dev/null 2>&1 && return 0; sleep 0.1; done
    cat "$WORK/jackd.log" >&2
    echo "jackd did not start (${rate} Hz, period $period)" >&2
    return 1
}

# stop_jack: stops the server start_jack started and waits until it is gone, so the next
# start_jack can take its name. TERM, then KILL after 3 s (a dummy server with a client stuck in
# jack_client_close may not exit on TERM).
stop_jack() {
    [ -n "${JACK_PID:-}" ] || return 0
    kill "$JACK_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$JACK_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$JACK_PID" 2>/dev/null || true
    wait "$JACK_PID" 2>/dev/null || true
    JACK_PID=
}

# wait_for_port PORT [SECONDS] [GIVE_UP]: waits (20 s unless told) for a JACK port to appear;
# returns 1, listing the ports there are on stderr, if it does not. GIVE_UP, a command, is run
# every tenth of a second: when it succeeds the wait ends at once (the port's owner is gone).
wait_for_port() {
    local tenths=$(( ${2:-20} * 10 ))
    for _ in $(seq "$tenths"); do
        jack_lsp 2>/dev/null | grep -qx "$1" && return 0
        [ -n "${3:-}" ] && $3 && break
        sleep 0.1
    done
    jack_lsp >&2 || true
    echo "JACK port $1 did not appear" >&2
    return 1
}
