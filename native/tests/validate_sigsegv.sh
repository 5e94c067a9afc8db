#!/usr/bin/env bash
# A host that installed its own SIGSEGV handler before loading the plugin: the JVM must chain faults that are not its own to it, and keep working.
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" sigsegv --quick 1
