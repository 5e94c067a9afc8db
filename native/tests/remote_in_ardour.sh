#!/usr/bin/env bash
# The web remote in a real DAW: Ardour 7 headless (its Lua tool, Dummy backend) with the LV2. A
# first process makes a session with Foldback on a track and saves it; the plugin's state in the
# session (JUCE's StateString in Ardour's state.ttl) is then given the remote on a free port with
# a PIN for cue 2 and cue 2 hearing source 1 at -20 dB. A second process opens the session and
# rolls; meanwhile a raw WebSocket client (remote/RemoteClient.java) logs in with that PIN and
# moves the send to -8 dB; Ardour saves. Asserted: the phone saw -20 then -8, and the state Ardour
# saved holds -8 dB (the gesture reached Ardour's plugin instance, whose state it saved).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ardour_lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pin=538201

{
    lua_dummy_backend
    cat <<LUA
local s = create_session("$WORK/session", "foldback", 48000)
assert(s, "could not create a session")
$(lua_track_with_foldback "new session")
$(lua_roll 500000)
s:save_state("", false, false, false, false, false)
print("SESSION SAVED")
close_session()
LUA
} >"$WORK/make.lua"

{
    lua_dummy_backend
    cat <<LUA
local s = load_session("$WORK/session", "foldback")
assert(s, "could not open the saved session")
$(lua_roll 25000000 "remote")
s:save_state("", false, false, false, false, false)
print("SESSION ROLLED AND SAVED")
close_session()
LUA
} >"$WORK/roll.lua"

# state.py DIR read|write [PORT PIN]: the newest Foldback state Ardour keeps in the session,
# decoded from JUCE's MemoryBlock base64 ("SIZE." then 6-bit groups, least significant bit first).
state_py() {
    TESTS_DIR="$(dirname "$0")" python3 - "$@" <<'PY'
import glob, json, os, re, sys
sys.path.insert(0, os.environ["TESTS_DIR"])
from juce_state import decode, encode  # JUCE's MemoryBlock base64, shared with osc_in_jalv
ttls = sorted(glob.glob(sys.argv[1] + "/plugins/**/state.ttl", recursive=True), key=os.path.getmtime)
assert ttls, "no plugin state in the session"
ttl = ttls[-1]
text = open(ttl).read()
m = re.search(r'StateString>\s*"([0-9]+\.[^"]*)"', text)
assert m, "no StateString in " + ttl
state = json.loads(decode(m.group(1)))
if sys.argv[2] == "read":
    print("%s cue2.src1.level=%s" % (ttl, state["params"]["cue2.src1.level"]))
else:
    state["params"]["cue2.src1.level"] = -20.0
    state["web_remote"] = {"enabled": True, "port": int(sys.argv[3]),
                           "cues": [{"pin": sys.argv[4] if c == 1 else "1%05d" % c, "locked": False} for c in range(8)]}
    blob = json.dumps(state).encode()
    open(ttl, "w").write(text[:m.start(1)] + encode(blob) + text[m.end(1):])
    print("wrote", ttl)
PY
}

run_ardour make.lua "SESSION SAVED"
state_py "$WORK/session" write "$port" "$pin"

timeout 300 ardour7-lua "$WORK/roll.lua" > "$WORK/roll.lua.log" 2>&1 &
ardour=$!
cleanup_hooks+=("kill $ardour 2>/dev/null")
java -cp "$FOLDBACK_JAR" "$(dirname "$0")/remote/RemoteClient.java" "$port" 2 "$pin" 1 -8 120 > "$WORK/client.out" 2>&1 \
    || { cat "$WORK/client.out"; tail -20 "$WORK/roll.lua.log"; fail "the client did not change the send in Ardour"; }
wait $ardour || { tail -30 "$WORK/roll.lua.log"; fail "ardour7-lua roll.lua failed"; }
cat "$WORK/client.out"
grep -q "SESSION ROLLED AND SAVED" "$WORK/roll.lua.log" || { tail -30 "$WORK/roll.lua.log"; fail "Ardour did not roll and save"; }
grep -q "remote rolled [1-9]" "$WORK/roll.lua.log" || fail "Ardour did not roll"
grep -qx "send_before=-20.0" "$WORK/client.out" || fail "the phone did not see the session's -20 dB"
grep -qx "send_after=-8.0" "$WORK/client.out" || fail "the phone did not see its move"
saved=$(state_py "$WORK/session" read)
echo "$saved"
[[ "$saved" == *"cue2.src1.level=-8.0" ]] || fail "Ardour's saved session does not hold the remote's -8 dB: $saved"
if grep -q "$pin" "$LOG"; then fail "the PIN reached the log"; fi
assert_no_jvm_crash
pass "Ardour: a phone moved cue 2's send during roll and the saved session holds it"
