package io.canhgac.gateway.discovery;

import io.canhgac.contract.registry.AddressRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One camera with two addresses (127.0.77.1 and .2) answers the sweep twice, and a broken device
 * (.3) answers garbage: the result lists the camera once, with both addresses.
 */
@Timeout(30)
class SweepDeduplicationTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        sockets.forEach(DatagramSocket::close);
        for (Thread t : threads) {
            t.join(2000);
        }
    }

    @Test
    void aCameraAnsweringOnTwoAddressesIsListedOnceWithBoth() throws Exception {
        String epr = "urn:uuid:11111111-2222-4333-8444-555555555555";
        respond("127.0.77.1", id -> ProbeMatchParserTest.vendorMatch(id, epr, "http://127.0.77.1/onvif/device_service"));
        respond("127.0.77.2", id -> ProbeMatchParserTest.vendorMatch(id, epr, "http://127.0.77.2/onvif/device_service"));
        respond("127.0.77.3", id -> "<not-xml");

        List<DiscoveredCamera> found = WsDiscoveryProbe.loopbackOnly()
                .sweep(AddressRange.parse("127.0.77.1-127.0.77.4"), new SweepSettings(4, Duration.ofMillis(500)), SweepListener.NONE);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).endpointReference()).isEqualTo(epr);
        assertThat(found.get(0).xaddrs()).containsExactlyInAnyOrder(
                URI.create("http://127.0.77.1/onvif/device_service"), URI.create("http://127.0.77.2/onvif/device_service"));
        assertThat(found.get(0).deviceService().getHost()).isEqualTo(found.get(0).answeredFrom().getHostAddress());
    }

    /** A one-shot responder on {@code address}:3702 answering the first Probe with {@code answer(messageId)}. */
    private void respond(String address, java.util.function.Function<String, String> answer) throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, WsDiscoveryProbe.PORT));
        sockets.add(socket);
        Thread t = new Thread(() -> {
            try {
                DatagramPacket in = new DatagramPacket(new byte[65_536], 65_536);
                socket.receive(in);
                Matcher m = MESSAGE_ID.matcher(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8));
                if (m.find()) {
                    byte[] out = answer.apply(m.group(1)).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
                }
            } catch (java.io.IOException e) {
                // closed by the test's end
            }
        }, "fake-responder-" + address);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }
}
