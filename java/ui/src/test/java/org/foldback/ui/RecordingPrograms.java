package org.foldback.ui;

import java.util.ArrayList;
import java.util.List;

/** Three host programs for tests, named PREFIX + index; every selection is recorded in order. */
final class RecordingPrograms implements Programs {
    final List<Integer> selected = new ArrayList<>();
    private final String prefix;
    private final int beforeAny;

    /** {@code beforeAny}: what {@link #current()} says before the first selection (-1: none loaded). */
    RecordingPrograms(String prefix, int beforeAny) {
        this.prefix = prefix;
        this.beforeAny = beforeAny;
    }

    @Override
    public int count() {
        return 3;
    }

    @Override
    public int current() {
        return selected.isEmpty() ? beforeAny : selected.get(selected.size() - 1);
    }

    @Override
    public String name(int index) {
        return prefix + index;
    }

    @Override
    public void select(int index) {
        selected.add(index);
    }
}
