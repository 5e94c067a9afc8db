package org.foldback.bridge;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java program that hosts the Foldback LV2 binary through its C ABI (JNA), so the plugin loads
 * into a process whose JVM someone else started. The shim must find and reuse this JVM
 * (JNI_GetCreatedJavaVMs) rather than start a second one, load its own classes beside ours, mix
 * on a thread we own, and let the JVM shut down normally afterwards.
 *
 * Not a JUnit test: it needs the built plugin. native/tests/validate_foreign_jvm.sh runs it with
 * the single-file source launcher: {@code java -cp jna.jar ForeignJvmHost.java BUNDLE}. It prints
 * {@code key=value} lines and exits 1 on the first failed check.
 *
 * The LV2 calls follow the LV2 core specification (lv2.h: LV2_Descriptor, LV2_Feature), the
 * URID, Options and Buf-size extensions (urid:map, opts:options, bufsz:boundedBlockLength,
 * bufsz:maxBlockLength) and the Atom extension for the event ports (an empty atom:Sequence in,
 * a buffer whose atom size says its capacity out).
 */
public final class ForeignJvmHost {
    private static final double SAMPLE_RATE = 48000.0;
    private static final int BLOCK = 512;
    private static final int ATOM_CAPACITY = 65536;

    /** LV2_URID_Map.map: one stable number per URI. */
    public interface MapFunction extends Callback {
        int invoke(Pointer handle, String uri);
    }

    private final Map<String, Integer> urids = new ConcurrentHashMap<>();
    private final AtomicInteger nextUrid = new AtomicInteger(1);
    private final MapFunction map = (handle, uri) -> urids.computeIfAbsent(uri, u -> nextUrid.getAndIncrement());
    private final List<Memory> keepAlive = new ArrayList<>();

