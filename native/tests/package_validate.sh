#!/usr/bin/env bash
# The validation suite on the release archive: builds it (native/package/package.sh), then, where
# no Java is reachable (package_lib.sh's without_java: a mount namespace hiding /usr/lib/jvm, no
# java on PATH), unpacks it, installs it with its own install.sh into a fresh HOME and runs the
# suite's tests against the installed bundles: every validate case in foldback-host (VST3, LV2,
# CLAP), the LV2's metadata through lilv's lv2_validate, the LV2 in jalv on a JACK dummy server
# (five rates, and a render bit-identical to foldback-host's), and every case without
# Java (FOLDBACK_JAVA_HOME pointing nowhere must win over the bundled runtime). The plugins find
# their own jar and runtime; the tests' own tools (demo stems, meter, compare) run on the
# archive's runtime and jar. validate_foreign_jvm runs outside the namespace: its host is a Java
# program, so the system's JDK is the host's Java, which the installed LV2 must reuse.
# With `surfaces` it runs the control surfaces' tests instead: the editor under Xvfb, OSC and the
# web remote. Prints one line per test and fails if any failed. VALIDATION.md, "The release archive".
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/package_lib.sh"
TESTS="$(cd "$(dirname "$0")" && pwd)"
build_archive

case "${1:-suite}" in
    suite)   # the validation suite (ctest package_validate, in the default run)
        IN_NAMESPACE=(validate_audio validate_control validate_param_values validate_param_text
            validate_oversize_lv2 validate_state validate_instances validate_sigsegv validate_clap
            validate_no_java lv2_validate_ttl validate_jalv_rates jalv_render_matches_host class_archive)
        OUTSIDE=(validate_foreign_jvm) ;;
    surfaces)   # the editor (Xvfb), OSC and the web remote (ctest package_surfaces, with --all);
        # the remote tests' client is a Java source file, which only a JDK runs: outside.
        IN_NAMESPACE=(editor_meters editor_presets osc_in_host)
        OUTSIDE=(remote_in_host remote_panel) ;;
    *) fail "usage: package_validate.sh [suite|surfaces]" ;;
esac

# run_suite_test NAME [VAR=VALUE ...]: runs native/tests/NAME.sh with these variables (and without
# FOLDBACK_JAR, so that the plugins load the jar they were installed with), its output
# in $WORK/results/NAME.log, and appends "NAME pass|fail SECONDS" to $WORK/results/summary.
# Each test has SUITE_TEST_LIMIT seconds (300 unless told; the slowest takes ~60 s on the 2-core
# machine): one that hangs fails alone, with its log, and the others still run within CTest's
# 15 minutes (in CI a hang once took all of them, and said nothing of where it hung).
run_suite_test() {
    local name="$1" start=$SECONDS rc=0 limit="${SUITE_TEST_LIMIT:-300}"
    shift
    timeout -k 10 "$limit" env -u FOLDBACK_JAR "$@" bash "$TESTS/$name.sh" >"$WORK/results/$name.log" 2>&1 || rc=$?
    local verdict=pass
    [ $rc -eq 0 ] || verdict=fail
    [ $rc -ne 124 ] && [ $rc -ne 137 ] || verdict=timeout
    echo "$name $verdict $((SECONDS - start))" | tee -a "$WORK/results/summary"
    [ $rc -eq 0 ] || tail -40 "$WORK/results/$name.log" | sed "s/^/    $name: /"
}
export -f run_suite_test
mkdir -p "$WORK/results" "$WORK/user"
export TESTS WORK FOLDBACK_HOST
export SUITE="${IN_NAMESPACE[*]}"

without_java '
    export HOME="$WORK/user"
    top="$(unpack_archive "$WORK/unpacked")"
    sh "$top/install.sh" >/dev/null
    mapfile -t installed < <(installed_paths "$HOME")
    for name in $SUITE; do run_suite_test "$name" "${installed[@]}"; done
'

# The installed LV2 in a process whose JVM is the system's JDK (the Java program hosting it).
# The installation in $WORK/user outlives the namespace.
mapfile -t installed < <(installed_paths "$WORK/user")
for name in "${OUTSIDE[@]}"; do run_suite_test "$name" "${installed[@]}"; done

failed=$(awk '$2 != "pass" { print $1 }' "$WORK/results/summary" | paste -sd ' ' -)
count=$(wc -l < "$WORK/results/summary")
[ -z "$failed" ] || fail "on the installed archive, these failed: $failed"
[ "$count" -eq $(( ${#IN_NAMESPACE[@]} + ${#OUTSIDE[@]} )) ] || fail "only $count of the suite's tests reported"
pass "${1:-suite} on the installed archive: $count of $count tests pass"
