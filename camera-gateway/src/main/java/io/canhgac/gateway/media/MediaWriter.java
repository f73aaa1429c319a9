package io.canhgac.gateway.media;

import io.canhgac.gateway.video.StillPicture;
import io.canhgac.gateway.video.VideoPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Turns a finished clip into an MP4 and a JPEG in the spool. Runs on the shared media-writer thread. */
final class MediaWriter {

    private static final Logger log = LoggerFactory.getLogger(MediaWriter.class);

    private final String cameraId;
    private final MediaSpool spool;

    MediaWriter(String cameraId, MediaSpool spool) {
        this.cameraId = cameraId;
        this.spool = spool;
    }

    void write(EventClip clip) {
        List<VideoPacket> packets = clip.packets;
        Path mp4 = null;
        Path jpg = null;
        try {
            int peak = snapshotPacket(packets, clip);
            jpg = spool.newTempFile(".jpg");
            Files.write(jpg, StillPicture.jpeg(clip.stream, packets, peak));
            spool.add(jpg, UUID.randomUUID(), clip.eventId, cameraId, "SNAPSHOT", "image/jpeg", "jpg", clip.peakAt());
            jpg = null;
        } catch (IOException | RuntimeException e) {
            log.warn("Camera {}: no snapshot for event {}: {}", cameraId, clip.eventId, e.toString());
        }
        try {
            mp4 = spool.newTempFile(".mp4");
            ClipRemuxer.write(clip.stream, packets, mp4);
            spool.add(mp4, UUID.randomUUID(), clip.eventId, cameraId, "CLIP", "video/mp4", "mp4", packets.get(0).receivedAt());
            mp4 = null;
        } catch (IOException | RuntimeException e) {
            log.warn("Camera {}: no clip for event {}: {}", cameraId, clip.eventId, e.toString());
        } finally {
            deleteQuietly(mp4);
            deleteQuietly(jpg);
        }
    }

    /** The packet whose picture was analysed at the event's peak: the last one read before that picture came out of the decoder. */
    private static int snapshotPacket(List<VideoPacket> packets, EventClip clip) {
        int index = 0;
        for (int i = 0; i < packets.size() && !packets.get(i).receivedAt().isAfter(clip.peakAt()); i++) {
            index = i;
        }
        return index;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temp file in the spool is skipped by the uploader (no description)
            }
        }
    }
}
