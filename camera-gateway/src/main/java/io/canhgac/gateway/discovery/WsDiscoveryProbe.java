package io.canhgac.gateway.discovery;

import io.canhgac.contract.registry.AddressRange;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import io.canhgac.gateway.onvif.xml.XmlRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds ONVIF cameras with WS-Discovery Probes: by multicast on one chosen interface (the
 * gateway's own segment), and by a unicast sweep of an address range, because the routers between
 * commune networks do not carry multicast. Results are deduplicated by endpoint reference, so a
 * camera with two addresses, or that answers twice, is listed once. Blocking: a technician's
 * action, run it on a thread of its own.
 */
public final class WsDiscoveryProbe {

    private static final Logger log = LoggerFactory.getLogger(WsDiscoveryProbe.class);
    public static final InetSocketAddress GROUP = new InetSocketAddress(ipv4("239.255.255.250"), 3702);
    public static final int PORT = 3702;

    private final InetAddress bindAddress;
    private final boolean loopbackOnly;

    private WsDiscoveryProbe(InetAddress bindAddress, boolean loopbackOnly) {
        this.bindAddress = bindAddress;
        this.loopbackOnly = loopbackOnly;
    }

    /** Probes any network the gateway can reach. */
    public static WsDiscoveryProbe anyNetwork() {
        return new WsDiscoveryProbe(null, false);
    }

    /** Refuses every target outside 127.0.0.0/8 and every interface but loopback: for tests and demos. */
    public static WsDiscoveryProbe loopbackOnly() {
        return new WsDiscoveryProbe(ipv4("127.0.0.1"), true);
    }

    /**
     * Multicasts one Probe on {@code nif} (TTL 1: cameras are on the gateway's own segment) and
     * collects answers for {@code window}; ONVIF devices answer within a random delay of up to 500 ms.
     */
    public List<DiscoveredCamera> multicast(NetworkInterface nif, Duration window) throws IOException {
        if (loopbackOnly && !nif.isLoopback()) {
            throw new IllegalArgumentException("this probe multicasts on loopback only, not on " + nif.getName());
        }
        String messageId = "urn:uuid:" + UUID.randomUUID();
        Map<String, DiscoveredCamera> found = new LinkedHashMap<>();
        try (MulticastSocket socket = new MulticastSocket(null)) {
            socket.bind(new InetSocketAddress(bindAddress, 0));
            socket.setNetworkInterface(nif);
            socket.setTimeToLive(1);
            byte[] probe = ProbeMessages.probe(messageId);
            socket.send(new DatagramPacket(probe, probe.length, GROUP));
            collect(socket, messageId, System.nanoTime() + window.toNanos(), found);
        }
        log.info("WS-Discovery multicast on {}: {} cameras", nif.getName(), found.size());
        return List.copyOf(found.values());
    }

    /**
     * Sends a unicast Probe to every address of the range, {@code settings.batchSize()} at a time,
     * each batch followed by a wait for answers, and tells the listener after each batch.
     */
    public List<DiscoveredCamera> sweep(AddressRange range, SweepSettings settings, SweepListener listener) throws IOException {
        if (loopbackOnly && !range.isLoopback()) {
            throw new IllegalArgumentException("this probe sweeps loopback addresses only, not " + range);
        }
        String messageId = "urn:uuid:" + UUID.randomUUID(); // one search: every answer relates to it
        byte[] probe = ProbeMessages.probe(messageId);
        Map<String, DiscoveredCamera> found = new LinkedHashMap<>();
        int total = range.size();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bindAddress, 0))) {
            for (int start = 0; start < total; start += settings.batchSize()) {
                int end = Math.min(total, start + settings.batchSize());
                long deadline = System.nanoTime() + settings.answerWait().toNanos();
                send(socket, probe, range, start, end, Set.of());
                // SOAP-over-UDP repeats unicast messages: a probe or answer lost on a lossy link gets a second chance
                collect(socket, messageId, deadline - settings.answerWait().toNanos() / 2, found);
                send(socket, probe, range, start, end, answered(found));
                collect(socket, messageId, deadline, found);
                listener.progress(new SweepProgress(end, total, found.size()));
            }
        }
        log.info("WS-Discovery sweep of {}: {} cameras", range, found.size());
        return List.copyOf(found.values());
    }

    private static void send(DatagramSocket socket, byte[] probe, AddressRange range, int from, int to,
                             Set<InetAddress> skip) throws IOException {
        for (int i = from; i < to; i++) {
            if (!skip.contains(range.address(i))) {
                socket.send(new DatagramPacket(probe, probe.length, new InetSocketAddress(range.address(i), PORT)));
            }
        }
    }

    private static Set<InetAddress> answered(Map<String, DiscoveredCamera> found) {
        Set<InetAddress> from = new HashSet<>();
        found.values().forEach(c -> from.add(c.answeredFrom()));
        return from;
    }

    private static void collect(DatagramSocket socket, String messageId, long deadline,
                                Map<String, DiscoveredCamera> found) throws IOException {
        byte[] buffer = new byte[65_536];
        while (true) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.max(1, remainingMillis));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return;
            } catch (PortUnreachableException e) {
                continue; // an ICMP answer from an address without a responder
            }
            byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());
            try {
                for (DiscoveredCamera camera : ProbeMatchParser.parse(datagram, messageId, packet.getAddress())) {
                    found.merge(camera.endpointReference(), camera, WsDiscoveryProbe::merge);
                }
            } catch (XmlRejectedException | XmlContentException e) {
                log.debug("Ignoring an unreadable WS-Discovery answer from {}: {}", packet.getAddress(), e.getMessage());
            }
        }
    }

    /** The same device twice: keep the newer metadata, with every address either answer gave. */
    private static DiscoveredCamera merge(DiscoveredCamera known, DiscoveredCamera again) {
        DiscoveredCamera newer = again.metadataVersion() > known.metadataVersion() ? again : known;
        List<URI> xaddrs = new ArrayList<>(newer.xaddrs());
        (newer == known ? again : known).xaddrs().stream().filter(x -> !xaddrs.contains(x)).forEach(xaddrs::add);
        return new DiscoveredCamera(newer.endpointReference(), xaddrs, newer.scopes(), newer.answeredFrom(),
                newer.metadataVersion());
    }

    private static InetAddress ipv4(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
