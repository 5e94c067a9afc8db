#!/usr/bin/env python3
"""Samples every thread of some processes, once per INTERVAL, until they are all gone (or SIGTERM).

usage: thread_sampler.py OUT INTERVAL PID...

Writes one line per thread per sample to OUT:
  TIME PID TID POLICY RTPRIO RUN_NS WAIT_NS MINFLT MAJFLT NAME
TIME as `date +%s.%N`; RUN_NS and WAIT_NS are the thread's time on a CPU and waiting on a run
queue so far (/proc/PID/task/TID/schedstat); POLICY the scheduling class (0 other, 1 FIFO,
2 RR, 3 batch, 5 idle) and RTPRIO its real-time priority (/proc/.../stat, fields 41 and 40);
MINFLT/MAJFLT its page faults so far (fields 10 and 12); NAME its comm (spaces as '_').
thread_report.py turns the samples into per-thread CPU per phase and per second.
"""
import os
import signal
import sys
import time


def sample(pid, now, out):
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return False
    for tid in tids:
        base = "/proc/%d/task/%s/" % (pid, tid)
        try:
            with open(base + "schedstat") as f:
                run_ns, wait_ns, _ = f.read().split()
            with open(base + "stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended between listdir and open
        name = stat[stat.index("(") + 1:stat.rindex(")")].replace(" ", "_") or "-"
        fields = stat[stat.rindex(")") + 2:].split()  # fields[0] is field 3 (state)
        minflt, majflt = fields[7], fields[9]
        rtprio, policy = fields[37], fields[38]
        out.write("%.3f %d %s %s %s %s %s %s %s %s\n"
                  % (now, pid, tid, policy, rtprio, run_ns, wait_ns, minflt, majflt, name))
    return True


def main(path, interval, pids):
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    with open(path, "w") as out:
        next_at = time.time()
        while not stopping:
            now = time.time()
            alive = [sample(pid, now, out) for pid in pids]
            out.flush()
            if not any(alive):
                break
            next_at += interval
            time.sleep(max(0.0, next_at - time.time()))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]), [int(p) for p in sys.argv[3:]])
