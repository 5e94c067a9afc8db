# Issue 19's hostile-input checks, shared by hostile_state.sh (the release build) and
# asan_fuzz.sh (the same checks with the AddressSanitizer build). Needs lib.sh first.

# A short input: the first stem of the demo, cut by --frames where a command takes it.
hostile_input() {
    [ -f "$WORK/input.wav" ] || cp "$(demo_stems | head -1)" "$WORK/input.wav"
    echo "$WORK/input.wav"
}

# The plugin's own saved state of the "Four-piece band" program: band_state PLUGIN FILE
band_state() {
    "$FOLDBACK_HOST" render --plugin "$1" --in "$(hostile_input)" --out "$WORK/band-out" \
        --program-name "Four-piece band" --save-plugin-state "$2" >/dev/null \
        || fail "could not save the Four-piece band state from $1"
    grep -q '"foldback-state"' "$2" || fail "the saved band state has no format"
}

# The issue's crash: the band state with "format": "\u0000" (and "\u0000\ud7ff") loaded with
# --plugin-state. The host must survive, keep its settings (it saves the default state again)
# and log a refusal that names the field with the value escaped. crash_repro PLUGIN
crash_repro() {
    local plugin="$1" band="$WORK/band.json" case
    band_state "$plugin" "$band"
    "$FOLDBACK_HOST" render --plugin "$plugin" --in "$(hostile_input)" --out "$WORK/default-out" \
        --save-plugin-state "$WORK/default.json" >/dev/null || fail "a plain render failed"
    sed 's/"format": *"foldback-state"/"format": "\\u0000"/' "$band" >"$WORK/bad-1.bin"
    sed 's/"format": *"foldback-state"/"format": "\\u0000\\ud7ff"/' "$band" >"$WORK/bad-2.bin"
    for case in 1 2; do
        grep -qF '"format": "\u0000' "$WORK/bad-$case.bin" || fail "could not write bad state $case"
        : >"$LOG"
        "$FOLDBACK_HOST" render --plugin "$plugin" --in "$(hostile_input)" --out "$WORK/bad-out" \
            --plugin-state "$WORK/bad-$case.bin" --save-plugin-state "$WORK/after-bad.json" >"$WORK/bad-render.txt" 2>&1 \
            || { cat "$WORK/bad-render.txt"; fail "the host did not survive bad state $case (the issue's crash)"; }
        cmp -s "$WORK/default.json" "$WORK/after-bad.json" || fail "refused bad state $case changed the plugin's state"
        grep -qF "has format '\u0000" "$LOG" || { tail -5 "$LOG"; fail "the log does not name the bad format, escaped"; }
    done
    echo "crash reproduction: the band state with \"format\": \"\\u0000\" and \"\\u0000\\ud7ff\" is refused, settings kept"
}

