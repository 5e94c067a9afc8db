package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated, truncated, spliced and made-up blobs to the decoder. Each must either load as a
 * valid state or fail with a {@link StateFormatException} that has a message; any other throwable
 * (NullPointerException, StackOverflowError, OutOfMemoryError...) counts as a crash.
 *
 * <p>Runs 10,000 blobs by default; {@code -Dfoldback.fuzz.count=1000000} (and optionally
 * {@code -Dfoldback.fuzz.seed=N}) runs more.
 */
class FuzzTest {
    @Test
    void mutatedBlobsLoadOrFailCleanly() {
        int count = Integer.getInteger("foldback.fuzz.count", 10_000);
        long seed = Long.getLong("foldback.fuzz.seed", 5L);
        // A hang fails the test instead of stalling the build: 20 ms a blob is ~20x the usual cost.
        Duration budget = Duration.ofSeconds(Math.max(300, count / 50));
        assertTimeoutPreemptively(budget, () -> fuzz(count, seed));
    }

    private static void fuzz(int count, long seed) {
        Random rnd = new Random(seed);
        List<byte[]> corpus = HostileStates.corpus(rnd);

        int loaded = 0;
        int rejected = 0;
        List<String> crashes = new ArrayList<>();
        long slowestNanos = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] blob = HostileStates.mutate(rnd, corpus);
            long t0 = System.nanoTime();
            try {
                if (new String(blob, StandardCharsets.ISO_8859_1).contains("foldback-cue")) {
                    // Mutations of the cue preset go to its own reader.
                    CuePreset p = CuePreset.decode(blob, new ArrayList<>());
                    CuePreset.decode(p.encode(), new ArrayList<>());
                } else {
                    Decoded d = StateCodec.decode(blob);
                    checkValid(d.state());
                }
                loaded++;
            } catch (StateFormatException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    crashes.add("blob " + i + ": exception without a message");
                }
                rejected++;
            } catch (Throwable t) {
                crashes.add("blob " + i + ": " + t + " for " + preview(blob));
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - t0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d blobs (seed %d) in %.1f s: %d loaded, %d rejected cleanly, %d crashes,"
                + " slowest blob %.1f ms%n", count, seed, seconds, loaded, rejected, crashes.size(),
                slowestNanos / 1e6);
        assertEquals(List.of(), crashes.subList(0, Math.min(10, crashes.size())));
        assertEquals(count, loaded + rejected);
        assertTrue(loaded > 0 && rejected > 0, "the mutations should produce both outcomes");
    }

    @Test
    void hostileShapesFailWithClearMessages() {
        String deep = "[".repeat(100_000);
        String deepObject = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        String[] blobs = {
            "", "   ", "null", "[]", "\"text\"", "{", "{\"format\":\"foldback-state\"}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"schema\":1}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"params\":{\"cue1.level\":NaN}}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"params\":{\"cue1.level\":" + "9".repeat(5000) + "}}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"params\":{\"cue1.level\":{}}}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"params\":[]}",
            "{\"format\":\"foldback-state\",\"schema\":1,\"cues\":[{\"name\":\"\\ud800\"}]}",
            "{\"format\":\"foldback-state\",\"schema\":1} trailing",
            "{\"format\":\"foldback-state\",\"schema\":1.5}",
            "{\"format\":\"something-else\",\"schema\":1}",
            deep, deepObject,
            "{\"format\":\"foldback-state\",\"schema\":1,\"x\":\"" + "a".repeat(1_000_000) + "\"}",
        };
        for (String b : blobs) {
            StateFormatException e = org.junit.jupiter.api.Assertions.assertThrows(StateFormatException.class,
                    () -> StateCodec.decode(b.getBytes(StandardCharsets.UTF_8)), preview(b.getBytes()));
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        byte[] huge = new byte[StateCodec.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        StateFormatException e = org.junit.jupiter.api.Assertions.assertThrows(StateFormatException.class,
                () -> StateCodec.decode(huge));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void hugeNumbersClampWithAWarning() throws Exception {
        String blob = "{\"format\":\"foldback-state\",\"schema\":3,\"params\":{\"cue1.level\":40,"
                + "\"cue2.level\":1e999,\"cue3.src1.pan\":-1e38}}";
        Decoded d = StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8));
        assertEquals(10f, d.state().params().get("cue1.level"));
        assertEquals(10f, d.state().params().get("cue2.level"));
        assertEquals(-1f, d.state().params().get("cue3.src1.pan"));
        assertTrue(d.warnings().contains("params: cue1.level = 40 clamped to 10"), d.warnings().toString());
        assertEquals(3, d.warnings().size(), d.warnings().toString());
    }

    @Test
    void calibrationsOutOfRangeStayUncalibratedAndNonsenseIsRefused() throws Exception {
        String blob = "{\"format\":\"foldback-state\",\"schema\":3,\"cues\":[{\"calibration_db_spl\":1e999},"
                + "{\"calibration_db_spl\":-5},{\"calibration_db_spl\":null},{\"calibration_db_spl\":104.5}]}";
        Decoded d = StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8));
        assertTrue(Double.isNaN(d.state().calibration(0)));
        assertTrue(Double.isNaN(d.state().calibration(1)));
        assertTrue(Double.isNaN(d.state().calibration(2)));
        assertEquals(104.5, d.state().calibration(3), 0);
        assertEquals(2, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().get(0).startsWith("cues[0].calibration_db_spl: a calibration is 60 to 140 dB SPL"),
                d.warnings().toString());
        String text = "{\"format\":\"foldback-state\",\"schema\":3,\"cues\":[{\"calibration_db_spl\":\"loud\"}]}";
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateCodec.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("cues[0].calibration_db_spl must be a number"), e.getMessage());
    }

    private static void checkValid(PluginState s) throws StateFormatException {
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            double cal = s.calibration(c);
            if (!Double.isNaN(cal) && !(cal >= PluginState.CALIBRATION_MIN_DB_SPL && cal <= PluginState.CALIBRATION_MAX_DB_SPL)) {
                throw new AssertionError("calibration " + cal + " out of range");
            }
        }
        for (Slot slot : Slot.values()) {
            for (int i = 0; i < Params.count(); i++) {
                float v = s.slot(slot).get(i);
                if (!(v >= Params.get(i).min() && v <= Params.get(i).max())) {
                    throw new AssertionError(Params.get(i).id() + " = " + v + " out of range");
                }
            }
        }
        // What loaded must also save and load again to the same thing.
        byte[] again = StateCodec.encode(s);
        if (!Arrays.equals(again, StateCodec.encode(StateCodec.decode(again).state()))) {
            throw new AssertionError("a loaded state does not round-trip");
        }
    }

    private static String preview(byte[] blob) {
        String s = new String(blob, 0, Math.min(blob.length, 120), StandardCharsets.UTF_8);
        return "'" + s.replace("\n", "\\n") + (blob.length > 120 ? "...' (" + blob.length + " bytes)" : "'");
    }
}
