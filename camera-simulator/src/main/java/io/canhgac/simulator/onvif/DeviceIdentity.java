package io.canhgac.simulator.onvif;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a simulated camera says it is: what GetDeviceInformation answers and what its WS-Discovery
 * scopes advertise.
 *
 * @param location where it hangs, as path segments joined by '/', e.g. {@code vn/quang-nam/nong-son/que-loc}
 */
public record DeviceIdentity(String manufacturer, String model, String firmwareVersion, String serialNumber,
                             String hardwareId, String name, String location) {

    public DeviceIdentity {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(hardwareId, "hardwareId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        if (serialNumber.isBlank()) {
            throw new IllegalArgumentException("a device needs a serial number: its discovery identity derives from it");
        }
    }

    /**
     * The WS-Discovery endpoint reference, stable across restarts because it derives from the serial
     * number, as a real camera's does from its MAC address.
     */
    public String endpointReference() {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("canhgac-camera:" + serialNumber).getBytes(StandardCharsets.UTF_8));
    }

    /** The ONVIF scopes, URI-encoded per segment so names with spaces and Vietnamese letters stay one URI. */
    public List<String> scopes(boolean ptz) {
        List<String> scopes = new ArrayList<>();
        scopes.add("onvif://www.onvif.org/type/video_encoder");
        if (ptz) {
            scopes.add("onvif://www.onvif.org/type/ptz");
        }
        scopes.add("onvif://www.onvif.org/Profile/Streaming");
        scopes.add("onvif://www.onvif.org/name/" + encodePath(name));
        scopes.add("onvif://www.onvif.org/hardware/" + encodePath(model));
        if (!location.isBlank()) {
            scopes.add("onvif://www.onvif.org/location/" + encodePath(location));
        }
        return scopes;
    }

    private static String encodePath(String text) {
        StringBuilder out = new StringBuilder();
        for (String segment : text.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
