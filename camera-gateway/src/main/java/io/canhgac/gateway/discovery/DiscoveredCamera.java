package io.canhgac.gateway.discovery;

import io.canhgac.contract.registry.DiscoveredDevice;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A device that answered a WS-Discovery Probe.
 *
 * @param endpointReference the device's stable identity (urn:uuid:…), the key results are deduplicated by
 * @param xaddrs            its device service addresses, e.g. http://10.1.2.11/onvif/device_service
 * @param scopes            what it advertises about itself, read into the fields below
 * @param answeredFrom      the address the answer came from
 * @param metadataVersion   grows when the device's metadata changes
 */
public record DiscoveredCamera(String endpointReference, List<URI> xaddrs, OnvifScopes scopes,
                               InetAddress answeredFrom, long metadataVersion) {

    public DiscoveredCamera {
        xaddrs = List.copyOf(xaddrs);
        if (xaddrs.isEmpty()) {
            throw new IllegalArgumentException("camera " + endpointReference + " gave no address to reach it at");
        }
    }

    /** As the technician sees it at the centre, before onboarding. */
    public DiscoveredDevice device() {
        return new DiscoveredDevice(endpointReference, deviceService().toString(), answeredFrom.getHostAddress(),
                scopes.name(), scopes.manufacturer(), scopes.hardware(), scopes.location(), null);
    }

    /** The device service to onboard the camera with: the first address of the host that answered, else the first. */
    public URI deviceService() {
        String from = answeredFrom.getHostAddress();
        return xaddrs.stream().filter(u -> from.equals(u.getHost())).findFirst().orElse(xaddrs.get(0));
    }
}
