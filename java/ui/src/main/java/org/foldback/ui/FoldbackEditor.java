package org.foldback.ui;

import static org.lwjgl.nanovg.NanoVG.nvgCreateFont;
import static org.lwjgl.nanovg.NanoVGGL3.NVG_ANTIALIAS;
import static org.lwjgl.nanovg.NanoVGGL3.NVG_STENCIL_STROKES;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foldback.control.Controller;
import org.foldback.control.EditorView;
import org.foldback.engine.meter.MeterDemand;
import org.lwjgl.nanovg.NanoVGGL2;
import org.lwjgl.nanovg.NanoVGGL3;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GLCapabilities;

/**
 * The plugin's editor: LWJGL drawing into the OpenGL context JUCE made for the editor component
 * (see native/shim/GlView.cpp), input from JUCE's mouse and key events, edits back to the host
 * as gestures. It sees the instance only through its {@link Controller}, like any other surface.
 */
public final class FoldbackEditor implements EditorView {
    /** Fonts tried in order; without one the editor draws everything but text. */
    static final String[] FONTS = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    };

    private final Controller instance;
    private final EditorInput input;
    private final FrameTimes frameTimes = new FrameTimes();
    private final FrameTimes frameIntervals = new FrameTimes();
    private final AllocationWatch allocations = new AllocationWatch(WARM_UP_FRAMES);
    private long lastFrameStart;

    /** Frames before allocation is watched: class loading, the JIT (VarHandle calls box until compiled) and NanoVG's font atlas settle first. */
    static final int WARM_UP_FRAMES = 60;

    private GLCapabilities caps;
    private long vg;
    private boolean gl3;
    private EditorRenderer renderer;

    public FoldbackEditor(Controller instance) {
        this.instance = instance;
        this.input = new EditorInput(instance);
    }

    @Override
    public String glOpen() {
        try {
            caps = GL.createCapabilities();
            // The shim asks JUCE for a plain (compatibility) context: asking for a core profile
            // the driver lacks ends in an X error that kills the host. NanoVG's GL3 back end
            // wants 3.2; its GL2 back end covers older drivers.
            gl3 = caps.OpenGL32;
            if (!gl3 && !caps.OpenGL20) {
                return "OpenGL 2.0 or newer is needed, this context has " + GL11.glGetString(GL11.GL_VERSION);
            }
            int flags = NVG_ANTIALIAS | NVG_STENCIL_STROKES;
            vg = gl3 ? NanoVGGL3.nvgCreate(flags) : NanoVGGL2.nvgCreate(flags);
            if (vg == 0) {
                return "NanoVG could not start on OpenGL " + GL11.glGetString(GL11.GL_VERSION);
            }
            int font = -1;
            for (String path : FONTS) {
                if (Files.isReadable(Path.of(path))) {
                    font = nvgCreateFont(vg, "sans", path);
                    if (font >= 0) {
                        break;
                    }
                }
            }
            renderer = new EditorRenderer(vg, font);
            return null;
        } catch (Throwable t) {
            return "LWJGL failed: " + t;
        }
    }

    @Override
    public void render(int widthPx, int heightPx, float scale) {
        if (renderer == null) {
            return;
        }
        long start = System.nanoTime();
        if (lastFrameStart != 0) {
            frameIntervals.add(start - lastFrameStart);
        }
        lastFrameStart = start;
        GL.setCapabilities(caps); // JUCE may render from a pool thread: caps are per thread in LWJGL
        showMetersOf(input.selectedCue());
        renderer.draw(widthPx, heightPx, scale > 0 ? scale : 1f, instance, input.selectedCue(), input.programs(),
                input.rename(), input.presets(), input.remote(), input.osc());
        frameTimes.add(System.nanoTime() - start);
        allocations.frameDone();
    }

    /** The cue whose full meters (VU, correlation, loudness, true peak) the editor shows, or -1. */
    private int shownCue = -1;

    /**
     * Meters cost what is read: the cue section shows every figure of the selected cue, the
     * source strips only what every bus computes anyway (peak and RMS). Called per frame, it only
     * acts when the selection changed.
     */
    private void showMetersOf(int cue) {
        if (cue == shownCue) {
            return;
        }
        if (shownCue >= 0) {
            instance.hideCueMeters(shownCue, MeterDemand.ALL);
        }
        instance.showCueMeters(cue, MeterDemand.ALL);
        shownCue = cue;
    }

    @Override
    public void glClose() {
        // JUCE closes on the thread that detaches the context (the message thread when the editor
        // goes away), with the context current, not on the GL thread. LWJGL's GL bindings are per
        // thread: this thread needs the context's capabilities for any GL call made from Java.
        GL.setCapabilities(caps);
        if (renderer != null) {
            renderer.free();
            renderer = null;
        }
        if (vg != 0) {
            if (gl3) {
                NanoVGGL3.nvgDelete(vg);
            } else {
                NanoVGGL2.nvgDelete(vg);
            }
            vg = 0;
        }
        GL.setCapabilities(null);
    }

    @Override
    public void resized(int width, int height) {
        input.resized(width, height);
    }

    @Override
    public void mouse(int kind, float x, float y, int modifiers, float wheel) {
        input.mouse(kind, x, y, modifiers, wheel);
    }

    @Override
    public boolean key(int keyCode, int modifiers, int character) {
        return input.key(keyCode, modifiers, character);
    }

    @Override
    public String close() {
        if (shownCue >= 0) {
            instance.hideCueMeters(shownCue, MeterDemand.ALL);   // the editor shows nothing now
            shownCue = -1;
        }
        return "editor: render " + frameTimes.summary() + "; interval " + frameIntervals.summary()
                + "; " + allocations.summary();
    }
}
