#!/usr/bin/env bash
# The release archive on a machine without Java: it builds the archive from this build
# (native/package/package.sh), then in a mount namespace where /usr/lib/jvm is empty and no
# `java` is on PATH it unpacks it, installs and uninstalls it in a fresh home (nothing may be
# left behind), installs it again, and renders the demo stems with a factory preset through the
# installed VST3, LV2 and CLAP in foldback-host. Each render must equal, byte for byte, the same render
# through the build tree's bundle with the system's Java, and the log must say the JVM came from
# the bundle. Runs as root, or unprivileged where user namespaces are allowed (unshare -r -m).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/package_lib.sh"
build_archive

mapfile -t stems < <(demo_stems)
ins=()
for s in "${stems[@]}"; do ins+=(--in "$s"); done
render() {   # render PLUGIN OUT [ARGS]: the demo stems with the Four-piece band program
    local plugin="$1" out="$2"; shift 2
    "$FOLDBACK_HOST" render --plugin "$plugin" --block 512 --out "$out" "${ins[@]}" "$@" >/dev/null
}
render "$FOLDBACK_VST3" "$WORK/reference-vst3" --program-name "Four-piece band" --save-plugin-state "$WORK/band.state"
render "$FOLDBACK_LV2" "$WORK/reference-lv2" --program-name "Four-piece band"
# CLAP 1.1.1 has no preset extension: the CLAP gets the VST3's state bytes (the same format).
render "$FOLDBACK_CLAP" "$WORK/reference-clap" --plugin-state "$WORK/band.state"
cp "$LOG" "$WORK/reference.log" && rm -f "$LOG"

# The user without Java: everything below runs in its own mount namespace.
export FOLDBACK_HOST WORK LOG
export -f render
export INS="$(printf '%q ' "${ins[@]}")"
without_java '
    eval "ins=($INS)"
    export HOME="$WORK/user"
    mkdir -p "$HOME"
    top="$(unpack_archive "$WORK/unpacked")"
    # The licence of Foldback itself and the JUCE notice travel with the binaries that link JUCE.
    grep -q "GNU GENERAL PUBLIC LICENSE" "$top/LICENSE" || { echo "FAIL: the archive has no LICENSE for Foldback" >&2; exit 1; }
    [ -s "$top/licenses/JUCE-copyright.txt" ] || { echo "FAIL: the archive has no JUCE licence notice" >&2; exit 1; }

    # Install and uninstall: the home must be as it was.
    before="$(cd "$HOME" && find . | sort)"
    sh "$top/install.sh" >/dev/null
    installed="$(cd "$HOME" && find . | wc -l)"
    sh "$HOME/.local/lib/foldback/uninstall.sh" >/dev/null
    after="$(cd "$HOME" && find . | sort)"
    if [ "$before" != "$after" ]; then
        echo "FAIL: uninstall left these behind:" >&2; diff <(echo "$before") <(echo "$after") >&2; exit 1
    fi
    echo "install wrote $installed paths into the home; uninstall removed every one"

    # Install again and render through the installed bundles.
    sh "$top/install.sh"
    for format in vst3 lv2 clap; do
        plugin="$HOME/.$format/Foldback.$format"
        preset=(--program-name "Four-piece band")
        [ $format = clap ] && { plugin="$HOME/.clap/Foldback/Foldback.clap"; preset=(--plugin-state "$WORK/band.state"); }
        "$FOLDBACK_HOST" render --plugin "$plugin" "${preset[@]}" --block 512 \
            --out "$WORK/installed-$format" "${ins[@]}" >/dev/null
    done
    sh "$HOME/.local/lib/foldback/uninstall.sh" >/dev/null
'

# Each render started the runtime through its installed bundle's jre link.
for bundle in ".vst3/Foldback.vst3/Contents/Resources" ".lv2/Foldback.lv2" ".clap/Foldback"; do
    grep -q "Java ready: started $WORK/user/$bundle/jre/lib/server/libjvm.so (found via bundle)" "$LOG" \
        || fail "$bundle did not start the bundled runtime: $(grep 'Java ready' "$LOG" | head -3)"
done
for format in vst3 lv2 clap; do
    for c in 1 2 3 4 5 6 7 8; do
        cmp -s "$WORK/reference-$format/cue-$c.wav" "$WORK/installed-$format/cue-$c.wav" \
            || fail "$format cue $c: the installed plugin renders differently from the build tree's"
    done
    peak=$(json_field "$WORK/installed-$format/cue-1.wav" sample_peak_dbfs)
    [ "$peak" != "null" ] || fail "$format cue 1 is silent"
    echo "$format: 8 cues byte-identical to the build tree's render (cue 1 peak $peak dBFS)"
done
assert_no_jvm_crash
pass "the archive installs, runs without a system Java (VST3, LV2 and CLAP bit-identical) and uninstalls cleanly ($(( $(stat -c %s "$ARCHIVE") / 1048576 )) MB)"
