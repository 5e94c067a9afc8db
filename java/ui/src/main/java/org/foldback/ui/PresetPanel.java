package org.foldback.ui;

import java.util.List;

/**
 * What the preset panel holds and does, without drawing: one list of the factory presets (the
 * host's programs, marked as factory) then the user's presets, scrolled {@link
 * EditorLayout#PANEL_ROWS} rows at a time. A click on a row loads it; save as, rename and delete
 * act on user presets, delete only on a second click.
 *
 * <p>The message thread changes it; the GL thread draws it from the volatile fields. The user's
 * names are an array replaced whole when the list changes (opening the panel, or after a save,
 * rename or delete), never per frame, so drawing can tell a new list by its identity and encode
 * the names only then.
 */
final class PresetPanel {
    private final Programs programs;
    private final PresetStore store;

    private volatile boolean open;
    private volatile String[] user = new String[0];
    private volatile int selected = -1;
    private volatile int scroll;
    private volatile boolean confirmingDelete;

    PresetPanel(Programs programs, PresetStore store) {
        this.programs = programs;
        this.store = store;
    }

    boolean isOpen() {
        return open;
    }

    /** Opens (reading the user's presets afresh: another instance or the command line may have changed them) or closes. */
    void toggle() {
        if (open) {
            close();
            return;
        }
        refresh();
        selected = loadedRow();
        scrollTo(selected);
        open = true;
    }

    void close() {
        open = false;
        confirmingDelete = false;
    }

    /** Factory rows first (the host's programs), then the user's. */
    int rowCount() {
        return programs.count() + user.length;
    }

    boolean isFactory(int row) {
        return row >= 0 && row < programs.count();
    }

    /** A row's name, "" past the end. */
    String name(int row) {
        String[] names = user;
        int factory = programs.count();
        if (row < 0) {
            return "";
        }
        return row < factory ? programs.name(row) : row - factory < names.length ? names[row - factory] : "";
    }

    /** The user's names as last read: a new array only when the list changed. */
    String[] userNames() {
        return user;
    }

    int scroll() {
        return scroll;
    }

    int selected() {
        return selected;
    }

    /** The user preset loaded last (shown in the preset row), or null after a program or state load. */
    String loadedName() {
        return store.loaded();
    }

    boolean confirmingDelete() {
        return confirmingDelete;
    }

    /** The selected row's name when it is a user preset (rename and delete act on it), else null. */
    String selectedUser() {
        int row = selected;
        return row >= programs.count() && row < rowCount() ? name(row) : null;
    }

    /** The wheel: one row per notch, within the list. */
    void scrollBy(int rows) {
        scroll = Math.max(0, Math.min(maxScroll(), scroll + rows));
    }

    /** A click on visible row {@code visibleRow}: selects and loads that preset. */
    void clickRow(int visibleRow) {
        int row = scroll + visibleRow;
        if (row >= rowCount()) {
            return;
        }
        confirmingDelete = false;
        selected = row;
        if (isFactory(row)) {
            programs.select(row); // a host program: the host hears of it as a program change
        } else {
            store.load(name(row));
        }
    }

    /** Saves the current state under {@code name}; on success the new preset is listed and selected. */
    void saveAs(String name) {
        confirmingDelete = false;
        if (store.saveAs(name.strip()) == null) {
            refresh();
            select(name.strip());
        }
    }

    /** Renames the selected user preset. */
    void rename(String to) {
        confirmingDelete = false;
        String from = selectedUser();
        if (from != null && !from.equals(to.strip()) && store.rename(from, to.strip()) == null) {
            refresh();
            select(to.strip());
        }
    }

    /** The first click arms, the second deletes the selected user preset; anything else between disarms. */
    void delete() {
        String name = selectedUser();
        if (name == null) {
            return;
        }
        if (!confirmingDelete) {
            confirmingDelete = true;
            return;
        }
        confirmingDelete = false;
        if (store.delete(name) == null) {
            refresh();
            selected = -1;
        }
    }

    void disarm() {
        confirmingDelete = false;
    }

    private void refresh() {
        List<String> names = store.userPresets();
        user = names.toArray(new String[0]);
        scroll = Math.min(scroll, maxScroll());
        if (selected >= rowCount()) {
            selected = -1;
        }
    }

    private void select(String name) {
        String[] names = user;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                selected = programs.count() + i;
                scrollTo(selected);
                return;
            }
        }
    }

    /** The row of what is loaded now: the user preset loaded last, else the host's program. */
    private int loadedRow() {
        String loaded = store.loaded();
        if (loaded != null) {
            String[] names = user;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(loaded)) {
                    return programs.count() + i;
                }
            }
            return -1;
        }
        return programs.current();
    }

    /** Scrolls just enough for {@code row} to be visible. */
    private void scrollTo(int row) {
        if (row < 0) {
            return;
        }
        if (row < scroll) {
            scroll = row;
        } else if (row >= scroll + EditorLayout.PANEL_ROWS) {
            scroll = row - EditorLayout.PANEL_ROWS + 1;
        }
        scroll = Math.max(0, Math.min(maxScroll(), scroll));
    }

    private int maxScroll() {
        return Math.max(0, rowCount() - EditorLayout.PANEL_ROWS);
    }
}
