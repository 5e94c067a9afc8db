package org.foldback.bridge;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.foldback.engine.param.Params;

/**
 * The shim's exports as a host behind them would answer: every call is logged in order, a
 * performed value becomes the host's value (get_value answers it), nothing reaches the engine
 * (as in a host, that happens at the next block). Thread-safe, for tests with several surfaces.
 */
final class RecordingShim implements ShimCalls.Exports {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final float[] hostValues = new float[Params.count()];

    RecordingShim() {
        for (int p = 0; p < hostValues.length; p++) {
            hostValues[p] = Params.get(p).normalize(Params.get(p).defaultValue());
        }
    }

    ShimCalls calls() {
        return ShimCalls.over(this, 1);
    }

    @Override
    public void foldback_shim_begin_edit(Pointer instance, int paramIndex) {
        log.add("begin " + Params.get(paramIndex).id());
    }

    @Override
    public synchronized void foldback_shim_perform_edit(Pointer instance, int paramIndex, float normalized) {
        log.add("perform " + Params.get(paramIndex).id() + " " + normalized);
        hostValues[paramIndex] = normalized;
    }

    @Override
    public void foldback_shim_end_edit(Pointer instance, int paramIndex) {
        log.add("end " + Params.get(paramIndex).id());
    }

    @Override
    public synchronized float foldback_shim_get_value(Pointer instance, int paramIndex) {
        return hostValues[paramIndex];
    }

    @Override
    public void foldback_shim_set_program(Pointer instance, int index) {
        log.add("program " + index);
    }

    @Override
    public void foldback_shim_state_changed(Pointer instance) {
        log.add("state changed");
    }

    @Override
    public void foldback_shim_state_loaded(Pointer instance) {
        log.add("state loaded");
    }

    @Override
    public int foldback_shim_block_telemetry(Pointer instance, double[] out, int count) {
        return 0;   // a test shim renders no blocks
    }

    @Override
    public int foldback_shim_abi_version() {
        return Boundary.ABI_VERSION;
    }
}
