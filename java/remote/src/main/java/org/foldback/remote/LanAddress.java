package org.foldback.remote;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The address phones on the studio's network reach this machine at, for the panel and its QR code:
 * an IPv4 address of an interface that is up, not loopback and not virtual, a private (site-local)
 * one first (RFC 1918: what a studio's LAN uses); "127.0.0.1" when the machine has none.
 */
final class LanAddress {
    private LanAddress() {}

    static String find() {
        String any = null;
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        if (a.isSiteLocalAddress()) {
                            return a.getHostAddress();
                        }
                        any = any == null ? a.getHostAddress() : any;
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: fall through to loopback
        }
        return any != null ? any : "127.0.0.1";
    }
}
