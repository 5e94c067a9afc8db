#!/usr/bin/env bash
# Xruns in a real DAW: Ardour 7 (its headless Lua tool, JACK backend) on a JACK dummy server
# (48 kHz, PERIOD frames), one stereo track fed a tone, with no plugin, with x42's EBU R128 meter
# (meters#EBUr128) inserted, and with Foldback (LV2, default state) inserted, one after the other.
# JACK's xrun count (xrun_count.c) over SECONDS, once the plugin is ready and SETTLE seconds more.
# The issue's goal (14): Foldback's count no higher than x42's in the same run. The machine's load
# moves every count: compare within one run, never across runs.
#
# Foldback's block-time telemetry (the shim logs it when Ardour releases the plugin at the
# session's close) follows as foldback_block_* (processBlock and Java call means, worst, late).
#
# With --trace DIR, each session also leaves in DIR what says where Ardour's time went:
# NAME.threads (every thread of Ardour and of jackd, sampled every second from Ardour's start:
# thread_sampler.py), NAME.marks (start, ready, count, end, closed), NAME.xruns (the time of
# every xrun counted) and NAME.report (thread_report.py's per-phase thread table); for
# Foldback also foldback.jvm.log (its JVM's safepoints, collections and compilations, with
# -Xlog added to FOLDBACK_JVM_OPTIONS), foldback.log (the shim's) and foldback.late (each late
# block with what the JVM did then: late_blocks.py). --only takes a comma-separated subset of
# none,x42_ebur128,foldback.
#
# usage: ardour_xruns.sh [--seconds 90] [--period 64] [--settle 10] [--trace DIR] [--only LIST]
# (FOLDBACK_LV2: the built bundle) prints key=value lines.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/jalv_bench.sh"

SECONDS_RUN=90
PERIOD=64
SETTLE=10
TRACE=
ONLY=none,x42_ebur128,foldback
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_RUN=$2; shift 2 ;;
        --period) PERIOD=$2; shift 2 ;;
        --settle) SETTLE=$2; shift 2 ;;
        --trace) TRACE=$(mkdir -p "$2" && cd "$2" && pwd)
                 export FOLDBACK_JVM_OPTIONS="${FOLDBACK_JVM_OPTIONS:-} -Xlog:safepoint=info,gc=info,jit+compilation=debug:file=$TRACE/foldback.jvm.log:tm"
                 shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        *) echo "usage: $0 [--seconds S] [--period FRAMES] [--settle S] [--trace DIR] [--only LIST]" >&2; exit 2 ;;
    esac
done
command -v ardour7-lua >/dev/null || { echo "Ardour 7 is not installed (apt-get install ardour)" >&2; exit 1; }
lv2info http://gareus.org/oss/lv2/meters#EBUr128 >/dev/null 2>&1 \
    || { echo "x42-plugins is not installed (apt-get install x42-plugins)" >&2; exit 1; }
bench_world "/usr/lib/lv2:/usr/local/lib/lv2"
cc -O2 "$HERE/xrun_count.c" -o "$WORK/xrun_count" $(pkg-config --cflags --libs jack)
LOG="$XDG_STATE_HOME/foldback/foldback.log"

start_jack "$PERIOD" 48000 || exit 1
pids+=("$JACK_PID")
start_tone
echo "period=$PERIOD"
echo "seconds=$SECONDS_RUN"
echo "load_average_start=$(cut -d' ' -f1 /proc/loadavg)"

