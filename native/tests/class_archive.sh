#!/usr/bin/env bash
# The class archive (native/shim/ClassArchive.h) and JNA's library beside the jar
# (java/bridge/.../JnaStart.java), as the build made them (and, in package_validate.sh, as the
# release archive installed them): the plugin starts with both in use,
# and still starts, quietly, when the archive is missing its description, cut short, garbage of
# the right size, made for another Java or another jar, or turned off. "Quietly": nothing of the
# JVM's on the host's standard output or error (a host's output is not ours to write to); the log
# says why the archive was not used. Timings are the bench's (PERFORMANCE.md, "Session 7").
source "$(dirname "$0")/lib.sh"

# The jar the plugin loads: FOLDBACK_JAR in the build tree; installed (package_validate.sh), the
# one the bundle's link points at, where package.sh put the archive.
if [ -n "${FOLDBACK_JAR:-}" ]; then
    JAR_DIR="$(dirname "$FOLDBACK_JAR")"
else
    JAR_DIR="$(dirname "$(readlink -f "$FOLDBACK_VST3/Contents/Resources/foldback.jar")")"
fi
mkdir -p "$(dirname "$LOG")"
[ -s "$JAR_DIR/libjnidispatch.so" ] || fail "the build made no $JAR_DIR/libjnidispatch.so (CMake's Foldback_jar)"
ls "$JAR_DIR"/foldback-java*.jsa.txt >/dev/null 2>&1 \
    || fail "the build made no $JAR_DIR/foldback-java*.jsa with its description (CMake's Foldback_class_archive)"

# start NAME [VAR=VALUE ...]: one host process with two instances, its output in $WORK/NAME.out;
# fails unless both instances started with Java and the JVM printed nothing.
start() {
    local name="$1"
    shift
    : >"$LOG"
    env "$@" "$FOLDBACK_HOST" time-instances --plugin "$FOLDBACK_VST3" --count 2 --scan here \
        >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; fail "$name: time-instances failed"; }
    [ "$(grep -c "instance ready" "$LOG")" -ge 2 ] || fail "$name: the instances did not start with Java"
    # The one line the JVM does print, on standard error, is the Vector API's incubator notice
    # (the engine's kernels; README, "JVM options"): anything else from it fails.
    if grep -v -x 'WARNING: Using incubator modules: jdk.incubator.vector' "$WORK/$name.out" \
        | grep -E '\[(error|warning|info) *\]|\[cds|shared archive|CDS|^WARNING'; then
        fail "$name: the JVM wrote to the host's output"
    fi
    assert_no_jvm_crash
}

# The archive in use, and our classes taken from it (the JVM's class+load log says where each came from).
start in_use FOLDBACK_JVM_OPTIONS="-Xlog:class+load=info:file=$WORK/classes.log"
ARCHIVE="$(sed -n 's/.*class archive in use: //p' "$LOG" | head -1)"   # foldback-javaN.jsa, N this runtime's release
[ "$(dirname "$ARCHIVE")" = "$JAR_DIR" ] && [ -s "$ARCHIVE.txt" ] \
    || fail "the log does not say an archive beside the jar is in use: $(grep 'class archive' "$LOG")"
NAME="$(basename "$ARCHIVE")"
shared=$(grep -c "org.foldback.*source: shared objects file (top)" "$WORK/classes.log" || true)
from_jar=$(grep -c "org.foldback.*source: file:" "$WORK/classes.log" || true)
echo "our classes: $shared from the archive, $from_jar from the jar"
[ "$shared" -ge 100 ] || fail "only $shared of our classes came from the archive"
# JNA starts at the first call into the shim (ShimCalls.bind), which nothing on an instance's way
# to its first block makes (PERFORMANCE.md, "Session 9").
if grep -q "com.sun.jna.Native " "$WORK/classes.log"; then
    fail "JNA started on the instances' start path"
fi
pass "the archive is in use ($shared of our classes from it); JNA did not start with the instances"

# open_editor NAME [VAR=VALUE ...]: the editor opened for a few frames under Xvfb, which calls into
# the shim (ShimCalls.bind from NativeProcessor.openEditor), so JNA starts.
open_editor() {
    local name="$1"
    shift
    : >"$LOG"
    env "$@" xvfb-run -a -s "-screen 0 1600x1000x24" "$FOLDBACK_HOST" editor --plugin "$FOLDBACK_VST3" --frames 5 \
        >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; fail "$name: the editor run failed"; }
    grep -q "JNA started at the first call into the shim" "$LOG" || fail "$name: opening the editor did not start JNA"
    assert_no_jvm_crash
}
open_editor editor
grep -q "JNA loads its library from $JAR_DIR/libjnidispatch.so" "$LOG" || fail "JNA did not load its library from beside the jar"
pass "the editor's first call into the shim started JNA, with its library from beside the jar"

# The archive leaves the JIT alone: the engine's block method is compiled in a JVM that maps it.
# JDK 17 archives a method's "queued for compilation" flag (JDK-8306460) and never compiles such a
# method again, so a training run that exited with the audio path in C2's queue made an archive
# under which CueEngine.process ran interpreted for good (PERFORMANCE.md, "Session 8"; the
# training run now compiles with -Xbatch). Any tier counts: frozen, it got none.
: >"$LOG"
FOLDBACK_JVM_OPTIONS="-XX:+PrintCompilation" "$FOLDBACK_HOST" bench --plugin "$FOLDBACK_VST3" --mode realtime \
    --seconds 2 --warmup-seconds 1 >"$WORK/compiles.out" 2>&1 || { tail -5 "$WORK/compiles.out"; fail "the real-time bench failed"; }
