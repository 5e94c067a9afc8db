package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * Kept bytes are handed out again only for a state the writer would write as those bytes: every
 * change the writer can see makes a fresh write, and whatever comes back is what the writer makes.
 */
class WrittenStateTest {
    /** What the writer makes of {@code s} now, past every reuse. */
    private static byte[] writtenNow(PluginState s) {
        return StateWriter.write(StateCodec.STATE_FORMAT, null, null, s);
    }

    /** Each change the writer can see, by name; each must change the bytes. */
    private static final Map<String, Consumer<PluginState>> CHANGES = Map.ofEntries(
            Map.entry("a value of the active slot", s -> nudge(s.params(), 7)),
            Map.entry("a value of the other slot", s -> nudge(s.slot(s.activeSlot().other()), 311)),
            Map.entry("the last value of the active slot", s -> nudge(s.params(), Params.count() - 1)),
            Map.entry("the active slot", s -> s.setActiveSlot(s.activeSlot().other())),
            Map.entry("a cue name", s -> s.setCueName(3, s.cueName(3) + "x")),
            Map.entry("a source name", s -> s.setSourceName(9, s.sourceName(9) + "y")),
            Map.entry("a source colour", s -> s.setSourceColour(2, s.sourceColour(2).equals("#000000") ? "#000001" : "#000000")),
            Map.entry("a \"me\" mark", s -> s.setMe(5, 11, !s.isMe(5, 11))),
            Map.entry("a calibration", s -> s.setCalibration(6, Double.isNaN(s.calibration(6)) ? 100.0 : Double.NaN)),
            Map.entry("a calibration's last bit", s -> s.setCalibration(1, Double.isNaN(s.calibration(1))
                    ? 99.5 : Math.nextUp(s.calibration(1)) <= PluginState.CALIBRATION_MAX_DB_SPL
                    ? Math.nextUp(s.calibration(1)) : Math.nextDown(s.calibration(1)))),
            Map.entry("the meter reference", s -> s.setMeterReferenceDbfs(s.meterReferenceDbfs() == -18 ? -20 : -18)),
            Map.entry("the program", s -> s.setProgram(s.program() + 1)),
            Map.entry("the remote on or off", s -> s.setRemote(s.remote().withEnabled(!s.remote().enabled()))),
            Map.entry("the remote's port", s -> s.setRemote(s.remote().withPort(s.remote().port() == 9000 ? 9001 : 9000))),
            Map.entry("the remote's name", s -> s.setRemote(s.remote().withName("Stage left " + s.remote().name()))),
            Map.entry("a PIN", s -> s.setRemote(s.remote().withPin(4, "123456".equals(s.remote().pin(4)) ? "654321" : "123456"))),
            Map.entry("a lock", s -> s.setRemote(s.remote().withLocked(0, !s.remote().locked(0)))),
            Map.entry("OSC on or off", s -> s.setOsc(s.osc().withEnabled(!s.osc().enabled()))),
            Map.entry("OSC's clients", s -> s.setOsc(s.osc().withAllowed(
                    s.osc().allowed().contains("10.1.2.3") ? List.of("::1") : List.of("10.1.2.3")))));

    /** Sets the value at {@code index} to another with other bits (a float's next, a choice's other). */
    private static void nudge(ParamValues values, int index) {
        ParamSpec p = Params.get(index);
        float v = values.get(index);
        float next;
        if (p.kind() == ParamKind.FLOAT) {
            next = Math.nextUp(v) <= p.max() ? Math.nextUp(v) : Math.nextDown(v);
        } else {
            next = v >= p.max() ? p.min() : v + 1;
        }
        values.set(index, next);
        assertTrue(Float.floatToRawIntBits(values.get(index)) != Float.floatToRawIntBits(v), p.id() + " moved");
    }

    @Test
    void everyChangeTheWriterSeesIsWrittenAfreshAndAnUnchangedStateGivesTheSameBytes() {
        Random rnd = new Random(20261203L);
        for (int i = 0; i < 40; i++) {
            PluginState s = i == 0 ? new PluginState() : RandomStates.random(rnd);
            WrittenState written = new WrittenState();
            for (Map.Entry<String, Consumer<PluginState>> change : CHANGES.entrySet()) {
                byte[] before = written.encode(s);
                assertArrayEquals(writtenNow(s), before, "state " + i + " before " + change.getKey());
                assertArrayEquals(before, written.encode(s), "state " + i + " asked again");

                change.getValue().accept(s);
                byte[] after = written.encode(s);
                assertFalse(Arrays.equals(before, after), "state " + i + ": " + change.getKey() + " kept the old bytes");
                assertArrayEquals(writtenNow(s), after, "state " + i + " after " + change.getKey());
            }
        }
    }

