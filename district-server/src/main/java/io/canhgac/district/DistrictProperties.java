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
     * @param enabled    serve the inventory's cameras from simulated cameras on loopback
     * @param host       loopback address the simulated cameras listen on
     * @param basePort   RTSP port of the first camera (the next ones follow); 0 for free ports
     * @param sceneCache where encoded scenes are kept between runs; blank for ~/.cache/canhgac/scenes
     */
    record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
                     @DefaultValue("8554") int basePort, @DefaultValue("") String sceneCache) {
        Simulator {
            if (!host.startsWith("127.") && !host.equals("::1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("canhgac.simulator.host must be a loopback address, was " + host);
            }
            if (basePort < 0 || basePort > 65000) {
                throw new IllegalArgumentException("canhgac.simulator.base-port must be 0..65000, was " + basePort);
            }
        }
    }

    /** @param enabled pull the cameras' streams in this process */
    record Gateway(@DefaultValue("true") boolean enabled) {
    }
}
