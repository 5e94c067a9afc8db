package org.foldback.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.meter.MeterDemand;

/**
 * What one 64-sample block of the engine touches, and what that costs when the caches are cold: the
 * bench's {@code workingset} group. Two states: the plugin's default (what jalv runs: every send
 * off, nobody reading meters beyond the floors) and FULL with the meters the editor shows (the
 * engine figure's). For each: the engine's data by stage ({@link Footprint}), the compiled code of
 * the engine's methods, and the block's time back to back, after an 8 MB walk, and paced
 * ({@link ColdCacheTiming}).
 */
final class WorkingSet {
    private WorkingSet() {}

    /** The two states measured, as the figures' prefixes. */
    enum State { DEFAULT, FULL }

    static FoldbackProcessor processor(State state) {
        FoldbackProcessor p = new FoldbackProcessor();
        if (state == State.FULL) {
            BenchConfig.FULL.apply(p.params());
            p.demandMeters(FoldbackProcessor.cueBus(0), MeterDemand.ALL); // the editor's selected cue
        }
        p.prepare(48000, 64, Layout.MAX_SOURCES, Layout.MAX_CUES);
        return p;
    }

    /** Plays {@code blocks} blocks of noise back to back (the JIT's warm-up). */
    static void play(FoldbackProcessor p, int blocks) {
        float[][] noise = EngineTiming.noise(2 * Layout.MAX_SOURCES, 48000);
        float[][] in = new float[2 * Layout.MAX_SOURCES][64];
        float[][] out = new float[2 * Layout.MAX_CUES][64];
        int offset = 0;
        for (int b = 0; b < blocks; b++) {
            for (int ch = 0; ch < in.length; ch++) {
                System.arraycopy(noise[ch], offset, in[ch], 0, 64);
            }
            offset = (offset + 64) % (48000 - 64);
            p.process(in, out, 64);
        }
    }

    /** The processor's data by stage: each object charged to the first stage below that reaches it. */
    static Footprint census(FoldbackProcessor p) {
        Footprint f = new Footprint();
        Object engine = p.engine();
        Object[] strips = (Object[]) field(engine, "strips");
        f.add("parameters (live store, the engine's copy, scene fade)", new Object[] {
                field(engine, "params"), field(engine, "mix"), field(engine, "scene")});
        f.add("block buffers (sources, buses, mono sums, ambience sends)", new Object[] {
                field(engine, "src"), field(engine, "busL"), field(engine, "busR"), field(engine, "monoSum"),
                field(engine, "ramp"), field(engine, "silence"), field(engine, "sendBusL"), field(engine, "sendBusR"),
                field(engine, "wetL"), field(engine, "wetR")});
        f.add("sources: input guards, mono mode", new Object[] {
                field(engine, "guards"), field(engine, "monoMode"), field(engine, "mono")});
        Object[] limiters = new Object[strips.length];
        Object[] ears = new Object[2 * strips.length + 1];
        for (int c = 0; c < strips.length; c++) {
            limiters[c] = field(strips[c], "limiter");
            ears[2 * c] = field(strips[c], "tone");
            ears[2 * c + 1] = field(strips[c], "crossfeed");
        }
        ears[ears.length - 1] = field(engine, "ears");
        f.add("cues: limiters", limiters);
        f.add("cues: tone, crossfeed and their lanes (off by default)", ears);
        f.add("ambience (reverb, off by default)", field(engine, "reverb"));
        f.add("cues: sends and output stage (ramps, matrices)", strips);

        Object meters = p.meters();
        Object[] buses = (Object[]) field(meters, "meters");
        Object[] truePeak = new Object[4 * buses.length];
        Object[] loudness = new Object[buses.length];
        Object[] vuCorrelation = new Object[2 * buses.length];
        for (int b = 0; b < buses.length; b++) {
            truePeak[4 * b] = field(buses[b], "truePeakL");
            truePeak[4 * b + 1] = field(buses[b], "truePeakR");
            truePeak[4 * b + 2] = field(buses[b], "truePeakDisplayL");
            truePeak[4 * b + 3] = field(buses[b], "truePeakDisplayR");
            loudness[b] = field(buses[b], "loudness");
            vuCorrelation[2 * b] = field(buses[b], "vu");
            vuCorrelation[2 * b + 1] = field(buses[b], "correlation");
        }
        f.add("meters: true peak (interpolators, displays)", truePeak);
        f.add("meters: loudness (hops, histograms)", loudness);
        f.add("meters: K-weighting lanes", field(meters, "lanes"));
        f.add("meters: VU, correlation", vuCorrelation);
        f.add("meters: peak, RMS, clips (every bus)", buses);
        f.add("meters: published slots, queue, demands", meters);
        f.add("hearing dose (A-weighting lanes, doses, slots)", p.doses());
        // After the meters and doses: the engine reaches both through its taps (the processor's
        // cue tap holds the two banks' queues), and a stage is charged with what it reaches first.
        f.add("engine: the rest", engine);
        f.add("kernel guard and the processor", p);
        return f;
    }

    /** Bytes of compiled code (C2's, in use) of the methods of our packages in this JVM; -1 if the JVM does not say. */
    static long compiledCodeBytes() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
            long bytes = 0;
            for (String line : text.toString().lines().toList()) {
                // "id tier state method [blob, code begin - code end]"
                String[] f = line.split(" ", 5);
                if (f.length < 5 || !f[3].startsWith("org.foldback.") || !f[1].equals("4") || !f[2].equals("0")) {
                    continue;
                }
                String range = f[4].substring(f[4].indexOf(',') + 1).replace("]", "").trim();
                String[] ends = range.split(" - ");
                bytes += Long.decode(ends[1].trim()) - Long.decode(ends[0].trim());
            }
            return bytes;
        } catch (Exception | LinkageError e) {
            return -1;
        }
    }

    /** The census as lines for the bench's stderr. */
    static String describe(List<Footprint.Stage> stages) {
        StringBuilder sb = new StringBuilder();
        for (Footprint.Stage s : stages) {
            sb.append(String.format(Locale.ROOT, "  %-60s %9d B in %5d objects, %5d lines changed by one block%n",
                    s.name(), s.bytes(), s.objects(), s.changedLines()));
        }
        return sb.toString();
    }

    private static Object field(Object o, String name) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // the superclass may have it
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + c.getSimpleName() + "." + name + ": " + e, e);
            }
        }
        throw new IllegalStateException(o.getClass().getSimpleName() + " has no field " + name
                + ": WorkingSet.census names the engine's fields and must follow it");
    }
}
