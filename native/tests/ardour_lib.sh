#!/usr/bin/env bash
# Shared by the Ardour tests: Ardour 7 headless (its Lua tool `ardour7-lua` and the Dummy
# backend, see ../shared/HOSTS.md) with the built LV2 on its LV2_PATH. Source after lib.sh.
# The lua_* functions print Lua for a test to assemble into a script; `s` is the session.

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"

lua_dummy_backend() {
    echo 'AudioEngine:set_backend("None (Dummy)", "", "")'
}

# A new stereo track with Foldback inserted: local `p` is the processor. $1: a name for messages.
lua_track_with_foldback() {
    cat <<LUA
local track = s:new_audio_track(2, 2, nil, 1, "band", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true):front()
local p = ARDOUR.LuaAPI.new_plugin(s, "http://foldback.dev/plugins/foldback", ARDOUR.PluginType.LV2, "")
assert(not p:isnil(), "Foldback did not load ($1)")
track:add_processor_by_index(p, 0, nil, true)
LUA
}

# Rolls for $1 microseconds, prints "rolled N" (prefixed by $2, if any), stops.
lua_roll() {
    cat <<LUA
s:request_roll(ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep($1)
print("${2:+$2 }rolled " .. s:transport_sample())
s:request_stop(false, false, ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(300000)
LUA
}

# Runs script $1 (a file in $WORK) and insists it printed $2; its output goes to $WORK/$1.log.
run_ardour() {
    timeout 300 ardour7-lua "$WORK/$1" >"$WORK/$1.log" 2>&1 || { tail -30 "$WORK/$1.log"; fail "ardour7-lua $1 exited with an error"; }
    grep -q "$2" "$WORK/$1.log" || { tail -30 "$WORK/$1.log"; fail "ardour7-lua $1 did not get to '$2'"; }
}
