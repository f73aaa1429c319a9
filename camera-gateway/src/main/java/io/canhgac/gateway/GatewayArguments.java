package io.canhgac.gateway;

import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.config.InventoryException;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaUploadSettings;
import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.recording.RecordingSettings;
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
 * @param recording   around-the-clock recording ({@code --recording DIR|none}, default {@code recordings};
 *                    {@code --recording-stream main|sub}, {@code --recording-days N}, {@code --recording-quota-mb N},
 *                    {@code --recording-free-mb N}, {@code --segment-seconds N}); null for none
 */
record GatewayArguments(String service, String token, Path mediaSpool, long mediaBudget, Path outbox,
                        Map<String, String> cameras, SiteInventory site, Long parentPid, RecordingSettings recording) {

    static final String USAGE = "usage: GatewayMain --service URL [--token T] [--outbox DIR] [--media-spool DIR|none]"
            + " [--media-kbps N] [--camera ID=URL …] [--inventory FILE [--onvif-port N]] [--parent-pid PID]"
            + " [--recording DIR|none] [--recording-stream main|sub] [--recording-days N] [--recording-quota-mb N]"
            + " [--recording-free-mb N] [--segment-seconds N]";

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
        String recordingDir = "recordings";
        RecordingSettings recording = RecordingSettings.defaults(Path.of("recordings"));
        Long quotaMb = null;
        Long freeMb = null;
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
                case "--recording" -> recordingDir = value;
                case "--recording-stream" -> recording = recording.withStream(recordedStream(value));
                case "--recording-days" -> recording = recording.withRetention(
                        (int) number(value, 1, 366, "--recording-days takes 1 to 366 days"), Map.of());
                case "--recording-quota-mb" -> quotaMb = number(value, 64, Long.MAX_VALUE >> 20, "--recording-quota-mb takes megabytes, 64 or more");
                case "--recording-free-mb" -> freeMb = number(value, 0, Long.MAX_VALUE >> 20, "--recording-free-mb takes megabytes");
                case "--segment-seconds" -> recording = recording.withSegment(
                        java.time.Duration.ofSeconds(number(value, 10, 60, "--segment-seconds takes 10 to 60 seconds")));
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
        recording = recording.withDisk(quotaMb == null ? recording.quotaBytes() : quotaMb << 20,
                freeMb == null ? recording.minFreeBytes() : freeMb << 20);
        recording = recordingDir.equals("none") ? null : new RecordingSettings(Path.of(recordingDir), true, recording.stream(),
                Map.of(), recording.segment(), recording.retentionDays(), Map.of(), recording.quotaBytes(), recording.minFreeBytes());
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
                Path.of(outbox), cameras, site, parentPid, recording);
    }

    private static RecordedStream recordedStream(String value) {
        try {
            return RecordedStream.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--recording-stream takes main or sub, got " + value);
        }
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
        settings = settings.withRecording(recording);
        return site == null ? settings : settings.withSite(site);
    }
}
