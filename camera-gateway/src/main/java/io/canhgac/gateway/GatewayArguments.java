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
 * @param outbox      where events wait until the centre has them ({@code --outbox DIR})
 * @param parentPid   a process whose end ends this gateway too (the all-in-one that started it), or null
 */
record GatewayArguments(String service, String token, Path mediaSpool, long mediaBudget, Path outbox,
                        Map<String, String> cameras, Long parentPid) {

    static final String USAGE = "usage: GatewayMain --service URL [--token T] [--outbox DIR] [--media-spool DIR|none]"
            + " [--media-kbps N] [--camera ID=URL …] [--parent-pid PID]";

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
                case "--media-kbps" -> mediaBudget = number(value, 0, "--media-kbps takes kilobits per second (0 for unlimited)") * 1000;
                case "--outbox" -> outbox = value;
                case "--parent-pid" -> parentPid = number(value, 1, "--parent-pid takes a process id");
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
        return new GatewayArguments(service, token, mediaSpool.equals("none") ? null : Path.of(mediaSpool), mediaBudget,
                Path.of(outbox), cameras, parentPid);
    }

    private static long number(String value, long least, String what) {
        try {
            long n = Long.parseLong(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + ", got " + value);
    }

    GatewayNodeSettings settings() {
        return GatewayNodeSettings.standalone(service, token, outbox,
                mediaSpool == null ? null
                        : MediaSettings.defaults(mediaSpool).withUpload(MediaUploadSettings.DEFAULTS.withBudget(mediaBudget)), cameras);
    }
}
