#!/usr/bin/env bash
# Builds the release archive from a finished build (./foldback build):
#   package.sh OUT_DIR        ->  OUT_DIR/foldback-VERSION-linux-x86_64.tar.gz
# Inside: the VST3, the LV2, the CLAP and the Standalone, one Java runtime made with jlink (the
# modules jdeps finds in foldback.jar, less those only optional code needs) and one foldback.jar
# that all of them share, the licences of what is bundled, install.sh and uninstall.sh. README.md, "Install from the release archive", says how it is laid out and why.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
BUILD="$ROOT/build"
JAR="$BUILD/java/foldback.jar"
JARS_LIST="$BUILD/java/bundled-jars.txt"
ARTEFACTS="$BUILD/native/Foldback_artefacts/Release"
VERSION="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' "$ROOT/pom.xml" | head -1)"
NAME="foldback-$VERSION-linux-x86_64"

for f in "$JAR" "$JARS_LIST" "$BUILD/java/libjnidispatch.so" "$ARTEFACTS/VST3/Foldback.vst3/Contents/x86_64-linux/Foldback.so" \
         "$ARTEFACTS/LV2/Foldback.lv2/libFoldback.so" "$ARTEFACTS/Standalone/Foldback"; do
    [ -e "$f" ] || { echo "package: $f is missing: run ./foldback build first" >&2; exit 1; }
done

# The JDK that built the jar (it must have jmods: Debian's openjdk-17-jdk-headless has them).
JDK="${FOLDBACK_PACKAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
[ -d "$JDK/jmods" ] || { echo "package: $JDK has no jmods: set FOLDBACK_PACKAGE_JDK to a full JDK" >&2; exit 1; }

# The runtime: the modules the jar's classes refer to (jdeps), less those only optional code
# refers to. jlink adds what the rest require in turn. Left out, each tried on the trimmed runtime
# (package_validate, and the editor, web remote, OSC, presets and hostile-state tests):
#   java.desktop  Jackson's java.beans and Jetty's leak preventers (both `requires static` in
#                 their module-info), JNA's AWT window helpers (never called), JavaOSC's AWT colour
#                 serializer (only for java.awt.Color arguments, which Foldback never sends; a
#                 colour received parses to JavaOSC's own OSCColor)
#   java.sql, java.xml  Jackson's and Jetty's handlers for those types (`requires static`)
#   java.net.http       the bench's HTTP client (org.foldback.cli.bench; not a plugin path)
# Without them the runtime is 47 MB instead of 76 (16 MB instead of 26 in the archive).
NOT_BUNDLED="java.desktop java.sql java.xml java.net.http"
MODULES="$("$JDK/bin/jdeps" --multi-release 17 --ignore-missing-deps -s "$JAR" \
    | sed -n 's/^foldback.jar -> \(java\.[a-z.]*\|jdk\.[a-z.]*\)$/\1/p' \
    | grep -v -x -F -f <(tr ' ' '\n' <<< "$NOT_BUNDLED") | sort -u | paste -sd, -)"
[ -n "$MODULES" ] || { echo "package: jdeps found no modules in $JAR" >&2; exit 1; }
JDK_RELEASE="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release")"
JRE_CACHE="$BUILD/package/jre-$(printf '%s %s cds' "$MODULES" "$JDK_RELEASE" | sha1sum | cut -c1-12)"
if [ ! -x "$JRE_CACHE/bin/java" ]; then
    rm -rf "$JRE_CACHE"
    mkdir -p "$(dirname "$JRE_CACHE")"
    # No jlink compression: gzip compresses the archive better than jlink's zip does, and classes
    # load faster from an uncompressed image. --generate-cds-archive: the JDK's own classes as a
    # CDS archive (lib/server/classes*.jsa), as a full JDK has them; without it the JVM loads them
    # one by one at every start, and our class archive (below) needs it as its base.
    "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
        --compress=0 --generate-cds-archive --output "$JRE_CACHE.tmp" >/dev/null
    mv "$JRE_CACHE.tmp" "$JRE_CACHE"
fi

