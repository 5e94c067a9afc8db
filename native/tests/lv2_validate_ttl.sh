#!/usr/bin/env bash
# The LV2 bundle's metadata against the LV2 specification: lv2_validate (sord_validate with every
# installed LV2 spec; lv2_validate comes with `lv2-dev`, sord_validate with `sordi`) over all of
# the bundle's .ttl files must report no error. JUCE's generated files had 424
# (native/tests/VALIDATION.md, "LV2 metadata"); native/lv2/fix_ttl.cmake corrects them at build time.
source "$(dirname "$0")/lib.sh"

command -v lv2_validate >/dev/null && command -v sord_validate >/dev/null \
    || fail "lv2_validate or sord_validate not found (Debian packages lv2-dev and sordi)"

ttls=("$FOLDBACK_LV2"/*.ttl)
[ -f "$FOLDBACK_LV2/manifest.ttl" ] && [ -f "$FOLDBACK_LV2/dsp.ttl" ] \
    || fail "the bundle $FOLDBACK_LV2 has no manifest.ttl or dsp.ttl"

rc=0
lv2_validate "${ttls[@]}" >"$WORK/validate.txt" 2>&1 || rc=$?
summary=$(grep -E "^Found [0-9]+ errors" "$WORK/validate.txt" || true)
echo "${summary:-lv2_validate printed no summary}"
if [ $rc -ne 0 ] || [[ "$summary" != "Found 0 errors"* ]] || grep -q "error:" "$WORK/validate.txt"; then
    grep -v "^Skipping file" "$WORK/validate.txt" >"$WORK/errors.txt" || true
    head -200 "$WORK/errors.txt"
    fail "lv2_validate found errors in ${ttls[*]##*/} (exit $rc; first 200 lines above)"
fi
pass "lv2_validate: no errors in ${ttls[*]##*/}"
