#!/usr/bin/env bash
# OSC traffic does not make the audio late, in a real real-time host: the LV2 in jalv on a JACK
# dummy server (48 kHz, 64-frame periods: a tracking buffer, 1.33 ms), whose process thread runs
# SCHED_FIFO, with OSC switched on by the state jalv restores, a -12 dBFS tone into source 1.
# Debian's liblo-tools are the clients: `oscsendfile` floods the server at 10,000 messages a
# second (send levels, pans as text, cue levels by parameter ID and Ardour's /cue faders on the
# cues a watcher is not checking) while `oscsend` and `oscdump` query, subscribe and check.
#
# The run alternates phases of PHASE seconds: quiet (Q), flood (F), and the same flood sent to a
# native sink instead (S: an oscdump writing to /dev/null), in the order Q S F F S Q Q S F F S Q
# (a drift of the machine's load over the run weighs on every kind alike). The sink phases say
# what sending 10,000 datagrams a second costs this machine when nothing in the plugin reads
# them: printed next to the others, to tell the plugin's share from the rest. JACK's xruns are counted by a
# client of our own (native/bench/xrun_count.c) that stamps each one, so both counts come from one
# server, one jalv and one JVM. Asserted: the flood phases have no more xruns than the quiet ones
# plus a margin of 3 + 3 * sqrt(2 * quiet), i.e. three standard deviations of the difference of
# two Poisson counts with the quiet rate, plus 3 for a machine that other jobs share; the flood
# really ran (>= 5,000 messages a second sent); the watcher got the flood's values back as
# feedback; after the flood the server still answers, an edit comes back exactly, and cue 2's
# meter moves by the 14 dB its send was moved. About 70 s. Labelled known_failing (VALIDATION.md,
# "Open failures"): in its first form (5 s phases, no sink) it failed 3 of 7 runs on the shared
# 2-core machine; in this form it passed 4 of 4, but a flood still brings collections quiet does not.
source "$(dirname "$0")/lib.sh"

PHASE=${FOLDBACK_OSC_PHASE_SECONDS:-4}
RATE=10000   # messages a second in the flood
export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
URI="http://foldback.dev/plugins/foldback"

