package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/** Reads a GetServicesResponse: every service with its namespace, address and version. */
final class ServicesParser {

    private ServicesParser() {
    }

    static List<ServiceEndpoint> parse(Element response) throws XmlContentException {
        List<ServiceEndpoint> services = new ArrayList<>();
        for (Element service : Elements.children(response, "Service")) {
            String namespace = Elements.requiredText(service, "Namespace");
            services.add(new ServiceEndpoint(namespace,
                    Elements.absoluteUri(Elements.text(service, "XAddr"), "XAddr of " + namespace),
                    new OnvifVersion(Elements.integer(service, "Version", "Major"), Elements.integer(service, "Version", "Minor"))));
        }
        if (services.isEmpty()) {
            throw new XmlContentException("GetServicesResponse lists no service");
        }
        return List.copyOf(services);
    }
}
