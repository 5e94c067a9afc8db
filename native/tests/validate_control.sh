#!/usr/bin/env bash
# Bus layouts accepted and refused, and parameters fuzzed from three threads (message, background,
# automation inside the block) while audio runs. Runs in foldback-host against the built VST3;
# see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" buses,param-threads --quick 1
