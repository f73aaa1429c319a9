package io.canhgac.simulator.onvif;

/**
 * Wraps response bodies and faults in a SOAP 1.2 (or 1.1) envelope declaring the ONVIF prefixes,
 * as real devices do, so body builders can use {@code tds:}, {@code tt:}, {@code wsnt:}... freely.
 * In SOAP 1.1 the {@code env} prefix is bound to the 1.1 namespace, so bodies need not change.
 */
final class SoapEnvelope {

    static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";
    static final String CONTENT_TYPE_11 = "text/xml; charset=utf-8";
    private static final String OPEN = open(Ns.ENV.uri());
    private static final String OPEN_11 = open(Ns.SOAP11_ENVELOPE);

    private static String open(String envelopeNamespace) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope");
        for (Ns ns : Ns.values()) {
            String uri = ns == Ns.ENV ? envelopeNamespace : ns.uri();
            b.append(" xmlns:").append(ns.prefix()).append("=\"").append(uri).append('"');
        }
        return b.append('>').toString();
    }

    private SoapEnvelope() {
    }

    static String wrap(String bodyContent) {
        return wrap(bodyContent, false);
    }

    static String wrap(String bodyContent, boolean soap11) {
        return (soap11 ? OPEN_11 : OPEN) + "<env:Body>" + bodyContent + "</env:Body></env:Envelope>";
    }

    /**
     * A SOAP 1.1 fault as gSOAP firmwares write it: no subcodes in SOAP 1.1, so ONVIF's are
     * dotted onto the faultcode ("env:Client.ter:NotAuthorized"); Sender is Client, Receiver Server.
     */
    static String fault11(SoapFault fault) {
        String code = switch (fault.code()) {
            case SENDER -> "env:Client";
            case RECEIVER -> "env:Server";
            case VERSION_MISMATCH -> "env:VersionMismatch";
        };
        StringBuilder faultcode = new StringBuilder(code);
        fault.subcodes().forEach(sub -> faultcode.append('.').append(sub));
        XmlBuilder x = new XmlBuilder().open("env:Fault").leaf("faultcode", faultcode.toString())
                .leaf("faultstring", fault.reason());
        if (fault.detailXml() != null) {
            x.open("detail").raw(fault.detailXml()).close();
        }
        return wrap(x.close().toString(), true);
    }

    static String fault(SoapFault fault) {
        XmlBuilder x = new XmlBuilder().open("env:Fault").open("env:Code").leaf("env:Value", fault.code().qualified());
        for (String subcode : fault.subcodes()) {
            x.open("env:Subcode").leaf("env:Value", subcode);
        }
        for (int i = 0; i < fault.subcodes().size(); i++) {
            x.close();
        }
        x.close()
                .open("env:Reason").leaf("env:Text", fault.reason(), "xml:lang", "en").close();
        if (fault.detailXml() != null) {
            x.open("env:Detail").raw(fault.detailXml()).close();
        }
        return wrap(x.close().toString());
    }
}
