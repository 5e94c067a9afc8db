#!/usr/bin/env bash
# Issue 7, sample rates in a real DAW: one Ardour 7 process (headless, Dummy backend) opens a new
# session at 44.1, 48, 88.2, 96 and 192 kHz in turn, inserts the LV2 and rolls for a second in
# each. The plugin must be prepared at each rate (its log says so), the transport must move at
# that rate, and Ardour must close every session without a crash. The JVM started for the first
# session serves all of them.
source "$(dirname "$0")/lib.sh"

source "$(dirname "$0")/ardour_lib.sh"
RATES="44100 48000 88200 96000 192000"

{
    lua_dummy_backend
    for rate in $RATES; do
        cat <<LUA
do
  local s = create_session("$WORK/session-$rate", "rate$rate", $rate)
  assert(s, "could not create a session at $rate Hz")
$(lua_track_with_foldback "$rate Hz")
$(lua_roll 1000000 "rate $rate")
  close_session()
end
LUA
    done
    echo 'print("ALL SESSIONS CLOSED")'
} >"$WORK/rates.lua"

run_ardour rates.lua "ALL SESSIONS CLOSED"

for rate in $RATES; do
    rolled=$(sed -n "s/^rate $rate rolled \([0-9]*\).*/\1/p" "$WORK/rates.lua.log")
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
