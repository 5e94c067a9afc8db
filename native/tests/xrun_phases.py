#!/usr/bin/env python3
"""Splits one real-time run into its phases and prints key=value figures per phase kind.

usage: xrun_phases.py PHASES XRUNS JVM_LOG
  PHASES   lines "KIND START END" (KIND Q quiet, F flood, S the flood into a native sink; times
           as `date +%s.%N`)
  XRUNS    xrun_count's output with "stamps" (xrun_at=SECONDS lines, native/bench/xrun_count.c)
  JVM_LOG  the JVM's -Xlog:safepoint=info,gc=info with the `tm` decorator ([MILLISECONDS] ...)

Per kind: its seconds, JACK's xruns, stalls (xruns less than 100 ms apart are one stall: after
one long wait JACK reports every period it lost), collections started, and the longest safepoint
(every Java thread stopped: the audio thread too while it is inside its Java call).
"""
import re
import sys

KINDS = (("Q", "quiet"), ("F", "flood"), ("S", "sink"))


def main(phases_path, xruns_path, jvm_log_path):
    phases = [(k, float(a), float(b)) for k, a, b in (l.split() for l in open(phases_path) if l.strip())]
    stamps = sorted(float(l.split("=")[1]) for l in open(xruns_path) if l.startswith("xrun_at="))
    stalls = [t for i, t in enumerate(stamps) if i == 0 or t - stamps[i - 1] > 0.1]
    collections, safepoints = [], []
    for line in open(jvm_log_path, errors="replace"):
        m = re.search(r"\[(\d+)ms\] (.*)", line)
        if not m:
            continue
        t, text = int(m.group(1)) / 1000, m.group(2)
        if re.match(r"GC\(\d+\) Garbage Collection", text):
            collections.append(t)
        sp = re.search(r'Safepoint "(\w+)".*Total: (\d+) ns', text)
        if sp:
            safepoints.append((t, int(sp.group(2)) / 1e6, sp.group(1)))

    def inside(kind, t):
        return any(k == kind and a <= t < b for k, a, b in phases)

    for kind, name in KINDS:
        print("%s_seconds=%.1f" % (name, sum(b - a for k, a, b in phases if k == kind)))
        print("%s_xruns=%d" % (name, sum(1 for t in stamps if inside(kind, t))))
        print("%s_stalls=%d" % (name, sum(1 for t in stalls if inside(kind, t))))
        print("%s_collections=%d" % (name, sum(1 for t in collections if inside(kind, t))))
        worst = max(((ms, what) for t, ms, what in safepoints if inside(kind, t)), default=(0.0, "none"))
        print("%s_worst_safepoint_ms=%.2f" % (name, worst[0]))
        print("%s_worst_safepoint=%s" % (name, worst[1]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
