#!/usr/bin/env bash
# 16 instances at once each at its own level; create/destroy cycles with RSS and thread count flat (100 cycles here, VALIDATION.md has the 1000-cycle soak).
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" instances,cycles --quick 1 --cycles 100