grep -q "class archive in use: $ARCHIVE" "$LOG" || fail "the real-time bench did not use the archive"
grep -E "^ +[0-9]+ +[0-9]+ +[ !sbn]* [1-4] +org.foldback.engine.mix.CueEngine::process \(" "$WORK/compiles.out" | head -1 \
    || fail "with the archive, CueEngine.process was never compiled (a method frozen as queued in the archive?)"
pass "with the archive in use, the JIT compiles the engine's block method"

# A copy of the jar with its archive, spoiled in turn.
COPY="$WORK/jar"
mkdir -p "$COPY"
cp "$JAR_DIR/foldback.jar" "$ARCHIVE" "$ARCHIVE.txt" "$JAR_DIR/libjnidispatch.so" "$COPY/"
restore() { cp "$ARCHIVE" "$ARCHIVE.txt" "$COPY/"; }
size=$(stat -c %s "$COPY/$NAME")

start copy FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive in use: $(readlink -f "$COPY")/$NAME" "$LOG" || fail "a copy of the jar and its archive: not in use"

rm "$COPY/$NAME.txt"
start no_description FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: no .*$NAME.txt" "$LOG" || fail "no description: the log does not say so"
restore

# Cut short: JDK 17 dies of SIGBUS mapping a truncated archive, so the shim must not pass it on.
head -c $((size / 2)) "$ARCHIVE" >"$COPY/$NAME"
start truncated FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: cut short" "$LOG" || fail "a truncated archive: the log does not say so"
restore

# Garbage of the described size: only the JVM can tell, and it must say so in the log, not on stdout.
head -c "$size" /dev/urandom >"$COPY/$NAME"
start garbage FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: the JVM did not map" "$LOG" || fail "a garbage archive: the log does not say the JVM refused it"
restore

sed -i 's/^runtime=.*/runtime=11.0.2, libjvm.so 1 bytes/' "$COPY/$NAME.txt"
start other_java FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: made for Java 11.0.2" "$LOG" || fail "another Java's archive: the log does not say so"
restore

# A new jar beside an old archive (an update that copied the jar alone).
printf 'x' >>"$COPY/foldback.jar"
start other_jar FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: made for another foldback.jar" "$LOG" || fail "another jar's archive: the log does not say so"
cp "$JAR_DIR/foldback.jar" "$COPY/"

# JNA's library of another JNA version beside the jar: JNA would refuse it with an Error.
printf 'x' >>"$COPY/libjnidispatch.so"
open_editor other_jna FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "JNA unpacks its library: .* is not the one in the jar" "$LOG" || fail "another JNA library: the log does not say it was passed over"
cp "$JAR_DIR/libjnidispatch.so" "$COPY/"

start off FOLDBACK_CLASS_ARCHIVE=off FOLDBACK_JAR="$COPY/foldback.jar"
grep -q "class archive not used: FOLDBACK_CLASS_ARCHIVE=off" "$LOG" || fail "FOLDBACK_CLASS_ARCHIVE=off: the log does not say so"

# Another JDK's JVM given this archive under its own name (the description claiming that JDK):
# the JVM refuses it, in the log only. JDK 25 prints such refusals as errors, so this is the case
# that matters (and JDK 25 warns of JNA's System.load unless the shim enables native access).
other_jdk=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -f "$other_jdk/lib/server/libjvm.so" ] && [ "$NAME" != foldback-java25.jsa ]; then
    version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$other_jdk/release")
    cp "$ARCHIVE" "$COPY/foldback-java25.jsa"
    sed "s|^runtime=.*|runtime=$version, libjvm.so $(stat -c %s "$other_jdk/lib/server/libjvm.so") bytes|" "$ARCHIVE.txt" \
        >"$COPY/foldback-java25.jsa.txt"
    start other_jdk FOLDBACK_JAR="$COPY/foldback.jar" FOLDBACK_JAVA_HOME="$other_jdk"
    grep -q "class archive not used: the JVM did not map $(readlink -f "$COPY")/foldback-java25.jsa" "$LOG" \
        || fail "another JDK's JVM: the log does not say it refused the archive"
    rm "$COPY/foldback-java25.jsa" "$COPY/foldback-java25.jsa.txt"
else
    echo "skipped: no second JDK at $other_jdk to refuse this one's archive"
fi
pass "a missing description, a cut, garbage, another Java's, another jar's archive and 'off': the plugin starts without it, quietly"

# The build makes an archive for each newer JDK it finds too (CMake's FOLDBACK_ARCHIVE_JAVA_HOMES),
# under that JDK's name beside the same jar: started on that JDK, the plugin maps its own.
for txt in "$JAR_DIR"/foldback-java*.jsa.txt; do
    other="${txt%.txt}"
    [ "$other" != "$ARCHIVE" ] || continue
    for home in /usr/lib/jvm/*/; do
        home="${home%/}"
        [ -f "$home/lib/server/libjvm.so" ] && [ ! -L "$home" ] || continue
        feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
        [ "$(basename "$other")" = "foldback-java$feature.jsa" ] || continue
        grep -q "libjvm.so $(stat -c %s "$home/lib/server/libjvm.so") bytes" "$txt" || continue   # made by this JDK
        start "java$feature" FOLDBACK_JAVA_HOME="$home"
        grep -q "class archive in use: $other" "$LOG" || fail "Java $feature ($home) did not use $other: $(grep 'class archive' "$LOG")"
        pass "Java $feature maps its own archive, $(basename "$other")"
    done
done
