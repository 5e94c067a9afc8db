#!/bin/sh
# Removes the Foldback that install.sh installed: exactly the paths it recorded in installed.txt,
# and the folders it created if nothing else is in them now.
#   uninstall.sh [--user|--system]
set -eu
case "${1:---user}" in
    --user) LIB_DIR="$HOME/.local/lib/foldback" ;;
    --system) LIB_DIR=/usr/local/lib/foldback ;;
    *) echo "usage: $0 [--user|--system]" >&2; exit 2 ;;
esac
list="$LIB_DIR/installed.txt"
[ -f "$list" ] || { echo "no Foldback installed in $LIB_DIR (no $list)" >&2; exit 1; }

entries="$(cat "$list")"
echo "$entries" | while read -r kind path; do
    case "$kind" in
        tree) rm -rf "$path" ;;
        file) rm -f "$path" ;;
        dir) [ ! -d "$path" ] || rmdir "$path" 2>/dev/null || echo "kept $path (not empty)" ;;
    esac
done
echo "Foldback removed."
