package org.foldback.osc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which senders the server listens to: the allowed IP addresses and CIDR blocks of the settings
 * (already checked as literals when they were set, so parsing them asks no name server). A
 * datagram from anywhere else is dropped before it is parsed, and never answered.
 */
final class ClientFilter {
    private record Block(byte[] network, int prefix) {}

    private final List<Block> blocks = new ArrayList<>();
    private final boolean loopbackOnly;

    ClientFilter(List<String> allowed) {
        boolean onlyLoopback = true;
        for (String entry : allowed) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network;
            try {
                InetAddress a = InetAddress.getByName(address);
                network = a.getAddress();
                onlyLoopback &= a.isLoopbackAddress() && (slash < 0 || prefix(entry, slash) >= 8);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + entry);
            }
            blocks.add(new Block(network, slash < 0 ? network.length * 8 : prefix(entry, slash)));
        }
        this.loopbackOnly = onlyLoopback;
    }

    private static int prefix(String entry, int slash) {
        return Integer.parseInt(entry.substring(slash + 1));
    }

    /** True when every allowed block lies in loopback: the server then binds to loopback only. */
    boolean loopbackOnly() {
        return loopbackOnly;
    }

    /**
     * The receive thread's last few senders found allowed (the filter never changes, so an answer
     * stays true): a device sending again is let in by InetAddress.equals, which for IPv4 compares
     * the address as a number, where getAddress() makes a copy per datagram.
     */
    private final InetAddress[] recent = new InetAddress[8];
    private int nextRecent;

    /** Receive thread only (it keeps {@link #recent}). */
    boolean allows(InetAddress sender) {
        for (InetAddress r : recent) {
            if (r != null && r.equals(sender)) {
                return true;
            }
        }
        if (!check(sender)) {
            return false;
        }
        recent[nextRecent] = sender;
        nextRecent = (nextRecent + 1) % recent.length;
        return true;
    }

    private boolean check(InetAddress sender) {
        byte[] a = sender.getAddress();
        for (Block b : blocks) {
            if (b.network.length == a.length && samePrefix(a, b.network, b.prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
