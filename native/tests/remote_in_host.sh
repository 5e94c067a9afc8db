#!/usr/bin/env bash
# The web remote in a real host: the VST3 in the offline JUCE host, playing in real time (messages
# pumped between blocks, as a DAW's message thread runs), restores a session whose state has the
# remote on; the host names the track (VST3 IInfoListener). A raw WebSocket client (the JDK's, in
# remote/RemoteClient.java) finds the instance under the track's name, logs in to cue 2 with the
# PIN from the state and moves source 1's send from -20 to -8 dB as one gesture. Asserted:
#  - the host was told one begin, the values, one end for cue2.src1.level (automation and undo
#    see the remote's move as they would an editor's);
#  - cue 2 as rendered through the plugin rose by 12.0 dB (+-0.1) between the session's render
#    and where it settled after the move (a 1 kHz sine on source 1), and the other cues did not change;
#  - the state the host saves afterwards holds the new send;
#  - the PIN is in neither the plugin's log nor the host's output.
source "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pin=482913
seconds=${FOLDBACK_REMOTE_HOST_SECONDS:-14}

# 1 kHz at -20 dBFS peak, stereo, 48 kHz, 16-bit.
python3 - "$WORK/sine.wav" "$seconds" <<'PY'
import math, struct, sys, wave
path, seconds = sys.argv[1], float(sys.argv[2])
with wave.open(path, "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(48000)
    a = 0.1 * 32767
    frames = bytearray()
    for i in range(int(48000 * seconds)):
        v = int(round(a * math.sin(2 * math.pi * 1000 * i / 48000)))
        frames += struct.pack("<hh", v, v)
    w.writeframes(bytes(frames))
PY

# The session: cue 2 hears source 1 at -20 dB; the remote is on, on a free port, cue 2 has a PIN.
"$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --out "$WORK/prep" --tail 0 \
    --set "Cue 2 Src 1 Level=-20 dB" --save-plugin-state "$WORK/base.json" >/dev/null
python3 - "$WORK/base.json" "$WORK/session.json" "$port" "$pin" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
state["web_remote"] = {"enabled": True, "port": int(sys.argv[3]),
                       "cues": [{"pin": sys.argv[4] if c == 1 else "1%05d" % c, "locked": False} for c in range(8)]}
json.dump(state, open(sys.argv[2], "w"))
PY

"$FOLDBACK_HOST" render --plugin "$FOLDBACK_VST3" --in "$WORK/sine.wav" --out "$WORK/live" \
    --plugin-state "$WORK/session.json" --realtime yes --report-params yes --track-name "Bass Amp" \
    --save-plugin-state "$WORK/after.json" > "$WORK/host.out" 2>&1 &
host=$!
cleanup_hooks+=("kill $host 2>/dev/null")
java -cp "$TEST_JAR" "$(dirname "$0")/remote/RemoteClient.java" "$port" 2 "$pin" 1 -8 60 > "$WORK/client.out" 2>&1 \
    || { cat "$WORK/client.out"; fail "the client did not change the send"; }
wait $host || { cat "$WORK/host.out"; fail "the host failed"; }
cat "$WORK/client.out"

grep -qx "instance=[0-9]* name=Bass Amp" "$WORK/client.out" || fail "the instance is not listed under the host's track name"
grep -qx "send_before=-20.0" "$WORK/client.out" || fail "the phone did not see the session's -20 dB"
grep -qx "send_after=-8.0" "$WORK/client.out" || fail "the phone did not see its move"

grep "gesture_\|^param=" "$WORK/host.out" | head -20
begins=$(grep -c "^gesture_begin=" "$WORK/host.out" || true)
ends=$(grep -c "^gesture_end=" "$WORK/host.out" || true)
[ "$begins" = 1 ] && [ "$ends" = 1 ] || fail "expected one gesture, got $begins begins and $ends ends"
python3 - "$WORK/host.out" <<'PY' || fail "the host did not hear begin, values, end in order for one parameter"
import sys
lines = [l.strip() for l in open(sys.argv[1]) if l.startswith(("gesture_", "param="))]
begin = next(i for i, l in enumerate(lines) if l.startswith("gesture_begin="))
end = next(i for i, l in enumerate(lines) if l.startswith("gesture_end="))
name = lines[begin].split("=", 1)[1]
values = [l for l in lines[begin + 1:end] if l.startswith("param=" + name + "=")]
assert name == lines[end].split("=", 1)[1], (name, lines[end])
assert len(values) >= 1, lines
assert name.endswith(" Cue 2 Src 1 Level"), name
print("gesture on", name, "with", len(values), "values")
PY

# The audio: cue 2's level at the start and at the end of the render, from the WAV's float samples.
python3 - "$WORK/live" "$WORK/prep" <<'PY' || fail "the rendered cues did not change as the send did"
import math, struct, sys
def read(path):
    data = open(path, "rb").read()
    pos, fmt = 12, None
    while pos < len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", data[pos + 8:pos + 24])
        if cid == b"data":
            body = data[pos + 8:pos + 8 + size]
            channels = fmt[1]
            s = struct.unpack("<%df" % (len(body) // 4), body)
            return [s[i::channels] for i in range(channels)][0]
        pos += 8 + size + (size & 1)
def rms_db(x):
    return 10 * math.log10(sum(v * v for v in x) / len(x) + 1e-30)
cue2 = read(sys.argv[1] + "/cue-2.wav")
# The phone's move lands somewhere in the render, even before its first block when the client is
# quick: find where cue 2 settled, in 0.1 s windows, and compare the settled level with the level
# before the move, from the render that made the session (same input, same state, no remote).
win = 4800
levels = [rms_db(cue2[i:i + win]) for i in range(0, len(cue2) - win + 1, win)]
final = levels[-1]
settled = len(levels)
while settled > 0 and abs(levels[settled - 1] - final) <= 0.05:
    settled -= 1
start = rms_db(read(sys.argv[2] + "/cue-2.wav")[4800:-4800])
print("cue 2: %.2f dBFS before the move, %.2f dBFS from %.1f s to the end (%.1f s): %+.2f dB"
      % (start, final, settled * win / 48000, len(cue2) / 48000, final - start))
assert len(levels) - settled >= 5, "cue 2 had not settled 0.5 s before the end: the move came too late"
assert abs((final - start) - 12.0) <= 0.1, final - start
for c in (1, 3):
    a = rms_db(read(sys.argv[2] + "/cue-%d.wav" % c)[4800:-4800])
    b = rms_db(read(sys.argv[1] + "/cue-%d.wav" % c)[4800:-4800])
    assert abs(a - b) <= 0.01, (c, a, b)
PY

python3 - "$WORK/after.json" <<'PY' || fail "the saved state does not hold the remote's move"
import json, sys
saved = json.load(open(sys.argv[1]))["params"]["cue2.src1.level"]
print("saved state: cue2.src1.level =", saved)
assert abs(saved - (-8.0)) < 0.01, saved
PY

if grep -q "$pin" "$LOG" "$WORK/host.out"; then
    fail "the PIN appears in the log or the host's output"
fi
assert_no_jvm_crash
pass "a raw WebSocket client changed cue 2's send in the VST3 in real time: one host gesture, +12 dB rendered, saved"
