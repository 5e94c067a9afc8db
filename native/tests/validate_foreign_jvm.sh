#!/usr/bin/env bash
# The plugin loaded into a process whose JVM someone else started: a Java program
# (java/bridge/src/test/.../ForeignJvmHost.java) hosts the LV2 binary through its C ABI via JNA.
# The shim must reuse that JVM, mix on the program's thread, and let the JVM exit normally.
# Run with every JDK at hand: the system's default (17) and Temurin 25 if installed.
source "$(dirname "$0")/lib.sh"

repo="$(cd "$(dirname "$0")/../.." && pwd)"
source_file="$repo/java/bridge/src/test/java/org/foldback/bridge/ForeignJvmHost.java"
jna_version=$(sed -n 's:.*<jna.version>\(.*\)</jna.version>.*:\1:p' "$repo/pom.xml")
jna="${MAVEN_REPO:-$HOME/.m2/repository}/net/java/dev/jna/jna/$jna_version/jna-$jna_version.jar"
[ -f "$jna" ] || fail "JNA $jna_version not in the local Maven repository ($jna); build the Java modules first"

javas=("$(command -v java)")
for extra in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    [ -x "$extra" ] && javas+=("$extra")
done

for java_bin in "${javas[@]}"; do
    mkdir -p "$(dirname "$LOG")"; : > "$LOG"
    out="$WORK/foreign.out"
    rc=0
    "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jna" "$source_file" "$FOLDBACK_LV2" >"$out" 2>"$WORK/foreign.err" || rc=$?
    cat "$out"
    [ "$rc" -eq 0 ] || { tail -20 "$WORK/foreign.err"; fail "$java_bin: the Java host exited with $rc"; }
    grep -q '^result=pass' "$out" || fail "$java_bin: no result=pass"
    grep -q "reused the JVM already running in this process" "$LOG" || fail "$java_bin: the log does not say the JVM was reused"
    assert_no_jvm_crash
    pass "hosted by a foreign JVM: $("$java_bin" -version 2>&1 | head -1)"
done
