package io.canhgac.bench;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploadSettings;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.outbox.EventJournal;
import io.canhgac.gateway.outbox.JournalSettings;
import io.canhgac.gateway.outbox.OutboxPublisher;
import io.canhgac.gateway.outbox.StreamReportSlot;
import io.canhgac.simulator.link.LinkRelay;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A commune gateway's whole day behind a dead link, time-compressed: a day of a commune's events,
 * each motion with its snapshot and clip (real ones, taken from the centre's media store), written
 * into a gateway's outbox and spool as they would have piled up, then delivered to the centre when
 * the link returns. Counted at the centre: nothing lost; and how long each kind took to arrive.
 *
 * @see CommuneFaultsBench
 */
final class DayOutageDrain {

    /** A motion every 30 minutes per camera, an outage of the camera twice a day: a busy rural commune. */
    static final Duration MOTION_EVERY = Duration.ofMinutes(30);

    /**
     * @param events    events delivered of those made (status changes included)
     * @param media     snapshots and clips stored at the centre of those made
     * @param mediaKilobytes their size
     * @param linkBytes bytes through the link, both ways
     */
    record Figures(int events, int eventsMade, int media, int mediaMade, long mediaKilobytes, long linkBytes,
                   Duration eventsIn, Duration mediaIn, long setAside) {

        /** How long the same would take over a link of {@code kbits} kbit/s. */
        Duration at(long kbits) {
            return Duration.ofSeconds(linkBytes * 8 / (kbits * 1000));
        }
    }

    static Figures run(DistrictChild district, List<String> cameras, Path work) throws Exception {
        String token = "cgw_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        UUID gateway = UUID.randomUUID();
        byte[] snapshot;
        byte[] clip;
        try (Connection db = district.database()) {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO gateway (id, name, token_sha256, created_by) VALUES (?, ?, ?, 'bench')")) {
                insert.setObject(1, gateway);
                insert.setString(2, "bench-day-" + gateway.toString().substring(0, 8));
                insert.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
                insert.executeUpdate();
            }
            snapshot = sample(db, district, "SNAPSHOT");
            clip = sample(db, district, "CLIP");
        }
        Path dir = Files.createDirectories(work.resolve("day-outage"));
        List<CameraEvent> day = new ArrayList<>();
        List<UUID> withMedia = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(1));
        for (int c = 0; c < cameras.size(); c++) {
            String camera = cameras.get(c);
            for (Instant at = start.plusSeconds(97L * c); at.isBefore(Instant.now().minusSeconds(60)); at = at.plus(MOTION_EVERY)) {
                CameraEvent begin = CameraEvent.motion(camera, EventType.MOTION_START, at, 0.08);
                day.add(begin);
                day.add(CameraEvent.motion(camera, EventType.MOTION_END, at.plusSeconds(14), 0.11, at, null));
                withMedia.add(begin.id());
            }
            for (int outage = 0; outage < 2; outage++) {
                Instant at = start.plus(Duration.ofHours(7 + 12L * outage)).plusSeconds(41L * c);
                day.add(CameraEvent.health(camera, CameraStatus.OFFLINE, at, "connection refused: camera powered off or wrong port"));
                day.add(CameraEvent.health(camera, CameraStatus.ONLINE, at.plus(Duration.ofMinutes(5)), null));
            }
        }
        day.sort(Comparator.comparing(CameraEvent::occurredAt));
        try (EventJournal journal = EventJournal.open(dir.resolve("outbox/events"), JournalSettings.DEFAULTS)) {
            MediaSpool spool = new MediaSpool(dir.resolve("media-spool"));
            for (CameraEvent e : day) {
                journal.append(e);
                if (withMedia.contains(e.id())) {
                    spool(spool, snapshot, e, "SNAPSHOT", "image/jpeg", "jpg");
                    spool(spool, clip, e, "CLIP", "video/mp4", "mp4");
                }
            }
            System.out.printf("  a day behind a dead link: %d events, %d snapshots and %d clips (%d MB) waiting%n",
                    day.size(), withMedia.size(), withMedia.size(), withMedia.size() * (long) (snapshot.length + clip.length) >> 20);
            try (LinkRelay link = LinkRelay.start("day-outage", new InetSocketAddress("127.0.0.1", URI.create(district.base()).getPort()))) {
                CentreClient centre = new CentreClient("http://127.0.0.1:" + link.address().getPort(), token, Duration.ofSeconds(5));
                Instant back = Instant.now();
                try (OutboxPublisher outbox = OutboxPublisher.start(journal, new StreamReportSlot(dir.resolve("figures.json")), centre,
                        Duration.ofSeconds(30), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3)), dir.resolve("refused.jsonl"));
                     MediaUploader uploader = new MediaUploader(spool, centre, MediaUploadSettings.DEFAULTS.withBudget(0),
                             outbox::isPending, () -> outbox.pending() > 0).start()) {
                    Instant eventsIn = CommuneOutage.await(Duration.ofMinutes(10), () -> outbox.pending() == 0 ? Instant.now() : null);
                    Instant mediaIn = CommuneOutage.await(Duration.ofMinutes(60), () -> uploader.figures().pending() == 0 ? Instant.now() : null);
                    long linkBytes = link.figures().bytesUp() + link.figures().bytesDown();
                    int[] stored = storedAtCentre(district, gateway);
                    return new Figures(stored[0], day.size(), stored[1], 2 * withMedia.size(), stored[2], linkBytes,
                            Duration.between(back, eventsIn), Duration.between(back, mediaIn), uploader.figures().setAside());
                }
            }
        }
    }

    private static void spool(MediaSpool spool, byte[] content, CameraEvent event, String kind, String type, String extension)
            throws Exception {
        Path file = Files.createTempFile(spool.dir(), ".writing-", "." + extension);
        Files.write(file, content);
        spool.add(file, UUID.randomUUID(), event.id(), event.cameraId(), kind, type, extension, event.occurredAt());
    }

    /** A real snapshot or clip the district's gateways made. */
    private static byte[] sample(Connection db, DistrictChild district, String kind) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT path FROM event_media WHERE kind = ? ORDER BY size_bytes DESC LIMIT 1")) {
            q.setString(1, kind);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the district has stored no " + kind + " yet to copy");
                }
                return Files.readAllBytes(district.work().resolve("data/media").resolve(r.getString(1)));
            }
        }
    }

    /** Events, media and media bytes the centre holds from the gateway. */
    private static int[] storedAtCentre(DistrictChild district, UUID gateway) throws Exception {
        try (Connection db = district.database(); PreparedStatement q = db.prepareStatement("""
                SELECT (SELECT count(*) FROM camera_event WHERE gateway_id = ?),
                       (SELECT count(*) FROM event_media m JOIN camera_event e ON e.id = m.event_id WHERE e.gateway_id = ?),
                       (SELECT coalesce(sum(size_bytes), 0) / 1024 FROM event_media m JOIN camera_event e ON e.id = m.event_id
                        WHERE e.gateway_id = ?)""")) {
            q.setObject(1, gateway);
            q.setObject(2, gateway);
            q.setObject(3, gateway);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new int[]{r.getInt(1), r.getInt(2), r.getInt(3)};
            }
        }
    }

    private DayOutageDrain() {
    }
}
