#!/bin/sh
# Installs Foldback from this unpacked archive.
#   ./install.sh            for you:        ~/.vst3, ~/.lv2, ~/.clap, ~/.local/lib/foldback, ~/.local/bin
#   ./install.sh --system   for everyone:   /usr/local/lib/vst3, /usr/local/lib/lv2, /usr/lib/clap,
#                                           /usr/local/lib/foldback, /usr/local/bin (run as root)
# (CLAP hosts search ~/.clap and /usr/lib/clap: the CLAP headers' entry.h.)
# A previous installation in the same place is removed first. Every path written is recorded in
# LIB/installed.txt; uninstall.sh removes exactly those.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"

case "${1:---user}" in
    --user)
        VST3_DIR="$HOME/.vst3"; LV2_DIR="$HOME/.lv2"; CLAP_DIR="$HOME/.clap"
        LIB_DIR="$HOME/.local/lib/foldback"; BIN_DIR="$HOME/.local/bin" ;;
    --system)
        VST3_DIR=/usr/local/lib/vst3; LV2_DIR=/usr/local/lib/lv2; CLAP_DIR=/usr/lib/clap
        LIB_DIR=/usr/local/lib/foldback; BIN_DIR=/usr/local/bin ;;
    *) echo "usage: $0 [--user|--system]" >&2; exit 2 ;;
esac

if [ -f "$LIB_DIR/uninstall.sh" ]; then
    echo "removing the Foldback installed in $LIB_DIR first"
    sh "$LIB_DIR/uninstall.sh" "${1:---user}" >/dev/null
fi

manifest="$(mktemp)"
# Folders that did not exist yet are recorded too (uninstall removes them if they are empty then).
make_dir() {
    missing=""
    d="$1"
    while [ ! -d "$d" ]; do missing="$d $missing"; d="$(dirname "$d")"; done
    for m in $missing; do mkdir "$m"; echo "dir $m" >> "$manifest"; done
}
for d in "$VST3_DIR" "$LV2_DIR" "$CLAP_DIR" "$LIB_DIR" "$BIN_DIR"; do make_dir "$d"; done

# The runtime, the standalone app and its jar.
cp -a "$HERE/lib/foldback/." "$LIB_DIR/"
cp "$HERE/uninstall.sh" "$LIB_DIR/uninstall.sh"
cp "$HERE/VERSION" "$LIB_DIR/VERSION"
cp -a "$HERE/licenses" "$LIB_DIR/licenses"
echo "tree $LIB_DIR" >> "$manifest"

# The plugins: their jre/ and foldback.jar links point at the one installed runtime and jar.
link_shared() {
    ln -sfn "$LIB_DIR/jre" "$1/jre"
    ln -sfn "$LIB_DIR/foldback.jar" "$1/foldback.jar"
}
cp -a "$HERE/vst3/Foldback.vst3" "$VST3_DIR/"
link_shared "$VST3_DIR/Foldback.vst3/Contents/Resources"
echo "tree $VST3_DIR/Foldback.vst3" >> "$manifest"
cp -a "$HERE/lv2/Foldback.lv2" "$LV2_DIR/"
link_shared "$LV2_DIR/Foldback.lv2"
echo "tree $LV2_DIR/Foldback.lv2" >> "$manifest"
cp -a "$HERE/clap/Foldback" "$CLAP_DIR/"
link_shared "$CLAP_DIR/Foldback"
echo "tree $CLAP_DIR/Foldback" >> "$manifest"

# The standalone app on PATH (a script, so the app finds its jar and runtime beside itself).
printf '#!/bin/sh\nexec "%s/Foldback" "$@"\n' "$LIB_DIR" > "$BIN_DIR/foldback-standalone"
chmod 755 "$BIN_DIR/foldback-standalone"
echo "file $BIN_DIR/foldback-standalone" >> "$manifest"

# Directories last, deepest first, so uninstall removes what it created after their contents.
{ grep -v '^dir ' "$manifest"; grep '^dir ' "$manifest" | sort -r; } > "$LIB_DIR/installed.txt"
rm -f "$manifest"

echo "Foldback $(cat "$HERE/VERSION") installed:"
echo "  VST3        $VST3_DIR/Foldback.vst3"
echo "  LV2         $LV2_DIR/Foldback.lv2"
echo "  CLAP        $CLAP_DIR/Foldback/Foldback.clap"
echo "  Standalone  $BIN_DIR/foldback-standalone"
echo "  runtime     $LIB_DIR/jre (Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$LIB_DIR/jre/release"))"
echo "Remove it with: sh $LIB_DIR/uninstall.sh ${1:---user}"
