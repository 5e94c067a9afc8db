#!/usr/bin/env bash
# Test 3: Ardour 7 headless (its Lua tool and Dummy backend) creates a session, inserts the LV2
# twice on one track and rolls for three seconds. Both instances share one JVM and Ardour does
# not crash.
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
export HOME="$WORK/home"    # Ardour writes its configuration under HOME
mkdir -p "$HOME"

cat >"$WORK/session.lua" <<LUA
AudioEngine:set_backend("None (Dummy)", "", "")
local s = create_session("$WORK/session", "foldback", 48000)
assert(s, "could not create a session")
local track = s:new_audio_track(2, 2, nil, 1, "band", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true):front()
for i = 1, 2 do
  local p = ARDOUR.LuaAPI.new_plugin(s, "http://foldback.dev/plugins/foldback", ARDOUR.PluginType.LV2, "")
  assert(not p:isnil(), "Foldback did not load")
  track:add_processor_by_index(p, 0, nil, true)
  print("inserted instance " .. i)
end
s:request_roll(ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(3000000)
print("rolled to sample " .. s:transport_sample())
s:request_stop(false, false, ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(300000)
close_session()
print("SESSION CLOSED")
LUA

timeout 180 ardour7-lua "$WORK/session.lua" >"$WORK/ardour.log" 2>&1 || { tail -30 "$WORK/ardour.log"; fail "ardour7-lua exited with an error"; }
grep -q "inserted instance 2" "$WORK/ardour.log" || { tail -30 "$WORK/ardour.log"; fail "the second instance was not inserted"; }
grep -q "SESSION CLOSED" "$WORK/ardour.log" || fail "Ardour did not get to close the session"
rolled=$(sed -n 's/^rolled to sample \([0-9]*\).*/\1/p' "$WORK/ardour.log")
[ "${rolled:-0}" -gt 48000 ] || fail "the transport did not roll (sample ${rolled:-none})"

starts=$(grep -c "Java ready" "$LOG" || true)
instances=$(grep -c "instance ready" "$LOG" || true)
prepared=$(grep -c "prepared: 48000 Hz" "$LOG" || true)
[ "$starts" -eq 1 ] || fail "expected one JVM start in Ardour's process, saw $starts"
[ "$instances" -ge 2 ] || fail "expected at least two instances, saw $instances"
[ "$prepared" -ge 2 ] || fail "expected both instances prepared, saw $prepared"
assert_no_jvm_crash
pass "Ardour: two instances on one JVM, rolled $rolled samples, no crash"
