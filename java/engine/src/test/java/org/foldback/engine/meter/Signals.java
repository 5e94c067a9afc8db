package org.foldback.engine.meter;

import java.util.ArrayList;
import java.util.List;

/** Test signals built from the standards' descriptions, and a driver that meters them in blocks. */
final class Signals {
    private Signals() {}

    static final int BLOCK = 64;

    /** A segment of a 1 kHz (or given frequency) sine at a peak level in dBFS, for a duration. */
    record Segment(double dbfs, double seconds) {}

    static Segment seg(double dbfs, double seconds) {
        return new Segment(dbfs, seconds);
    }

    /** Concatenated sine segments of one frequency, phase-continuous; -inf dbfs means silence. */
    static float[] sineSequence(double fs, double hz, Segment... segments) {
        int total = 0;
        for (Segment s : segments) {
            total += (int) Math.round(s.seconds() * fs);
        }
        float[] x = new float[total];
        int i = 0;
        for (Segment s : segments) {
            int n = (int) Math.round(s.seconds() * fs);
            double a = Math.pow(10, s.dbfs() / 20);
            for (int k = 0; k < n; k++, i++) {
                x[i] = (float) (a * Math.sin(2 * Math.PI * hz * i / fs));
            }
        }
        return x;
    }

    static float[] sine(double fs, double hz, double dbfs, double phaseDegrees, int n) {
        float[] x = new float[n];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < n; i++) {
            x[i] = (float) (a * Math.sin(2 * Math.PI * hz * i / fs + Math.toRadians(phaseDegrees)));
        }
        return x;
    }

    /** Readings taken after every 100 ms (as a meter display would sample them). */
    static final class Run {
        final BusMeter meter = new BusMeter();
        final MeterReading last = new MeterReading();
        final List<double[]> momentaryAndShortTerm = new ArrayList<>();
    }

    /** Meters a stereo signal in 64-sample blocks; records M and S after every 100 ms of audio. */
    static Run meter(double fs, float[] left, float[] right) {
        Run run = new Run();
        run.meter.prepare(fs);
        int hop = (int) Math.round(fs / 10);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        MeterReading reading = new MeterReading();
        int done = 0;
        int nextHop = hop;
        while (done < left.length) {
            int n = Math.min(BLOCK, left.length - done);
            // Split so that readings can be taken exactly on the hop grid.
            n = Math.min(n, nextHop - done);
            System.arraycopy(left, done, l, 0, n);
            System.arraycopy(right, done, r, 0, n);
            run.meter.accept(l, r, n);
            done += n;
            if (done == nextHop) {
                run.meter.readInto(reading);
                run.momentaryAndShortTerm.add(new double[] {done / fs, reading.momentaryLufs, reading.shortTermLufs});
                nextHop += hop;
            }
        }
        run.meter.finish();
        run.meter.readInto(run.last);
        return run;
    }

    static Run meterStereo(double fs, float[] both) {
        return meter(fs, both, both.clone());
    }
}
