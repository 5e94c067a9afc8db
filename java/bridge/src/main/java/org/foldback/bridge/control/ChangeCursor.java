package org.foldback.bridge.control;

import java.util.Arrays;
import org.foldback.engine.param.Params;

/**
 * A {@link Changes} cursor: compares every parameter's stored value with what this cursor
 * reported last (502 float compares per poll), and the state snapshot's version with the last one
 * seen. Owned by one thread.
 */
final class ChangeCursor implements Changes {
    private final InstanceController controller;
    private final float[] seen = new float[Params.count()];
    private long stateVersion = -1;

    ChangeCursor(InstanceController controller) {
        this.controller = controller;
        Arrays.fill(seen, Float.NaN);
    }

    @Override
    public int poll(Listener listener) {
        int changed = 0;
        for (int p = 0; p < seen.length; p++) {
            float v = controller.storedValue(p);
            if (Float.compare(v, seen[p]) != 0) {
                seen[p] = v;
                listener.parameter(p, v);
                changed++;
            }
        }
        StateSnapshot now = controller.snapshot();
        if (now.version() != stateVersion) {
            stateVersion = now.version();
            listener.state(now);
        }
        return changed;
    }
}
