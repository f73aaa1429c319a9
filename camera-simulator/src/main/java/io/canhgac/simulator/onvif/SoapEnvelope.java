package io.canhgac.simulator.onvif;

/**
 * Wraps response bodies and faults in a SOAP 1.2 envelope declaring the ONVIF prefixes, as real
 * devices do, so body builders can use {@code tds:}, {@code tt:}, {@code wsnt:}... freely.
 */
final class SoapEnvelope {

    static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";
    private static final String OPEN;

    static {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope");
        for (Ns ns : Ns.values()) {
            b.append(" xmlns:").append(ns.prefix()).append("=\"").append(ns.uri()).append('"');
        }
        OPEN = b.append('>').toString();
    }

    private SoapEnvelope() {
    }

    static String wrap(String bodyContent) {
        return OPEN + "<env:Body>" + bodyContent + "</env:Body></env:Envelope>";
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
