# Helpers for the editor tests (sourced after lib.sh): a display, a test tone, the editor's layout
# and pixels read back from PNG screenshots (plain Python: zlib and the PNG filters, no imaging
# library needed).

SCREEN="2200x1300x24"   # room for the editor at scale 2

# Runs foldback-host under its own Xvfb: run_host ARGS...
run_host() {
    xvfb-run -a -s "-screen 0 $SCREEN" "$FOLDBACK_HOST" "$@"
}

# A stereo 1 kHz sine at LEVEL dBFS peak, 48 kHz, 16-bit: tone FILE LEVEL_DB SECONDS
tone() {
    python3 - "$1" "$2" "$3" <<'PY'
import math, struct, sys, wave
path, level, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
rate, amp = 48000, 10 ** (level / 20)
with wave.open(path, "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate)
    frames = bytearray()
    for i in range(int(rate * seconds)):
        v = int(round(32767 * amp * math.sin(2 * math.pi * 1000 * i / rate)))
        frames += struct.pack("<hh", v, v)
    w.writeframes(bytes(frames))
PY
}

# The editor's layout in points: layout NAME prints "x y w h" (default size).
layout() {
    "$TEST_JAVA" -cp "$TEST_JAR" org.foldback.ui.LayoutDump | awk -v n="$1" '$1 == n { print $2, $3, $4, $5 }'
}

# Centre of a control as "X,Y" for --click.
centre() {
    layout "$1" | awk '{ printf "%d,%d\n", $1 + $3 / 2, $2 + $4 / 2 }'
}

# The colour at a pixel: pixel PNG X Y prints "R G B".
# The level a meter bar shows: bar_level PNG "x y w h" CHANNEL KIND (peak|rms|reference) FLOOR TOP
# prints dB, found as the topmost pixel of the bar's colour in the channel's middle column.
png_py() {
    python3 - "$@" <<'PY'
import struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unsupported PNG"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, rows, stride, prev, i = zlib.decompress(idat), [], width * bpp, bytearray(width * bpp), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    return lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])

COLOURS = {"peak": (48, 192, 80), "rms": (150, 235, 170), "over": (230, 60, 50), "reference": (200, 140, 40)}
def near(p, c, tol=12): return all(abs(a - b) <= tol for a, b in zip(p, c))

cmd, png = sys.argv[1], read_png(sys.argv[2])
if cmd == "pixel":
    print(*png(int(sys.argv[3]), int(sys.argv[4])))
elif cmd == "count":
    # Pixels near a colour in a rectangle: count PNG "x y w h" "R G B" TOLERANCE
    x, y, w, h = map(int, sys.argv[3].split()); c = tuple(map(int, sys.argv[4].split()))
    print(sum(near(png(i, j), c, int(sys.argv[5])) for i in range(x, x + w) for j in range(y, y + h)))
elif cmd in ("column_level", "bar_level"):
    # The level at the topmost pixel of a colour in one pixel column, on a scale from FLOOR (the
    # rectangle's bottom) to TOP (its top):
    #   column_level PNG X "y h" KIND FLOOR TOP
    #   bar_level PNG "x y w h" CHANNEL KIND FLOOR TOP   (the middle column of a stereo meter's bar)
    if cmd == "column_level":
        x = int(float(sys.argv[3])); y, h = map(float, sys.argv[4].split())
        kind, floor, top = sys.argv[5], float(sys.argv[6]), float(sys.argv[7])
    else:
        bx, y, w, h = map(float, sys.argv[3].split())
        channel, kind, floor, top = int(sys.argv[4]), sys.argv[5], float(sys.argv[6]), float(sys.argv[7])
        bw = (w - 2) / 2
        x = int(bx + channel * (bw + 2) + bw / 2)
    for row in range(int(y), int(y + h)):
        if near(png(x, row), COLOURS[kind]):
            # The bar's top edge is the top of this pixel row.
            print("%.2f" % (top - (row - y) / h * (top - floor)))
            break
    else:
        print("none")
PY
}
