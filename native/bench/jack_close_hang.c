// Shows that jack_client_close() never returns for a JACK client with many ports that carry
// metadata, with jackd2 1.9.21 (Debian 12): the evidence behind "jalv does not exit on SIGTERM"
// (issue 14). No plugin, no jalv, no Java: a plain client registers N input ports, sets a pretty
// name and an order on each (as jalv does for a plugin's ports), activates, and closes.
//
//   cc -O2 jack_close_hang.c -o jack_close_hang $(pkg-config --cflags --libs jack)
//   jackd -d dummy -r 48000 -p 64 &   # a fresh server each time: a hung close also hangs jackd
//   timeout 10 ./jack_close_hang 48   # prints close_seconds=..., or is killed by timeout
//
// Seen on 2026-12-02: 4, 8, 16, 24 and 32 ports close in 0.02 s; 48 ports hang (as does jalv with
// Foldback's 48 audio ports). The server, closing the client, unregisters its ports and writes a
// property-change notification per removed property to every client, the closing one included;
// that client has already stopped reading its notification socket, so once the socket buffer
// (212,992 bytes, seen with `ss -xp`) is full jackd blocks in write() and the client waits for
// jackd's reply to its close request forever.
#include <jack/jack.h>
#include <jack/metadata.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int process (jack_nframes_t frames, void* arg)
{
    (void) frames;
    (void) arg;
    return 0;
}

int main (int argc, char** argv)
{
    if (argc != 2)
    {
        fprintf (stderr, "usage: %s PORTS\n", argv[0]);
        return 2;
    }
    const int ports = atoi (argv[1]);
    jack_client_t* client = jack_client_open ("close_hang", JackNoStartServer, NULL);
    if (client == NULL)
    {
        fprintf (stderr, "no JACK server\n");
        return 1;
    }
    jack_set_process_callback (client, process, NULL);
    for (int i = 0; i < ports; ++i)
    {
        char name[32], pretty[64], order[16];
        snprintf (name, sizeof name, "in_%d", i);
        snprintf (pretty, sizeof pretty, "Input %d", i + 1);
        snprintf (order, sizeof order, "%d", i);
        jack_port_t* port = jack_port_register (client, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        jack_uuid_t uuid = jack_port_uuid (port);
        jack_set_property (client, uuid, JACK_METADATA_PRETTY_NAME, pretty, "text/plain");
        jack_set_property (client, uuid, "http://jackaudio.org/metadata/order", order,
                           "http://www.w3.org/2001/XMLSchema#integer");
    }
    jack_activate (client);
    sleep (2);
    struct timespec a, b;
    clock_gettime (CLOCK_MONOTONIC, &a);
    jack_client_close (client);
    clock_gettime (CLOCK_MONOTONIC, &b);
    printf ("ports=%d close_seconds=%.2f\n", ports, (double) (b.tv_sec - a.tv_sec) + (double) (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
