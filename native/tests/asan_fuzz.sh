#!/usr/bin/env bash
# Issue 19, under AddressSanitizer: the shim (VST3 and LV2), the offline host and jni_text_test
# built with -fsanitize=address into build/asan (the FOLDBACK_ASAN option; ccache makes a rebuild
# quick), then the crash reproduction, the hostile-state fuzz in both formats and the hostile-text
# checks run with the ASan host and plugins. Any ASan report fails the test. A deliberate overflow
# first proves that reports are caught in this set-up (a JVM in the process).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/hostile_lib.sh"
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
ASAN_BUILD="$(cd "$(dirname "$FOLDBACK_HOST")/../.." && pwd)/asan"
VST3_COUNT="${FOLDBACK_ASAN_VST3_COUNT:-150}"
LV2_COUNT="${FOLDBACK_ASAN_LV2_COUNT:-100}"

# ZGC reserves its heap as several large multi-mapped views, which ASan's shadow memory leaves no
# room for (JNI_CreateJavaVM failed with -4, out of memory): the serial collector here. The last
# flag for a collector wins; the shim's own options come first.
export FOLDBACK_JVM_OPTIONS="-XX:-UseZGC -XX:+UseSerialGC ${FOLDBACK_JVM_OPTIONS:-}"
# (Set before the build: JUCE's LV2 build step runs the plugin to write its .ttl, programs included.)

# JUCE's LV2 build step runs the (ASan) plugin: no leak report there either.
export ASAN_OPTIONS="detect_leaks=0"
t0=$SECONDS
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
# -O1: ASan's usual level, and a quicker build than Release's -O3.
CCACHE_BASEDIR="$SRC" cmake -S "$SRC" -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=Release -DFOLDBACK_ASAN=ON \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELEASE=-O1 -DNDEBUG" \
    "-DFOLDBACK_JAR=$FOLDBACK_JAR" "${launcher[@]}" >/dev/null || fail "cmake (ASan) failed"
CCACHE_BASEDIR="$SRC" nice cmake --build "$ASAN_BUILD" -j "$(nproc)" \
    --target foldback-host Foldback_VST3 Foldback_LV2 jni_text_test >"$WORK/asan-build.txt" 2>&1 \
    || { tail -30 "$WORK/asan-build.txt"; fail "the ASan build failed"; }
build_seconds=$((SECONDS - t0))
FOLDBACK_HOST="$ASAN_BUILD/bin/foldback-host"
FOLDBACK_VST3="$ASAN_BUILD/Foldback_artefacts/Release/VST3/Foldback.vst3"
FOLDBACK_LV2="$ASAN_BUILD/Foldback_artefacts/Release/LV2/Foldback.lv2"
nm -D "$FOLDBACK_VST3/Contents/x86_64-linux/Foldback.so" >"$WORK/vst3-symbols.txt"
grep -q __asan_init "$WORK/vst3-symbols.txt" || fail "the VST3 is not built with ASan"

# The JVM handles SIGSEGV itself (safepoints, null checks): ASan must leave that signal alone.
# Leaks are not this test's subject (the JVM and JUCE keep singletons to the end).
REPORTS="$WORK/asan"
mkdir -p "$REPORTS"
export ASAN_OPTIONS="handle_segv=0:allow_user_segv_handler=1:detect_leaks=0:detect_stack_use_after_return=0:log_path=$REPORTS/report"

if "$ASAN_BUILD/bin/jni_text_test" --asan-selftest >/dev/null 2>&1; then
    fail "a deliberate heap overflow went unreported: ASan is not working here"
fi
ls "$REPORTS"/report.* >/dev/null 2>&1 || fail "the deliberate overflow left no ASan report"
grep -q "heap-buffer-overflow" "$REPORTS"/report.* || fail "the deliberate overflow's report is not a heap-buffer-overflow"
rm -f "$REPORTS"/report.*

t1=$SECONDS
"$ASAN_BUILD/bin/jni_text_test" || fail "jni_text_test failed under ASan"
crash_repro "$FOLDBACK_VST3"
hostile_text_checks "$FOLDBACK_VST3"
fuzz_states "$FOLDBACK_VST3" "$VST3_COUNT" 1901
rm -f "$WORK/band.json"   # the LV2's own band state next
fuzz_states "$FOLDBACK_LV2" "$LV2_COUNT" 1902

if ls "$REPORTS"/report.* >/dev/null 2>&1; then
    head -40 "$REPORTS"/report.*
    fail "AddressSanitizer reported $(ls "$REPORTS"/report.* | wc -l) error(s)"
fi
assert_no_jvm_crash
pass "under ASan: jni_text, the crash reproduction, hostile text and $((VST3_COUNT + LV2_COUNT)) hostile states (VST3 $VST3_COUNT, LV2 $LV2_COUNT): 0 reports (build ${build_seconds} s, run $((SECONDS - t1)) s)"
