package io.canhgac.gateway.media;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionSample;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One camera's event media. It sees the camera's packets (a {@link PacketTap}), its motion events
 * (wrapping the event sink) and each frame's motion score (wrapping the detector), all on the
 * camera's grab thread. It keeps a pre-roll ring; a motion start opens a clip that runs until
 * post-roll after the motion end, then hands it to the shared media writer, which remuxes the
 * clip (no re-encoding), decodes the peak picture in colour for the snapshot and spools both.
 */
public final class EventRecorder implements PacketTap {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private static final Duration DETECTION_DELAY = Duration.ofSeconds(2);

    private final String cameraId;
    private final MediaSettings settings;
    private final MediaWriter writer;
    private final Executor writerThread;
    private final PacketRing ring;
    private final List<EventClip> open = new ArrayList<>();
    private StreamParameters stream;

    /** @param writerThread where clips are written: shared by cameras, so an event costs no grab-thread time */
    public EventRecorder(String cameraId, MediaSettings settings, MediaSpool spool, Executor writerThread) {
        this.cameraId = cameraId;
        this.settings = settings;
        this.writer = new MediaWriter(cameraId, spool);
        this.writerThread = writerThread;
        // motion is reported a few frames after it began: keep that much more than the pre-roll
        this.ring = new PacketRing(settings.preRoll().plus(DETECTION_DELAY), settings.maxBufferBytes());
    }

    /** The sink the camera worker should deliver to: this recorder sees the event first, then {@code next} gets it. */
    public CameraEventSink watching(CameraEventSink next) {
        return event -> {
            motion(event);
            next.accept(event);
        };
    }

    /** The detector the camera worker should use: each frame's score is noted for the snapshot. */
    public MotionDetector scoring(MotionDetector detector) {
        return frame -> {
            MotionSample sample = detector.analyse(frame);
            Instant at = frame.capturedAt();
            for (EventClip clip : open) {
                clip.scored(at, sample.score());
            }
            return sample;
        };
    }

    @Override
    public void opened(StreamParameters parameters) {
        stream = parameters;
        ring.clear();
    }

    @Override
    public void packet(VideoPacket packet) {
        ring.add(packet);
        for (Iterator<EventClip> it = open.iterator(); it.hasNext(); ) {
            EventClip clip = it.next();
            clip.add(packet);
            if (clip.complete(packet.receivedAt(), settings)) {
                it.remove();
                finish(clip);
            }
        }
    }

    /** The stream broke: what was collected is the clip. */
    @Override
    public void closed() {
        open.forEach(this::finish);
        open.clear();
        ring.clear();
    }

    private void motion(CameraEvent event) {
        if (event.type() == EventType.MOTION_START && stream != null) {
            open.add(new EventClip(event.id(), stream, event.occurredAt(), ring.since(event.occurredAt().minus(settings.preRoll()))));
        } else if (event.type() == EventType.MOTION_END) {
            open.stream().filter(EventClip::motionOngoing).forEach(c -> c.motionEnded(event.occurredAt()));
        }
    }

    private void finish(EventClip clip) {
        if (clip.packets.isEmpty()) {
            log.warn("Camera {}: no video for event {}", cameraId, clip.eventId);
            return;
        }
        try {
            writerThread.execute(() -> writer.write(clip));
        } catch (RejectedExecutionException e) {
            log.warn("Camera {}: gateway stopping, clip of event {} not written", cameraId, clip.eventId);
        }
    }
}
