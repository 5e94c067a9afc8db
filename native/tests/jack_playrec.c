/* Plays WAV files into a JACK client's inputs and records its outputs, sample-aligned, so that a
 * render through a real-time host (jalv) can be compared bit for bit with an offline one.
 *
 *   jack_playrec OUT_DIR TARGET CUES IN.wav [IN.wav ...]
 *
 * Stereo IN number k (from 1) feeds TARGET:audio_in_{2k-1} and _{2k}; TARGET:audio_out_{2c-1} and
 * _{2c} are written to OUT_DIR/cue-c.wav (32-bit float, c = 1..CUES), as long as the longest input
 * (shorter ones continue with silence), which is what foldback-host's render writes.
 *
 * Alignment: two clients, "playrec_play" (outputs) and "playrec_rec" (inputs). The connections
 * play -> TARGET -> rec make JACK run them in that order within each cycle, so the block rec
 * receives in a cycle is TARGET's answer to the block play sent in that same cycle; play publishes
 * that block's position and rec writes there. The server runs freewheeling while the files play:
 * it then waits for every client in every cycle (no late cycles on a busy machine) and runs as
 * fast as the clients allow. Exit 0 when done, 1 on any error (said on stderr).
 */
#include <jack/jack.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_INPUTS 16
#define MAX_CUES 8

static float* in_data[MAX_INPUTS * 2];      /* one channel each, total_frames long */
static float* out_data[MAX_CUES * 2];
static int n_in_channels, n_out_channels;
static long total_frames;
static jack_port_t* play_ports[MAX_INPUTS * 2];
static jack_port_t* rec_ports[MAX_CUES * 2];
static atomic_int armed;          /* the main thread starts the playback */
static atomic_long play_pos;      /* where play's current block starts (-1: not started) */
static atomic_long recorded;      /* frames rec has written */

