package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The WS-Discovery scenario {@link WsDiscoveryNamespaceTest} runs in a child JVM inside a network
 * namespace of its own: three cameras on 127.0.0.11-13 sharing the multicast group, a searcher
 * probing by multicast and by unicast, Hello and Bye heard on the group. Prints one line per
 * observation, prefixed {@code SCENARIO}; the test asserts on them. Refuses to run unless the only
 * network interface is {@code lo}, so it can never multicast onto a real network.
 */
final class WsDiscoveryScenario {

    private static final Duration WINDOW = Duration.ofMillis(1500);

    private WsDiscoveryScenario() {
    }

    public static void main(String[] args) throws Exception {
        List<String> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream().map(NetworkInterface::getName).toList();
        if (!interfaces.equals(List.of("lo"))) {
            System.out.println("SCENARIO REFUSED interfaces " + interfaces);
            System.exit(3);
        }
        WsDiscoveryConfig config = WsDiscoveryConfig.loopback();
        NetworkInterface lo = NetworkInterface.getByName("lo");
        InetSocketAddress groupAddress = new InetSocketAddress(config.multicastGroup(), config.port());
        EventLoopGroup group = new NioEventLoopGroup(2);
        List<OnvifDeviceServer> servers = new ArrayList<>();
        List<WsDiscoveryResponder> responders = new ArrayList<>();
        try (DatagramChannel listener = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel searcher = DatagramChannel.open(StandardProtocolFamily.INET)) {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(groupAddress);
            listener.join(config.multicastGroup(), lo);
            listener.configureBlocking(false);
            searcher.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            searcher.bind(new InetSocketAddress("127.0.0.2", 0));
            searcher.configureBlocking(false);

            String[] locations = {"vn/quang-nam/nong-son/que-loc", "vn/quang-nam/nong-son/que-loc", "vn/quang-nam/nong-son/son-vien"};
            for (int i = 0; i < 3; i++) {
                DeviceIdentity identity = new DeviceIdentity("Canh Gac", "CG-PTZ-720", "1.4.2", "CG-DISC-" + i, "CG-HW-3",
                        "Camera " + i, locations[i]);
                OnvifDevice device = TestDevices.device(identity, Clock.systemUTC());
                OnvifDeviceServer server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0." + (11 + i), 0), device);
                server.start();
                servers.add(server);
                WsDiscoveryResponder responder = new WsDiscoveryResponder(group, server, config);
                responder.start();
                responders.add(responder);
                System.out.println("SCENARIO DEVICE " + identity.endpointReference() + " " + server.deviceServiceUrl());
            }
            for (String xml : receive(listener)) {
                if (xml.contains("/discovery/Hello<")) {
                    System.out.println("SCENARIO HELLO " + field(xml, "Address") + " " + field(xml, "XAddrs"));
                }
            }

            probe(searcher, groupAddress, "all", "dn:NetworkVideoTransmitter", "");
            probe(searcher, groupAddress, "queloc", "dn:NetworkVideoTransmitter", "onvif://www.onvif.org/location/vn/quang-nam/nong-son/que-loc");
            probe(searcher, groupAddress, "printer", "dn:Printer", "");
            probe(searcher, new InetSocketAddress("127.0.0.12", config.port()), "unicast", "dn:NetworkVideoTransmitter", "");

            receive(listener); // drop the probes the listener overheard
            responders.get(2).stop();
            for (String xml : receive(listener)) {
                if (xml.contains("/discovery/Bye<")) {
                    System.out.println("SCENARIO BYE " + field(xml, "Address"));
                }
            }
            System.out.println("SCENARIO DONE");
        } finally {
            responders.forEach(WsDiscoveryResponder::stop);
            servers.forEach(OnvifDeviceServer::stop);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void probe(DatagramChannel searcher, InetSocketAddress to, String label, String types, String scopes) throws Exception {
        String id = "urn:uuid:" + UUID.randomUUID();
        searcher.send(ByteBuffer.wrap(WsDiscoveryHandlerTest.probe(id, types, scopes, null).getBytes(StandardCharsets.UTF_8)), to);
        long deadline = System.nanoTime() + WINDOW.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (System.nanoTime() < deadline) {
            buffer.clear();
            SocketAddress from = searcher.receive(buffer);
            if (from == null) {
                Thread.sleep(10);
                continue;
            }
            buffer.flip();
            String xml = StandardCharsets.UTF_8.decode(buffer).toString();
            System.out.println("SCENARIO MATCH " + label + " " + (field(xml, "RelatesTo").equals(id) ? "related" : "unrelated")
                    + " " + field(xml, "Address") + " " + field(xml, "XAddrs") + " "
                    + ((InetSocketAddress) from).getAddress().getHostAddress());
        }
    }

    private static List<String> receive(DatagramChannel channel) throws Exception {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + WINDOW.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (System.nanoTime() < deadline) {
            buffer.clear();
            if (channel.receive(buffer) == null) {
                Thread.sleep(10);
                continue;
            }
            buffer.flip();
            out.add(StandardCharsets.UTF_8.decode(buffer).toString());
        }
        return out;
    }

    /** The text of the first element with this local name, whatever its prefix. */
    private static String field(String xml, String local) {
        var m = java.util.regex.Pattern.compile("<(?:\\w+:)?" + local + "(?:\\s[^>]*)?>([^<]*)</").matcher(xml);
        return m.find() ? m.group(1).trim() : "-";
    }
}
