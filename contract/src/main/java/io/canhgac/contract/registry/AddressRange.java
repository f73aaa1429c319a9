package io.canhgac.contract.registry;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 addresses to sweep (the range of a discovery sweep, as technicians type it and the
 * centre sends it to a commune's gateway), first to last inclusive: a commune's camera subnet behind a
 * router that multicast does not cross.
 */
public record AddressRange(Inet4Address first, Inet4Address last) {

    /** A larger sweep is a typo (a /8 for a /24), not a camera network. */
    public static final int MAX_SIZE = 65_536;

    public AddressRange {
        long from = toLong(first);
        long to = toLong(last);
        if (to < from) {
            throw new IllegalArgumentException("address range ends before it starts: " + first.getHostAddress()
                    + " - " + last.getHostAddress());
        }
        if (to - from + 1 > MAX_SIZE) {
            throw new IllegalArgumentException("address range of " + (to - from + 1) + " addresses is larger than "
                    + MAX_SIZE + "; sweep one commune subnet at a time");
        }
    }

    /**
     * "10.1.2.0/24" (hosts only, without network and broadcast addresses) or
     * "10.1.2.10-10.1.2.60".
     */
    public static AddressRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        if (dash > 0) {
            return new AddressRange(ipv4(t.substring(0, dash)), ipv4(t.substring(dash + 1)));
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            Inet4Address one = ipv4(t);
            return new AddressRange(one, one);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        if (prefix < 16 || prefix > 32) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of 16..32 in " + text);
        }
        long base = toLong(ipv4(t.substring(0, slash))) & (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        long size = 1L << (32 - prefix);
        // /31 and /32 have no network or broadcast address to leave out
        long from = prefix >= 31 ? base : base + 1;
        long to = prefix >= 31 ? base + size - 1 : base + size - 2;
        return new AddressRange(fromLong(from), fromLong(to));
    }

    public int size() {
        return (int) (toLong(last) - toLong(first) + 1);
    }

    public Inet4Address address(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return fromLong(toLong(first) + index);
    }

    /** Whether every address is in 127.0.0.0/8. */
    public boolean isLoopback() {
        return first.isLoopbackAddress() && last.isLoopbackAddress();
    }

    @Override
    public String toString() {
        return first.getHostAddress() + "-" + last.getHostAddress();
    }

    private static Inet4Address ipv4(String text) {
        String t = text.trim();
        if (!t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address: '" + t + "'");
        }
        try {
            // a literal: no name lookup happens
            return (Inet4Address) InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: '" + t + "'", e);
        }
    }

    private static long toLong(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static Inet4Address fromLong(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
