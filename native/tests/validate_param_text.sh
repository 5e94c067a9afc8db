#!/usr/bin/env bash
# Value -> text -> value -> text gives the same text for every parameter (min, max, default, two
# random values, every listed choice), through the hosted plugin's getText/getValueForText.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" param-text --quick 1
