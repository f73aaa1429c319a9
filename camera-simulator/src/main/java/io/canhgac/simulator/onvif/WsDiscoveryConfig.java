package io.canhgac.simulator.onvif;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where WS-Discovery listens and announces. The interface must be a loopback one: the simulator
 * never puts multicast on a real network.
 *
 * @param maxReplyDelay upper bound of the random wait before answering a multicast Probe, so a
 *                      district of cameras does not answer in one burst (WS-Discovery APP_MAX_DELAY)
 */
public record WsDiscoveryConfig(InetAddress multicastGroup, int port, String interfaceName, Duration maxReplyDelay) {

    public static final String GROUP = "239.255.255.250";
    public static final int PORT = 3702;

    public WsDiscoveryConfig {
        Objects.requireNonNull(multicastGroup, "multicastGroup");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(maxReplyDelay, "maxReplyDelay");
        if (!multicastGroup.isMulticastAddress()) {
            throw new IllegalArgumentException(multicastGroup + " is not a multicast group");
        }
    }

    /** The standard group and port on the {@code lo} interface, answering within 500 ms. */
    public static WsDiscoveryConfig loopback() {
        try {
            return new WsDiscoveryConfig(InetAddress.getByName(GROUP), PORT, "lo", Duration.ofMillis(500));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured interface, refused unless it is loopback and up. */
    NetworkInterface loopbackInterface() throws SocketException {
        NetworkInterface nif = NetworkInterface.getByName(interfaceName);
        if (nif == null || !nif.isLoopback() || !nif.isUp()) {
            throw new SocketException("WS-Discovery stays on a loopback interface that is up; '" + interfaceName + "' is not one");
        }
        return nif;
    }
}
