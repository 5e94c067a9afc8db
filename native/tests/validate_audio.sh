#!/usr/bin/env bash
# Sample rates and rate changes, block sizes 1..8192 changing every call and larger than prepared, lifecycle order, bypass without clicks, NaN/Inf/subnormal/full-scale input.
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" rates,blocks,lifecycle,bypass,input --quick 1
