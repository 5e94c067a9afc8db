package org.foldback.cli.wav;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the samples of a RIFF/WAVE file as floats, one array per channel. Reads PCM 8 (unsigned),
 * 16, 24 and 32-bit integer and 32/64-bit IEEE float, any channel count, in plain or
 * WAVE_FORMAT_EXTENSIBLE "fmt " chunks. Unknown chunks are skipped. Integers are scaled by
 * 2^-(bits-1), so the most negative code reads -1.0.
 */
public final class WavReader implements Closeable {
    static final int FORMAT_PCM = 0x0001;
    static final int FORMAT_FLOAT = 0x0003;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    static final int MAX_CHANNELS = 256;

    private final InputStream in;
    private final int channels;
    private final int sampleRate;
    private final WavEncoding encoding;
    private final long frames;
    private long framesLeft;
    private byte[] buffer = new byte[0];

    private WavReader(InputStream in, int channels, int sampleRate, WavEncoding encoding, long frames) {
        this.in = in;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.encoding = encoding;
        this.frames = frames;
        this.framesLeft = frames;
    }

    public int channels() { return channels; }
    public int sampleRate() { return sampleRate; }
    public WavEncoding encoding() { return encoding; }
    /** Frames (samples per channel) in the file. */
    public long frames() { return frames; }

    /** Opens a file and reads its header; the stream is then positioned at the first sample. */
    public static WavReader open(Path path) throws IOException {
        long fileSize = Files.size(path);
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return parse(in, fileSize);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static WavReader parse(InputStream in, long fileSize) throws IOException {
        byte[] h = new byte[12];
        if (readFully(in, h, 12) < 12) {
            throw new WavFormatException("not a WAV file: shorter than a RIFF header (" + fileSize + " bytes)");
        }
        String riff = ascii(h, 0), wave = ascii(h, 8);
        if (riff.equals("RF64") || riff.equals("RIFX")) {
            throw new WavFormatException("unsupported container " + riff + " (only little-endian RIFF WAVE)");
        }
        if (!riff.equals("RIFF") || !wave.equals("WAVE")) {
            throw new WavFormatException("not a WAV file: no RIFF/WAVE header");
        }
        long position = 12;
        int formatTag = -1, channels = 0, sampleRate = 0, blockAlign = 0, bits = 0;
        byte[] ch = new byte[8];
        while (true) {
            if (readFully(in, ch, 8) < 8) {
                throw new WavFormatException(formatTag < 0 ? "truncated: no \"fmt \" chunk" : "truncated: no \"data\" chunk");
            }
            position += 8;
            String id = ascii(ch, 0);
            long size = u32(ch, 4);
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new WavFormatException("bad \"fmt \" chunk size " + size);
                }
                byte[] f = new byte[(int) size];
                if (readFully(in, f, f.length) < f.length) {
                    throw new WavFormatException("truncated in the \"fmt \" chunk");
                }
                formatTag = u16(f, 0);
                channels = u16(f, 2);
                sampleRate = (int) Math.min(Integer.MAX_VALUE, u32(f, 4));
                blockAlign = u16(f, 12);
                bits = u16(f, 14);
                if (formatTag == FORMAT_EXTENSIBLE) {
                    if (size < 40 || u16(f, 16) < 22) {
                        throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE without its extension");
                    }
                    // The sub-format GUID starts with the format tag it stands for.
                    formatTag = u16(f, 24);
                }
                skip(in, size & 1);
                position += size + (size & 1);
            } else if (id.equals("data")) {
                if (formatTag < 0) {
                    throw new WavFormatException("\"data\" chunk before the \"fmt \" chunk");
                }
                WavEncoding encoding = WavEncoding.of(formatTag, bits);
                if (encoding == null) {
                    throw new WavFormatException(String.format("unsupported encoding: format tag 0x%04X with %d bits"
                            + " (supported: PCM 8/16/24/32-bit, float 32/64-bit)", formatTag, bits));
                }
                if (channels < 1 || channels > MAX_CHANNELS) {
                    throw new WavFormatException("bad channel count " + channels);
                }
                if (sampleRate < 1) {
                    throw new WavFormatException("bad sample rate " + sampleRate);
                }
                if (blockAlign != channels * encoding.bytes()) {
                    throw new WavFormatException("inconsistent block align " + blockAlign + " for " + channels
                            + " channels of " + encoding);
                }
                long available = fileSize - position;
                if (size > available) {
                    throw new WavFormatException("truncated: the data chunk declares " + size + " bytes but only "
                            + available + " follow");
                }
                if (size % blockAlign != 0) {
                    throw new WavFormatException("truncated: the data chunk ends inside a frame (" + size
                            + " bytes, frames of " + blockAlign + ")");
                }
                return new WavReader(in, channels, sampleRate, encoding, size / blockAlign);
            } else {
                long skip = size + (size & 1);
                if (position + skip > fileSize) {
                    throw new WavFormatException("truncated in chunk \"" + printable(id) + "\"");
                }
                skip(in, skip);
                position += skip;
            }
        }
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code planar[channel][0..]}; returns the number read,
     * 0 at the end of the data.
     */
    public int read(float[][] planar, int maxFrames) throws IOException {
        int n = (int) Math.min(maxFrames, framesLeft);
        if (n <= 0) {
            return 0;
        }
        int frameBytes = channels * encoding.bytes();
        int bytes = n * frameBytes;
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        if (readFully(in, buffer, bytes) < bytes) {
            throw new EOFException("file ended inside the data chunk");
        }
        byte[] b = buffer;
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                float v;
                switch (encoding) {
                    case PCM8: v = ((b[p] & 0xFF) - 128) / 128f; break;
                    case PCM16: v = (short) ((b[p] & 0xFF) | (b[p + 1] << 8)) / 32768f; break;
                    case PCM24: v = ((b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] << 16)) / 8388608f; break;
                    case PCM32: v = (float) (s32(b, p) / 2147483648.0); break;
                    case FLOAT32: v = Float.intBitsToFloat(s32(b, p)); break;
                    default: v = (float) Double.longBitsToDouble((s32(b, p) & 0xFFFFFFFFL) | ((long) s32(b, p + 4) << 32));
                }
                if (c < planar.length) {
                    planar[c][i] = v;
                }
                p += encoding.bytes();
            }
        }
        framesLeft -= n;
        return n;
    }

    /** Reads a whole file into memory, one array per channel. */
    public static float[][] readAll(Path path) throws IOException {
        try (WavReader r = open(path)) {
            if (r.frames() > Integer.MAX_VALUE - 8) {
                throw new WavFormatException("too long to read at once: " + r.frames() + " frames");
            }
            float[][] out = new float[r.channels()][(int) r.frames()];
            float[][] chunk = new float[r.channels()][8192];
            int done = 0, n;
            while ((n = r.read(chunk, 8192)) > 0) {
                for (int c = 0; c < out.length; c++) {
                    System.arraycopy(chunk[c], 0, out[c], done, n);
                }
                done += n;
            }
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static int readFully(InputStream in, byte[] b, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int r = in.read(b, done, n - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new WavFormatException("truncated while skipping a chunk");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int off) {
        return s32(b, off) & 0xFFFFFFFFL;
    }

    private static int s32(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | (b[off + 3] << 24);
    }
}
