package org.foldback.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON object carries every issue key, numbers or null, and verdicts follow the goals. */
class FiguresTest {
    @Test
    void jsonHasEveryKeyInOrderWithNullForUnmeasured() {
        Figures f = new Figures();
        f.put(Figure.ENGINE_CPU_PERCENT, 1.5);
        f.put(Figure.OFFLINE_REALTIME_FACTOR, Double.NaN); // not measurable -> null, never NaN in JSON
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.printJson(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String json = bytes.toString(StandardCharsets.UTF_8);
        int last = -1;
        for (Figure figure : Figure.values()) {
            int at = json.indexOf("\"" + figure.key + "\": ");
            assertTrue(at > last, figure.key + " missing or out of order in " + json);
            last = at;
        }
        assertTrue(json.contains("\"engine_cpu_percent\": 1.50000"), json);
        assertTrue(json.contains("\"offline_realtime_factor\": null"), json);
    }

    @Test
    void verdictsFollowCeilingsAndFloors() {
        assertEquals("ok", Figure.ENGINE_CPU_PERCENT.verdict(2.0));
        assertEquals("MISS", Figure.ENGINE_CPU_PERCENT.verdict(2.01));
        assertEquals("ok", Figure.OFFLINE_REALTIME_FACTOR.verdict(300.0));
        assertEquals("MISS", Figure.OFFLINE_REALTIME_FACTOR.verdict(299.0));
        assertEquals("ok", Figure.ENGINE_US_PER_BLOCK.verdict(27.0));
        assertEquals("MISS", Figure.ENGINE_US_PER_BLOCK.verdict(50.0));
        assertEquals("", Figure.ENGINE_CPU_PERCENT.verdict(null));
    }
}
