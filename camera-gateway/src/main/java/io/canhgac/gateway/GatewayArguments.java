package io.canhgac.gateway;

import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaUploadSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GatewayMain}'s command line, parsed apart from starting anything so that its mistakes can
 * be tested and reported before a single camera is opened.
 *
 * @param mediaSpool  the spool directory, or null for no media ({@code --media-spool none})
 * @param mediaBudget the link's budget for media in bits per second ({@code --media-kbps}, 0 = unlimited)
 */
record GatewayArguments(String service, String token, Path mediaSpool, long mediaBudget, Map<String, String> cameras) {

    static final String USAGE = "usage: GatewayMain --service URL [--token T] [--media-spool DIR|none] [--media-kbps N]"
            + " [--camera ID=URL …]";

    /**
     * @param envToken the token from the environment, used unless {@code --token} is given
     * @throws IllegalArgumentException an unknown option, an option without its value, a malformed
     *                                  {@code --camera} or no {@code --service}
     */
    static GatewayArguments parse(String[] args, String envToken) {
        String service = null;
        String token = envToken;
        String mediaSpool = "media-spool";
        long mediaBudget = MediaUploadSettings.DEFAULTS.budgetBitsPerSecond();
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
                case "--media-kbps" -> mediaBudget = kbps(value);
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
        return new GatewayArguments(service, token, mediaSpool.equals("none") ? null : Path.of(mediaSpool), mediaBudget, cameras);
    }

    private static long kbps(String value) {
        try {
            long kbps = Long.parseLong(value);
            if (kbps >= 0) {
                return kbps * 1000;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--media-kbps takes kilobits per second (0 for unlimited), got " + value);
    }

    GatewayNodeSettings settings() {
        return GatewayNodeSettings.standalone(service, token,
                mediaSpool == null ? null
                        : MediaSettings.defaults(mediaSpool).withUpload(MediaUploadSettings.DEFAULTS.withBudget(mediaBudget)), cameras);
    }
}