    @Test
    void aChangeAndItsUndoGiveTheFirstBytesAgain() {
        PluginState s = RandomStates.random(new Random(3));
        WrittenState written = new WrittenState();
        byte[] first = written.encode(s);
        String name = s.cueName(0);
        s.setCueName(0, name + "!");
        written.encode(s);
        s.setCueName(0, name);
        assertArrayEquals(first, written.encode(s));
    }

    @Test
    void theCallerOwnsWhatItGets() {
        PluginState s = RandomStates.random(new Random(4));
        WrittenState written = new WrittenState();
        byte[] first = written.encode(s);
        byte[] expected = first.clone();
        Arrays.fill(first, (byte) 'x');
        assertArrayEquals(expected, written.encode(s), "a caller's change to its copy reached the kept bytes");
    }

    @Test
    void aStateWithJsonFromANewerVersionIsWrittenEveryTime() throws Exception {
        String blob = new String(StateCodec.encode(new PluginState()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\n  \"from_the_future\": {\"a\": 1},");
        PluginState s = StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8)).state();
        assertTrue(s.hasUnknownData());
        assertFalse(s.sameAs(s.copy()), "unknown JSON is not compared, so never the same");
        WrittenState written = new WrittenState();
        assertTrue(new String(written.encode(s), StandardCharsets.UTF_8).contains("\"from_the_future\""));

        s.extraTop.put("from_the_future", JsonNodeFactory.instance.numberNode(2));
        byte[] again = written.encode(s);
        assertArrayEquals(writtenNow(s), again);
        assertTrue(new String(again, StandardCharsets.UTF_8).contains("\"from_the_future\": 2"));
    }

    @Test
    void unknownOscKeysCountAsUnknownData() throws Exception {
        PluginState s = new PluginState();
        s.extraOsc.put("later", JsonNodeFactory.instance.numberNode(1));
        assertTrue(s.hasUnknownData());
    }

    @Test
    void theDefaultStateIsWrittenAsTheWriterWritesIt() {
        assertArrayEquals(writtenNow(new PluginState()), StateCodec.encode(new PluginState()));
        byte[] one = StateCodec.encode(new PluginState());
        one[0] = 'x';
        assertEquals('{', StateCodec.encode(new PluginState())[0], "the JVM's default bytes are handed out as copies");

        PluginState moved = new PluginState();
        nudge(moved.params(), 0);
        assertArrayEquals(writtenNow(moved), StateCodec.encode(moved));
        assertFalse(Arrays.equals(writtenNow(new PluginState()), StateCodec.encode(moved)));
    }

    @Test
    void thePackedDefaultStateIsWhatTheWriterWritesNow() {
        byte[] packed = DefaultStateFile.read();
        assertNotNull(packed, DefaultStateFile.RESOURCE + " missing from the classes (java/state/pom.xml's default-state step)");
        assertArrayEquals(writtenNow(new PluginState()), packed);
    }

    /**
     * Reuse rests on {@link PluginState#sameAs} comparing everything the writer reads. A field
     * added to the state must be added there (and to copy()), then here.
     */
    @Test
    void sameAsKnowsEveryFieldOfTheState() {
        assertEquals(Set.of("slotA", "slotB", "active", "cueNames", "meterReferenceDbfs", "program", "sourceNames",
                        "sourceColours", "meMarks", "calibrations", "remote", "osc",
                        "extraTop", "extraMeter", "extraAb", "extraPerCue", "extraCues", "extraPerSource", "extraRemote",
                        "extraOsc"),
                instanceFields(PluginState.class),
                "PluginState's fields changed: PluginState.sameAs and copy must compare and copy the new one");
        assertEquals(Set.of("values", "unknown"), instanceFields(ParamValues.class),
                "ParamValues' fields changed: ParamValues.sameAs must compare the new one");
    }

    private static Set<String> instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .map(Field::getName)
                .collect(Collectors.toSet());
    }
}
