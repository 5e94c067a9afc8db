/* Counts JACK's xruns: a client with no ports that registers an xrun callback, runs for the given
   number of seconds (or until SIGTERM/SIGINT) and prints xruns=N (and JACK's DSP load at the end).
   With "stamps" as second argument it also prints xrun_at=SECONDS (CLOCK_REALTIME, as `date
   +%s.%N`) the moment each xrun is reported, so that a test can split one run into phases
   (native/tests/osc_in_jalv.sh). Built on the fly by jalv_xruns.sh and the tests:
   cc -O2 xrun_count.c -o xrun_count $(pkg-config --cflags --libs jack) */
#include <jack/jack.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static atomic_int xruns;
static int stamps;
static volatile sig_atomic_t stopping;

static void on_signal (int sig)
{
    (void) sig;
    stopping = 1;
}

static int on_xrun (void* arg)
{
    (void) arg;
    atomic_fetch_add (&xruns, 1);
    if (stamps)
    {
        /* JACK calls this on the client's notification thread, not its process thread: it may print. */
        struct timespec t;
        clock_gettime (CLOCK_REALTIME, &t);
        printf ("xrun_at=%lld.%09ld\n", (long long) t.tv_sec, t.tv_nsec);
        fflush (stdout);
    }
    return 0;
}

int main (int argc, char** argv)
{
    int seconds = argc > 1 ? atoi (argv[1]) : 10;
    stamps = argc > 2 && argv[2][0] == 's';
    signal (SIGTERM, on_signal);
    signal (SIGINT, on_signal);
    jack_status_t status;
    jack_client_t* client = jack_client_open ("xrun_count", JackNoStartServer, &status);
    if (client == NULL)
    {
        fprintf (stderr, "xrun_count: no JACK server (status 0x%x)\n", (unsigned) status);
        return 1;
    }
    jack_set_xrun_callback (client, on_xrun, NULL);
    if (jack_activate (client) != 0)
    {
        fprintf (stderr, "xrun_count: cannot activate\n");
        return 1;
    }
    float maxLoad = 0;
    int s = 0;
    for (; s < seconds && ! stopping; ++s)
    {
        sleep (1);
        float load = jack_cpu_load (client);
        if (load > maxLoad)
            maxLoad = load;
    }
    printf ("xruns=%d\nseconds=%d\ndsp_load_percent_max=%.2f\n", atomic_load (&xruns), s, maxLoad);
    jack_deactivate (client);
    jack_client_close (client);
    return 0;
}
