#!/usr/bin/env bash
# State get/set from a background thread while processing, set-then-get gives the same bytes, restored state renders identical audio;
# bypass set in a parameter flush survives save and load (Steinberg validator, "Parameter Bypass persistence").
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" state-threads,state-roundtrip,bypass-state --quick 1
