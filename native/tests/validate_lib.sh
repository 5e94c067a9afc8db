# Shared by the validate_*.sh tests: runs `foldback-host validate` on some cases and fails unless
# every one of them printed result=pass (a crash or a missing line fails too).
source "$(dirname "$0")/lib.sh"

# run_cases PLUGIN CASES [extra host options...]   (CASES: comma-separated)
run_cases() {
    local plugin="$1" cases="$2"
    shift 2
    local out="$WORK/validate.out" rc=0
    "$FOLDBACK_HOST" validate --plugin "$plugin" --case "$cases" "$@" >"$out" 2>"$WORK/validate.err" || rc=$?
    cat "$out"
    [ -s "$WORK/validate.err" ] && { echo "--- stderr:"; tail -20 "$WORK/validate.err"; }
    assert_no_jvm_crash
    local name
    for name in ${cases//,/ }; do
        grep -q "^case=$name result=pass " "$out" || fail "case $name did not pass (host exit code $rc)"
    done
    [ "$rc" -eq 0 ] || fail "foldback-host validate exited with $rc"
    pass "validate $cases"
}
