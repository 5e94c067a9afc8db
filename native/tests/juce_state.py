#!/usr/bin/env python3
"""Foldback's state as JUCE's LV2 wrapper keeps it, for tests that hand a host a state.

JUCE keeps a plugin's state in LV2 as one atom:String property, PLUGIN_URI + ":StateString", in
JUCE's MemoryBlock base64: "SIZE." then 6-bit groups, least significant bit first, over the
alphabet below (java/cli's Lv2State writes the same for the bench).

usage: juce_state.py lv2-dir DIR PLUGIN_URI < state.json
       writes DIR/manifest.ttl and DIR/state.ttl, a state jalv loads with `jalv -l DIR`.
"""
import os
import sys

ALPHABET = ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+"


def encode(data):
    bits = len(data) * 8
    chars = []
    for i in range((bits + 5) // 6):
        v = 0
        for b in range(6):
            bit = i * 6 + b
            if bit < bits and data[bit >> 3] >> (bit & 7) & 1:
                v |= 1 << b
        chars.append(ALPHABET[v])
    return "%d.%s" % (len(data), "".join(chars))


def decode(text):
    size, _, body = text.partition(".")
    out = bytearray(int(size))
    for i, ch in enumerate(body):
        v = ALPHABET.index(ch)
        for b in range(6):
            bit = i * 6 + b
            if bit < len(out) * 8 and v >> b & 1:
                out[bit >> 3] |= 1 << (bit & 7)
    return bytes(out)


PREFIXES = ("@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n"
            "@prefix pset: <http://lv2plug.in/ns/ext/presets#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n\n")


def write_lv2_dir(directory, uri, state):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "state.ttl"), "w") as f:
        f.write(PREFIXES + "<>\n\ta pset:Preset ;\n\tlv2:appliesTo <%s> ;\n" % uri
                + "\tstate:state [\n\t\t<%s:StateString> \"%s\"\n\t] .\n" % (uri, encode(state)))
    with open(os.path.join(directory, "manifest.ttl"), "w") as f:
        f.write(PREFIXES + "<state.ttl>\n\ta pset:Preset ;\n\tlv2:appliesTo <%s> ;\n" % uri
                + "\trdfs:seeAlso <state.ttl> .\n")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "lv2-dir":
        sys.exit(__doc__)
    write_lv2_dir(sys.argv[2], sys.argv[3], sys.stdin.buffer.read())
