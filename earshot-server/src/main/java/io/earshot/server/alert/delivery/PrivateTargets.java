package io.earshot.server.alert.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps webhooks off the internal network: a URL whose host resolves to a loopback, private, carrier-grade
 * NAT, link-local (including cloud metadata at 169.254.169.254), unique-local IPv6, unspecified or multicast
 * address is refused, unless the operator allowed private targets. Checked when a rule is saved and again
 * right before each send, because a name may resolve elsewhere later (redirects are never followed).
 */
final class PrivateTargets {

    private PrivateTargets() {}

    /**
     * @throws IllegalArgumentException naming the address and how to allow it
     */
    static void check(URI url, boolean allowPrivate) {
        if (allowPrivate) {
            return;
        }
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            // not an address on any network now: nothing to protect; it is checked again before each send, and a
            // rule saved while DNS is down (or in an offline test) is not refused for it
            return;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new IllegalArgumentException("'" + host + "' resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address; set EARSHOT_ALLOW_PRIVATE_TARGETS=true to"
                        + " allow webhooks to the internal network");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            // IPv4-mapped (::ffff:a.b.c.d) and the NAT64 prefix carry an IPv4 address: judge that one
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
