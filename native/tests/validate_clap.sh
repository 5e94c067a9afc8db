#!/usr/bin/env bash
# The whole validation suite (every case of `all`: rates, blocks, lifecycle, bypass, input, buses,
# parameter values, text and threads, state threads and round trip, instances, cycles) on the CLAP,
# through foldback-host's CLAP loader; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
: "${FOLDBACK_CLAP:?}"
run_cases "$FOLDBACK_CLAP" rates,blocks,lifecycle,bypass,input,buses,param-values,param-text,param-threads,state-threads,state-roundtrip,instances,cycles --quick 1
