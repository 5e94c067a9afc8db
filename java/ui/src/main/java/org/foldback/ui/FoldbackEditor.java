package org.foldback.ui;

import static org.lwjgl.nanovg.NanoVG.nvgCreateFont;
import static org.lwjgl.nanovg.NanoVGGL3.NVG_ANTIALIAS;
import static org.lwjgl.nanovg.NanoVGGL3.NVG_STENCIL_STROKES;
import static org.lwjgl.nanovg.NanoVGGL3.nvgCreate;
import static org.lwjgl.nanovg.NanoVGGL3.nvgDelete;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foldback.bridge.EditorView;
import org.foldback.bridge.NativeProcessor;
import org.foldback.bridge.ShimCalls;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.meter.MeterBank;
import org.foldback.engine.mix.CueEngine;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

/**
 * The plugin's editor: LWJGL drawing into the OpenGL context JUCE made for the editor component
 * (see native/shim/GlEditor.cpp), input from JUCE's mouse and key events, edits back to the host
 * as gestures through the shim.
 */
public final class FoldbackEditor implements EditorView {
    /** Fonts tried in order; without one the editor draws everything but text. */
    static final String[] FONTS = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    };

    private final NativeProcessor owner;
    private final MeterBank meters;
    private final CueEngine engine;
    private final EditorInput input;
    private final FrameTimes frameTimes = new FrameTimes();

    private GLCapabilities caps;
    private long vg;
    private EditorRenderer renderer;

    public FoldbackEditor(NativeProcessor owner) {
        this.owner = owner;
        FoldbackProcessor fp = owner.processor() instanceof FoldbackProcessor p ? p : null;
        this.meters = fp == null ? null : fp.meters();
        this.engine = fp == null ? null : fp.engine();
        ShimCalls shim = owner.shim();
        Gestures host = new Gestures() {
            @Override
            public void begin(int param) {
                shim.beginEdit(param);
            }

            @Override
            public void perform(int param, float normalized) {
                shim.performEdit(param, normalized);
            }

            @Override
            public void end(int param) {
                shim.endEdit(param);
            }

            @Override
            public float value(int param) {
                return shim.value(param);
            }
        };
        this.input = new EditorInput(owner.params(), host, (bus, what) -> {
            if (meters != null) {
                meters.requestReset(bus, what);
            }
        });
    }

    @Override
    public String glOpen() {
        try {
            caps = GL.createCapabilities();
            vg = nvgCreate(NVG_ANTIALIAS | NVG_STENCIL_STROKES);
            if (vg == 0) {
                return "NanoVG could not start on this OpenGL context (needs OpenGL 3.2)";
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
        GL.setCapabilities(caps); // JUCE may render from a pool thread: caps are per thread in LWJGL
        renderer.draw(widthPx, heightPx, scale > 0 ? scale : 1f, owner.params(), meters, engine,
                owner.pluginState(), input.selectedCue());
        frameTimes.add(System.nanoTime() - start);
    }

    @Override
    public void glClose() {
        if (renderer != null) {
            renderer.free();
            renderer = null;
        }
        if (vg != 0) {
            nvgDelete(vg);
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
    public boolean key(int keyCode, int modifiers) {
        return input.key(keyCode, modifiers);
    }

    @Override
    public String close() {
        return "editor: render " + frameTimes.summary();
    }
}
