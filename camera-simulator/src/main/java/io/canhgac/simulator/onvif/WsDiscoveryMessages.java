package io.canhgac.simulator.onvif;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one device's WS-Discovery messages — Hello, Bye, ProbeMatches — with the AppSequence
 * header that lets searchers order them: InstanceId grows at every start, MessageNumber with
 * every message.
 */
final class WsDiscoveryMessages {

    static final String DISCOVERY_TO = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";
    static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private static final String ACTION = "http://schemas.xmlsoap.org/ws/2005/04/discovery/";
    private static final String TYPES = "dn:NetworkVideoTransmitter tds:Device";

    private final DiscoveryEndpoint endpoint;
    private final long instanceId;
    private final AtomicLong messageNumber = new AtomicLong();

    WsDiscoveryMessages(DiscoveryEndpoint endpoint, long instanceId) {
        this.endpoint = endpoint;
        this.instanceId = instanceId;
    }

    String hello() {
        XmlBuilder body = new XmlBuilder().open("d:Hello");
        description(body);
        return envelope("Hello", DISCOVERY_TO, null, body.close());
    }

    String bye() {
        XmlBuilder body = new XmlBuilder().open("d:Bye")
                .open("wsadis:EndpointReference").leaf("wsadis:Address", endpoint.endpointReference()).close()
                .close();
        return envelope("Bye", DISCOVERY_TO, null, body);
    }

    String probeMatches(String relatesTo) {
        XmlBuilder body = new XmlBuilder().open("d:ProbeMatches").open("d:ProbeMatch");
        description(body);
        return envelope("ProbeMatches", ANONYMOUS, relatesTo, body.close().close());
    }

    private void description(XmlBuilder x) {
        x.open("wsadis:EndpointReference").leaf("wsadis:Address", endpoint.endpointReference()).close()
                .leaf("d:Types", TYPES)
                .leaf("d:Scopes", String.join(" ", endpoint.scopes()))
                .leaf("d:XAddrs", endpoint.xaddrs())
                .leaf("d:MetadataVersion", 1);
    }

    private String envelope(String action, String to, String relatesTo, XmlBuilder body) {
        XmlBuilder header = new XmlBuilder()
                .leaf("wsadis:MessageID", "urn:uuid:" + UUID.randomUUID());
        if (relatesTo != null && !relatesTo.isEmpty()) {
            header.leaf("wsadis:RelatesTo", relatesTo);
        }
        header.leaf("wsadis:To", to)
                .leaf("wsadis:Action", ACTION + action)
                .empty("d:AppSequence", "InstanceId", String.valueOf(instanceId),
                        "MessageNumber", String.valueOf(messageNumber.incrementAndGet()));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"" + Ns.ENV.uri() + "\" xmlns:wsadis=\"" + Ns.WSADIS.uri()
                + "\" xmlns:d=\"" + Ns.WSD.uri() + "\" xmlns:dn=\"" + Ns.DN.uri() + "\" xmlns:tds=\"" + Ns.TDS.uri() + "\">"
                + "<env:Header>" + header + "</env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
    }
}
