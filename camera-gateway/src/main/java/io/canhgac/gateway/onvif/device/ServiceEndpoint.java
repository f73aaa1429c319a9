package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.OnvifService;

import java.net.URI;
import java.util.Optional;

/**
 * One service a camera lists in GetServices.
 *
 * @param namespace the service's WSDL namespace, standard or vendor (urn:schemas-pelco-com:...)
 * @param xaddr     where to send that service's requests
 * @param version   the service's version
 */
public record ServiceEndpoint(String namespace, URI xaddr, OnvifVersion version) {

    /** The standard service this is, empty for vendor services. */
    public Optional<OnvifService> service() {
        return OnvifService.byNamespace(namespace);
    }
}
