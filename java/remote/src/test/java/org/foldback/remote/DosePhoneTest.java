package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.foldback.engine.dose.DoseReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hearing dose on the performer's phone (issue 16), through a raw WebSocket client against a
 * real server and a real instance whose audio path books the dose: "uncalibrated" and no number
 * until the cue is calibrated, then the same figures the Controller reads, a warning from 100 %,
 * about once a second; and a phone on cue 1 never gets cue 2's dose.
 */
class DosePhoneTest {
    /** Source 1 reaches every cue at 0 dB by default: a 1 kHz sine (A-weighting 0 dB) at half scale, -6.02 dBFS. */
    private static final double HALF_SCALE = 0.5;
    private static final double HALF_SCALE_DB = 20 * Math.log10(HALF_SCALE);

    private final List<AutoCloseable> open = new ArrayList<>();
    private Instances inst;
    private RemoteServer server;

    private void serve() throws Exception {
        inst = Instances.create();
        server = RemoteServer.start(0, () -> List.of(inst.recorded), Limits.DEFAULT, line -> { });
        open.add(server);
    }

    private WsClient phoneOn(int cue) throws Exception {
        WsClient c = WsClient.open(server.port());
        open.add(c);
        assertEquals("welcome", c.login(inst.real.id(), cue, inst.real.remotePin(cue - 1)).path("type").asText());
        return c;
    }

    /** Plays {@code seconds} of the sine through the instance (faster than real time; every cue hears it). */
    private void play(double seconds) {
        inst.renderCueDb(2, 8, 0, 0, HALF_SCALE, seconds);
    }

    private DoseReading read(int cue) {
        DoseReading r = new DoseReading();
        assertTrue(inst.real.readDose(cue, r));
        return r;
    }

