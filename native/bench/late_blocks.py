#!/usr/bin/env python3
"""Foldback's late blocks in one traced host run, each with its phase, the xruns that followed it
and what the JVM logged within 3 ms of its start (a compile, a safepoint, a collection).

usage: late_blocks.py FOLDBACK_LOG MARKS XRUNS [JVM_LOG]
  FOLDBACK_LOG  the shim's log ("late blocks N-M (UTC start, processBlock us (Java call, on a CPU)): ...")
  MARKS         lines "NAME TIME" (`date +%s.%N`), as ardour_xruns.sh --trace writes them
  XRUNS         xrun_count's output with "stamps" (xrun_at=TIME lines)
  JVM_LOG       -Xlog output with the `tm` decorator ([MILLISECONDS] ...), e.g.
                -Xlog:safepoint=info,gc=info,jit+compilation=debug:file=PATH:tm

The shim keeps the last 64 late blocks and logs them every 10 s while playing (BlockTelemetry.h).
Prints one line per late block, then per phase: late blocks, those that coincided with a compile
logged by the JVM, xruns and the xruns within 50 ms after a late block.
"""
import datetime
import re
import sys

NEAR_S = 0.003    # a JVM event this close to a late block's start is shown with it
AFTER_S = 0.05    # an xrun this soon after a late block's start counts as following it


def late_blocks(path):
    found = set()
    for line in open(path, errors="replace"):
        if "late blocks" not in line:
            continue
        day = line[:10]
        for hms, us, rest in re.findall(r"(\d\d:\d\d:\d\d\.\d+) (\d+) us \(([^)]*)\)", line):
            t = datetime.datetime.strptime(day + " " + hms, "%Y-%m-%d %H:%M:%S.%f")
            found.add((t.replace(tzinfo=datetime.timezone.utc).timestamp(), int(us), rest))
    return sorted(found)


def main(log_path, marks_path, xruns_path, jvm_path=None):
    marks = [(l.split()[0], float(l.split()[1])) for l in open(marks_path) if l.strip()]
    xruns = sorted(float(l.split("=")[1]) for l in open(xruns_path) if l.startswith("xrun_at="))
    events = []
    if jvm_path:
        for line in open(jvm_path, errors="replace"):
            m = re.match(r"\[(\d+)ms\] (.*)", line)
            if m:
                events.append((int(m.group(1)) / 1000, " ".join(m.group(2).split())))

    def phase(t):
        inside = [name for name, start in marks if start <= t]
        return inside[-1] if inside else "before"

    per_phase = {}
    for t, us, rest in late_blocks(log_path):
        near = [e for te, e in events if t - NEAR_S <= te <= t + NEAR_S]
        following = sum(1 for x in xruns if t - 0.002 <= x <= t + AFTER_S)
        compiled = any(re.match(r"\d+ ", e) for e in near)
        p = per_phase.setdefault(phase(t), [0, 0])
        p[0] += 1
        p[1] += compiled
        when = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%H:%M:%S.%f")
        print("%s %-7s %5d us (%s) xruns_after=%d %s" % (when, phase(t), us, rest, following, " | ".join(near)[:160]))
    for (name, start), (_, end) in zip(marks, marks[1:]):
        n, compiled = per_phase.get(name, [0, 0])
        inside = [x for x in xruns if start <= x < end]
        lates = [t for t, _, _ in late_blocks(log_path) if start <= t < end]
        after = sum(1 for x in inside if any(t - 0.002 <= x <= t + AFTER_S for t in lates))
        print("%s_late_blocks=%d %s_late_with_compile=%d %s_xruns=%d %s_xruns_after_late=%d"
              % (name, n, name, compiled, name, len(inside), name, after))


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
