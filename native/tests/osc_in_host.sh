#!/usr/bin/env bash
# OSC in a real host: our JUCE host restores a session state that sets OSC's port and allowed
# client but leaves it off, and plays a sine through the VST3 with its editor open (which makes the
# host print every gesture and value it is told of). Nothing answers on the port until the
# engineer clicks OSC in the editor and then the panel's switch. Debian's liblo-tools are the
# client, on loopback: the query names the instance, a subscription gets parameter and meter
# feedback, a shortcut and an Ardour /cue fader set sends, and each edit comes back from the host:
# a gesture in the host's report, and the value in the feedback only after the host passed it into
# the plugin's audio. The screenshot at the end shows the panel: the switch lit, the one client
# (127.0.0.1) listed. About 40 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

free_udp() { python3 -c "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
port=$(free_udp)
reply=$(free_udp)
cat > "$WORK/state.json" <<JSON
{"format": "foldback-state", "schema": 2, "params": {"cue2.src1.level": -20.0},
 "osc": {"enabled": false, "port": $port, "allowed": ["127.0.0.1"]}}
JSON
tone "$WORK/sine.wav" -18 2

# The clicks come half-way through the 2000 frames (at 16 ms or more a frame: 16 s or later).
run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames 2000 --report-params yes \
    --plugin-state "$WORK/state.json" --click "$(centre osc)" --click "$(centre osc.switch)" \
    --screenshot "$WORK/panel.png" > "$WORK/out.txt" 2>&1 &
host=$!
cleanup_hooks+=("kill $host 2>/dev/null")
oscdump -L "$reply" > "$WORK/dump.txt" 2>&1 &
cleanup_hooks+=("kill $! 2>/dev/null")

# Off until the engineer switches it on: with the editor drawing, a query gets no answer.
for _ in $(seq 600); do grep -q "editor: OpenGL" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "editor: OpenGL" "$LOG" || fail "the editor did not open"
oscsend 127.0.0.1 "$port" /foldback/query i "$reply" || true
sleep 1.5
if grep -q "/foldback/query/done" "$WORK/dump.txt" || grep -q "osc: serving" "$LOG"; then
    fail "OSC answered before the engineer switched it on"
fi
echo "before the clicks: no OSC server, the query went unanswered"

for _ in $(seq 1200); do grep -q "osc: serving on UDP port $port" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep -q "osc: serving on UDP port $port (loopback only)" "$LOG" || fail "the panel's switch did not start the OSC server on $port"
# expect TEXT: waits up to 10 s for a line of oscdump's output containing TEXT
expect() {
    for _ in $(seq 100); do grep -qF -- "$1" "$WORK/dump.txt" && return 0; sleep 0.1; done
    head -20 "$WORK/dump.txt"
    fail "no OSC reply containing '$1'"
}

oscsend 127.0.0.1 "$port" /foldback/query i "$reply"
expect "/foldback/query/done i 1"
id=$(awk '$2 == "/foldback/instance" { print $4; exit }' "$WORK/dump.txt")
[ -n "$id" ] || fail "the query named no instance"

oscsend 127.0.0.1 "$port" /foldback/subscribe if "$reply" 10
expect "/foldback/subscribed"
expect "/foldback/$id/cue/2/send/1/level f -20.0"

# A shortcut in plain dB: the value comes back only through the host (gesture -> host -> audio).
oscsend 127.0.0.1 "$port" "/foldback/$id/cue/2/send/1/level" f -6
expect "/foldback/$id/param/cue2.src1.level fs 0.840000 \"-6.0 dB\""
# Out of range is clamped as the host clamps: +30 dB is +10 dB.
oscsend 127.0.0.1 "$port" "/foldback/$id/cue/1/level" f 30
expect "/foldback/$id/cue/1/level f 10.0"
# Ardour's /cue: select aux 3, its send 1 to position 0.9 (0 dB on Foldback's law).
oscsend 127.0.0.1 "$port" /cue/connect i "$reply"
expect "/cue/name/3 s \"Cue 3\""
oscsend 127.0.0.1 "$port" /cue/aux i 3
oscsend 127.0.0.1 "$port" /cue/send/fader/1 f 0.9
expect "/cue/send/fader/1 f 0.9"
expect "/foldback/$id/param/cue3.src1.level fs 0.900000 \"0.0 dB\""
# Meters of the playing sine: -18 dBFS into cue 1, now at +10 dB, reads -8 dBFS peak.
expect "/foldback/$id/cue/1/meter ffi"
# At least five updates within 10 s of the first (the subscription asked for 10 a second; counted
# at once after the first, as this did until 2026-12-02, it read 4 once in a full test run).
for _ in $(seq 100); do
    meters=$(grep -c "/foldback/$id/cue/1/meter" "$WORK/dump.txt")
    [ "$meters" -ge 5 ] && break
    sleep 0.1
done
[ "$meters" -ge 5 ] || fail "only $meters meter updates in 10 s"
peak=$(awk -v a="/foldback/$id/cue/1/meter" '$2 == a { p = $4 } END { print p }' "$WORK/dump.txt")
python3 -c "import sys; sys.exit(0 if -8.5 < float('$peak') < -7.5 else 1)" || fail "cue 1's meter reads $peak dBFS"

wait "$host" || { tail -20 "$WORK/out.txt"; fail "the host failed"; }
assert_no_jvm_crash
# The panel, still open at the end: its switch lit green, one client row written, the next empty.
read -r sx sy sw sh <<< "$(layout osc.switch)"
switch=$(png_py pixel "$WORK/panel.png" "$(python3 -c "print(int($sx + 4))")" "$(python3 -c "print(int($sy + $sh / 2))")")
echo "OSC switch pixel: $switch"
python3 -c "import sys; r, g, b = map(int, sys.argv[1:]); sys.exit(0 if abs(r - 48) < 20 and abs(g - 192) < 20 and abs(b - 80) < 20 else 1)" $switch \
    || fail "the OSC switch is not lit green: is the panel open?"
text_in() { png_py count "$WORK/panel.png" "$(layout "$1" | awk '{ printf "%d %d %d %d", $1, $2, $3, $4 }')" "225 225 225" 40; }
row1=$(text_in osc.client.1)
row2=$(text_in osc.client.2)
echo "client rows: $row1 text pixels in the first, $row2 in the second"
[ "$row1" -gt 30 ] && [ "$row2" -lt 5 ] || fail "the panel does not list exactly one client (127.0.0.1)"
if [ -n "${FOLDBACK_SCREENSHOTS:-}" ]; then
    cp "$WORK/panel.png" "$FOLDBACK_SCREENSHOTS/osc-panel.png"
fi
grep "editor: render" "$LOG" | tail -1 | grep -o "allocated_bytes_per_frame=[^;]*" || true   # printed, not asserted: see EDITOR.md
# The host's report: each edit was one gesture (begin, value, end) on the right parameter.
for name in "Cue 2 Src 1 Level" "Cue 1 Level" "Cue 3 Src 1 Level"; do
    lines=$(grep -E "^(gesture_begin|gesture_end|param)=[0-9]* $name" "$WORK/out.txt" | sed 's/=[0-9]* /=/' | cut -d= -f1 | uniq | tr '\n' ' ')
    [ "$lines" = "gesture_begin param gesture_end " ] || fail "$name: not one gesture in the host: $lines"
done
pass "OSC in the JUCE host: off until the editor's switch, then query, feedback through the host, gestures, Ardour /cue, meters, the client in the panel"
