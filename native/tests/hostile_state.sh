#!/usr/bin/env bash
# Issue 19: a hostile session must not crash or corrupt the host. Through the real plugin in the
# offline host (vst3 or lv2, the argument): the issue's crash (the band state with
# "format": "\u0000") reproduced as a regression, then the hostile-state fuzz (hostile_lib.sh).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/hostile_lib.sh"
case "${1:-vst3}" in
    vst3) plugin="$FOLDBACK_VST3" ;;
    lv2) plugin="$FOLDBACK_LV2" ;;
    *) fail "usage: hostile_state.sh vst3|lv2" ;;
esac
COUNT="${FOLDBACK_HOSTILE_COUNT:-400}"

crash_repro "$plugin"
fuzz_states "$plugin" "$COUNT" 19
assert_no_jvm_crash
pass "hostile states in the ${1:-vst3}: the issue's crash is refused cleanly, $COUNT fuzzed blobs behave"
