package io.canhgac.gateway.onvif.device;

import java.util.List;

/**
 * What GetCapabilities says, reduced to what the gateway uses.
 *
 * @param addresses          the service addresses; the only source on cameras without GetServices
 * @param pullPointSupported the Events WSPullPointSupport flag. Not to be trusted alone: the Axis
 *                           Q6045-E says false and still creates pull points
 * @param supportedVersions  the ONVIF versions the device claims, as listed
 */
public record Capabilities(ServiceAddresses addresses, boolean pullPointSupported, List<OnvifVersion> supportedVersions) {

    public Capabilities {
        supportedVersions = List.copyOf(supportedVersions);
    }
}