free_udp() { python3 -c "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
port=$(free_udp)
reply=$(free_udp)
sink=$(free_udp)
python3 "$(dirname "$0")/juce_state.py" lv2-dir "$WORK/state-osc" "$URI" <<JSON
{"format": "foldback-state", "schema": 2, "params": {"cue2.src1.level": -20.0},
 "osc": {"enabled": true, "port": $port, "allowed": ["127.0.0.1"]}}
JSON
cc -O2 "$(dirname "$0")/../bench/xrun_count.c" -o "$WORK/xrun_count" $(pkg-config --cflags --libs jack) \
    || fail "cannot build the xrun counter (needs a C compiler and libjack-jackd2-dev)"

start_jack 64 48000
grep -q "realtime mode" "$WORK/jackd.log" || { cat "$WORK/jackd.log"; fail "jackd did not start in real-time mode"; }
# A steady 440 Hz tone at amplitude 0.25 (-12 dBFS; 990 ms of every 1000 ms).
jack_metro -n tone -b 60 -f 440 -A 0.25 -D 990 >/dev/null 2>&1 &
cleanup_hooks+=("kill $! 2>/dev/null")

# The JVM logs its safepoints and collections (wall-clock milliseconds): what stops the audio thread.
export FOLDBACK_JVM_OPTIONS="${FOLDBACK_JVM_OPTIONS:-} -Xlog:safepoint=info,gc=info:file=$WORK/jvm.log:tm"
(sleep 300) 2>/dev/null | jalv -n foldback -x -l "$WORK/state-osc" "$URI" >"$WORK/jalv.log" 2>&1 &
jalv_pid=$!
cleanup_hooks+=("kill -9 $jalv_pid 2>/dev/null")
wait_for_port foldback:audio_out_3 30 || { cat "$WORK/jalv.log"; fail "jalv did not bring up the plugin's ports"; }
wait_for_log "prepared: 48000 Hz" || { cat "$WORK/jalv.log"; fail "jalv did not activate the plugin"; }
tone_port=$(jack_lsp | grep "^tone:" | head -1)
jack_connect "$tone_port" foldback:audio_in_1
jack_connect "$tone_port" foldback:audio_in_2
for _ in $(seq 100); do grep -q "osc: serving on UDP port $port" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "osc: serving on UDP port $port (loopback only)" "$LOG" || fail "the state jalv restored did not start the OSC server on $port"

# Without a real-time audio thread, lateness means nothing: jalv's JACK process thread must be
# SCHED_FIFO (JACK gives its clients' process threads real-time priority when jackd has it).
classes=$(ps -L -o cls=,rtprio= -p "$jalv_pid" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
echo "jalv's threads (count, class, priority): $classes"
ps -L -o cls= -p "$jalv_pid" | grep -q FF || fail "no thread of jalv runs SCHED_FIFO: the audio thread is not real-time"

oscdump -L "$reply" > "$WORK/dump.txt" 2>&1 &
cleanup_hooks+=("kill $! 2>/dev/null")
sleep 0.5
# since_mark: what oscdump printed after the last `mark`
mark() { MARK=$(wc -l < "$WORK/dump.txt"); }
since_mark() { tail -n +$((MARK + 1)) "$WORK/dump.txt"; }
MARK=0
# expect TEXT: waits up to 10 s for a line of oscdump's output since the mark containing TEXT
expect() {
    for _ in $(seq 100); do grep -qF -- "$1" <(since_mark) && return 0; sleep 0.1; done
    since_mark | tail -20
    fail "no OSC reply containing '$1'"
}
# last_meter CUE: the peak of the cue's latest meter update since the mark
last_meter() { since_mark | awk -v a="/foldback/$id/cue/$1/meter" '$2 == a { p = $4 } END { print p }'; }
oscsend 127.0.0.1 "$port" /foldback/query i "$reply"
expect "/foldback/query/done i 1"
# "/foldback/instance isii ID "NAME" CUES SOURCES": the name may hold spaces, the counts are last.
read -r id cues sources < <(awk '$2 == "/foldback/instance" { print $4, $(NF - 1), $NF; exit }' "$WORK/dump.txt")
[ -n "$id" ] && [ "${cues:-0}" -ge 3 ] && [ "${sources:-0}" -ge 1 ] || fail "the query's answer: id=$id cues=$cues sources=$sources"
echo "instance $id: $cues cues, $sources sources"
subscribe() { oscsend 127.0.0.1 "$port" /foldback/subscribe if "$reply" 20; }
subscribe
expect "/foldback/subscribed"
expect "/foldback/$id/cue/2/send/1/level f -20.0"
# Ardour's /cue client on this address: cue 3 selected, so the flood's /cue/send/fader move it.
oscsend 127.0.0.1 "$port" /cue/connect i "$reply"
oscsend 127.0.0.1 "$port" /cue/aux i 3
expect "/cue/name s \"Cue 3\""

# The flood, as oscsendfile reads it (oscdump's format: a time tag, then the message; it sends
# them spaced as their time tags are). Cues 3.. only: cue 2 is the meter's witness.
python3 - "$WORK/flood.txt" "$id" "$cues" "$sources" "$RATE" "$PHASE" <<'PY'
import sys
path, iid, cues, sources, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
with open(path, "w") as f:
    for i in range(rate * seconds):
        t = i / rate
        tag = "%08x.%08x" % (0xe0000000 + int(t), int((t - int(t)) * 2**32))
        cue, src, db = 3 + i % (cues - 2), 1 + (i // 4) % sources, -40 + (i // 4) % 31
        kind = i % 4
        if kind == 0:
            msg = "/foldback/%s/cue/%d/send/%d/level f %d" % (iid, cue, src, db)
        elif kind == 1:
            msg = "/foldback/%s/param/cue%d.level f %.2f" % (iid, cue, (i // 4 % 10) / 10)
        elif kind == 2:
            msg = "/foldback/%s/cue/%d/send/%d/pan s L%d" % (iid, cue, src, 1 + i // 4 % 99)
        else:
            msg = "/cue/send/fader/%d f %.2f" % (src, (i // 4 % 10) / 10)
        f.write("%s %s\n" % (tag, msg))
PY
flood_messages=$(wc -l < "$WORK/flood.txt")

# Settle (the JIT compiles the audio path, the subscription's first whole state goes out), then
# the phases, the xrun counter running through all of them.
sleep 3
meter_before=$(last_meter 2)
mark
"$WORK/xrun_count" 600 stamps > "$WORK/xruns.txt" 2>&1 &
counter=$!
cleanup_hooks+=("kill $counter 2>/dev/null")
# audio_alive WHEN: fails, with the stacks of jalv's threads (gdb) and of the JVM's (jstack), if
# JACK reported more than 300 xruns in a second: jalv's process thread has stopped finishing its
# cycles (a 64-frame period is 750 cycles a second).
audio_alive() {
    local n0 n1
    n0=$(grep -c xrun_at "$WORK/xruns.txt" || true)
    sleep 1
    n1=$(grep -c xrun_at "$WORK/xruns.txt" || true)
    [ $((n1 - n0)) -le 300 ] && return 0
    echo "jalv's real-time thread: $(ps -L -o tid=,cls=,stat=,wchan:32= -p "$jalv_pid" | awk '$2 == "FF"')"
    timeout 60 gdb -batch -p "$jalv_pid" -ex "thread apply all bt 25" > "$WORK/jalv-stacks.txt" 2>&1 || true
    timeout 30 jstack "$jalv_pid" > "$WORK/jvm-stacks.txt" 2>&1 || true
    local rt
    rt=$(ps -L -o tid=,cls= -p "$jalv_pid" | awk '$2 == "FF" { print $1; exit }')
    echo "--- the real-time thread's stack (LWP $rt; all threads in $WORK/jalv-stacks.txt, Java's in jvm-stacks.txt):"
    awk -v lwp="LWP $rt" 'index($0, lwp) { on = 1 } on && /^$/ { exit } on' "$WORK/jalv-stacks.txt" | head -40
    grep -A 12 '"foldback-osc-in"' "$WORK/jvm-stacks.txt" || true
    tail -3 "$WORK/jackd.log"
    fail "$1: jalv's audio thread stopped finishing its cycles ($((n1 - n0)) xruns in one second)"
}
audio_alive "after the xrun counter joined the graph"
now() { date +%s.%N; }
: > "$WORK/phases.txt"
flood_seconds=0
oscdump "$sink" > /dev/null 2>&1 &
cleanup_hooks+=("kill $! 2>/dev/null")
for kind in Q S F F S Q Q S F F S Q; do
    subscribe   # a subscription lasts 10 s
    t0=$(now)
    case $kind in
        F) oscsendfile 127.0.0.1 "$port" "$WORK/flood.txt" >/dev/null 2>&1 || fail "oscsendfile failed" ;;
        S) oscsendfile 127.0.0.1 "$sink" "$WORK/flood.txt" >/dev/null 2>&1 || fail "oscsendfile failed" ;;
        Q) sleep "$PHASE" ;;
    esac
    t1=$(now)
    echo "$kind $t0 $t1" >> "$WORK/phases.txt"
done
audio_alive "after the phases"
kill -TERM "$counter"; wait "$counter" || true
kill -0 "$jalv_pid" 2>/dev/null || { cat "$WORK/jalv.log"; fail "jalv died during the flood"; }

python3 "$(dirname "$0")/xrun_phases.py" "$WORK/phases.txt" "$WORK/xruns.txt" "$WORK/jvm.log" > "$WORK/figures.txt" \
    || fail "cannot split the run into its phases"
tr '\n' ' ' < "$WORK/figures.txt"; echo
figure() { sed -n "s/^$1=//p" "$WORK/figures.txt"; }
quiet=$(figure quiet_xruns) flood=$(figure flood_xruns) sunk=$(figure sink_xruns) flood_s=$(figure flood_seconds)
sent_rate=$(awk -v n="$flood_messages" -v s="$flood_s" 'BEGIN { printf "%.0f", 4 * n / s }')
margin=$(awk -v q="$quiet" 'BEGIN { printf "%d", 3 + 3 * sqrt(2 * q) }')
echo "xruns: quiet $quiet, flood $flood (margin $margin), the same flood into a native sink $sunk; flood: $((4 * flood_messages)) messages at $sent_rate a second; load average $(cut -d' ' -f1 /proc/loadavg)"

# The flood's values came back to the watcher (the server acted on them; feedback runs at 20 Hz).
fed=$(since_mark | grep -cE "/foldback/$id/cue/([3-9]|[1-9][0-9])/send/[0-9]+/level f -[1-4][0-9]\.0" || true)
echo "feedback lines carrying the flood's send levels: $fed"
[ "$fed" -ge 20 ] || fail "the watcher got only $fed updates of the flood's send levels"
[ "$sent_rate" -ge 5000 ] || fail "the flood reached only $sent_rate messages a second"

# After the flood: the server answers, an edit by oscsend comes back exactly, and the audio moves.
mark
subscribe
oscsend 127.0.0.1 "$port" /foldback/query i "$reply"
expect "/foldback/query/done i 1"
oscsend 127.0.0.1 "$port" "/foldback/$id/cue/3/send/1/level" f -7.5
expect "/foldback/$id/cue/3/send/1/level f -7.5"
oscsend 127.0.0.1 "$port" "/foldback/$id/cue/2/send/1/level" f -6
expect "/foldback/$id/param/cue2.src1.level fs 0.840000 \"-6.0 dB\""
sleep 1
meter_after=$(last_meter 2)
echo "cue 2's meter: $meter_before dBFS with its send at -20 dB, $meter_after dBFS at -6 dB"
python3 -c "import sys; d = float('$meter_after') - float('$meter_before'); sys.exit(0 if 12.5 < d < 15.5 else 1)" \
    || fail "cue 2's meter moved from $meter_before to $meter_after dBFS, not by the send's 14 dB"

# jalv's release writes the shim's block-time telemetry (whole run: start, quiet and flood). jalv
# releases the plugin after jack_client_close, which on this dummy server often waits for an
# answer that never comes (seen for 20 s and more): the server is stopped after 3 s, which ends it.
t0=$(date +%s.%N)
kill -TERM "$jalv_pid"
for _ in $(seq 30); do grep -q "block time: " "$LOG" && break; sleep 0.1; done
grep -q "block time: " "$LOG" || { echo "jalv had not released the plugin 3 s after SIGTERM: stopping the JACK server"; stop_jack; }
for _ in $(seq 100); do grep -q "block time: " "$LOG" && break; sleep 0.1; done
echo "jalv released the plugin $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s after SIGTERM"
telemetry=$(grep "block time: " "$LOG" | tail -1 || true)
echo "telemetry over the whole run: ${telemetry#*block time: }"
assert_no_jvm_crash
[ "$flood" -le $((quiet + margin)) ] \
    || fail "OSC made the audio late: $flood xruns in the flood phases against $quiet in the quiet ones (margin $margin; $sunk with the flood sent to a native sink)"
pass "OSC flood in jalv (SCHED_FIFO, 64 frames at 48 kHz): $flood xruns flooded vs $quiet quiet ($sunk into a native sink) at $sent_rate messages/s; feedback, answers and audio intact"