    /** The first dose frame that matches, skipping earlier ones; fails after {@code millis}. */
    private static JsonNode doseWhere(WsClient c, Predicate<JsonNode> what, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            JsonNode n = c.nextDose(Math.max(1, end - System.currentTimeMillis()));
            if (what.test(n)) {
                return n;
            }
        }
    }

    /** The dose as the page gets it: % of the week, to hundredths. */
    private static double percent(DoseReading r) {
        return Math.round(r.dose * 100 * 100) / 100.0;
    }

    /**
     * The first frame carrying the Controller's reading {@code r} (taken after playing stopped; a
     * frame sent while the audio still played may carry an earlier second's figures).
     */
    private static JsonNode frameOf(WsClient c, DoseReading r) throws InterruptedException {
        double laeq = Math.round(r.laeqDbSpl * 100) / 100.0;
        return doseWhere(c, n -> n.path("calibrated").asBoolean() && n.path("percent").asDouble() == percent(r)
                && n.path("laeq").asDouble() == laeq, 3000);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void uncalibratedUntilCalibratedThenTheControllersFiguresAndAWarningFrom100Percent() throws Exception {
        serve();
        WsClient phone = phoneOn(1);
        long start = System.nanoTime();
        int framesAtStart = phone.doseFrames.get();

        JsonNode first = phone.nextDose(2000);
        assertEquals("{\"type\":\"dose\",\"calibrated\":false}", first.toString(),
                "uncalibrated: no percentage, no level, no warning, nothing made up");

        // 0 dBFS = 120 dB SPL: the sine plays at 113.98 dB(A); two seconds of it are 3.5 % of the week.
        assertNull(inst.real.setCalibration(0, 120));
        play(2);
        DoseReading expected = read(0);
        JsonNode calibrated = frameOf(phone, expected);
        assertEquals(120 + HALF_SCALE_DB, calibrated.path("laeq").asDouble(), 0.05, "the last second's LAeq, dB SPL");
        assertEquals(2 * Math.pow(10, (120 + HALF_SCALE_DB - 80) / 10) / 144000 * 100,
                calibrated.path("percent").asDouble(), 0.02, "H.870: 10^((L-80)/10)/144000 a second");
        assertFalse(calibrated.path("over").asBoolean(), "3.5 % is no warning");
        System.out.printf("remote dose: at 120 dB SPL full scale, 2 s: %s%n", calibrated);

        // 0 dBFS = 140 dB SPL: 133.98 dB(A), 174 % of the week a second: the warning.
        assertNull(inst.real.setCalibration(0, 140));
        play(2);
        expected = read(0);
        assertTrue(expected.overAllowance(), "the controller reads " + expected.dose);
        JsonNode over = frameOf(phone, expected);
        assertTrue(over.path("over").asBoolean(), over.toString());
        assertTrue(over.path("percent").asDouble() >= 100, over.toString());
        assertEquals(140 + HALF_SCALE_DB, over.path("laeq").asDouble(), 0.05);
        System.out.printf("remote dose: then at 140 dB SPL full scale, 2 s more: %s%n", over);

        // The engineer's reset reaches the phone: 0 %, no warning.
        inst.real.resetDose(0);
        play(0.1);
        JsonNode reset = doseWhere(phone, n -> n.path("percent").asDouble() == 0, 3000);
        assertFalse(reset.path("over").asBoolean());

        // Once a second, not with every meter frame (30 a second).
        long waitUntil = start + 4_000_000_000L;
        while (System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int frames = phone.doseFrames.get() - framesAtStart;
        System.out.printf("remote dose: %d dose frames in %.2f s (%.2f a second), %d meter frames%n",
                frames, seconds, frames / seconds, phone.meterFrames.get());
        assertTrue(frames >= seconds - 2 && frames <= seconds + 1, frames + " dose frames in " + seconds + " s");
    }

    @Test
    void aPhoneOnCue1NeverReceivesCue2sDose() throws Exception {
        serve();
        // Cue 2 calibrated loud, cue 1 not calibrated: both hear the same sine.
        assertNull(inst.real.setCalibration(1, 140));
        WsClient one = phoneOn(1);
        WsClient two = phoneOn(2);
        play(2);
        DoseReading cue2 = read(1);
        assertTrue(cue2.overAllowance(), "cue 2 has a dose to leak: " + cue2.dose);
        JsonNode twoSees = frameOf(two, cue2);
        assertTrue(twoSees.path("over").asBoolean(), "cue 2's phone gets cue 2's dose and warning: " + twoSees);
        // A frame made after cue 2's dose was published (the one after the next): cue 1's phone still reads uncalibrated.
        one.doses.clear();
        one.nextDose(2000);
        JsonNode later = one.nextDose(2000);
        assertEquals("{\"type\":\"dose\",\"calibrated\":false}", later.toString());

        // Cue 1 calibrated quietly (80 dB SPL full scale: 73.98 dB(A)): its own figures, never cue 2's.
        assertNull(inst.real.setCalibration(0, 80));
        play(1);
        DoseReading cue1 = read(0);
        JsonNode own = frameOf(one, cue1);
        assertEquals(80 + HALF_SCALE_DB, own.path("laeq").asDouble(), 0.05);
        assertFalse(own.path("over").asBoolean());
        one.nextDose(2000); // one more frame after the calibrated one

        String cue2Percent = String.valueOf(percent(cue2));
        String cue2Laeq = String.valueOf(Math.round(cue2.laeqDbSpl * 100) / 100.0);
        int doseTexts = 0;
        for (String t : one.texts) {
            if (!t.contains("\"dose\"")) {
                continue;
            }
            doseTexts++;
            assertFalse(t.contains("\"over\":true") || t.contains(cue2Percent) || t.contains(cue2Laeq),
                    "cue 1's phone got cue 2's dose: " + t);
        }
        System.out.printf("remote dose: cue 1's phone got %d dose frames, none with cue 2's %s %% / %s dB SPL; "
                + "cue 2's phone read %s%n", doseTexts, cue2Percent, cue2Laeq, twoSees);
        assertTrue(doseTexts >= 4, doseTexts + " dose frames");
    }
}
