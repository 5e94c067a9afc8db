package org.foldback.cli.wav;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a RIFF/WAVE file of 32-bit float or 24-bit PCM samples, any channel count. Files with more
 * than two channels use WAVE_FORMAT_EXTENSIBLE (as the format's specification asks); sizes are
 * filled in on {@link #close}. PCM is rounded and clipped to the 24-bit range.
 */
public final class WavWriter implements Closeable {
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final int channels;
    private final WavEncoding encoding;
    private final long dataSizeAt;
    private long dataBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    private WavWriter(RandomAccessFile file, int channels, WavEncoding encoding, long dataSizeAt) {
        this.file = file;
        this.channel = file.getChannel();
        this.channels = channels;
        this.encoding = encoding;
        this.dataSizeAt = dataSizeAt;
    }

    public static WavWriter create(Path path, int sampleRate, int channels, WavEncoding encoding) throws IOException {
        if (encoding != WavEncoding.FLOAT32 && encoding != WavEncoding.PCM24) {
            throw new IllegalArgumentException("the writer supports FLOAT32 and PCM24, not " + encoding);
        }
        if (channels < 1 || channels > WavReader.MAX_CHANNELS || sampleRate < 1) {
            throw new IllegalArgumentException("bad format: " + channels + " channels at " + sampleRate + " Hz");
        }
        boolean extensible = channels > 2;
        int tag = encoding.floating ? WavReader.FORMAT_FLOAT : WavReader.FORMAT_PCM;
        int blockAlign = channels * encoding.bytes();
        ByteBuffer h = ByteBuffer.allocate(extensible ? 68 : 44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(bytes("RIFF")).putInt(0).put(bytes("WAVE"));
        h.put(bytes("fmt ")).putInt(extensible ? 40 : 16);
        h.putShort((short) (extensible ? WavReader.FORMAT_EXTENSIBLE : tag)).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign)
                .putShort((short) encoding.bits);
        if (extensible) {
            // cbSize, valid bits, channel mask (0: no speaker positions), sub-format GUID.
            h.putShort((short) 22).putShort((short) encoding.bits).putInt(0);
            h.putShort((short) tag).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        }
        h.put(bytes("data")).putInt(0);
        RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw");
        f.setLength(0);
        h.flip();
        f.getChannel().write(h);
        return new WavWriter(f, channels, encoding, h.limit() - 4);
    }

    /** Writes {@code frames} frames from {@code planar[channel][offset..]}. */
    public void write(float[][] planar, int offset, int frames) throws IOException {
        int bytes = frames * channels * encoding.bytes();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                float v = planar[c][offset + i];
                if (encoding == WavEncoding.FLOAT32) {
                    buffer.putFloat(v);
                } else {
                    long q = Math.round(v * 8388608.0);
                    int s = (int) Math.max(-8388608, Math.min(8388607, q));
                    buffer.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                }
            }
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        dataBytes += bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            if ((dataBytes & 1) != 0) {
                channel.write(ByteBuffer.wrap(new byte[1]));
            }
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            long riffSize = channel.size() - 8;
            size.putInt(0, (int) riffSize);
            channel.write(size, 4);
            size.clear();
            size.putInt(0, (int) dataBytes);
            channel.write(size, dataSizeAt);
        } finally {
            file.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
