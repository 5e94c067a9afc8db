package org.foldback.control;

import java.util.Arrays;
import org.foldback.engine.param.ParamReader;
import org.foldback.engine.param.Params;

/**
 * A {@link Changes} cursor over any {@link Controller}: compares every parameter's played value
 * with what this cursor reported last (one float compare per parameter and poll, no call into the host), and
 * the snapshot's version with the last one seen. Owned by one thread.
 */
final class ChangeCursor implements Changes {
    private final Controller controller;
    private final float[] seen = new float[Params.count()];
    private long stateVersion = -1;

    ChangeCursor(Controller controller) {
        this.controller = controller;
        Arrays.fill(seen, Float.NaN);
    }

    @Override
    public int poll(Listener listener) {
        int changed = 0;
        ParamReader params = controller.params();
        for (int p = 0; p < seen.length; p++) {
            float v = params.normalized(p);
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
