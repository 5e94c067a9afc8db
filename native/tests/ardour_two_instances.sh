#!/usr/bin/env bash
# Test 3: Ardour 7 headless (its Lua tool and Dummy backend) creates a session, inserts the LV2
# twice on one track and rolls for three seconds. Both instances share one JVM and Ardour does
# not crash.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ardour_lib.sh"

{
    lua_dummy_backend
    cat <<LUA
local s = create_session("$WORK/session", "foldback", 48000)
assert(s, "could not create a session")
$(lua_track_with_foldback "instance 1")
print("inserted instance 1")
p = ARDOUR.LuaAPI.new_plugin(s, "http://foldback.dev/plugins/foldback", ARDOUR.PluginType.LV2, "")
assert(not p:isnil(), "Foldback did not load (instance 2)")
track:add_processor_by_index(p, 0, nil, true)
print("inserted instance 2")
$(lua_roll 3000000)
close_session()
print("SESSION CLOSED")
LUA
} >"$WORK/session.lua"

run_ardour session.lua "SESSION CLOSED"
grep -q "inserted instance 2" "$WORK/session.lua.log" || fail "the second instance was not inserted"
rolled=$(sed -n 's/^rolled \([0-9]*\).*/\1/p' "$WORK/session.lua.log")
[ "${rolled:-0}" -gt 48000 ] || fail "the transport did not roll (sample ${rolled:-none})"

starts=$(grep -c "Java ready" "$LOG" || true)
instances=$(grep -c "instance ready" "$LOG" || true)
prepared=$(grep -c "prepared: 48000 Hz" "$LOG" || true)
[ "$starts" -eq 1 ] || fail "expected one JVM start in Ardour's process, saw $starts"
[ "$instances" -ge 2 ] || fail "expected at least two instances, saw $instances"
[ "$prepared" -ge 2 ] || fail "expected both instances prepared, saw $prepared"
assert_no_jvm_crash
pass "Ardour: two instances on one JVM, rolled $rolled samples, no crash"
