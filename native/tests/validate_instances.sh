#!/usr/bin/env bash
# 16 instances at once each at its own level; create/destroy cycles with memory and thread count
# flat after a warm-up (100 counted cycles here, VALIDATION.md has the 1000-cycle soak); and a full
# Java heap, which must cost the instances that find no room their Java, never the host its life.
# Runs in foldback-host against the built VST3; see native/tests/VALIDATION.md.
source "$(dirname "$0")/validate_lib.sh"
run_cases "$FOLDBACK_VST3" instances,cycles --quick 1 --cycles 100

# The shim maps the whole fixed heap on a thread of its own after the JVM starts (HeapTouch.cpp;
# 3 views of 128 MB on JDK 17, 1 on JDK 21+), so what the cycles measured was all there already.
mapped=$(sed -n 's/.*Java heap mapped: \([0-9]*\) MB.*/\1/p' "$LOG" | head -1)
[ -n "$mapped" ] && [ "$mapped" -ge 128 ] || fail "the shim did not map the 128 MB Java heap (log: '${mapped:-no line}')"
pass "the Java heap mapped off the instance's path: $mapped MB"

# 40 MB of heap is too small for 16 instances: some fail to start and others fail in process
# (OutOfMemoryError). (48 MB was too, until a source's loudness histograms were made only when
# its loudness is read: 3 MB less per instance, and 16 fit in 48 MB.) The shim once crashed the
# host here (a thread that could not attach to the JVM got a null JNIEnv). The case itself
# fails (those instances bypass); the host must not.
out="$WORK/full-heap.out"
FOLDBACK_JVM_OPTIONS="-Xms40m -Xmx40m" "$FOLDBACK_HOST" validate --plugin "$FOLDBACK_VST3" --case instances >"$out" 2>&1 || true
grep "^case=" "$out" | cut -c1-160
assert_no_jvm_crash
grep -q "^case=instances result=" "$out" || { tail -20 "$out"; fail "the host died when the Java heap was full"; }
grep -q -e "could not create the Java processor" -e "Java process failed" "$LOG" \
    || fail "40 MB held 16 instances: the heap was not full, so this proved nothing"
pass "a full Java heap: the host survived, the instances without room bypassed"
