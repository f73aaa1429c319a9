package io.canhgac.contract.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A registered camera as the gateway holding it needs it ({@code GET /api/ingest/cameras}): where to
 * reach it and the account to use. Sent only to authenticated gateways (HTTPS between a commune's
 * gateway and the centre). Unknown fields are ignored, so a newer centre can add some.
 *
 * @param deviceService the ONVIF device service, or null for a camera known by its stream only
 * @param password      the decrypted password; null if none is stored or it cannot be decrypted
 * @param problem       why the camera cannot be used as registered (e.g. its stored password does not
 *                      decrypt with the configured key), or null
 * @param motion        its zones, masks, sensitivity and arming schedule; null for the defaults
 * @param mainProfile   the ONVIF media profile of the main stream, the one PTZ commands name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraAssignment(String id, String name, String communeId, String deviceService, String subStream,
                               String mainStream, String snapshotUri, boolean ptz, String username, String password,
                               String problem, MotionSettings motion, String mainProfile) {
}