STAGE="$BUILD/package/stage"
rm -rf "$STAGE"
TOP="$STAGE/$NAME"
mkdir -p "$TOP/lib/foldback" "$TOP/vst3" "$TOP/lv2" "$TOP/clap" "$TOP/licenses"

# One runtime and one jar for the four formats: a host process runs one JVM whichever bundle
# starts it, so copies could never be used side by side; each bundle's jre/ and foldback.jar
# (where the shim looks first) are links to them. The jar is compressed already, so gzip cannot
# shrink three more copies of it (31 MB of the archive). install.sh points the links at the
# installed copies.
cp -a "$JRE_CACHE" "$TOP/lib/foldback/jre"
# jlink archived the JDK's classes twice: for compressed object pointers (classes.jsa) and without
# (classes_nocoops.jsa). The plugin's JVM runs ZGC, which has none: only the second is ever mapped
# (a user who picks another collector in FOLDBACK_JVM_OPTIONS starts without CDS, as before).
rm -f "$TOP/lib/foldback/jre/lib/server/classes.jsa"
# JNA's native library beside the jar (CMake took it out of the jar): the bridge has JNA load it
# from there rather than unpack it at every start (java/bridge/.../JnaStart.java).
cp -a "$ARTEFACTS/Standalone/Foldback" "$JAR" "$BUILD/java/libjnidispatch.so" "$TOP/lib/foldback/"
cp -a "$ARTEFACTS/VST3/Foldback.vst3" "$TOP/vst3/"
cp -a "$ARTEFACTS/LV2/Foldback.lv2" "$TOP/lv2/"
# A CLAP is one file; it finds its jar and jre/ beside it, so it gets a folder of its own.
cp -a "$ARTEFACTS/CLAP" "$TOP/clap/Foldback"
for bundle_dir in vst3/Foldback.vst3/Contents/Resources lv2/Foldback.lv2 clap/Foldback; do
    up="$(echo "$bundle_dir" | sed 's:[^/]*:..:g')"   # back to the archive's top
    # What the build put beside each bundle's jar copy (the class archive, JNA's library) belongs
    # beside the one shared jar, where the plugin looks through the link.
    rm -f "$TOP/$bundle_dir/foldback.jar" "$TOP/$bundle_dir"/foldback*.jsa "$TOP/$bundle_dir"/foldback*.jsa.txt \
        "$TOP/$bundle_dir/libjnidispatch.so"
    ln -s "$up/lib/foldback/foldback.jar" "$TOP/$bundle_dir/foldback.jar"
    ln -s "$up/lib/foldback/jre" "$TOP/$bundle_dir/jre"
done
echo "$MODULES" > "$TOP/lib/foldback/jre-modules.txt"

# The class archive for the bundled runtime (native/shim/ClassArchive.h): the staged VST3 trains
# on that runtime and the JVM writes lib/foldback/foldback-java17.jsa beside the jar it loaded,
# with foldback-java17.jsa.txt (17: the bundled runtime's feature release). Nothing of the developer's environment may choose another Java or jar.
ARCHIVE_LOG="$BUILD/package/archive-classes-state"
rm -rf "$ARCHIVE_LOG"
env -u FOLDBACK_JAVA_HOME -u FOLDBACK_JAR -u FOLDBACK_JVM_OPTIONS -u FOLDBACK_CLASS_ARCHIVE \
    XDG_STATE_HOME="$ARCHIVE_LOG" "$BUILD/native/bin/foldback-host" archive-classes \
    --plugin "$TOP/vst3/Foldback.vst3" >/dev/null
grep -q "class archive written: $TOP/lib/foldback/foldback-java[0-9]*.jsa" "$ARCHIVE_LOG/foldback/foldback.log" || {
    echo "package: no class archive was written; the plugin's log:" >&2
    tail -20 "$ARCHIVE_LOG/foldback/foldback.log" >&2
    exit 1
}

cp "$ROOT/native/package/install.sh" "$ROOT/native/package/uninstall.sh" "$TOP/"
chmod 755 "$TOP/install.sh" "$TOP/uninstall.sh"
cp "$ROOT/native/package/README.txt" "$TOP/README.txt"
[ -f "$ROOT/CHANGELOG.md" ] && cp "$ROOT/CHANGELOG.md" "$TOP/"
echo "$VERSION" > "$TOP/VERSION"

