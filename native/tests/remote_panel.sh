#!/usr/bin/env bash
# The editor's remote panel in the real host (VST3 in foldback-host editor, Xvfb): a session with
# the *Four-piece band* preset, the remote on (a free port, fixed PINs, cue 3 locked) is restored;
# two phones (remote/RemoteClient.java) log in to cues 2 and 4 and stay; a click on REMOTE opens
# the panel. Read back from the screen: the panel is drawn, the switch lit green (the server runs),
# the QR code's square holds dark and light modules; the phones saw the instance under the
# engineer's name. With FOLDBACK_SCREENSHOTS=DIR the screenshot is copied to DIR/remote-panel.png
# (docs/remote-panel.png is made this way). About 30 s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/editor_lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tone "$WORK/sine.wav" -18 2
java_cli presets export four-piece-band "$WORK/band.json" >/dev/null
python3 - "$WORK/band.json" "$WORK/session.json" "$port" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["format"] = "foldback-state"          # a session, not a preset: only a session carries the remote
for k in ("name", "description"):
    s.pop(k, None)
pins = ["604211", "318590", "772034", "145926", "930457", "286713", "559102", "417368"]
s["web_remote"] = {"enabled": True, "port": int(sys.argv[3]), "name": "Live room",
                   "cues": [{"pin": p, "locked": c == 2} for c, p in enumerate(pins)]}
json.dump(s, open(sys.argv[2], "w"))
PY

run_host editor --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --frames "${FOLDBACK_REMOTE_PANEL_FRAMES:-500}" \
    --plugin-state "$WORK/session.json" --click "$(centre remote)" \
    --screenshot "$WORK/panel.png" > "$WORK/host.out" 2>&1 &
host=$!
cleanup_hooks+=("kill $host 2>/dev/null")
hold=$(( ${FOLDBACK_REMOTE_PANEL_FRAMES:-500} / 8 ))   # seconds the phones stay: longer than the editor runs
client() { java -cp "$TEST_JAR" "$(dirname "$0")/remote/RemoteClient.java" "$port" "$1" "$2" 1 "$3" 60 "$4"; }
client 2 318590 -9 "$hold" > "$WORK/phone2.out" 2>&1 &
phone2=$!
client 4 145926 -3 "$hold" > "$WORK/phone4.out" 2>&1 &
phone4=$!
cleanup_hooks+=("kill $phone2 $phone4 2>/dev/null")
wait $host || { cat "$WORK/host.out"; fail "the host failed"; }
kill $phone2 $phone4 2>/dev/null || true
cat "$WORK/phone2.out" "$WORK/phone4.out"
grep -q "name=Live room" "$WORK/phone2.out" || fail "phones do not list the instance under the engineer's name"
grep -qx "send_after=-9.0" "$WORK/phone2.out" || fail "phone 2 did not move its send"

read -r sx sy sw sh <<< "$(layout remote.switch)"
switch=$(png_py pixel "$WORK/panel.png" "$(python3 -c "print(int($sx + 4))")" "$(python3 -c "print(int($sy + $sh / 2))")")
echo "switch pixel: $switch"
python3 -c "import sys; r, g, b = map(int, sys.argv[1:]); sys.exit(0 if abs(r - 48) < 20 and abs(g - 192) < 20 and abs(b - 80) < 20 else 1)" $switch \
    || fail "the remote's switch is not lit green: is the panel open and the server running?"
read -r qx qy qw qh <<< "$(layout remote.qr)"
inner=$(python3 -c "print(int($qx + 14), int($qy + 14), int($qw - 28), int($qh - 28))")   # inside the quiet zone
dark=$(png_py count "$WORK/panel.png" "$inner" "0 0 0" 40)
light=$(png_py count "$WORK/panel.png" "$inner" "250 250 250" 10)
echo "QR square: $dark dark and $light light pixels"
python3 -c "import sys; d, l = map(int, sys.argv[1:]); sys.exit(0 if d + l > 5000 and 0.3 < d / (d + l) < 0.7 else 1)" "$dark" "$light" \
    || fail "no QR code in its square"
if [ -n "${FOLDBACK_SCREENSHOTS:-}" ]; then
    cp "$WORK/panel.png" "$FOLDBACK_SCREENSHOTS/remote-panel.png"
fi
grep "editor: render" "$LOG" | tail -1 | grep -o "allocated_bytes_per_frame=[^;]*" || true   # printed, not asserted: see EDITOR.md
if grep -q "318590\|145926" "$LOG"; then fail "a PIN reached the log"; fi
assert_no_jvm_crash
pass "the remote panel shows the running server, its QR code and the phones' instance by name"
