package org.foldback.engine.param;

import java.util.Arrays;
import java.util.List;

/**
 * The parameters of one group (the globals, a source, a cue, a cue's send from one source),
 * reached by role. {@link Params} builds every group once, so a lookup is two array reads: safe
 * on the audio thread, no allocation.
 */
public abstract class ParamGroup {
    private final int[] byRole = new int[ParamRole.values().length];
    private final List<ParamSpec> all;

    /** {@code own}: the group's parameters by role; {@code all}: those and its subgroups', in table order. */
    ParamGroup(List<ParamSpec> own, List<ParamSpec> all) {
        Arrays.fill(byRole, -1);
        for (ParamSpec p : own) {
            byRole[p.role().ordinal()] = p.index();
        }
        this.all = List.copyOf(all);
    }

    /** The index of this group's parameter in {@code role}; a role of another scope throws. */
    public int param(ParamRole role) {
        int index = byRole[role.ordinal()];
        if (index < 0) {
            throw new IllegalArgumentException(role + " is not a parameter of " + this);
        }
        return index;
    }

    /** Every parameter of the group, in table order (a cue's own, then each of its sends'). */
    public List<ParamSpec> all() {
        return all;
    }
}
