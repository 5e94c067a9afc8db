package org.foldback.cli.wav;

/** Sample encodings the reader understands; the writer produces FLOAT32 and PCM24. */
public enum WavEncoding {
    PCM8(8, false), PCM16(16, false), PCM24(24, false), PCM32(32, false), FLOAT32(32, true), FLOAT64(64, true);

    public final int bits;
    public final boolean floating;

    WavEncoding(int bits, boolean floating) {
        this.bits = bits;
        this.floating = floating;
    }

    public int bytes() {
        return bits / 8;
    }

    static WavEncoding of(int formatTag, int bits) {
        if (formatTag == WavReader.FORMAT_PCM) {
            switch (bits) {
                case 8: return PCM8;
                case 16: return PCM16;
                case 24: return PCM24;
                case 32: return PCM32;
                default: return null;
            }
        }
        if (formatTag == WavReader.FORMAT_FLOAT) {
            switch (bits) {
                case 32: return FLOAT32;
                case 64: return FLOAT64;
                default: return null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return floating ? bits + "-bit float" : bits + "-bit PCM";
    }
}
