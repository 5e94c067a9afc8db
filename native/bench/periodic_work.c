// A native stand-in for an audio thread, to tell what the machine does to periodic work from
// what Foldback does: every period (1333 us: 64 samples at 48 kHz) it does WORK_US of plain
// arithmetic, then sleeps to the next period, and counts the periods whose work took over half
// the period ("late", as the shim's block telemetry counts them), with how much of that time the
// thread was on a CPU.
//
//   cc -O2 periodic_work.c -o periodic_work && ./periodic_work WORK_US SECONDS
//
// prints `work_us=W periods=N mean_us=M worst_us=X late=L` (and the first late periods). On the
// project's 2-vCPU VM (2026-12-02, idle), 15-20 s each: 10 us of work: 1 late; 20: 3; 30: 1;
// 40: 1; 50: 138; 70: 379; 100: 400 (those on a CPU for ~1.3 ms: ten times the work). So past
// about 40 us per period the machine itself makes periods late, whoever runs on it; see
// PERFORMANCE.md, "Why the late blocks".
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double micros (clockid_t clock)
{
    struct timespec t;
    clock_gettime (clock, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static volatile double sink;

static void work (long n)
{
    double a = 1.0001, s = 0;
    for (long i = 0; i < n; i++)
    {
        s += a * (double) i;
        a *= 1.0000001;
    }
    sink = s;
}

int main (int argc, char** argv)
{
    if (argc != 3)
    {
        fprintf (stderr, "usage: %s WORK_US SECONDS\n", argv[0]);
        return 2;
    }
    const double target = atof (argv[1]);
    const int seconds = atoi (argv[2]);

    // Calibrate: iterations per microsecond, running flat out.
    const long probe = 100000;
    double t0 = micros (CLOCK_MONOTONIC);
    for (int i = 0; i < 20; i++)
        work (probe);
    const long iterations = (long) (target / ((micros (CLOCK_MONOTONIC) - t0) / 20 / probe));

    const double period = 64 * 1e6 / 48000;
    double next = micros (CLOCK_MONOTONIC);
    const double end = next + seconds * 1e6;
    long late = 0, periods = 0;
    double worst = 0, sum = 0;
    while (next < end)
    {
        const double start = micros (CLOCK_MONOTONIC), cpuStart = micros (CLOCK_THREAD_CPUTIME_ID);
        work (iterations);
        const double took = micros (CLOCK_MONOTONIC) - start, cpu = micros (CLOCK_THREAD_CPUTIME_ID) - cpuStart;
        periods++;
        sum += took;
        if (took > worst)
            worst = took;
        if (took > period / 2 && ++late <= 5)
            printf ("late: %.0f us (on a CPU %.0f us)\n", took, cpu);
        next += period;
        const double wait = next - micros (CLOCK_MONOTONIC);
        if (wait > 0)
        {
            struct timespec ts = { 0, (long) (wait * 1000) };
            nanosleep (&ts, 0);
        }
    }
    printf ("work_us=%.0f periods=%ld mean_us=%.1f worst_us=%.0f late=%ld\n", target, periods, sum / periods, worst, late);
    return 0;
}