static int fail(const char* what, const char* detail)
{
    fprintf(stderr, "jack_playrec: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static uint32_t u32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t) p[3] << 24; }
static uint16_t u16(const unsigned char* p) { return (uint16_t) (p[0] | p[1] << 8); }

/* Reads a stereo WAV (PCM 16/24/32-bit or 32-bit float) into in_data[first], in_data[first + 1]. */
static long read_wav(const char* path, int first)
{
    FILE* f = fopen(path, "rb");
    if (!f) fail("cannot open", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    unsigned char* b = malloc((size_t) size);
    if (fread(b, 1, (size_t) size, f) != (size_t) size) fail("cannot read", path);
    fclose(f);
    if (size < 12 || memcmp(b, "RIFF", 4) || memcmp(b + 8, "WAVE", 4)) fail("not a WAV file", path);
    int format = 0, channels = 0, bits = 0;
    const unsigned char* data = NULL;
    uint32_t data_size = 0;
    for (long p = 12; p + 8 <= size;) {
        uint32_t len = u32(b + p + 4);
        if (!memcmp(b + p, "fmt ", 4)) {
            format = u16(b + p + 8);
            channels = u16(b + p + 10);
            bits = u16(b + p + 22);
            if (format == 0xFFFE && len >= 40) format = u16(b + p + 8 + 24);   /* extensible */
        } else if (!memcmp(b + p, "data", 4)) {
            data = b + p + 8;
            data_size = len <= (uint32_t) (size - p - 8) ? len : (uint32_t) (size - p - 8);
        }
        p += 8 + len + (len & 1);
    }
    if (!data || channels != 2) fail("need a stereo WAV with a data chunk", path);
    if (!((format == 1 && (bits == 16 || bits == 24 || bits == 32)) || (format == 3 && bits == 32)))
        fail("unsupported sample format (PCM 16/24/32 or float 32)", path);
    int bytes = bits / 8;
    long frames = data_size / (bytes * 2);
    for (int c = 0; c < 2; c++) {
        float* ch = malloc(sizeof(float) * (size_t) (frames ? frames : 1));
        for (long i = 0; i < frames; i++) {
            const unsigned char* s = data + (i * 2 + c) * bytes;
            if (format == 3) { uint32_t v = u32(s); memcpy(&ch[i], &v, 4); }
            else if (bits == 16) ch[i] = (int16_t) u16(s) / 32768.0f;
            else if (bits == 24) ch[i] = (int32_t) (u32((unsigned char[]) { 0, s[0], s[1], s[2] })) / 2147483648.0f;
            else ch[i] = (int32_t) u32(s) / 2147483648.0f;
        }
        in_data[first + c] = ch;
    }
    free(b);
    return frames;
}

static void write_wav(const char* path, const float* l, const float* r, long frames, unsigned rate)
{
    FILE* f = fopen(path, "wb");
    if (!f) fail("cannot write", path);
    uint32_t data = (uint32_t) (frames * 8);
    unsigned char h[44];
    memcpy(h, "RIFF", 4);
    uint32_t riff = 36 + data; memcpy(h + 4, &riff, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    uint32_t fmt_len = 16; memcpy(h + 16, &fmt_len, 4);
    uint16_t format = 3, channels = 2, align = 8, bits = 32;
    memcpy(h + 20, &format, 2); memcpy(h + 22, &channels, 2);
    memcpy(h + 24, &rate, 4);
    uint32_t byte_rate = rate * 8; memcpy(h + 28, &byte_rate, 4);
    memcpy(h + 32, &align, 2); memcpy(h + 34, &bits, 2);
    memcpy(h + 36, "data", 4); memcpy(h + 40, &data, 4);
    fwrite(h, 1, 44, f);
    for (long i = 0; i < frames; i++) { fwrite(&l[i], 4, 1, f); fwrite(&r[i], 4, 1, f); }
    if (fclose(f) != 0) fail("cannot write", path);
}

static long next_pos = -1;        /* play's own: where its next block starts */

static int play(jack_nframes_t n, void* arg)
{
    (void) arg;
    if (next_pos < 0 && atomic_load(&armed)) next_pos = 0;
    long pos = next_pos;
    for (int c = 0; c < n_in_channels; c++) {
        float* out = jack_port_get_buffer(play_ports[c], n);
        for (jack_nframes_t i = 0; i < n; i++)
            out[i] = pos >= 0 && pos + (long) i < total_frames ? in_data[c][pos + i] : 0.0f;
    }
    atomic_store(&play_pos, pos);   /* rec, later in this cycle, writes TARGET's answer here */
    if (pos >= 0) next_pos = pos + n;
    return 0;
}

static int rec(jack_nframes_t n, void* arg)
{
    (void) arg;
    long pos = atomic_load(&play_pos);
    if (pos < 0 || pos >= total_frames) return 0;
    long count = total_frames - pos < (long) n ? total_frames - pos : (long) n;
    for (int c = 0; c < n_out_channels; c++)
        memcpy(out_data[c] + pos, jack_port_get_buffer(rec_ports[c], n), sizeof(float) * (size_t) count);
    atomic_store(&recorded, pos + count);
    return 0;
}

static void connect_ports(jack_client_t* client, const char* from, const char* to)
{
    if (jack_connect(client, from, to) != 0) {
        fprintf(stderr, "jack_playrec: cannot connect %s to %s\n", from, to);
        exit(1);
    }
}

int main(int argc, char** argv)
{
    if (argc < 5) fail("usage: jack_playrec OUT_DIR TARGET CUES IN.wav [IN.wav ...]", NULL);
    const char* out_dir = argv[1];
    const char* target = argv[2];
    int cues = atoi(argv[3]);
    int inputs = argc - 4;
    if (cues < 1 || cues > MAX_CUES || inputs > MAX_INPUTS) fail("too many or too few ports", NULL);
    n_in_channels = inputs * 2;
    n_out_channels = cues * 2;
    long frames[MAX_INPUTS];
    for (int k = 0; k < inputs; k++) {
        frames[k] = read_wav(argv[4 + k], k * 2);
        if (frames[k] > total_frames) total_frames = frames[k];
    }
    for (int k = 0; k < inputs; k++)   /* shorter inputs continue with silence */
        for (int c = 0; c < 2; c++) {
            float* full = calloc((size_t) total_frames, sizeof(float));
            memcpy(full, in_data[k * 2 + c], sizeof(float) * (size_t) frames[k]);
            free(in_data[k * 2 + c]);
            in_data[k * 2 + c] = full;
        }
    for (int c = 0; c < n_out_channels; c++) out_data[c] = calloc((size_t) total_frames, sizeof(float));
    atomic_store(&play_pos, -1);

    jack_client_t* player = jack_client_open("playrec_play", JackNoStartServer, NULL);
    jack_client_t* recorder = jack_client_open("playrec_rec", JackNoStartServer, NULL);
    if (!player || !recorder) fail("cannot open the JACK clients (is the server running?)", NULL);
    char name[64], other[320];
    for (int c = 0; c < n_in_channels; c++) {
        snprintf(name, sizeof name, "out_%d", c + 1);
        play_ports[c] = jack_port_register(player, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    }
    for (int c = 0; c < n_out_channels; c++) {
        snprintf(name, sizeof name, "in_%d", c + 1);
        rec_ports[c] = jack_port_register(recorder, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    }
    jack_set_process_callback(player, play, NULL);
    jack_set_process_callback(recorder, rec, NULL);
    if (jack_activate(player) || jack_activate(recorder)) fail("cannot activate the JACK clients", NULL);
    for (int c = 0; c < n_in_channels; c++) {
        snprintf(other, sizeof other, "%s:audio_in_%d", target, c + 1);
        connect_ports(player, jack_port_name(play_ports[c]), other);
    }
    for (int c = 0; c < n_out_channels; c++) {
        snprintf(other, sizeof other, "%s:audio_out_%d", target, c + 1);
        connect_ports(recorder, other, jack_port_name(rec_ports[c]));
    }
    unsigned rate = jack_get_sample_rate(player);
    usleep(200000);   /* a few cycles with the new connections (the graph is sorted again) */
    if (jack_set_freewheel(player, 1) != 0) fail("cannot start freewheeling", NULL);
    atomic_store(&armed, 1);
    for (int waited = 0; atomic_load(&recorded) < total_frames; waited++) {
        if (waited > 6000) { jack_set_freewheel(player, 0); fail("timed out (60 s)", NULL); }
        usleep(10000);
    }
    jack_set_freewheel(player, 0);
    jack_client_close(recorder);
    jack_client_close(player);
    for (int c = 0; c < cues; c++) {
        snprintf(other, sizeof other, "%s/cue-%d.wav", out_dir, c + 1);
        write_wav(other, out_data[2 * c], out_data[2 * c + 1], total_frames, rate);
    }
    printf("frames=%ld rate=%u inputs=%d cues=%d\n", total_frames, rate, inputs, cues);
    return 0;
}
