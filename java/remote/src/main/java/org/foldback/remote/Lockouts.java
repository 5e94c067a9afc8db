package org.foldback.remote;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wrong PINs counted per client address (a phone that reconnects is the same client): after
 * {@code allowed} wrong ones the address is locked out for a while. The log says who and which cue,
 * never the PIN tried. Bounded: the oldest addresses are forgotten first.
 */
final class Lockouts {
    private static final int MAX_ADDRESSES = 1024;

    private final int allowed;
    private final long lockoutMillis;
    private final Consumer<String> log;
    private final Map<String, long[]> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    Lockouts(int allowed, long lockoutMillis, Consumer<String> log) {
        this.allowed = allowed;
        this.lockoutMillis = lockoutMillis;
        this.log = log;
    }

    /** Milliseconds the address must still wait, 0 when it may try. */
    synchronized long waitMillis(String address, long nowMillis) {
        long[] e = byAddress.get(address);
        if (e == null || e[1] == 0) {
            return 0;
        }
        if (nowMillis >= e[1]) {
            byAddress.remove(address);
            return 0;
        }
        return e[1] - nowMillis;
    }

    /** A wrong PIN from this address; true when it is now locked out. */
    synchronized boolean failed(String address, String where, long nowMillis) {
        long[] e = byAddress.computeIfAbsent(address, a -> new long[2]);
        e[0]++;
        if (e[0] >= allowed) {
            e[0] = 0;
            e[1] = nowMillis + lockoutMillis;
            log.accept("remote: " + address + " locked out for " + lockoutMillis / 1000 + " s after " + allowed
                    + " wrong PINs (" + where + ")");
            return true;
        }
        return false;
    }

    synchronized void succeeded(String address) {
        byAddress.remove(address);
    }
}
