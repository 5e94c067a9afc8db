package org.foldback.osc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.engine.param.Params;

/**
 * A real plugin instance for the OSC tests (a NativeProcessor without a shim: its controller's
 * gestures apply to the parameter store as a host would), seen by the server through a proxy that
 * logs each gesture call ("begin cue1.level", "perform cue1.level 0.5", "end cue1.level").
 */
final class Rig {
    static final int BLOCK = 64;

    final NativeProcessor processor = new NativeProcessor(0, "");
    final Controller real = processor.controller();
    final Controller seen;
    final List<String> gestures = new CopyOnWriteArrayList<>();
    /** Nanoseconds each audio block took, while {@link #play} runs (preallocated: the audio thread must not allocate). */
    final long[] blockNanos = new long[48000 / BLOCK * 60];
    volatile int blocks;

    Rig() {
        // Out of the process-wide list: the tests run their own servers.
        Controllers.unregister(real);
        seen = (Controller) Proxy.newProxyInstance(Controller.class.getClassLoader(), new Class<?>[] {Controller.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "equals": return proxy == args[0];
                        case "hashCode": return System.identityHashCode(proxy);
                        case "beginEdit": gestures.add("begin " + Params.get((Integer) args[0]).id()); break;
                        case "performEdit": gestures.add("perform " + Params.get((Integer) args[0]).id() + " " + args[1]); break;
                        case "endEdit": gestures.add("end " + Params.get((Integer) args[0]).id()); break;
                        case "edit":
                            gestures.add("begin " + Params.get((Integer) args[0]).id());
                            gestures.add("perform " + Params.get((Integer) args[0]).id() + " " + args[1]);
                            gestures.add("end " + Params.get((Integer) args[0]).id());
                            break;
                        default: break;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        if (processor.prepare(48000, BLOCK, 16, 8) != null) {
            throw new IllegalStateException(processor.lastError());
        }
    }

    float plain(String id) {
        return Params.byId(id).denormalize(real.value(Params.byId(id).index()));
    }

    /** Every parameter's value bits and every cue's lock: what a refused datagram must leave alone. */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < Params.count(); p++) {
            b.append(Float.floatToRawIntBits(real.value(p))).append(',');
        }
        for (int c = 0; c < real.cueCount(); c++) {
            b.append(real.remoteLocked(c) ? 'L' : '-');
        }
        return b.toString();
    }

    /**
     * Plays through the instance on a thread of its own at about real time (48 kHz, 64-sample
     * blocks), a sine per source so the meters move, timing each block. Interrupt it to stop.
     */
    /**
     * Bytes the audio thread allocated inside {@code process} calls (the audio path), summed by that
     * thread around each call: the test's pacing around it (parking) is left out.
     */
    final java.util.concurrent.atomic.AtomicLong audioPathBytes = new java.util.concurrent.atomic.AtomicLong();

    Thread play() {
        Thread t = new Thread(() -> {
            java.util.function.LongSupplier allocated = org.foldback.engine.AllocationProbe.threadCounter();
            FloatBuffer in = processor.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
            long n = 0;
            long start = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                for (int ch = 0; ch < 32; ch++) {
                    double amp = 0.25 / (1 + ch / 2);
                    for (int i = 0; i < BLOCK; i++) {
                        in.put(ch * BLOCK + i, (float) (amp * Math.sin(2 * Math.PI * 220 * (1 + ch / 2) * (n + i) / 48000.0)));
                    }
                }
                long bytesBefore = allocated.getAsLong();
                long t0 = System.nanoTime();
                processor.process(BLOCK, 0);
                long took = System.nanoTime() - t0;
                audioPathBytes.lazySet(audioPathBytes.get() + allocated.getAsLong() - bytesBefore);
                int b = blocks;
                blockNanos[b % blockNanos.length] = took;
                blocks = b + 1;
                n += BLOCK;
                long wait = start + n * 1_000_000_000L / 48000 - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }, "test-audio");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
