#!/usr/bin/env python3
"""Checks the JSON of `foldback bench --quick --json` (bench_quick_test.sh): every figure of
issues 8 and 14 present and a finite number, and no allocation on the audio path. Exit 1 with the reasons
otherwise. Separate from the shell script so it can be run on a saved JSON file."""
import json
import math
import sys

KEYS = ["engine_us_per_block", "engine_cpu_percent", "alloc_bytes_per_block", "bridge_us_per_block",
        "first_instance_ms", "second_instance_ms", "block_p9999_us_gc_load", "block_max_us_gc_load",
        "offline_realtime_factor", "meter_cpu_ratio_vs_x42", "mix_cpu_ratio_vs_x42_matrix",
        # Issue 14's xrun comparisons: jalv (both periods) and Ardour on JACK (64 samples in --quick).
        "xrun_ratio_vs_x42_p64", "xrun_ratio_vs_x42_p32", "ardour_xrun_ratio_vs_x42_p64"]


def problems(figures):
    found = []
    for key in KEYS:
        value = figures.get(key)
        if key not in figures:
            found.append("%s missing" % key)
        elif value is None:
            found.append("%s not measured (null; the bench's stderr says why)" % key)
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            found.append("%s is not a finite number: %r" % (key, value))
        elif key == "alloc_bytes_per_block" and value != 0:
            found.append("the audio path allocates %s bytes per block (must be 0)" % value)
        # No sign check on the rest: bridge_us_per_block is the difference of two medians taken
        # in two processes, and on a loaded machine it can come out below 0 (PERFORMANCE.md).
    return found


def main(path):
    with open(path) as f:
        figures = json.load(f)
    found = problems(figures) if isinstance(figures, dict) else ["not one JSON object"]
    if found:
        print("FAIL: " + "; ".join(found))
        return 1
    print("PASS: foldback bench --quick --json gave all %d figures, 0 bytes allocated per block" % len(KEYS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
