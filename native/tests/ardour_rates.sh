#!/usr/bin/env bash
# Issue 7, sample rates in a real DAW: one Ardour 7 process (headless, Dummy backend) opens a new
# session at 44.1, 48, 88.2, 96 and 192 kHz in turn, inserts the LV2 and rolls for a second in
# each. The plugin must be prepared at each rate (its log says so), the transport must move at
# that rate, and Ardour must close every session without a crash. The JVM started for the first
# session serves all of them.
source "$(dirname "$0")/lib.sh"

export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
RATES="44100 48000 88200 96000 192000"

{
    echo 'AudioEngine:set_backend("None (Dummy)", "", "")'
    for rate in $RATES; do
        cat <<LUA
do
  local s = create_session("$WORK/session-$rate", "rate$rate", $rate)
  assert(s, "could not create a session at $rate Hz")
  local track = s:new_audio_track(2, 2, nil, 1, "band", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true):front()
  local p = ARDOUR.LuaAPI.new_plugin(s, "http://foldback.dev/plugins/foldback", ARDOUR.PluginType.LV2, "")
  assert(not p:isnil(), "Foldback did not load at $rate Hz")
  track:add_processor_by_index(p, 0, nil, true)
  s:request_roll(ARDOUR.TransportRequestSource.TRS_UI)
  ARDOUR.LuaAPI.usleep(1000000)
  print("rate $rate rolled " .. s:transport_sample())
  s:request_stop(false, false, ARDOUR.TransportRequestSource.TRS_UI)
  ARDOUR.LuaAPI.usleep(200000)
  close_session()
end
LUA
    done
    echo 'print("ALL SESSIONS CLOSED")'
} >"$WORK/rates.lua"

timeout 300 ardour7-lua "$WORK/rates.lua" >"$WORK/ardour.log" 2>&1 || { tail -30 "$WORK/ardour.log"; fail "ardour7-lua exited with an error"; }
grep -q "ALL SESSIONS CLOSED" "$WORK/ardour.log" || { tail -30 "$WORK/ardour.log"; fail "Ardour did not get through every session"; }

for rate in $RATES; do
    rolled=$(sed -n "s/^rate $rate rolled \([0-9]*\).*/\1/p" "$WORK/ardour.log")
    # A second of rolling moves the transport by about one second of samples at that rate; half
    # is the floor (the roll starts a little after the request, and the machine is shared).
    [ "${rolled:-0}" -gt $((rate / 2)) ] || fail "at $rate Hz the transport moved only ${rolled:-0} samples in a second"
    grep -q "prepared: $rate Hz" "$LOG" || fail "the plugin was never prepared at $rate Hz"
    echo "$rate Hz: prepared, rolled $rolled samples"
done
starts=$(grep -c "Java ready" "$LOG" || true)
[ "$starts" -eq 1 ] || fail "expected one JVM start in Ardour's process, saw $starts"
assert_no_jvm_crash
pass "Ardour: sessions at $RATES Hz in one process, the plugin prepared and rolling at each"