# The hostile-state fuzz: N mutations of the plugin's own band state (and of the built-in corpus)
# loaded one after another into one instance, each followed by a render and a save.
# fuzz_states PLUGIN N SEED: no crash (every blob reported), a refused blob leaves the state
# saved after it equal to the one before, every render is finite.
fuzz_states() {
    local plugin="$1" count="$2" seed="$3" t0=$SECONDS
    local dir="$WORK/hostile-$seed"
    [ -f "$WORK/band.json" ] || band_state "$plugin" "$WORK/band.json"
    java -cp "$FOLDBACK_JAR" org.foldback.state.StateTool hostile "$count" "$dir" "$seed" "$WORK/band.json" \
        || fail "StateTool hostile failed"
    "$FOLDBACK_HOST" state-batch --plugin "$plugin" --in "$(hostile_input)" --states "$dir" \
        --save-dir "$dir-saved" --block 256 --frames 2048 --hostile 1 --timeout 1500 >"$dir.txt" \
        || fail "the host failed or crashed after $(grep -c '^state=' "$dir.txt") of $count blobs (exit $?)"
    [ "$(grep -c '^state=' "$dir.txt")" -eq "$count" ] || fail "only $(grep -c '^state=' "$dir.txt") of $count blobs reported"
    local refused accepted bad
    read -r refused accepted bad < <(awk '
        FNR == NR { verdict[$1] = $2; next }
        {
            name = ""; for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
            name = f["state"]
            if (f["finite"] != "1") { print "not finite: " name > "/dev/stderr"; bad++ }
            if (verdict[name] == "refused") {
                refused++
                if (f["state_sha256"] != f["before_sha256"]) { print "refused but state changed: " name > "/dev/stderr"; bad++ }
            } else if (verdict[name] == "accepted") accepted++
            else { print "no verdict: " name > "/dev/stderr"; bad++ }
        }
        END { print refused + 0, accepted + 0, bad + 0 }' "$dir/verdicts.txt" "$dir.txt")
    [ "$bad" -eq 0 ] || fail "$bad hostile blobs misbehaved in $plugin"
    [ "$refused" -gt 0 ] && [ "$accepted" -gt 0 ] || fail "the fuzz should give both outcomes ($refused refused, $accepted accepted)"
    grep -q "state not loaded, current settings kept" "$LOG" || fail "no refusal reached the log"
    echo "fuzz $(basename "$plugin"): $count blobs (seed $seed): $refused refused with the state unchanged, $accepted accepted, all renders finite, $((SECONDS - t0)) s"
}

# Hostile text from Java (the FOLDBACK_TEST_HOSTILE_TEXT hook: NUL, lone surrogates, invalid
# UTF-8 as Java decodes it, and a megabyte long where it reaches the log) through every call that returns text to C++ and
# that a host command reaches: parameter text (all 502), program names, a refused state's
# reason, Java's error after an exception in process. hostile_text_checks PLUGIN (VST3)
hostile_text_checks() {
    local plugin="$1" fffd=$'\xef\xbf\xbd' n lines
    [ -f "$WORK/bad-1.bin" ] || fail "run crash_repro first (it writes the refused state)"
    : >"$LOG"
    # The short form for the 502 parameter texts (VST3 cuts them to 128 units anyway, and a
    # megabyte each costs minutes of garbage); the megabyte for the texts that reach the log.
    export FOLDBACK_TEST_HOSTILE_TEXT=short
    "$FOLDBACK_HOST" params --plugin "$plugin" >"$WORK/params.txt" || fail "params with hostile text failed"
    "$FOLDBACK_HOST" info --plugin "$plugin" >"$WORK/info.txt" || fail "info with hostile text failed"
    export FOLDBACK_TEST_HOSTILE_TEXT=long
    "$FOLDBACK_HOST" render --plugin "$plugin" --in "$(hostile_input)" --out "$WORK/text-out" \
        --plugin-state "$WORK/bad-1.bin" >/dev/null || fail "a refused state with hostile text crashed the host"
    FOLDBACK_TEST_THROW_AT_BLOCK=3 "$FOLDBACK_HOST" render --plugin "$plugin" --in "$(hostile_input)" \
        --out "$WORK/text-out" >/dev/null || fail "an exception with hostile text crashed the host"
    unset FOLDBACK_TEST_HOSTILE_TEXT
    for f in "$WORK/params.txt" "$WORK/info.txt" "$LOG"; do
        [ "$(tr -d '\000' <"$f" | wc -c)" -eq "$(wc -c <"$f")" ] || fail "a NUL reached $(basename "$f")"
        # The longest line: the bound (16,384 UTF-16 units, at most 3 UTF-8 bytes each) plus context.
        n=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$f")
        [ "$n" -lt 50000 ] || fail "a line of $n bytes in $(basename "$f"): text from Java was not bounded"
    done
    lines=$(grep -c "\[hostile: $fffd|$fffd" "$WORK/params.txt" || true)
    [ "$lines" -ge 500 ] || fail "only $lines parameter texts carried the hostile text, sanitized"
    grep -q "program2_name=.*\[hostile: $fffd" "$WORK/info.txt" || fail "program names did not carry the hostile text, sanitized"
    grep -q "has format '.u0000.*\[hostile: $fffd.*… \[cut\]" "$LOG" || fail "the refusal was not logged sanitized and cut"
    grep -q "injected test fault at block 3 \[hostile: $fffd.*… \[cut\]" "$LOG" || fail "Java's error was not logged sanitized and cut"
    echo "hostile text: $lines parameter texts, the program names, a refusal and an exception's message reached C++ sanitized and bounded"
}
