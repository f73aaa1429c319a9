package io.canhgac.gateway.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;

import java.net.URI;

/**
 * A camera the registry tells this gateway to pull and watch (GET /api/ingest/cameras).
 *
 * @param deviceService the ONVIF device service, or null for a camera known by its stream only
 * @param problem       why the registry cannot hand the camera over as it is (e.g. its stored
 *                      password does not decrypt), or null
 * @param motion        the camera's zones, masks, sensitivity and arming schedule; null for the defaults
 * @param mainProfile   the ONVIF media profile of the main stream, the one PTZ commands name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraAssignment(String id, String name, String communeId, String deviceService, String subStream,
                               String mainStream, String snapshotUri, boolean ptz, String username, String password,
                               String problem, CameraMotionSettings motion, String mainProfile) {

    public CameraMotionSettings motionOrDefaults() {
        return motion == null ? CameraMotionSettings.DEFAULTS : motion;
    }

    public OnvifCredentials credentials() {
        return username == null || username.isEmpty()
                ? OnvifCredentials.ANONYMOUS : new OnvifCredentials(username, password == null ? "" : password);
    }

    public URI subStreamUri() {
        return URI.create(subStream);
    }
}
