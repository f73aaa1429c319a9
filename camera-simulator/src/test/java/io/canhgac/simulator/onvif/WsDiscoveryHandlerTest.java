package io.canhgac.simulator.onvif;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Probe parsing, matching and answering, without a network: datagrams through an EmbeddedChannel. */
class WsDiscoveryHandlerTest {

    private static final String LOCATION = "onvif://www.onvif.org/location/vn/quang-nam/nong-son/que-loc";
    private final DeviceIdentity identity = TestDevices.identity("CG20260001", "Cổng UBND");
    private final DiscoveryEndpoint endpoint = new DiscoveryEndpoint(identity.endpointReference(),
            identity.scopes(true), "http://127.0.0.11:8080/onvif/device_service");
    private final WsDiscoveryMessages messages = new WsDiscoveryMessages(endpoint, 1_770_000_000L);
    private final InetSocketAddress searcher = new InetSocketAddress("127.0.0.2", 40000);
    private final InetSocketAddress device = new InetSocketAddress("127.0.0.11", 3702);

    static String probe(String messageId, String types, String scopes, String matchBy) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\""
                + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                + "<s:Header><a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>"
                + "<s:Body><d:Probe><d:Types>" + types + "</d:Types>"
                + "<d:Scopes" + (matchBy == null ? "" : " MatchBy=\"" + matchBy + "\"") + ">" + scopes + "</d:Scopes>"
                + "</d:Probe></s:Body></s:Envelope>";
    }

    @Test
    void parsesTypesByNamespaceNotPrefix() throws Exception {
        String odd = probe("urn:uuid:1", "x:NetworkVideoTransmitter", "", null)
                .replace("<d:Types>", "<d:Types xmlns:x=\"http://www.onvif.org/ver10/network/wsdl\">");
        DiscoveryProbe p = DiscoveryProbe.parse(new SafeXmlParser(), odd.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(p.messageId()).isEqualTo("urn:uuid:1");
        assertThat(p.types()).containsExactly(new QName(Ns.DN.uri(), "NetworkVideoTransmitter"));
        assertThat(p.matchBy()).isEqualTo(DiscoveryProbe.MATCH_RFC2396);
        assertThat(endpoint.matches(p)).isTrue();
    }

    @Test
    void matchesTypesAndScopesAsWsDiscoverySays() throws Exception {
        assertThat(matches("dn:NetworkVideoTransmitter", "")).isTrue();
        assertThat(matches("tds:Device dn:NetworkVideoTransmitter", "")).isTrue();
        assertThat(matches("", "")).isTrue(); // an empty probe asks everyone
        assertThat(matches("dn:Printer", "")).isFalse();
        assertThat(matches("dn:NetworkVideoTransmitter", LOCATION)).isTrue();
        assertThat(matches("", "onvif://www.onvif.org/location/vn")).isTrue();
        assertThat(matches("", "ONVIF://WWW.ONVIF.ORG/location/vn/quang-nam")).isTrue();
        assertThat(matches("", "onvif://www.onvif.org/location/v")).isFalse(); // segments, not characters
        assertThat(matches("", LOCATION + " onvif://www.onvif.org/name/Other")).isFalse(); // every scope must match
        assertThat(matchesBy(LOCATION, DiscoveryProbe.MATCH_STRCMP0)).isTrue();
        assertThat(matchesBy("onvif://www.onvif.org/location/vn", DiscoveryProbe.MATCH_STRCMP0)).isFalse();
        assertThat(matchesBy(LOCATION, "urn:unknown-rule")).isFalse();
    }

    @Test
    void answersAUnicastProbeAtOnceWithItsOwnDescription() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WsDiscoveryHandler(() -> endpoint, () -> messages, null, Duration.ZERO));
        ch.writeInbound(datagram(probe("urn:uuid:probe-7", "dn:NetworkVideoTransmitter", "", null)));
        DatagramPacket answer = ch.readOutbound();
        assertThat(answer).isNotNull();
        assertThat(answer.recipient()).isEqualTo(searcher);
        Document doc = parse(answer.content().toString(StandardCharsets.UTF_8));
        answer.release();
        assertThat(text(doc, Ns.WSADIS, "RelatesTo")).isEqualTo("urn:uuid:probe-7");
        assertThat(text(doc, Ns.WSADIS, "Action")).isEqualTo("http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches");
        Element match = (Element) doc.getElementsByTagNameNS(Ns.WSD.uri(), "ProbeMatch").item(0);
        assertThat(match).isNotNull();
        assertThat(text(match, Ns.WSADIS, "Address")).isEqualTo(identity.endpointReference()).startsWith("urn:uuid:");
        assertThat(text(match, Ns.WSD, "Types")).isEqualTo("dn:NetworkVideoTransmitter tds:Device");
        assertThat(List.of(text(match, Ns.WSD, "Scopes").split(" "))).contains(
                "onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/name/C%E1%BB%95ng%20UBND",
                "onvif://www.onvif.org/hardware/CG-PTZ-720", LOCATION);
        assertThat(text(match, Ns.WSD, "XAddrs")).isEqualTo("http://127.0.0.11:8080/onvif/device_service");
        Element sequence = (Element) doc.getElementsByTagNameNS(Ns.WSD.uri(), "AppSequence").item(0);
        assertThat(sequence.getAttribute("InstanceId")).isEqualTo("1770000000");
        assertThat(Long.parseLong(sequence.getAttribute("MessageNumber"))).isPositive();
        ch.finishAndReleaseAll();
    }

    @Test
    void staysSilentForNonMatchingProbesOtherMessagesGarbageAndStrangers() {
        EmbeddedChannel ch = new EmbeddedChannel(new WsDiscoveryHandler(() -> endpoint, () -> messages, null, Duration.ZERO));
        ch.writeInbound(datagram(probe("urn:uuid:1", "dn:Printer", "", null)));
        ch.writeInbound(datagram(messages.hello()));
        ch.writeInbound(datagram("<not-closed"));
        ch.writeInbound(datagram("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
        ch.writeInbound(new DatagramPacket(Unpooled.copiedBuffer(probe("urn:uuid:2", "", "", null), StandardCharsets.UTF_8),
                device, new InetSocketAddress("192.0.2.1", 3702)));
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.isActive()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void helloAndByeCarryTheEndpointAndNumbersGrow() throws Exception {
        Document hello = parse(messages.hello());
        Document bye = parse(messages.bye());
        assertThat(text(hello, Ns.WSADIS, "Action")).endsWith("/Hello");
        assertThat(text(hello, Ns.WSADIS, "To")).isEqualTo(WsDiscoveryMessages.DISCOVERY_TO);
        assertThat(text(hello, Ns.WSD, "XAddrs")).isEqualTo(endpoint.xaddrs());
        assertThat(text(bye, Ns.WSADIS, "Action")).endsWith("/Bye");
        assertThat(text(bye, Ns.WSADIS, "Address")).isEqualTo(identity.endpointReference());
        long first = Long.parseLong(((Element) hello.getElementsByTagNameNS(Ns.WSD.uri(), "AppSequence").item(0)).getAttribute("MessageNumber"));
        long second = Long.parseLong(((Element) bye.getElementsByTagNameNS(Ns.WSD.uri(), "AppSequence").item(0)).getAttribute("MessageNumber"));
        assertThat(second).isGreaterThan(first);
        // The reference is stable for a serial number and differs between cameras.
        assertThat(identity.endpointReference()).isEqualTo(TestDevices.identity("CG20260001", "renamed").endpointReference())
                .isNotEqualTo(TestDevices.identity("CG20260002", "Cổng UBND").endpointReference());
    }

    private boolean matches(String types, String scopes) throws SoapFault {
        return matchesProbe(probe("urn:uuid:m", types, scopes, null));
    }

    private boolean matchesBy(String scopes, String matchBy) throws SoapFault {
        return matchesProbe(probe("urn:uuid:m", "", scopes, matchBy));
    }

    private boolean matchesProbe(String xml) throws SoapFault {
        return endpoint.matches(DiscoveryProbe.parse(new SafeXmlParser(), xml.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    }

    private DatagramPacket datagram(String xml) {
        return new DatagramPacket(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8), device, searcher);
    }

    static Document parse(String xml) throws Exception {
        return new SafeXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String text(Document doc, Ns ns, String local) {
        return doc.getElementsByTagNameNS(ns.uri(), local).item(0).getTextContent().trim();
    }

    static String text(Element e, Ns ns, String local) {
        return e.getElementsByTagNameNS(ns.uri(), local).item(0).getTextContent().trim();
    }
}
