package org.foldback.state;

import java.util.List;
import java.util.Random;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/** Random but valid states: for round-trip and fuzz tests, and for StateTool's cross-process test data. */
final class RandomStates {
    private static final String[] WORDS = {
        "Vocals", "Drums", "Bass", "Gitarre \"laut\"", "Stimme\\Rück", "Кью", "ボーカル", "\uD83C\uDFB8 gtr",
        "tab\there", "new\nline", "'quoted'", "\u0000nul", "e\u0301", "{\"json\": 1}", "",
    };

    private RandomStates() {}

    static PluginState random(Random rnd) {
        PluginState s = new PluginState();
        fill(s.slot(Slot.A), rnd);
        fill(s.slot(Slot.B), rnd);
        if (rnd.nextBoolean()) {
            s.setActiveSlot(Slot.B);
        }
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            s.setCueName(c, name(rnd));
        }
        s.setMeterReferenceDbfs(rnd.nextBoolean() ? -18 : -20);
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            if (rnd.nextBoolean()) {
                double span = PluginState.CALIBRATION_MAX_DB_SPL - PluginState.CALIBRATION_MIN_DB_SPL;
                s.setCalibration(c, rnd.nextInt(4) == 0 ? PluginState.CALIBRATION_MIN_DB_SPL + rnd.nextInt((int) span + 1)
                        : PluginState.CALIBRATION_MIN_DB_SPL + rnd.nextDouble() * span);
            }
        }
        for (int src = 0; src < PluginState.SOURCE_COUNT; src++) {
            s.setSourceName(src, name(rnd));
            s.setSourceColour(src, String.format("#%06x", rnd.nextInt(1 << 24)));
            for (int c = 0; c < PluginState.CUE_COUNT; c++) {
                s.setMe(c, src, rnd.nextInt(4) == 0);
            }
        }
        RemoteSettings r = RemoteSettings.OFF.withEnabled(rnd.nextBoolean())
                .withPort(RemoteSettings.MIN_PORT + rnd.nextInt(RemoteSettings.MAX_PORT - RemoteSettings.MIN_PORT + 1));
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            r = r.withLocked(c, rnd.nextBoolean());
            if (rnd.nextBoolean()) {
                r = r.withPin(c, RemoteSettings.newPin());
            }
        }
        s.setRemote(r);
        if (rnd.nextBoolean()) {
            List<String> blocks = List.of("127.0.0.0/8", "::1", "192.168.1.0/24", "10.0.0.7", "fe80::/10");
            s.setOsc(OscSettings.OFF.withEnabled(rnd.nextBoolean())
                    .withPort(OscSettings.MIN_PORT + rnd.nextInt(OscSettings.MAX_PORT - OscSettings.MIN_PORT + 1))
                    .withAllowed(blocks.subList(0, rnd.nextInt(blocks.size() + 1))));
        }
        return s;
    }

    static void fill(ParamValues v, Random rnd) {
        for (ParamSpec p : Params.TABLE) {
            v.set(p.index(), value(p, rnd));
        }
    }

    static float value(ParamSpec p, Random rnd) {
        if (p.kind() != ParamKind.FLOAT) {
            return rnd.nextInt((int) p.max() + 1);
        }
        switch (rnd.nextInt(8)) {
            case 0:
                return p.min();
            case 1:
                return p.max();
            case 2:
                return -0.0f;
            case 3: {
                // Any float bits that land in range, tiny subnormals included.
                float f = Float.intBitsToFloat(rnd.nextInt());
                return Float.isNaN(f) || f < p.min() || f > p.max() ? p.defaultValue() : f;
            }
            default:
                return p.min() + rnd.nextFloat() * (p.max() - p.min());
        }
    }

    static String name(Random rnd) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + rnd.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (rnd.nextInt(4) == 0) {
                // A random code point from the Basic Multilingual Plane or beyond, never a surrogate.
                int cp;
                do {
                    cp = rnd.nextInt(0x2FFFF);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                b.appendCodePoint(cp);
            } else {
                b.append(WORDS[rnd.nextInt(WORDS.length)]);
            }
        }
        return b.toString();
    }
}
