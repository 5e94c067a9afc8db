#!/usr/bin/env bash
# Bus layouts accepted and refused, every parameter at min/max/default/random, text round trips, parameters fuzzed from three threads while audio runs.
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" buses,param-values,param-text,param-threads --quick 1
