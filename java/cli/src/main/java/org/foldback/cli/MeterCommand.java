package org.foldback.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.foldback.cli.wav.WavReader;
import org.foldback.engine.meter.BusMeter;
import org.foldback.engine.meter.MeterReading;

/**
 * {@code foldback meter FILE.wav [--json]}: measures a mono or stereo WAV file with the engine's
 * meters (docs/METERS.md). Mono is metered as dual mono. Peak, true peak and RMS are the
 * larger of the two channels; clips are summed over channels. With --json, one JSON object whose
 * undefined values (silence) are null.
 */
public final class MeterCommand {
    private MeterCommand() {}

    static final int BLOCK = 4096;

    /** The file's figures, in the order and with the keys of the JSON output. */
    record Result(double samplePeakDbfs, double truePeakDbtp, double rmsDbfs, double momentaryMaxLufs,
            double shortTermMaxLufs, double integratedLufs, double loudnessRangeLu, double correlation, long clips) {}

    public static int run(String[] args, PrintStream out) {
        boolean json = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a + " (usage: foldback meter FILE.wav [--json])");
            } else if (file == null) {
                file = a;
            } else {
                throw new UsageException("one file at a time (usage: foldback meter FILE.wav [--json])");
            }
        }
        if (file == null) {
            throw new UsageException("no file given (usage: foldback meter FILE.wav [--json])");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("no such file: " + file);
        }
        int sampleRate, channels;
        String encoding;
        long frames;
        Result result;
        try (WavReader reader = WavReader.open(path)) {
            sampleRate = reader.sampleRate();
            channels = reader.channels();
            encoding = reader.encoding().toString();
            frames = reader.frames();
            if (channels > 2) {
                throw new UsageException(file + ": " + channels + " channels; meter reads mono and stereo files");
            }
            if (sampleRate < 8000 || sampleRate > 768000) {
                throw new UsageException(file + ": sample rate " + sampleRate + " Hz is outside 8 kHz..768 kHz");
            }
            result = measure(reader);
        } catch (IOException e) {
            throw new UsageException(file + ": " + e.getMessage(), e);
        }
        if (json) {
            out.println(toJson(result));
        } else {
            out.printf(Locale.ROOT, "%-22s %s (%d Hz, %d ch, %s, %.2f s)%n", "file", file, sampleRate, channels,
                    encoding, frames / (double) sampleRate);
            row(out, "sample peak", result.samplePeakDbfs(), "dBFS");
            row(out, "true peak", result.truePeakDbtp(), "dBTP");
            row(out, "RMS", result.rmsDbfs(), "dBFS");
            row(out, "momentary max", result.momentaryMaxLufs(), "LUFS");
            row(out, "short-term max", result.shortTermMaxLufs(), "LUFS");
            row(out, "integrated", result.integratedLufs(), "LUFS");
            row(out, "loudness range", result.loudnessRangeLu(), "LU");
            row(out, "correlation (mean)", result.correlation(), "");
            out.printf(Locale.ROOT, "%-22s %d%n", "clips (samples)", result.clips());
        }
        return 0;
    }

    static Result measure(WavReader reader) throws IOException {
        BusMeter meter = new BusMeter();
        meter.prepare(reader.sampleRate());
        float[][] block = new float[reader.channels()][BLOCK];
        float[] left = block[0];
        float[] right = reader.channels() == 1 ? block[0] : block[1];
        int n;
        while ((n = reader.read(block, BLOCK)) > 0) {
            meter.accept(left, right, n);
        }
        meter.finish();
        MeterReading r = new MeterReading();
        meter.readInto(r);
        // Dual mono counts each clipped sample once, not once per (identical) channel.
        long clips = reader.channels() == 1 ? r.clipCount[0] : r.clipCount[0] + r.clipCount[1];
        return new Result(MeterReading.max(r.samplePeakMaxDbfs), MeterReading.max(r.truePeakMaxDbtp),
                MeterReading.max(r.runRmsDbfs), r.momentaryMaxLufs, r.shortTermMaxLufs, r.integratedLufs,
                r.loudnessRangeLu, r.correlationMean, clips);
    }

    private static void row(PrintStream out, String name, double value, String unit) {
        String v = Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value)
                : value == Double.NEGATIVE_INFINITY ? "-inf" : "n/a";
        out.printf(Locale.ROOT, "%-22s %8s %s%n", name, v, unit).flush();
    }

    /** The JSON object, written by hand: fixed keys, numbers or null, nothing to escape. */
    static String toJson(Result r) {
        return "{" + field("sample_peak_dbfs", r.samplePeakDbfs()) + ", "
                + field("true_peak_dbtp", r.truePeakDbtp()) + ", "
                + field("rms_dbfs", r.rmsDbfs()) + ", "
                + field("momentary_max_lufs", r.momentaryMaxLufs()) + ", "
                + field("short_term_max_lufs", r.shortTermMaxLufs()) + ", "
                + field("integrated_lufs", r.integratedLufs()) + ", "
                + field("loudness_range_lu", r.loudnessRangeLu()) + ", "
                + field("correlation", r.correlation()) + ", "
                + "\"clips\": " + r.clips() + "}";
    }

    private static String field(String key, double value) {
        String v = Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
        return "\"" + key + "\": " + v;
    }
}
