package org.foldback.bridge;

import java.util.List;
import org.foldback.engine.dose.DoseSecondWarmup;
import org.foldback.engine.meter.LoudnessHopWarmup;

/**
 * The part of the JIT warm-up ({@link JitWarmup}) for the code the audio thread runs once per
 * 100 ms hop (a loudness meter's hop: histograms, gated loudness, loudness range) or once a
 * second (a cue's hearing dose booked and published): it calls those paths directly on scratch
 * objects ({@link LoudnessHopWarmup}, {@link DoseSecondWarmup}) until C2 has compiled them.
 *
 * <p>Why: played audio reaches them too rarely. The warm-up's 8.8 s of audio end ~700 hops and
 * book ~70 seconds over the 8 cues, where HotSpot compiles a method with C1 after ~200 calls and
 * with C2 after ~5,000 (more while its queue is long, as it is in a warm-up). In jalv (64-sample
 * periods, 45 s) the JIT then compiled seven of these methods from the audio thread's calls 12-32 s
 * after the host started playing, from the interpreter, and at 32-sample periods in Ardour late
 * blocks of 0.4-0.9 ms fell on those compiles (PERFORMANCE.md, "Session 11: Ardour at 32 samples"
 * and "Session 12: the once-a-second paths compiled before the first block").
 *
 * <p>Rounds: each calls the paths {@link #CALLS_PER_ROUND} times, then waits for the compile queue,
 * then asks the JVM ({@link CompileQueue#withoutTopTier}) whether each of {@link #ROOTS} has C2's
 * code; at most {@link #MAX_ROUNDS}. Run after the compile queue has drained once: HotSpot raises
 * its thresholds with the queue's length.
 */
final class PeriodicPathWarmup {
    /**
     * The methods the audio thread's compiled code calls (a call C2 does not inline at a site that
     * runs once in hundreds of blocks), whose C2 code ends a round: what they call C2 compiles
     * into them or compiles itself first. As {@code Compiler.codelist} names them.
     */
    static final List<String> ROOTS = List.of(
            "org.foldback.engine.meter.Loudness.endHop(",
            "org.foldback.engine.dose.HearingDose.addSecond(",
            "org.foldback.engine.dose.DoseBank.publish(");
    /** Hops ended and seconds booked per round: C2's 5,000 calls and more, a few tens of ms. */
    static final int CALLS_PER_ROUND = 20_000;
    static final int MAX_ROUNDS = 4;

    /** What the rounds did, for the log; {@code left}: roots without C2's code at the end, -1 unknown. */
    record Result(int rounds, double millis, int left) {
        String describe() {
            String where = left == 0 ? "in C2's code" : left < 0 ? "compiled (tier unknown)" : left + " of " + ROOTS.size() + " roots not yet in C2's code";
            return String.format("hop and second paths %s after %d round%s, %.0f ms", where, rounds, rounds == 1 ? "" : "s", millis);
        }
    }

    private PeriodicPathWarmup() {}

    static Result run(double sampleRate, long maxCompileWaitMillis) {
        long start = System.nanoTime();
        int left = -1;
        int round = 0;
        while (round < MAX_ROUNDS) {
            LoudnessHopWarmup.run(CALLS_PER_ROUND, sampleRate, round);
            DoseSecondWarmup.run(CALLS_PER_ROUND, sampleRate);
            round++;
            CompileQueue.awaitEmpty(maxCompileWaitMillis);
            left = CompileQueue.withoutTopTier(ROOTS);
            if (left <= 0) {
                break; // all there, or the JVM does not say (then one round, as before that check)
            }
        }
        return new Result(round, (System.nanoTime() - start) / 1e6, left);
    }
}
