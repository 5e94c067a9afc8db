#!/usr/bin/env bash
# CLAP parameter events are sample-accurate: a change of Cue 1 Level at frame 1000, inside a
# 512-sample block (offset 488 of the second block), leaves every frame before 1000 exactly as a
# render without it and changes frame 1000 itself; the same change at frame 1001 first changes frame
# 1001. Once the level has settled, the render equals one where the change arrived at a block start
# (1000-sample blocks). What is tested is the event path: foldback-host's CLAP hosting sends a
# CLAP_EVENT_PARAM_VALUE with its frame, the plugin cuts the block there and hands the change to
# Java with that piece. (The ramp's own shape depends on the block cuts, the engine ramps per block,
# so the 960 ramp frames are not compared between the two cuttings.)
source "$(dirname "$0")/lib.sh"
: "${FOLDBACK_CLAP:?}"

mapfile -t stems < <(demo_stems)
ins=(--in "${stems[0]}" --in "${stems[1]}")
render() {   # render OUT BLOCK [--set-at ...]
    local out="$1" block="$2"
    shift 2
    "$FOLDBACK_HOST" render --plugin "$FOLDBACK_CLAP" "${ins[@]}" --block "$block" --out "$WORK/$out" "$@" >/dev/null \
        || fail "render $out failed"
}
render inside 512 --set-at "1000:Cue 1 Level=-20.0 dB"
render aligned 1000 --set-at "1000:Cue 1 Level=-20.0 dB"
render later 512 --set-at "1001:Cue 1 Level=-20.0 dB"
render none 512

python3 - "$WORK" <<'PY' || fail "the change did not land on its frame"
import struct, sys
def samples(path):
    # foldback-host writes 32-bit float WAVs: find the data chunk.
    data = open(path, 'rb').read()
    i = 12
    while i < len(data):
        tag, size = data[i:i+4], struct.unpack('<I', data[i+4:i+8])[0]
        if tag == b'data':
            return struct.unpack('<%df' % (size // 4), data[i+8:i+8+size])
        i += 8 + size + (size & 1)
    raise SystemExit(path + ': no data chunk')
def first_difference(a, b, start=0):
    for i in range(2 * start, min(len(a), len(b))):
        if a[i] != b[i]:
            return i // 2
    return None
w = sys.argv[1]
none, inside, aligned, later = (samples(w + '/' + n + '/cue-1.wav') for n in ('none', 'inside', 'aligned', 'later'))
checks = {
    'change at 1000 inside a block, first changed frame': (first_difference(none, inside), 1000),
    'change at 1000 at a block start, first changed frame': (first_difference(none, aligned), 1000),
    'change at 1001 inside a block, first changed frame': (first_difference(none, later), 1001),
    'inside vs block start once settled (from frame 2048)': (first_difference(inside, aligned, 2048), None),
}
bad = False
for what, (got, expected) in checks.items():
    print(f'{what}: {got} (expected {expected})')
    bad = bad or got != expected
sys.exit(1 if bad else 0)
PY
assert_no_jvm_crash
pass "CLAP parameter events land on their frame (1000 inside a 512 block = 1000 at a block start)"
