package io.canhgac.gateway.onvif;

import java.net.URI;
import java.util.List;

/**
 * The WS-Addressing headers a call to an event subscription carries: To names the subscription,
 * the reference parameters identify it where the address alone does not.
 */
public record WsAddressing(URI to, List<ReferenceParameter> referenceParameters) {

    public WsAddressing {
        referenceParameters = List.copyOf(referenceParameters);
    }
}
