#!/usr/bin/env bash
# foldback-host time-instances, the bench's instance figures (native/bench/PERFORMANCE.md): the
# plugin is described in a child process, as DAWs scan, so the timed process starts the JVM in its
# own first instance instead of in an untimed scan; every instance reports its create, prepare and
# first-block times, and they add up to its total. Without Java the command still times every
# instance (the no-Java pass-through) and the log says why. Timings themselves are not held to
# thresholds here (a shared machine); the bench prints them.
source "$(dirname "$0")/lib.sh"

"$FOLDBACK_HOST" time-instances --plugin "$FOLDBACK_VST3" --count 2 --block 64 >"$WORK/times.txt" \
    || fail "time-instances failed"
cat "$WORK/times.txt"
for key in instance1_ms instance1_create_ms instance1_prepare_ms instance1_block_ms \
           instance2_ms instance2_create_ms instance2_prepare_ms instance2_block_ms destroy_all_ms; do
    grep -Eq "^$key=[0-9.]+$" "$WORK/times.txt" || fail "no $key in the output"
done
python3 - "$WORK/times.txt" <<'PY' || fail "an instance's phases do not add up to its total"
import sys
v = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
for i in (1, 2):
    parts = sum(float(v[f"instance{i}_{p}_ms"]) for p in ("create", "prepare", "block"))
    total = float(v[f"instance{i}_ms"])
    assert abs(parts - total) < 0.01, (i, parts, total)
PY

# Two processes started the JVM: the describing child and the timed host (each logs "Java ready"
# with its pid). Had the scan run in the timed process, only one would have, before the clock ran.
ready_pids=$(grep "Java ready" "$LOG" | sed -n 's/.*\[pid \([0-9]*\)\].*/\1/p' | sort -u | wc -l)
[ "$ready_pids" -eq 2 ] || fail "expected the JVM started in 2 processes (describe, then the timed one), found $ready_pids"
instances=$(grep -c "instance ready" "$LOG")
# The child's scan creates one instance, the timed process two.
[ "$instances" -eq 3 ] || fail "expected 3 instances created (1 by the scan, 2 timed), found $instances"
pass "time-instances: the JVM starts inside the timed first instance; phases add up"

: >"$LOG"
FOLDBACK_JAVA_HOME=/nonexistent/java "$FOLDBACK_HOST" time-instances --plugin "$FOLDBACK_VST3" --count 2 \
    >"$WORK/nojava.txt" || fail "time-instances failed without Java"
grep -Eq '^instance2_ms=[0-9.]+$' "$WORK/nojava.txt" || fail "no second instance timed without Java"
grep -q "no Java runtime found" "$LOG" || fail "the log does not say why Java is missing"
pass "time-instances without Java: every instance timed, the reason logged"
