#!/usr/bin/env python3
"""Which threads of a host ran how much, per phase and per second, next to JACK's xruns.

usage: thread_report.py SAMPLES MARKS XRUNS [SECONDS_SHOWN]
  SAMPLES  thread_sampler.py's output (one line per thread per sample)
  MARKS    lines "NAME TIME" in time order (`date +%s.%N`): each phase runs from its mark to the
           next one (the last mark ends the last phase)
  XRUNS    xrun_count's output with "stamps" (xrun_at=TIME lines, xrun_count.c)
  SECONDS_SHOWN  how many of the busiest seconds of the JVM's threads to list (default 10)

Prints, per phase, a table of thread groups (threads whose names differ only in a trailing number
are one group): CPU ms in the phase, % of one core, run-queue wait ms, page faults, scheduling
policy; then the xruns per phase, and per second of the run: the xruns and the CPU of the JVM's
threads (every thread that the host did not name itself, see JVM_NAMES) and the host's.
"""
import collections
import re
import sys

# Names the JVM (HotSpot 17-25) gives its own threads, and the Java threads Foldback starts.
JVM_NAMES = re.compile(r"^(C[12]_Compiler|VM_|GC_|G1_|Z|Common-Cleaner|Finalizer|Reference_Hand|"
                       r"Signal_Disp|Service_Thread|Sweeper|Notification|Monitor_Defl|Attach_List|"
                       r"foldback|Foldback|process_reaper|Java|java|JNA|Cleaner|pool-|Thread-|"
                       r"VM_Periodic|Unknown|DestroyJavaVM|SIGINT|Keep-Alive)")
POLICIES = {"0": "other", "1": "fifo", "2": "rr", "3": "batch", "5": "idle"}


def group_of(name):
    return re.sub(r"[#_-]?\d+$", "", name)


def load(path):
    """{time: {(pid, tid): (name, policy, rtprio, run_ns, wait_ns, faults)}} in time order."""
    samples = collections.OrderedDict()
    for line in open(path):
        f = line.split()
        if len(f) < 10:
            continue
        t = float(f[0])
        name = f[9] + ("(main)" if f[1] == f[2] else "")  # a process's first thread: tid = pid
        samples.setdefault(t, {})[(f[1], f[2])] = (name, f[3], f[4], int(f[5]), int(f[6]),
                                                    int(f[7]) + int(f[8]))
    return samples


def deltas(samples, start, end):
    """Per thread: (name, policy, rtprio, run_ns, wait_ns, faults) accrued between start and end.
    A thread that appears inside the window counts from zero (it was born there); in the first
    phase the first sample is the baseline (jackd was running long before)."""
    times = [t for t in samples if start <= t <= end]
    if not times:
        return {}
    before = [t for t in samples if t < start]
    first = samples[before[-1]] if before else samples[times[0]]
    last = samples[times[-1]]
    out = {}
    for key, (name, pol, prio, run, wait, faults) in last.items():
        r0, w0, f0 = first[key][3:6] if key in first else (0, 0, 0)
        out[key] = (name, pol, prio, run - r0, wait - w0, faults - f0)
    return out


def is_jvm(name):
    return bool(JVM_NAMES.match(name))


def phase_table(samples, name, start, end):
    d = deltas(samples, start, end)
    seconds = max(end - start, 1e-9)
    groups = collections.defaultdict(lambda: [0, 0, 0, 0, set()])
    for (pid, tid), (tname, pol, prio, run, wait, faults) in d.items():
        g = groups[group_of(tname)]
        g[0] += run
        g[1] += wait
        g[2] += faults
        g[3] += 1
        g[4].add(POLICIES.get(pol, pol) + ("/" + prio if prio != "0" else ""))
    print("phase %s: %.1f s" % (name, seconds))
    print("  %-20s %3s %10s %8s %9s %8s  %s" % ("threads", "n", "cpu_ms", "%core", "wait_ms", "faults", "policy"))
    jvm = host = 0
    for g, (run, wait, faults, n, pols) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
        if is_jvm(g):
            jvm += run
        else:
            host += run
        if run < 1e6 and faults < 10:
            continue
        print("  %-20s %3d %10.1f %8.2f %9.1f %8d  %s"
              % (g, n, run / 1e6, run / 1e7 / seconds, wait / 1e6, faults, ",".join(sorted(pols))))
    print("  jvm_threads_cpu_ms=%.1f (%.2f %% of a core)  host_threads_cpu_ms=%.1f (%.2f %%)"
          % (jvm / 1e6, jvm / 1e7 / seconds, host / 1e6, host / 1e7 / seconds))


def main(samples_path, marks_path, xruns_path, shown=10):
    samples = load(samples_path)
    marks = [(l.split()[0], float(l.split()[1])) for l in open(marks_path) if l.strip()]
    stamps = sorted(float(l.split("=")[1]) for l in open(xruns_path) if l.startswith("xrun_at="))
    for (name, start), (_, end) in zip(marks, marks[1:]):
        phase_table(samples, name, start, end)
        print("  xruns=%d" % sum(1 for t in stamps if start <= t < end))
    # Per second over the whole run: xruns, and the JVM's and the host's CPU in that second.
    times = list(samples)
    rows = []
    for a, b in zip(times, times[1:]):
        first, last = samples[a], samples[b]
        jvm = host = 0
        for key, (tname, _, _, run, _, _) in last.items():
            r = run - (first[key][3] if key in first else 0)
            if is_jvm(tname):
                jvm += r
            else:
                host += r
        x = sum(1 for t in stamps if a <= t < b)
        rows.append((a - marks[0][1], jvm / 1e6, host / 1e6, x))
    with_x = [r for r in rows if r[3]]
    without = [r for r in rows if not r[3]]
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    print("seconds_with_xruns=%d of %d; jvm cpu ms/s in them %.1f, in the others %.1f; host %.1f vs %.1f"
          % (len(with_x), len(rows), mean([r[1] for r in with_x]), mean([r[1] for r in without]),
             mean([r[2] for r in with_x]), mean([r[2] for r in without])))
    print("seconds with xruns (t from the first mark, jvm ms, host ms, xruns):")
    for r in with_x:
        print("  t=%6.1f jvm=%6.1f host=%6.1f xruns=%d" % r)
    print("busiest seconds of the JVM's threads:")
    for r in sorted(rows, key=lambda r: -r[1])[:int(shown)]:
        print("  t=%6.1f jvm=%6.1f host=%6.1f xruns=%d" % r)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
