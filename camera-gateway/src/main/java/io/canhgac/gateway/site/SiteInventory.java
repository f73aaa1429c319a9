package io.canhgac.gateway.site;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;

import java.util.Objects;

/**
 * The inventory a site keeps itself ({@code GatewayMain --inventory FILE}): its communes and cameras,
 * each reached over ONVIF at its {@code host} or, for a camera without one, by its {@code streamUrl}.
 *
 * @param onvifPort the ONVIF port of a camera whose host has none (80 unless the site says otherwise)
 */
public record SiteInventory(DistrictInventory inventory, int onvifPort) {

    public static final int DEFAULT_ONVIF_PORT = 80;

    public SiteInventory {
        Objects.requireNonNull(inventory, "inventory");
        if (onvifPort < 1 || onvifPort > 65535) {
            throw new IllegalArgumentException("onvifPort must be 1..65535, got " + onvifPort);
        }
    }

    /**
     * Where to onboard the camera over ONVIF: its host as written when it has a port or is the device
     * service's URL, else the host at {@link #onvifPort}; null for a camera known by its stream URL only.
     */
    public String onvifAddress(CameraSpec camera) {
        String host = camera.host();
        if (host == null || host.isBlank()) {
            return null;
        }
        host = host.trim();
        if (host.contains("://") || host.contains(":") || onvifPort == DEFAULT_ONVIF_PORT) {
            return host;
        }
        return host + ":" + onvifPort;
    }
}
