package org.foldback.osc;

import java.util.List;
import java.util.function.Supplier;
import org.foldback.control.Controller;

/** The instances the server serves, found by the address's instance part: a number (the id) or the name. */
final class Instances {
    private final Supplier<List<Controller>> all;

    Instances(Supplier<List<Controller>> all) {
        this.all = all;
    }

    List<Controller> all() {
        return all.get();
    }

    /**
     * A name as it can stand in an OSC address: the characters OSC 1.0 does not allow there
     * (space # * , / ? [ ] { }) become '_', so "Drum booth" is addressed as "Drum_booth".
     */
    static String addressable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            b.append(" #*,/?[]{}".indexOf(ch) >= 0 || ch < 0x21 || ch == 0x7f ? '_' : ch);
        }
        return b.toString();
    }

    /** The instance named {@code part} (its id, e.g. "1", or its name, e.g. "Drum booth"), else refused. */
    Controller find(String part) throws Refused {
        List<Controller> list = all.get();
        for (Controller c : list) {
            if (part.equals(Integer.toString(c.id()))) {
                return c;
            }
        }
        for (Controller c : list) {
            if (part.equals(c.name()) || part.equals(addressable(c.name()))) {
                return c;
            }
        }
        throw new Refused("no instance '" + (part.length() > 40 ? part.substring(0, 40) + "..." : part) + "'");
    }
}
