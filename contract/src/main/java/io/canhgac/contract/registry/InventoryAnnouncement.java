package io.canhgac.contract.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A site that keeps its own inventory (Quế Trung's smart-commune system) tells the centre what it
 * has: {@code PUT /api/ingest/inventory} with the gateway's token, at the gateway's start and each
 * time its control link comes up. The centre creates the communes, gives them to the announcing
 * gateway, registers the cameras, and switches off the cameras of those communes the site no longer
 * lists. Sent only to the centre over the gateway's own connection (HTTPS across the WAN): it
 * carries the cameras' passwords, which the centre stores encrypted.
 *
 * @param communes every commune the site holds
 * @param cameras  every camera of its file, described or not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryAnnouncement(List<Commune> communes, List<Camera> cameras) {

    public InventoryAnnouncement {
        communes = communes == null ? List.of() : List.copyOf(communes);
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commune(String id, String name) {
    }

    /**
     * @param communeId one of the announcement's communes
     * @param device    what the gateway read of the camera (over ONVIF, or its stream URL alone); null
     *                  while the camera could not be reached: the centre keeps what it knew of it
     * @param username  the camera's account for ONVIF and RTSP
     * @param password  in the clear on the wire; null for none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Camera(String id, String name, String communeId, Double latitude, Double longitude,
                         DeviceDescription device, String username, String password) {
    }

    /**
     * The centre's answer.
     *
     * @param registered  cameras stored with a description (the gateway pulls these)
     * @param waiting     cameras listed without a description yet
     * @param switchedOff cameras of the site's communes it no longer lists, now switched off
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accepted(List<String> communes, List<String> registered, List<String> waiting, List<String> switchedOff) {
    }
}
