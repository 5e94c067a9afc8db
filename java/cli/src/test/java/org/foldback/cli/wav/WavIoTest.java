package org.foldback.cli.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavIoTest {
    @TempDir
    Path dir;

    static float[][] noise(int channels, int frames, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[channels][frames];
        for (float[] c : x) {
            for (int i = 0; i < frames; i++) {
                c[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    @Test
    void float32RoundTripIsExact() throws IOException {
        for (int channels : new int[] {1, 2, 6}) {
            float[][] x = noise(channels, 10_001, channels);
            Path p = dir.resolve("f" + channels + ".wav");
            try (WavWriter w = WavWriter.create(p, 44100, channels, WavEncoding.FLOAT32)) {
                w.write(x, 0, 5000);
                w.write(x, 5000, 5001);
            }
            try (WavReader r = WavReader.open(p)) {
                assertEquals(44100, r.sampleRate());
                assertEquals(channels, r.channels());
                assertEquals(WavEncoding.FLOAT32, r.encoding());
                assertEquals(10_001, r.frames());
            }
            float[][] y = WavReader.readAll(p);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(x[c], y[c]);
            }
        }
    }

    @Test
    void pcm24RoundTripWithinHalfAStep() throws IOException {
        float[][] x = noise(2, 4801, 7);
        x[0][0] = 1.0f; // clipped to the largest code
        x[1][0] = -1.0f; // exactly representable
        Path p = dir.resolve("p24.wav");
        try (WavWriter w = WavWriter.create(p, 96000, 2, WavEncoding.PCM24)) {
            w.write(x, 0, x[0].length);
        }
        assertEquals(44 + 4801 * 6, Files.size(p));
        Path odd = dir.resolve("odd.wav");
        try (WavWriter w = WavWriter.create(odd, 48000, 1, WavEncoding.PCM24)) {
            w.write(new float[][] {{0.5f}}, 0, 1);
        }
        assertEquals(44 + 3 + 1, Files.size(odd), "an odd-sized chunk gets its pad byte");
        assertArrayEquals(new float[] {0.5f}, WavReader.readAll(odd)[0]);
        float[][] y = WavReader.readAll(p);
        for (int c = 0; c < 2; c++) {
            for (int i = 1; i < x[c].length; i++) {
                assertEquals(x[c][i], y[c][i], 0.5 / 8388608 + 1e-9);
            }
        }
        assertEquals(8388607 / 8388608f, y[0][0]);
        assertEquals(-1.0f, y[1][0]);
    }

    /** Builds a WAV file by hand, so the reader is checked against the format, not against our writer. */
    static byte[] wav(int tag, int channels, int rate, int bits, boolean extensible, byte[] data, byte[]... extraChunks) {
        ByteBuffer b = ByteBuffer.allocate(200 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        for (byte[] extra : extraChunks) {
            b.put(extra);
        }
        b.put("fmt ".getBytes()).putInt(extensible ? 40 : 16);
        b.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(3).putShort((short) tag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes()).putInt(data.length).put(data);
        b.putInt(4, b.position() - 8);
        return Arrays.copyOf(b.array(), b.position());
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsEveryIntegerAndFloatEncoding() throws IOException {
        ByteBuffer d16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        d16.putShort((short) 16384).putShort((short) -32768).putShort((short) 32767).putShort((short) 0);
        float[][] y = WavReader.readAll(file("16.wav", wav(1, 2, 48000, 16, false, d16.array())));
        assertArrayEquals(new float[] {0.5f, 32767 / 32768f}, y[0]);
        assertArrayEquals(new float[] {-1.0f, 0f}, y[1]);

        byte[] d24 = {0, 0, 0x40, 0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        y = WavReader.readAll(file("24.wav", wav(1, 1, 48000, 24, true, d24)));
        assertArrayEquals(new float[] {0.5f, -1.0f, -1 / 8388608f}, y[0]);

        ByteBuffer d32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x40000000).putInt(Integer.MIN_VALUE);
        y = WavReader.readAll(file("32.wav", wav(1, 1, 44100, 32, false, d32.array())));
        assertArrayEquals(new float[] {0.5f, -1.0f}, y[0]);

        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-2.0);
        y = WavReader.readAll(file("f64.wav", wav(3, 1, 44100, 64, true, f64.array())));
        assertArrayEquals(new float[] {0.25f, -2.0f}, y[0]);

        y = WavReader.readAll(file("8.wav", wav(1, 1, 8000, 8, false, new byte[] {(byte) 128, (byte) 192, 0})));
        assertArrayEquals(new float[] {0f, 0.5f, -1f}, y[0]);
    }

    @Test
    void skipsUnknownChunksIncludingOddSizedOnes() throws IOException {
        byte[] odd = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 1, 2, 3, 0};
        ByteBuffer d = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.75f);
        float[][] y = WavReader.readAll(file("list.wav", wav(3, 1, 48000, 32, false, d.array(), odd)));
        assertArrayEquals(new float[] {0.75f}, y[0]);
    }

    @Test
    void brokenFilesGiveClearErrors() throws IOException {
        byte[] good = wav(1, 2, 48000, 16, false, new byte[400]);
        assertError("shorter than a RIFF header", file("empty.wav", new byte[0]));
        assertError("not a WAV file", file("garbage.wav", "this is not audio at all, just text".getBytes()));
        assertError("truncated: the data chunk declares", file("cut.wav", Arrays.copyOf(good, good.length - 10)));
        assertError("no \"data\" chunk", file("nodata.wav", Arrays.copyOf(good, 36)));
        assertError("format tag 0x0002", file("adpcm.wav", wav(2, 1, 48000, 4, false, new byte[8])));
        assertError("format tag 0x0003 with 16 bits", file("f16.wav", wav(3, 1, 48000, 16, false, new byte[8])));
        assertError("ends inside a frame", file("partial.wav", wav(1, 2, 48000, 16, false, new byte[6])));
        ByteArrayOutputStream rifx = new ByteArrayOutputStream();
        rifx.write("RIFX".getBytes());
        rifx.write(Arrays.copyOfRange(good, 4, good.length));
        assertError("unsupported container RIFX", file("rifx.wav", rifx.toByteArray()));
    }

    private static void assertError(String fragment, Path p) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.readAll(p));
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
