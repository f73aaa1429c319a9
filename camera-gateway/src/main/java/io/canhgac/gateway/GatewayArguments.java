package io.canhgac.gateway;

import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.config.InventoryException;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.site.SiteInventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GatewayMain}'s command line, parsed apart from starting anything so that its mistakes can
 * be tested and reported before a single camera is opened.
 *
 * @param mediaSpool the spool directory, or null for no media ({@code --media-spool none})
 * @param site       the site's own inventory ({@code --inventory FILE}, {@code --onvif-port N} for cameras
 *                   whose host has no port), read and checked here; null when the gateway has none
 */
record GatewayArguments(String service, String token, Path mediaSpool, Map<String, String> cameras, SiteInventory site) {

    static final String USAGE = "usage: GatewayMain --service URL [--token T] [--media-spool DIR|none] [--camera ID=URL …]"
            + " [--inventory FILE [--onvif-port N]]";

    /**
     * @param envToken the token from the environment, used unless {@code --token} is given
     * @throws IllegalArgumentException an unknown option, an option without its value, a malformed
     *                                  {@code --camera}, no {@code --service}, or an inventory that does not read
     */
    static GatewayArguments parse(String[] args, String envToken) {
        String service = null;
        String token = envToken;
        String mediaSpool = "media-spool";
        String inventory = null;
        Integer onvifPort = null;
        Map<String, String> cameras = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--service" -> service = value;
                case "--token" -> token = value;
                case "--media-spool" -> mediaSpool = value;
                case "--inventory" -> inventory = value;
                case "--onvif-port" -> onvifPort = port(value);
                case "--camera" -> {
                    String[] kv = value.split("=", 2);
                    if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                        throw new IllegalArgumentException("--camera takes ID=URL, got " + value);
                    }
                    cameras.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("--service is required");
        }
        if (onvifPort != null && inventory == null) {
            throw new IllegalArgumentException("--onvif-port goes with --inventory");
        }
        SiteInventory site = null;
        if (inventory != null) {
            try {
                site = new SiteInventory(new DistrictInventoryLoader().load(Path.of(inventory)),
                        onvifPort == null ? SiteInventory.DEFAULT_ONVIF_PORT : onvifPort);
            } catch (InventoryException e) {
                throw new IllegalArgumentException("--inventory: " + e.getMessage(), e);
            }
        }
        return new GatewayArguments(service, token, mediaSpool.equals("none") ? null : Path.of(mediaSpool), cameras, site);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--onvif-port takes a port 1-65535, got " + value);
    }

    GatewayNodeSettings settings() {
        GatewayNodeSettings settings = GatewayNodeSettings.standalone(service, token,
                mediaSpool == null ? null : MediaSettings.defaults(mediaSpool), cameras);
        return site == null ? settings : settings.withSite(site);
    }
}