    private ForeignJvmHost() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ForeignJvmHost BUNDLE.lv2");
            System.exit(2);
        }
        new ForeignJvmHost().run(Path.of(args[0]).toAbsolutePath());
        // A normal JVM exit with the plugin's classes and threads in it.
        System.out.println("result=pass");
        System.exit(0);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("result=fail detail=" + what);
            System.out.flush();
            System.exit(1);
        }
    }

    private Memory string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        keepAlive.add(m);
        return m;
    }

    private Memory feature(String uri, Pointer data) {
        Memory f = new Memory(16);
        f.setPointer(0, string(uri));
        f.setPointer(8, data);
        keepAlive.add(f);
        return f;
    }

    /** The features JUCE's LV2 wrapper requires: urid:map, opts:options with maxBlockLength, boundedBlockLength. */
    private Memory features() {
        Memory mapStruct = new Memory(16);
        mapStruct.setPointer(0, Pointer.NULL);
        mapStruct.setPointer(8, CallbackReference.getFunctionPointer(map));
        keepAlive.add(mapStruct);

        Memory blockLength = new Memory(4);
        blockLength.setInt(0, BLOCK);
        keepAlive.add(blockLength);

        // LV2_Options_Option: context, subject, key, size, type (uint32 each), pad, value pointer.
        Memory options = new Memory(2 * 32);
        options.clear();
        options.setInt(0, 0);                                                   // LV2_OPTIONS_INSTANCE
        options.setInt(4, 0);
        options.setInt(8, map.invoke(null, "http://lv2plug.in/ns/ext/buf-size#maxBlockLength"));
        options.setInt(12, 4);
        options.setInt(16, map.invoke(null, "http://lv2plug.in/ns/ext/atom#Int"));
        options.setPointer(24, blockLength);
        keepAlive.add(options);                                                 // the second entry, all zero, ends the list

        Memory list = new Memory(4 * 8);
        list.setPointer(0, feature("http://lv2plug.in/ns/ext/urid#map", mapStruct));
        list.setPointer(8, feature("http://lv2plug.in/ns/ext/options#options", options));
        list.setPointer(16, feature("http://lv2plug.in/ns/ext/buf-size#boundedBlockLength", Pointer.NULL));
        list.setPointer(24, Pointer.NULL);
        keepAlive.add(list);
        return list;
    }

    /** Audio input and output port counts, from the bundle's Turtle: JUCE numbers audio ports first. */
    private static int[] audioPorts(Path bundle) throws IOException {
        int inputs = 0, outputs = 0;
        try (var files = Files.list(bundle)) {
            for (Path ttl : files.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                Matcher m = Pattern.compile("a\\s+lv2:(Input|Output)Port\\s*,\\s*lv2:AudioPort").matcher(Files.readString(ttl));
                while (m.find()) {
                    if (m.group(1).equals("Input")) {
                        inputs++;
                    } else {
                        outputs++;
                    }
                }
            }
        }
        return new int[] {inputs, outputs};
    }

    private void run(Path bundle) throws Exception {
        System.out.println("java_version=" + Runtime.version());
        int[] ports = audioPorts(bundle);
        int inputs = ports[0], outputs = ports[1];
        System.out.println("audio_inputs=" + inputs);
        System.out.println("audio_outputs=" + outputs);
        check(inputs >= 2 && outputs >= 4, "the bundle declares " + inputs + " audio inputs and " + outputs + " outputs");

        Path binary;
        try (var files = Files.list(bundle)) {
            binary = files.filter(p -> p.toString().endsWith(".so")).findFirst().orElseThrow();
        }
        NativeLibrary library = NativeLibrary.getInstance(binary.toString());
        Pointer descriptor = (Pointer) library.getFunction("lv2_descriptor").invoke(Pointer.class, new Object[] {0});
        check(descriptor != null, "lv2_descriptor(0) returned NULL");
        System.out.println("uri=" + descriptor.getPointer(0).getString(0));

        Function instantiate = Function.getFunction(descriptor.getPointer(8));
        Function connect = Function.getFunction(descriptor.getPointer(16));
        Function activate = Function.getFunction(descriptor.getPointer(24));
        Function run = Function.getFunction(descriptor.getPointer(32));
        Function deactivate = Function.getFunction(descriptor.getPointer(40));
        Function cleanup = Function.getFunction(descriptor.getPointer(48));
        Memory features = features();
        String bundlePath = bundle + "/";

        // Two instances one after the other, each driven from a Java thread that is not main.
        for (int round = 1; round <= 2; round++) {
            Pointer handle = (Pointer) instantiate.invoke(Pointer.class,
                    new Object[] {descriptor, SAMPLE_RATE, bundlePath, features});
            check(handle != null, "instantiate returned NULL (round " + round + ")");

            Memory[] audio = new Memory[inputs + outputs];
            for (int p = 0; p < audio.length; p++) {
                audio[p] = new Memory(4L * BLOCK);
                audio[p].clear();
                connect.invoke(Void.class, new Object[] {handle, p, audio[p]});
            }
            Memory atomIn = new Memory(ATOM_CAPACITY);
            Memory atomOut = new Memory(ATOM_CAPACITY);
            Memory latency = new Memory(4), freeWheel = new Memory(4), enabled = new Memory(4);
            freeWheel.setFloat(0, 0f);
            enabled.setFloat(0, 1f);
            Memory[] control = {atomIn, atomOut, latency, freeWheel, enabled};
            for (int k = 0; k < control.length; k++) {
                connect.invoke(Void.class, new Object[] {handle, inputs + outputs + k, control[k]});
            }

            activate.invoke(Void.class, new Object[] {handle});
            double[] cueLevels = new double[outputs / 2];
            long[] nonFinite = {0};
            int blocks = 200;
            int sequence = map.invoke(null, "http://lv2plug.in/ns/ext/atom#Sequence");
            int chunk = map.invoke(null, "http://lv2plug.in/ns/ext/atom#Chunk");

            Thread audioThread = new Thread(() -> {
                float[] in = new float[BLOCK];
                float[] out = new float[BLOCK];
                long frame = 0;
                for (int b = 0; b < blocks; b++) {
                    // An empty event sequence in; the whole buffer offered for events out.
                    atomIn.setInt(0, 8);
                    atomIn.setInt(4, sequence);
                    atomIn.setInt(8, 0);
                    atomIn.setInt(12, 0);
                    atomOut.setInt(0, ATOM_CAPACITY - 8);
                    atomOut.setInt(4, chunk);
                    for (int i = 0; i < BLOCK; i++) {
                        in[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000.0 * (frame + i) / SAMPLE_RATE));
                    }
                    audio[0].write(0, in, 0, BLOCK);
                    audio[1].write(0, in, 0, BLOCK);
                    run.invoke(Void.class, new Object[] {handle, BLOCK});
                    frame += BLOCK;
                    if (b % 50 == 0) {
                        System.gc();   // the audio path must not care
                    }
                    if (b >= blocks - 20) {
                        for (int c = 0; c < outputs / 2; c++) {
                            audio[inputs + 2 * c].read(0, out, 0, BLOCK);
                            for (float x : out) {
                                if (!Float.isFinite(x)) {
                                    nonFinite[0]++;
                                }
                                cueLevels[c] += (double) x * x;
                            }
                        }
                    }
                }
            }, "foreign-host-audio");
            audioThread.start();
            audioThread.join();

            deactivate.invoke(Void.class, new Object[] {handle});
            cleanup.invoke(Void.class, new Object[] {handle});

            double input = 0.5 / Math.sqrt(2);
            for (int c = 0; c < cueLevels.length; c++) {
                cueLevels[c] = Math.sqrt(cueLevels[c] / (20.0 * BLOCK));
            }
            double cue1Db = 20 * Math.log10(Math.max(cueLevels[0], 1e-12) / input);
            double cue2Db = 20 * Math.log10(Math.max(cueLevels[1], 1e-12) / input);
            System.out.println("round" + round + "_cue1_db=" + String.format("%.3f", cue1Db));
            System.out.println("round" + round + "_cue2_db=" + String.format("%.3f", cue2Db));
            check(nonFinite[0] == 0, nonFinite[0] + " non-finite output samples");
            // Out of the box every cue hears the main input; without Java (pass-through) only cue 1
            // would, so a sounding cue 2 shows that the Java processor mixed in this JVM.
            check(Math.abs(cue1Db) < 6.0, "cue 1 is at " + cue1Db + " dB of the input");
            check(Math.abs(cue2Db - cue1Db) < 0.05, "cue 2 (" + cue2Db + " dB) does not hear the main input as cue 1 does ("
                    + cue1Db + " dB): the Java processor did not run");
        }
    }
}
