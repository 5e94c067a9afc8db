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

    /** The instance named {@code part} (its id, e.g. "1", or its name, e.g. "Drum booth"), else refused. */
    Controller find(String part) throws Refused {
        List<Controller> list = all.get();
        for (Controller c : list) {
            if (part.equals(Integer.toString(c.id()))) {
                return c;
            }
        }
        for (Controller c : list) {
            if (part.equals(c.name())) {
                return c;
            }
        }
        throw new Refused("no instance '" + (part.length() > 40 ? part.substring(0, 40) + "..." : part) + "'");
    }
}
