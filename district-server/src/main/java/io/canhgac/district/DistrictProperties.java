package io.canhgac.district;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the all-in-one server runs besides the event-service.
 *
 * @param simulator the simulated district (for the demo and tests)
 * @param gateway   the in-process gateway
 */
@ConfigurationProperties("canhgac")
record DistrictProperties(@DefaultValue Simulator simulator, @DefaultValue Gateway gateway) {

    /**
     * @param enabled            serve the inventory's cameras from simulated cameras on loopback
     * @param perCameraAddresses each camera on its inventory address (127.0.x.y) like a real network; else all on {@code host}
     * @param host               loopback address shared by the cameras when not per camera
     * @param rtspPort           RTSP port (per camera address, or the first of a range on {@code host}); 0 for free ports
     * @param mainStreams        also serve 1280x720 main streams (encoded in the background the first time)
     * @param authenticate       cameras ask for the inventory's credentials
     * @param sceneCache         where encoded scenes are kept between runs; blank for ~/.cache/canhgac/scenes
     * @param controlPort        the fault control's HTTP port on 127.0.0.1 (0 for a free one, -1 for none)
     * @param onvifPort          each camera's ONVIF port on its address (0 for free ports, -1 for no ONVIF)
     * @param discovery          cameras answer WS-Discovery on the loopback interface (best effort: needs multicast on lo)
     */
    record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean perCameraAddresses,
                     @DefaultValue("127.0.0.1") String host, @DefaultValue("8554") int rtspPort,
                     @DefaultValue("true") boolean mainStreams, @DefaultValue("true") boolean authenticate,
                     @DefaultValue("") String sceneCache, @DefaultValue("8555") int controlPort,
                     @DefaultValue("8899") int onvifPort, @DefaultValue("true") boolean discovery) {
    }

    /**
     * @param enabled    pull the cameras' streams in this process
     * @param mediaSpool where event snapshots and clips wait until the event-service has them; blank for no media
     */
    record Gateway(@DefaultValue("true") boolean enabled, @DefaultValue("data/media-spool") String mediaSpool) {
    }
}
