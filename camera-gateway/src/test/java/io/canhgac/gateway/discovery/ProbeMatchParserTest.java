package io.canhgac.gateway.discovery;

import io.canhgac.gateway.onvif.xml.XmlContentException;
import io.canhgac.gateway.onvif.xml.XmlRejectedException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ProbeMatches as cameras send them. There are no WS-Discovery captures in data/onvif; the vendor
 * message below is written after the shape Hikvision firmware sends (namespaces declared at the
 * envelope, an IPv6 link-local XAddr beside the IPv4 one, a location made of several scopes).
 */
class ProbeMatchParserTest {

    private static final String ID = "urn:uuid:6f0c5e3a-0000-4000-8000-000000000001";
    private static final InetAddress FROM = InetAddress.getLoopbackAddress();

    static String vendorMatch(String relatesTo, String epr, String xaddrs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:wsadis=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
                + "<env:Header><wsadis:MessageID>urn:uuid:c5a1b2c3-1111-4222-8333-444455556666</wsadis:MessageID>"
                + "<wsadis:RelatesTo>" + relatesTo + "</wsadis:RelatesTo>"
                + "<wsadis:To env:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsadis:To>"
                + "<wsadis:Action env:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsadis:Action>"
                + "<d:AppSequence InstanceId=\"1700000000\" MessageNumber=\"7\"/></env:Header>"
                + "<env:Body><d:ProbeMatches><d:ProbeMatch>"
                + "<wsadis:EndpointReference><wsadis:Address>" + epr + "</wsadis:Address></wsadis:EndpointReference>"
                + "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
                + "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/type/ptz"
                + " onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/hardware/DS-2DE4A425IW-DE"
                + " onvif://www.onvif.org/name/C%E1%BA%A7u%20Ch%E1%BB%A3%20Qu%E1%BA%BF%20L%E1%BB%99c"
                + " onvif://www.onvif.org/location/vn/quang-nam/nong-son/que-loc\n"
                + " onvif://www.onvif.org/location/city/nong-son</d:Scopes>"
                + "<d:XAddrs>" + xaddrs + "</d:XAddrs>"
                + "<d:MetadataVersion>10</d:MetadataVersion>"
                + "</d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>";
    }

    @Test
    void readsIdentityAddressesAndDecodedScopes() throws Exception {
        List<DiscoveredCamera> cameras = parse(vendorMatch(ID, "urn:uuid:a8098c1a-f86e-11da-bd1a-00112444be1e",
                "http://10.20.1.64/onvif/device_service http://[fe80::4a55:5cff:fe01:2345%eth0]/onvif/device_service"
                        + " http://camera%zz/onvif/device_service"));
        assertThat(cameras).hasSize(1);
        DiscoveredCamera c = cameras.get(0);
        assertThat(c.endpointReference()).isEqualTo("urn:uuid:a8098c1a-f86e-11da-bd1a-00112444be1e");
        // a broken address is left out; the others are kept in order
        assertThat(c.xaddrs()).containsExactly(URI.create("http://10.20.1.64/onvif/device_service"),
                URI.create("http://[fe80::4a55:5cff:fe01:2345%eth0]/onvif/device_service"));
        assertThat(c.metadataVersion()).isEqualTo(10);
        assertThat(c.scopes().name()).isEqualTo("Cầu Chợ Quế Lộc");
        assertThat(c.scopes().hardware()).isEqualTo("DS-2DE4A425IW-DE");
        assertThat(c.scopes().location()).isEqualTo("vn/quang-nam/nong-son/que-loc");
        assertThat(c.scopes().manufacturer()).isNull();
        assertThat(c.scopes().advertisesPtz()).isTrue();
        assertThat(c.scopes().all()).hasSize(7);
        assertThat(c.answeredFrom()).isEqualTo(FROM);
    }

    @Test
    void answersToAnotherSearchAndOtherMessagesAreNotOurs() throws Exception {
        assertThat(parse(vendorMatch("urn:uuid:someone-else", "urn:uuid:x", "http://10.20.1.64/onvif/device_service"))).isEmpty();
        String hello = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">"
                + "<env:Header/><env:Body><d:Hello/></env:Body></env:Envelope>";
        assertThat(parse(hello)).isEmpty();
    }

    @Test
    void aMatchWithoutUsableAddressesIsAnError() {
        assertThatThrownBy(() -> parse(vendorMatch(ID, "urn:uuid:x", "not-a-uri")))
                .isInstanceOf(XmlContentException.class).hasMessageContaining("no usable XAddrs");
        assertThatThrownBy(() -> parse(vendorMatch(ID, "", "http://10.20.1.64/onvif/device_service")))
                .isInstanceOf(XmlContentException.class);
    }

    @Test
    void entitiesAreRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>&e;</env:Body></env:Envelope>";
        assertThatThrownBy(() -> parse(evil)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void theProbeAsksForVideoTransmittersAndCarriesItsId() throws Exception {
        String probe = new String(ProbeMessages.probe(ID), StandardCharsets.UTF_8);
        assertThat(probe).contains("<a:MessageID>" + ID + "</a:MessageID>")
                .contains("<d:Types>dn:NetworkVideoTransmitter</d:Types>")
                .contains("http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe<");
        // well-formed for our own hardened reader
        assertThat(io.canhgac.gateway.onvif.xml.SecureXml.DEFAULT.parse(probe).getDocumentElement().getLocalName()).isEqualTo("Envelope");
    }

    private static List<DiscoveredCamera> parse(String xml) throws Exception {
        return ProbeMatchParser.parse(xml.getBytes(StandardCharsets.UTF_8), ID, FROM);
    }
}
