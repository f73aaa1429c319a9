package io.canhgac.gateway.onvif;

import java.util.Optional;

/** The ONVIF services the gateway knows by name, each with the WSDL namespace that identifies it. */
public enum OnvifService {
    DEVICE("http://www.onvif.org/ver10/device/wsdl"),
    MEDIA("http://www.onvif.org/ver10/media/wsdl"),
    MEDIA2("http://www.onvif.org/ver20/media/wsdl"),
    EVENTS("http://www.onvif.org/ver10/events/wsdl"),
    PTZ("http://www.onvif.org/ver20/ptz/wsdl"),
    IMAGING("http://www.onvif.org/ver20/imaging/wsdl"),
    ANALYTICS("http://www.onvif.org/ver20/analytics/wsdl"),
    DEVICE_IO("http://www.onvif.org/ver10/deviceIO/wsdl"),
    RECORDING("http://www.onvif.org/ver10/recording/wsdl"),
    SEARCH("http://www.onvif.org/ver10/search/wsdl"),
    REPLAY("http://www.onvif.org/ver10/replay/wsdl");

    private final String namespace;

    OnvifService(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    /** The service a GetServices namespace names; vendor namespaces (urn:schemas-pelco-com:...) have none. */
    public static Optional<OnvifService> byNamespace(String namespace) {
        for (OnvifService s : values()) {
            if (s.namespace.equals(namespace)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
