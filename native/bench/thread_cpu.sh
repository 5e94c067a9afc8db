# Helpers for the jalv comparisons: CPU time of a process's busiest thread, from /proc.
# Sourced by x42_compare.sh and jalv_xruns.sh.

# Prints "TID NS TICKS" per thread of PID: NS = time on CPU in ns (/proc/PID/task/TID/schedstat,
# first field), TICKS = utime + stime in clock ticks (/proc/PID/task/TID/stat, fields 14 and 15).
thread_times() {
    local pid=$1 task tid ns rest stat
    for task in /proc/"$pid"/task/*; do
        tid=${task##*/}
        read -r ns rest < "$task/schedstat" 2>/dev/null || continue
        stat=$(cat "$task/stat" 2>/dev/null) || continue
        # Fields after the command name (which may hold spaces) start at field 3.
        stat=${stat##*) }
        set -- $stat
        echo "$tid $ns $(( ${12} + ${13} ))"
    done
}

# busiest_thread PID SECONDS: samples every thread of PID, waits, samples again, and prints
# "TID CPU_NS TICKS" for the thread that ran most in between: JACK's process thread for a jalv
# whose plugin does the work (JIT and GC threads are idle once the plugin is warm).
busiest_thread() {
    local pid=$1 seconds=$2
    local before after
    before=$(thread_times "$pid")
    sleep "$seconds"
    after=$(thread_times "$pid")
    join <(echo "$before" | sort) <(echo "$after" | sort) \
        | awk '{ d = $4 - $2; t = $5 - $3; if (d > best) { best = d; tid = $1; ticks = t } }
               END { print tid, best, ticks }'
}

# stop PID: TERM, then KILL if it is still there after 3 s (a host holding a JVM may not exit on TERM).
stop() {
    local pid=$1
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