# Licences. The plugin binaries link JUCE 7 under the GPL v3; the runtime is OpenJDK (its own
# notices are in lib/foldback/jre/legal); each bundled jar's licence files, or where a jar
# carries none, the licence its pom names.
L="$TOP/licenses"
# Foldback itself: GPL v3 or later (the repository's LICENSE), as JUCE's GPL licence requires.
cp "$ROOT/LICENSE" "$TOP/LICENSE"
cp /usr/share/common-licenses/GPL-3 "$L/GPL-3.0.txt"
cp /usr/share/doc/juce-modules-source/copyright "$L/JUCE-copyright.txt"
cp "$TOP/lib/foldback/jre/legal/java.base/LICENSE" "$L/OpenJDK-LICENSE.txt"
cp "$TOP/lib/foldback/jre/legal/java.base/ASSEMBLY_EXCEPTION" "$L/OpenJDK-ASSEMBLY_EXCEPTION.txt"
[ -f /usr/share/doc/openjdk-17-jdk-headless/copyright ] && cp /usr/share/doc/openjdk-17-jdk-headless/copyright "$L/OpenJDK-Debian-copyright.txt"
cp /usr/share/common-licenses/Apache-2.0 "$L/Apache-2.0.txt"
cp /usr/share/common-licenses/LGPL-2.1 "$L/LGPL-2.1.txt"
{
    echo "Foldback $VERSION bundles these Java libraries (inside lib/foldback/foldback.jar and each"
    echo "plugin bundle's foldback.jar). Each one's licence as its Maven pom declares it; licence"
    echo "files the jar itself carries are in the folder of the same name."
    echo
} > "$L/JAVA-LIBRARIES.txt"
# The licences a pom names, or its parent's (Jetty's and ZXing's are stated in their parent poms).
pom_licences() {
    local pom="$1" found depth
    for depth in 1 2 3 4; do
        [ -f "$pom" ] || return 0
        found="$(sed -n '/<licenses>/,/<\/licenses>/{s:.*<name>\(.*\)</name>.*:\1:p;s:.*<url>\(.*\)</url>.*:\1:p}' "$pom" | paste -sd ' ' -)"
        [ -n "$found" ] && { echo "$found"; return 0; }
        local parent g a v
        parent="$(sed -n '/<parent>/,/<\/parent>/p' "$pom")"
        g="$(echo "$parent" | sed -n 's:.*<groupId>\(.*\)</groupId>.*:\1:p' | head -1)"
        a="$(echo "$parent" | sed -n 's:.*<artifactId>\(.*\)</artifactId>.*:\1:p' | head -1)"
        v="$(echo "$parent" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)"
        [ -n "$a" ] || return 0
        pom="$HOME/.m2/repository/${g//.//}/$a/$v/$a-$v.pom"
    done
}
grep -o ':[a-z]*:/[^ ]*\.jar' "$JARS_LIST" | sed 's/^:[a-z]*://' | sort -u | while read -r jar; do
    case "$jar" in */java/*/target/*) continue ;; esac   # Foldback's own modules
    pom="${jar%.jar}.pom"
    pom="$(echo "$pom" | sed 's/-natives-linux\.pom$/.pom/')"
    base="$(basename "${jar%.jar}")"
    licences="$(pom_licences "$pom")"
    echo "$base: ${licences:-not stated in its pom}" >> "$L/JAVA-LIBRARIES.txt"
    files="$(unzip -Z1 "$jar" | grep -i -E '^META-INF/[^/]*(licen[cs]e|notice)[^/]*$' || true)"
    if [ -n "$files" ]; then
        mkdir -p "$L/$base"
        for f in $files; do unzip -p "$jar" "$f" > "$L/$base/$(basename "$f")"; done
    fi
done

tar -C "$STAGE" -czf "$OUT/$NAME.tar.gz" "$NAME"
size=$(stat -c %s "$OUT/$NAME.tar.gz")
echo "package: $OUT/$NAME.tar.gz, $(( (size + 524288) / 1048576 )) MB ($size bytes); runtime modules: $MODULES"
