package io.canhgac.simulator.onvif;

/** The XML namespaces the device speaks, with the prefixes real devices use for them. */
enum Ns {
    ENV("env", "http://www.w3.org/2003/05/soap-envelope"),
    XS("xs", "http://www.w3.org/2001/XMLSchema"),
    WSA("wsa", "http://www.w3.org/2005/08/addressing"),
    WSSE("wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"),
    WSU("wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"),
    WSNT("wsnt", "http://docs.oasis-open.org/wsn/b-2"),
    WSRF_BF("wsrf-bf", "http://docs.oasis-open.org/wsrf/bf-2"),
    WSRF_R("wsrf-r", "http://docs.oasis-open.org/wsrf/r-2"),
    WSTOP("wstop", "http://docs.oasis-open.org/wsn/t-1"),
    TT("tt", "http://www.onvif.org/ver10/schema"),
    TDS("tds", "http://www.onvif.org/ver10/device/wsdl"),
    TRT("trt", "http://www.onvif.org/ver10/media/wsdl"),
    TR2("tr2", "http://www.onvif.org/ver20/media/wsdl"),
    TIMG("timg", "http://www.onvif.org/ver20/imaging/wsdl"),
    TEV("tev", "http://www.onvif.org/ver10/events/wsdl"),
    TPTZ("tptz", "http://www.onvif.org/ver20/ptz/wsdl"),
    TSE("tse", "http://www.onvif.org/ver10/search/wsdl"),
    TRP("trp", "http://www.onvif.org/ver10/replay/wsdl"),
    TER("ter", "http://www.onvif.org/ver10/error"),
    TNS1("tns1", "http://www.onvif.org/ver10/topics"),
    DN("dn", "http://www.onvif.org/ver10/network/wsdl"),
    /** WS-Discovery (April 2005, the version ONVIF requires) and the WS-Addressing it uses. */
    WSD("d", "http://schemas.xmlsoap.org/ws/2005/04/discovery"),
    WSADIS("wsadis", "http://schemas.xmlsoap.org/ws/2004/08/addressing");

    /** SOAP 1.1, which ONVIF does not prescribe but older firmwares and clients still speak. */
    static final String SOAP11_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    private final String prefix;
    private final String uri;

    Ns(String prefix, String uri) {
        this.prefix = prefix;
        this.uri = uri;
    }

    String prefix() {
        return prefix;
    }

    String uri() {
        return uri;
    }

    /** {@code prefix:local}, for element names in responses. */
    String q(String local) {
        return prefix + ":" + local;
    }
}
