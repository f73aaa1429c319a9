package io.canhgac.gateway;

import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.config.InventoryException;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaUploadSettings;
import io.canhgac.gateway.site.SiteInventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GatewayMain}'s command line, parsed apart from starting anything so that its mistakes can
 * be tested and reported before a single camera is opened.
 *
 * @param mediaSpool  the spool directory, or null for no media ({@code --media-spool none})
 * @param mediaBudget the link's budget for media in bits per second ({@code --media-kbps}, 0 = unlimited)
 * @param outbox      where events wait until the centre has them ({@code --outbox DIR})
 * @param site        the site's own inventory ({@code --inventory FILE}, {@code --onvif-port N} for cameras
 *                    whose host has no port), read and checked here; null when the gateway has none
 * @param parentPid   a process whose end ends this gateway too (the all-in-one that started it), or null
 */
record GatewayArguments(String service, String token, Path mediaSpool, long mediaBudget, Path outbox,
                        Map<String, String> cameras, SiteInventory site, Long parentPid) {

    static final String USAGE = "usage: GatewayMain --service URL [--token T] [--outbox DIR] [--media-spool DIR|none]"
            + " [--media-kbps N] [--camera ID=URL …] [--inventory FILE [--onvif-port N]] [--parent-pid PID]";

    /**
     * @param envToken the token from the environment, used unless {@code --token} is given
     * @throws IllegalArgumentException an unknown option, an option without its value, a malformed
     *                                  {@code --camera} or no {@code --service}
     */
    static GatewayArguments parse(String[] args, String envToken) {
        String service = null;
        String token = envToken;
        String mediaSpool = "media-spool";
        String outbox = "outbox";
        long mediaBudget = MediaUploadSettings.DEFAULTS.budgetBitsPerSecond();
        String inventory = null;
        Integer onvifPort = null;
        Map<String, String> cameras = new LinkedHashMap<>();
        Long parentPid = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--service" -> service = value;
                case "--token" -> token = value;
                case "--media-spool" -> mediaSpool = value;
                case "--media-kbps" -> mediaBudget = number(value, 0, Long.MAX_VALUE / 1000, "--media-kbps takes kilobits per second (0 for unlimited)") * 1000;
                case "--outbox" -> outbox = value;
                case "--parent-pid" -> parentPid = number(value, 1, Long.MAX_VALUE, "--parent-pid takes a process id");
                case "--inventory" -> inventory = value;
                case "--onvif-port" -> onvifPort = (int) number(value, 1, 65535, "--onvif-port takes a port 1-65535");
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
        if (outbox.isBlank()) {
            throw new IllegalArgumentException("--outbox needs a directory: a gateway keeps its events on disk");
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
        return new GatewayArguments(service, token, mediaSpool.equals("none") ? null : Path.of(mediaSpool), mediaBudget,
                Path.of(outbox), cameras, site, parentPid);
    }

    private static long number(String value, long least, long most, String what) {
        try {
            long n = Long.parseLong(value);
            if (n >= least && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + ", got " + value);
    }

    GatewayNodeSettings settings() {
        GatewayNodeSettings settings = GatewayNodeSettings.standalone(service, token, outbox,
                mediaSpool == null ? null
                        : MediaSettings.defaults(mediaSpool).withUpload(MediaUploadSettings.DEFAULTS.withBudget(mediaBudget)), cameras);
        return site == null ? settings : settings.withSite(site);
    }
}
