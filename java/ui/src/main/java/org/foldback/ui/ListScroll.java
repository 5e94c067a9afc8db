package org.foldback.ui;

/**
 * Which part of a list a panel shows: {@code rows} rows at a time from the first visible item, the
 * wheel moving it one row a notch, never past the last item. The list itself is whatever the panel
 * holds now (the remote's phones, OSC's allowed addresses or clients); only its size is asked.
 * The message thread scrolls, the GL thread reads {@link #first()}.
 */
final class ListScroll {
    private final int rows;
    private volatile int first;

    ListScroll(int rows) {
        this.rows = rows;
    }

    /** The first visible item. */
    int first() {
        return first;
    }

    /** The wheel over a list of {@code count} items: {@code by} rows (negative: back up). */
    void scroll(int by, int count) {
        int max = Math.max(0, count - rows);
        first = Math.max(0, Math.min(max, first + by));
    }

    /** The item on visible row {@code row} of a list of {@code count} items, or -1 when the row is empty. */
    int item(int row, int count) {
        int i = first + row;
        return row >= 0 && row < rows && i < count ? i : -1;
    }

    /** How many rows show an item when the list holds {@code count}. */
    int shown(int count) {
        return Math.max(0, Math.min(rows, count - first));
    }
}
