#!/usr/bin/env bash
# Every parameter at min, max, default, random (3 seeds) and NaN while audio runs: every output
# finite, every cue with its limiter on below its own ceiling, silence with every level at minimum.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" param-values --quick 1
