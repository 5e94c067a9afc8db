/* Counts JACK's xruns: a client with no ports that registers an xrun callback, runs for the given
   number of seconds and prints xruns=N (and JACK's DSP load at the end). Built on the fly by
   jalv_xruns.sh: cc -O2 xrun_count.c -o xrun_count $(pkg-config --cflags --libs jack) */
#include <jack/jack.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int xruns;

static int on_xrun (void* arg)
{
    (void) arg;
    atomic_fetch_add (&xruns, 1);
    return 0;
}

int main (int argc, char** argv)
{
    int seconds = argc > 1 ? atoi (argv[1]) : 10;
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
    for (int s = 0; s < seconds; ++s)
    {
        sleep (1);
        float load = jack_cpu_load (client);
        if (load > maxLoad)
            maxLoad = load;
    }
    printf ("xruns=%d\nseconds=%d\ndsp_load_percent_max=%.2f\n", atomic_load (&xruns), seconds, maxLoad);
    jack_deactivate (client);
    jack_client_close (client);
    return 0;
}
