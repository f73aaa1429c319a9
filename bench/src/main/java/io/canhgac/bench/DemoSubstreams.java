package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.scene.SceneCatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The demo district's 640x360 substreams as served by {@link SimulatorChild}, with each camera's account. */
final class DemoSubstreams {

    private DemoSubstreams() {
    }

    /** Every camera's substream, the two with a scripted outage included. */
    static List<String> all() {
        return urls(true);
    }

    /** The substreams that stay up: a scripted reboot would skew a cost comparison differently on each side. */
    static List<String> steady() {
        return urls(false);
    }

    private static List<String> urls(boolean withOutages) {
        DistrictInventory district = new DistrictInventoryLoader().loadDemo();
        List<String> urls = new ArrayList<>();
        for (CameraSpec c : district.cameras()) {
            if (withOutages || SceneCatalog.get(c.scene()).manifest().outages().isEmpty()) {
                urls.add("rtsp://" + enc(c.username()) + ":" + enc(c.password()) + "@" + c.host() + ":" + SimulatorChild.RTSP_PORT + "/sub");
            }
        }
        return urls;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