# session_script NAME URI: Lua for ardour7-lua: a session on the JACK server, a stereo track
# "band" with the plugin URI inserted (none if empty), rolling until the file $WORK/NAME.stop
# appears (at most 10 minutes), then closed.
session_script() {
    local name=$1 uri=$2
    cat <<LUA
AudioEngine:set_backend("JACK", "", "")
local s = create_session("$WORK/$name-session", "$name", 48000)
assert(s, "no session")
local track = s:new_audio_track(2, 2, nil, 1, "band", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true):front()
LUA
    [ -n "$uri" ] && cat <<LUA
local p = ARDOUR.LuaAPI.new_plugin(s, "$uri", ARDOUR.PluginType.LV2, "")
assert(not p:isnil(), "$uri did not load")
track:add_processor_by_index(p, 0, nil, true)
LUA
    cat <<LUA
print("ready")
s:request_roll(ARDOUR.TransportRequestSource.TRS_UI)
for _ = 1, 6000 do
    local f = io.open("$WORK/$name.stop", "r")
    if f then f:close() break end
    ARDOUR.LuaAPI.usleep(100000)
end
print("rolled " .. s:transport_sample())
s:request_stop(false, false, ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(300000)
close_session()
print("closed")
LUA
}

# ardour_gave_up NAME ARDOUR_PID: whether Ardour lost JACK or exited before its track's ports
# appeared (saying so, with its log's and the server's last words). JACK 1.9.21 sometimes drops
# Ardour's client while the session starts, with "CheckSize error" and "Unknown request
# 1886680168" ("http" read as a request code: a metadata key's text out of step) in the server's
# log, with no plugin inserted as well (seen in 1 of 3 runs at load 5-8).
ardour_gave_up() {
    local name=$1 ardour=$2
    grep -q "JACK HALTED" "$WORK/$name.log" 2>/dev/null || ! kill -0 "$ardour" 2>/dev/null || return 1
    echo "Ardour lost JACK or exited while starting ($name); its log and the server's:" >&2
    tail -3 "$WORK/$name.log" >&2
    grep -E "CheckSize|Unknown request" "$WORK/jackd.log" 2>/dev/null | tail -2 >&2
}

# track_ports_up NAME ARDOUR_PID: waits (at most 120 s, less if Ardour gave up) for the track's
# two input ports and connects the tone to them.
track_ports_up() {
    local name=$1 ardour=$2 port
    # Ardour's JACK client has an empty name: its ports are ":band/audio_in 1" and so on.
    for port in ":band/audio_in 1" ":band/audio_in 2"; do
        wait_for_port "$port" 120 "ardour_gave_up $name $ardour" || return 1
        jack_connect "$SIGNAL" "$port"
    done
}

# run NAME URI: the session with that plugin; xruns counted once its track's inputs are fed
# (and, for Foldback, once the plugin says it is prepared: its first prepare warms the JIT up)
# and SETTLE seconds have passed. A session whose start JACK broke is started again (3 tries);
# NAME_retries says how many it took.
prepared_lines() {
    cat "$LOG" 2>/dev/null | grep -c "prepared: 48000 Hz" || true
}

# trace_start NAME ARDOUR_PID: with --trace, starts the thread sampler on Ardour (the process
# under `timeout` and ardour7-lua's exec) and jackd. (The xruns are stamped by the one counter,
# over the counted seconds only: a second JACK client, there from Ardour's start, would be one
# more process to wake every period.)
trace_start() {
    local name=$1 ardour=$2 child=
    [ -n "$TRACE" ] || return 0
    for _ in $(seq 50); do child=$(pgrep -P "$ardour" | head -1) && [ -n "$child" ] && break; sleep 0.02; done
    echo "start $(date +%s.%N)" >"$TRACE/$name.marks"
    python3 "$HERE/thread_sampler.py" "$TRACE/$name.threads" 1 ${child:-$ardour} "$JACK_PID" &
    pids+=($!)
    TRACE_SAMPLER=$!
}

trace_mark() {
    [ -z "$TRACE" ] || echo "$2 $(date +%s.%N)" >>"$TRACE/$1.marks"
}

trace_end() {
    local name=$1
    [ -n "$TRACE" ] || return 0
    stop "$TRACE_SAMPLER"
    touch "$TRACE/$name.xruns"
    python3 "$HERE/thread_report.py" "$TRACE/$name.threads" "$TRACE/$name.marks" "$TRACE/$name.xruns" \
        >"$TRACE/$name.report" || true
    if [ "$name" = foldback ]; then
        cp "$LOG" "$TRACE/foldback.log" 2>/dev/null || true
        python3 "$HERE/late_blocks.py" "$TRACE/foldback.log" "$TRACE/$name.marks" "$TRACE/$name.xruns" \
            "$TRACE/foldback.jvm.log" >"$TRACE/foldback.late" 2>/dev/null || true
    fi
}

run() {
    local name=$1 uri=$2
    local prepared_before ardour try
    case ",$ONLY," in *",$name,"*) ;; *) return 0 ;; esac
    session_script "$name" "$uri" >"$WORK/$name.lua"
    for try in 0 1 2; do
        prepared_before=$(prepared_lines)
        rm -rf "$WORK/$name-session"   # a broken try may have left it, and create_session refuses to reuse it
        timeout $((SETTLE + SECONDS_RUN + 300)) ardour7-lua "$WORK/$name.lua" >"$WORK/$name.log" 2>&1 &
        ardour=$!
        pids+=($ardour)
        trace_start "$name" "$ardour"
        track_ports_up "$name" "$ardour" && break
        stop "$ardour"
        trace_end "$name"
        [ "$try" -lt 2 ] || { tail -40 "$WORK/$name.log" >&2; echo "Ardour's track did not appear ($name, 3 tries)" >&2; return 1; }
    done
    echo "${name}_retries=$try"
    if [ "$name" = foldback ]; then
        # The log may hold earlier runs' lines (XDG_STATE_HOME is the caller's): wait for a new one.
        for _ in $(seq 600); do [ "$(prepared_lines)" -gt "$prepared_before" ] && break; sleep 0.1; done
        [ "$(prepared_lines)" -gt "$prepared_before" ] \
            || { tail -20 "$WORK/$name.log" >&2; echo "Foldback was not prepared in Ardour within 60 s" >&2; return 1; }
    fi
    trace_mark "$name" ready
    sleep "$SETTLE"
    trace_mark "$name" count
    if [ -n "$TRACE" ]; then
        "$WORK/xrun_count" "$SECONDS_RUN" stamps | tee "$TRACE/$name.xruns" | grep -v "^xrun_at=" | sed "s/^/${name}_/"
    else
        "$WORK/xrun_count" "$SECONDS_RUN" | sed "s/^/${name}_/"
    fi
    trace_mark "$name" end
    touch "$WORK/$name.stop"
    wait "$ardour" || { tail -20 "$WORK/$name.log" >&2; echo "ardour7-lua failed ($name)" >&2; return 1; }
    grep -q "^closed" "$WORK/$name.log" || { tail -20 "$WORK/$name.log" >&2; echo "the $name session did not close" >&2; return 1; }
    trace_mark "$name" closed
    trace_end "$name"
}

run none ""
run x42_ebur128 http://gareus.org/oss/lv2/meters#EBUr128
run foldback http://foldback.dev/plugins/foldback
echo "load_average_end=$(cut -d' ' -f1 /proc/loadavg)"

# The shim's telemetry line on release: "block time: blocks=N dsp_percent=P mean_us=M java_mean_us=J worst_us=W ..."
grep "block time: " "$LOG" 2>/dev/null | tail -1 | tr ' ' '\n' | grep '=' | sed 's/^/foldback_block_/' || true
