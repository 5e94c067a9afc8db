#!/usr/bin/env bash
# Issue 5 in a real DAW: Ardour 7 (headless, its Lua tool and Dummy backend) inserts the LV2,
# loads a factory preset through Ardour's own preset menu code, rolls and saves the session. A
# second Ardour process opens the session: the plugin must get back exactly the bytes it saved
# (the shim logs a fingerprint of every state it saves and restores), and saving again must not
# change them.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ardour_lib.sh"
PRESET="Podcast: three hosts and talkback"

{
    lua_dummy_backend
    cat <<LUA
local s = create_session("$WORK/session", "foldback", 48000)
assert(s, "could not create a session")
$(lua_track_with_foldback "new session")
local plugin = p:to_insert():plugin(0)
local preset = plugin:preset_by_label("$PRESET")
assert(preset, "Ardour does not list the preset '$PRESET'")
assert(plugin:load_preset(preset), "Ardour could not load the preset")
print("loaded preset " .. preset.label)
$(lua_roll 1000000)
s:save_state("", false, false, false, false, false)
print("SESSION SAVED")
close_session()
LUA
} >"$WORK/save.lua"

{
    lua_dummy_backend
    cat <<LUA
local s = load_session("$WORK/session", "foldback")
assert(s, "could not open the saved session")
$(lua_roll 1000000)
s:save_state("", false, false, false, false, false)
print("SESSION REOPENED AND SAVED")
close_session()
LUA
} >"$WORK/reopen.lua"

run_ardour save.lua "SESSION SAVED"
grep -q "loaded preset $PRESET" "$WORK/save.lua.log" || fail "the preset was not loaded"
grep -q "program [0-9]* loaded: $PRESET" "$LOG" || fail "Ardour's preset load did not reach the plugin (no 'program N loaded' in the log)"
saved=$(grep "state saved:" "$LOG" | tail -1 | sed 's/.*state saved: //')
[ -n "$saved" ] || fail "Ardour saved the session without asking the plugin for its state"
cp "$LOG" "$WORK/first-process.log"
: >"$LOG"

run_ardour reopen.lua "SESSION REOPENED AND SAVED"
restored=$(grep "state restored:" "$LOG" | head -1 | sed 's/.*state restored: //')
[ -n "$restored" ] || { cat "$LOG"; fail "the reopened session did not restore the plugin's state"; }
[ "$restored" = "$saved" ] || fail "restored state differs from the saved one: saved $saved, restored $restored"
if grep "state saved:" "$LOG" | grep -v -F "$saved" | grep -q .; then
    grep "state saved:" "$LOG"
    fail "saving the reopened session changed the plugin's state"
fi

assert_no_jvm_crash
pass "Ardour: preset '$PRESET' saved and restored bit for bit ($saved)"
