package org.foldback.remote;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.engine.param.Params;

/**
 * Real plugin instances for the remote's tests: a NativeProcessor without a shim (its controller's
 * gestures then apply straight to the parameter store, as a host would), seen through a proxy
 * that records every gesture call the server makes.
 */
final class Instances {
    /** One recorded call: "begin", "perform" or "end", the parameter, the normalized value (perform). */
    record Call(String what, int param, float value) {}

    final NativeProcessor processor;
    final Controller real;
    final Controller recorded;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    private Instances() {
        processor = new NativeProcessor(0, "");
        real = processor.controller();
        // Out of the process-wide list: these tests run their own servers, not the process's.
        Controllers.unregister(real);
        InvocationHandler h = (proxy, m, args) -> switch (m.getName()) {
            // The proxy is its own identity: the server compares instances it was given.
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> invoke(m, args);
        };
        recorded = (Controller) Proxy.newProxyInstance(Controller.class.getClassLoader(),
                new Class<?>[] {Controller.class}, h);
    }

    /** An instance with its remote on and every cue's PIN made. */
    static Instances create() {
        Instances i = new Instances();
        i.real.setRemote(true, 8337);
        for (int c = 0; c < i.real.cueCount(); c++) {
            i.real.remotePin(c);
        }
        return i;
    }

    private Object invoke(Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
            case "beginEdit":
                calls.add(new Call("begin", (Integer) args[0], Float.NaN));
                break;
            case "performEdit":
                calls.add(new Call("perform", (Integer) args[0], (Float) args[1]));
                break;
            case "endEdit":
                calls.add(new Call("end", (Integer) args[0], Float.NaN));
                break;
            case "edit":
                calls.add(new Call("begin", (Integer) args[0], Float.NaN));
                calls.add(new Call("perform", (Integer) args[0], (Float) args[1]));
                calls.add(new Call("end", (Integer) args[0], Float.NaN));
                break;
            default:
        }
        try {
            return m.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    float db(int param) {
        return Params.get(param).denormalize(real.value(param));
    }

    /** Every parameter's value and every "me" mark: what a rejected message must leave as it was. */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < Params.count(); p++) {
            b.append(Float.floatToRawIntBits(real.value(p))).append(',');
        }
        for (int c = 0; c < real.cueCount(); c++) {
            for (int s = 0; s < real.sourceCount(); s++) {
                b.append(real.isMe(c, s) ? '1' : '0');
            }
        }
        return b.toString();
    }

    static final int BLOCK = 64;

    /**
     * Plays audio through the instance on a thread of its own, about in real time (48 kHz, 64-sample
     * blocks): a sine per source at a different level, so the meters move. Returns the thread; interrupt it to stop.
     */
    /**
     * Bytes the audio thread allocated inside {@code process} calls (the audio path), summed by
     * that thread around each call: the pacing around it (clock reads, parking) is the test's own
     * loop, not the plugin's, and is left out.
     */
    final java.util.concurrent.atomic.AtomicLong audioPathBytes = new java.util.concurrent.atomic.AtomicLong();

    Thread play(int sources, int cues) {
        if (processor.prepare(48000, BLOCK, sources, cues) != null) {
            throw new IllegalStateException(processor.lastError());
        }
        Thread t = new Thread(() -> {
            java.nio.FloatBuffer in = processor.inputBuffer().duplicate().order(java.nio.ByteOrder.nativeOrder())
                    .asFloatBuffer();
            java.util.function.LongSupplier allocated = org.foldback.engine.AllocationProbe.threadCounter();
            long n = 0;
            long start = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                for (int ch = 0; ch < 2 * sources; ch++) {
                    double amp = 0.5 / (1 + ch / 2);
                    for (int i = 0; i < BLOCK; i++) {
                        in.put(ch * BLOCK + i, (float) (amp * Math.sin(2 * Math.PI * (110 * (1 + ch / 2)) * (n + i) / 48000.0)));
                    }
                }
                long before = allocated.getAsLong();
                processor.process(BLOCK, 0);
                long after = allocated.getAsLong();
                audioPathBytes.lazySet(audioPathBytes.get() + (after - before));
                n += BLOCK;
                long due = start + n * 1_000_000_000L / 48000;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }, "test-audio");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Renders through the instance (on the calling thread; nothing else may be playing): a 1 kHz
     * sine of amplitude 0.1 on source {@code source} only, 0.25 s so every ramp has settled, and
     * returns cue {@code cue}'s RMS over the last 50 ms of its left channel, in dBFS.
     */
    double renderCueDb(int sources, int cues, int cue, int source) {
        return renderCueDb(sources, cues, cue, source, 0.1, 0.25);
    }

    /**
     * The same with a sine of {@code amplitude} for {@code seconds}, as fast as the machine renders
     * (a second of the hearing dose is booked per 48000 samples played, not per second of clock).
     */
    double renderCueDb(int sources, int cues, int cue, int source, double amplitude, double seconds) {
        if (processor.prepare(48000, BLOCK, sources, cues) != null) {
            throw new IllegalStateException(processor.lastError());
        }
        java.nio.FloatBuffer in = processor.inputBuffer().duplicate().order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer();
        java.nio.FloatBuffer out = processor.outputBuffer().duplicate().order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer();
        int blocks = (int) (seconds * 48000 / BLOCK);
        int measured = 48000 / 20 / BLOCK;
        double sum = 0;
        long n = 0;
        for (int b = 0; b < blocks; b++) {
            for (int ch = 0; ch < 2 * sources; ch++) {
                for (int i = 0; i < BLOCK; i++) {
                    double v = ch / 2 == source ? amplitude * Math.sin(2 * Math.PI * 1000 * (b * BLOCK + i) / 48000.0) : 0;
                    in.put(ch * BLOCK + i, (float) v);
                }
            }
            if (processor.process(BLOCK, 0) != NativeProcessor.OK) {
                throw new IllegalStateException(processor.lastError());
            }
            if (b >= blocks - measured) {
                for (int i = 0; i < BLOCK; i++) {
                    double v = out.get(2 * cue * BLOCK + i);
                    sum += v * v;
                    n++;
                }
            }
        }
        return 10 * Math.log10(sum / n);
    }
}
