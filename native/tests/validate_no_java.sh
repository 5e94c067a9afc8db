#!/usr/bin/env bash
# Every validate case needs Java: with no Java reachable, each must fail (the shim's pass-through
# renders equal their own references, so a case could otherwise pass on them), the host must
# survive to print every result line, and each must report that Java does not mix (java=not_mixing;
# the first failure it prints may be an earlier one, such as a parameter Java would declare).
# FOLDBACK_JAVA_HOME, when set, is the only place the plugin looks (as in no_java.sh).
source "$(dirname "$0")/lib.sh"

export FOLDBACK_JAVA_HOME=/nonexistent/java

# run_without_java PLUGIN CASES [options...]: every case listed must fail, for want of Java.
run_without_java() {
    local plugin="$1" cases="$2"
    shift 2
    local out="$WORK/validate-$RANDOM.out" rc=0
    "$FOLDBACK_HOST" validate --plugin "$plugin" --case "$cases" "$@" >"$out" 2>&1 || rc=$?
    grep "^case=\|^cases=" "$out" | cut -c1-200
    [ "$rc" -eq 1 ] || { tail -20 "$out"; fail "validate --case $cases exited with $rc without Java (1 expected)"; }
    local name count=0
    for name in ${cases//,/ }; do
        [ "$name" = all ] && continue
        grep -q "^case=$name result=fail .*java=not_mixing" "$out" \
            || fail "case $name did not fail for want of Java"
    done
    count=$(grep -c "^case=" "$out")
    grep -q "^cases=$count failed=$count$" "$out" || fail "some case passed without Java: $(grep "^case=.*result=pass" "$out")"
    FAILED_CASES=$((FAILED_CASES + count))
}

FAILED_CASES=0
# `all` (every case but sigsegv and oversize), short: its cases are listed so each is checked.
run_without_java "$FOLDBACK_VST3" all --quick 1 --cycles 3 --warm-up 0
for name in rates blocks lifecycle bypass buses param-values param-text param-threads state-threads \
        state-roundtrip input instances cycles; do
    grep -q "^case=$name result=fail .*java=not_mixing" "$WORK"/validate-*.out || fail "case $name was not run or did not fail"
done
# sigsegv wants a process of its own; oversize runs on the LV2 (see VALIDATION.md).
run_without_java "$FOLDBACK_VST3" sigsegv --quick 1
run_without_java "$FOLDBACK_LV2" oversize --quick 1

assert_no_jvm_crash
grep -q "no Java runtime found" "$LOG" || fail "the log does not say why Java is missing"
pass "without Java all $FAILED_CASES validate cases fail, each reporting that Java does not mix"
