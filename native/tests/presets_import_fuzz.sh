#!/usr/bin/env bash
# Issue 19: the hostile-state fuzz against `foldback presets import` (the real command line, one
# process per blob). An accepted blob becomes a user preset that loads again; a refused one exits
# with code 2, leaves the preset folder as it was, and says why in one short, clean message.
source "$(dirname "$0")/lib.sh"
COUNT="${FOLDBACK_IMPORT_COUNT:-30}"
users="$WORK/user-presets"
mkdir -p "$users"
java_cli presets export four-piece-band "$WORK/band.json" >/dev/null
java -cp "$FOLDBACK_JAR" org.foldback.state.StateTool hostile "$COUNT" "$WORK/hostile" 1919 "$WORK/band.json"

# The folder's files and their contents (not ls -la: its ".." entry changes with $WORK).
folder() { (cd "$users" && find . -type f -exec md5sum {} + | sort); }
accepted=0 refused=0 t0=$SECONDS
while read -r name verdict; do
    before=$(folder)
    set +e
    java_cli presets import "$WORK/hostile/$name" "fuzz-${name%.json}" --user-dir "$users" >"$WORK/out.txt" 2>"$WORK/err.txt"
    rc=$?
    set -e
    case "$verdict:$rc" in
        accepted:0)
            accepted=$((accepted + 1))
            java_cli presets show "fuzz-${name%.json}" --user-dir "$users" >/dev/null \
                || fail "$name was imported but does not load again" ;;
        refused:2)
            refused=$((refused + 1))
            [ "$(folder)" = "$before" ] || fail "refused $name changed the preset folder"
            bytes=$(wc -c <"$WORK/err.txt")
            [ "$bytes" -gt 10 ] && [ "$bytes" -lt 1000 ] || fail "refusing $name took a $bytes-byte message"
            if LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\n' <"$WORK/err.txt"); then
                fail "refusing $name printed control characters: $(head -c 300 "$WORK/err.txt" | od -c | head -5)"
            fi ;;
        *) cat "$WORK/err.txt"; fail "$name ($verdict by the reader) exited with $rc" ;;
    esac
done <"$WORK/hostile/verdicts.txt"
[ "$accepted" -gt 0 ] && [ "$refused" -gt 0 ] || fail "the fuzz should give both outcomes ($accepted accepted, $refused refused)"
pass "presets import: $COUNT hostile blobs, $accepted imported and loadable, $refused refused cleanly ($((SECONDS - t0)) s)"
