#!/usr/bin/env bash
# Blocks larger than announced in prepare (1024 after 256, 8192 after 64, random up to 4096 after
# 100) render exactly as 512-sample blocks do. Run on the LV2: JUCE's VST3 wrapper overflows its
# scratch buffer on such blocks before our code runs (VST3 forbids them; see VALIDATION.md).
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_LV2" oversize --quick 1
