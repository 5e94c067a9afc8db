#!/usr/bin/env bash
# The JIT warm-up leaves the audio thread's once-a-second and once-per-hop paths compiled: jalv
# on a JACK dummy server (64-sample periods), every input fed, 35 s played with the JVM logging
# its compilations (-Xlog:jit+compilation); after the shim's "prepared" line the JIT compiles none
# of the methods the audio thread reaches once per 100 ms loudness hop or once a second (the
# loudness histograms, the gated loudness and range, a cue's dose booked and published).
# Before the warm-up called them itself (bridge/PeriodicPathWarmup), seven of them were compiled
# from the interpreter 12-32 s into playing, each beside a late block at 32-sample periods
# (native/bench/PERFORMANCE.md, "Session 12"). Not timed: it reads what the JIT did, not how long
# anything took. Every other compile of Foldback's code after "prepared" is listed, not judged.
source "$(dirname "$0")/lib.sh"

SECONDS_PLAYED=35
export LV2_PATH="$WORK/lv2"
mkdir -p "$LV2_PATH"
cp -r "$FOLDBACK_LV2" "$LV2_PATH/"
JIT_LOG="$WORK/jit.log"
export FOLDBACK_JVM_OPTIONS="${FOLDBACK_JVM_OPTIONS:-} -Xlog:jit+compilation=debug:file=$JIT_LOG:utctime"
start_jack 64

start_jalv -n foldback "http://foldback.dev/plugins/foldback"
wait_for_port foldback:audio_out_1
wait_for_log "prepared: 48000 Hz" || { cat "$WORK/jalv.log"; fail "jalv did not activate the plugin"; }
metronome_into $(jack_lsp | grep "^foldback:audio_in_")
sleep "$SECONDS_PLAYED"
stop_pid "$JALV_PID"
assert_no_jvm_crash
[ -s "$JIT_LOG" ] || fail "the JVM wrote no compilation log ($JIT_LOG)"
grep "JIT warm-up" "$LOG" | tail -1

status=0
python3 - "$LOG" "$JIT_LOG" <<'EOF' || status=$?
import re, sys
log, jit = sys.argv[1], sys.argv[2]
# The paths of the audio thread that run once per 100 ms hop or once a second.
PERIODIC = re.compile(r"org\.foldback\.engine\.(meter\.LoudnessHistogram::|meter\.Loudness::(endHop|updateRange)\b"
                      r"|meter\.Levels::loudness\b|dose\.DoseReading::pack\b|dose\.DoseBank::publish\b"
                      r"|dose\.HearingDose::addSecond\b)")
def seconds(hms):
    h, m, s = hms.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
prepared = None
for line in open(log):
    m = re.search(r"T(\d\d:\d\d:\d\d\.\d+)Z \[pid \d+\] prepared:", line)
    if m:
        prepared = seconds(m.group(1))
        break
if prepared is None:
    sys.exit("FAIL: no 'prepared' line in the shim's log")
late, others = [], []
for line in open(jit):
    m = re.match(r"\[\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d\.\d+)", line)
    if not m or "org.foldback." not in line or "made not entrant" in line or "made zombie" in line:
        continue
    t = seconds(m.group(1)) - prepared
    if t <= 0:
        continue
    entry = "+%.1f s %s" % (t, line.split("]", 1)[1].strip())
    (late if PERIODIC.search(line) else others).append(entry)
print("compiles of Foldback's code after 'prepared', other than the periodic paths: %d" % len(others))
for e in others:
    print("  " + e)
if late:
    print("FAIL: the JIT compiled the audio thread's periodic paths after 'prepared':")
    for e in late:
        print("  " + e)
    sys.exit(1)
print("none of the periodic paths compiled after 'prepared'")
EOF
[ "$status" -eq 0 ] || fail "the periodic paths were compiled while jalv played (see above)"
pass "no once-a-second or once-per-hop path compiled in $SECONDS_PLAYED s of playing"
