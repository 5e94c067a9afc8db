# Shared by the tests of the release archive (package_without_java.sh, package_validate.sh): the
# archive built from this build, and a shell in which no Java is reachable, as on the machine of a
# user who has none. Source it after lib.sh (it uses WORK and fail).

PACKAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# As root a mount namespace; otherwise a user namespace too (unprivileged, where the kernel allows it).
NO_JAVA_NAMESPACE=(unshare -m)
[ "$(id -u)" -eq 0 ] || NO_JAVA_NAMESPACE=(unshare -r -m)
"${NO_JAVA_NAMESPACE[@]}" true || fail "cannot create a mount namespace (${NO_JAVA_NAMESPACE[*]})"

# build_archive: native/package/package.sh (what ./foldback package runs) into $WORK/dist; the
# archive's path goes into ARCHIVE (exported, for the shells below).
build_archive() {
    "$PACKAGE_ROOT/native/package/package.sh" "$WORK/dist"
    ARCHIVE="$(ls "$WORK"/dist/foldback-*-linux-x86_64.tar.gz)"
    export ARCHIVE
}

# without_java SCRIPT: runs SCRIPT (bash, -euo pipefail) in a mount namespace where an empty
# folder hides /usr/lib/jvm, PATH holds only the system's bin folders (/usr/bin/java is then a
# dangling link) and JAVA_HOME, FOLDBACK_JAVA_HOME and FOLDBACK_JAR are unset. Fails before SCRIPT
# runs if a Java is still reachable. What SCRIPT uses from this shell must be exported
# (functions with export -f).
without_java() {
    mkdir -p "$WORK/no-jvm"
    NO_JVM_DIR="$WORK/no-jvm" "${NO_JAVA_NAMESPACE[@]}" \
        env -u JAVA_HOME -u FOLDBACK_JAVA_HOME -u FOLDBACK_JAR \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        bash -euo pipefail -c '
            mount --bind "$NO_JVM_DIR" /usr/lib/jvm
            if command -v java >/dev/null || [ -n "$(ls -A /usr/lib/jvm)" ]; then
                echo "FAIL: Java is still reachable in the namespace" >&2; exit 1
            fi
            '"$1"
}

# unpack_archive DIR: unpacks ARCHIVE into DIR and prints the folder it made (the one holding
# install.sh). Exported: the shells of without_java call it.
unpack_archive() {
    mkdir -p "$1"
    tar -xzf "$ARCHIVE" -C "$1"
    ls -d "$1"/foldback-*
}
export -f unpack_archive

# installed_paths HOME: the plugins, runtime and jar that install.sh (for the user) puts into HOME,
# as the variables the real-host tests take (see lib.sh).
installed_paths() {
    echo "FOLDBACK_VST3=$1/.vst3/Foldback.vst3"
    echo "FOLDBACK_LV2=$1/.lv2/Foldback.lv2"
    echo "FOLDBACK_CLAP=$1/.clap/Foldback/Foldback.clap"
    echo "FOLDBACK_TEST_JAVA=$1/.local/lib/foldback/jre/bin/java"
    echo "FOLDBACK_TEST_JAR=$1/.local/lib/foldback/foldback.jar"
}
export -f installed_paths
