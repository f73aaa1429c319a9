package io.canhgac.contract.link;

import io.canhgac.contract.registry.PtzCommand;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What the centre asks of a gateway over the control link. */
public sealed interface LinkRequest extends LinkMessage {

    /** A request the gateway answers once, by its id: {@link LinkReply.Done}, a typed result or {@link LinkReply.Failed}. */
    sealed interface Call extends LinkRequest {
        long id();
    }

    /** Probe an address range of the commune's network (unicast WS-Discovery); progress comes as {@link LinkReply.Progress}. */
    record Sweep(long id, String range) implements Call {
        public Sweep {
            Objects.requireNonNull(range, "range");
        }
    }

    /** Read the camera at an address over ONVIF and check its substream decodes: onboarding and credential tests. */
    record Describe(long id, String address, String username, String password) implements Call {
        public Describe {
            Objects.requireNonNull(address, "address");
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Describe[id=" + id + ", address=" + address + ", username=" + username + ", password=***]";
        }
    }

    record Ptz(long id, String cameraId, PtzCommand command) implements Call {
        public Ptz {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(command, "command");
        }
    }

    /** The event topics a camera can raise, read from it over ONVIF: answered with {@link LinkReply.Topics}. */
    record Topics(long id, String cameraId) implements Call {
        public Topics {
            Objects.requireNonNull(cameraId, "cameraId");
        }
    }

    // PTZ presets and imaging for the camera page and the live wall (issue 16)

    /** The imaging settings of a camera's main video source: answered with {@link LinkReply.Imaging}. */
    record Imaging(long id, String cameraId) implements Call {
        public Imaging {
            Objects.requireNonNull(cameraId, "cameraId");
        }
    }

    /** The PTZ presets a camera stores for its main profile: answered with {@link LinkReply.Presets}. */
    record Presets(long id, String cameraId) implements Call {
        public Presets {
            Objects.requireNonNull(cameraId, "cameraId");
        }
    }

    /** A current JPEG of a camera stream; the picture comes back as a binary {@link LinkFrames#SNAPSHOT} frame with this id. */
    record Snapshot(long id, String cameraId, String stream) implements Call {
        public Snapshot {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(stream, "stream");
        }
    }

    /**
     * Start sending a camera stream's packets as binary {@link LinkFrames#LIVE_PACKET} frames of this
     * session: only while someone at the centre watches, one session per camera stream however many watch.
     */
    record LiveStart(long session, String cameraId, String stream) implements LinkRequest {
        public LiveStart {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(stream, "stream");
        }
    }

    record LiveStop(long session) implements LinkRequest {
    }

    /** The registry changed: fetch this gateway's cameras now rather than at the next refresh. */
    record CamerasChanged() implements LinkRequest {
    }

    /** Someone at the centre opened this event: upload its media next, ahead of the bulk queue. */
    record MediaWanted(UUID eventId) implements LinkRequest {
        public MediaWanted {
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** A camera's recorded spans and gaps in [from, to): answered with {@link LinkReply.Recorded}. */
    record Recordings(long id, String cameraId, Instant from, Instant to) implements Call {
        public Recordings {
            Objects.requireNonNull(cameraId, "cameraId");
            requireRange(from, to);
        }
    }

    /**
     * Play a camera's recording from {@code from}, {@code speed} times real time (1, 2, 4 or 8), as the
     * live session {@code session}: {@link LinkReply.LiveOpened}, then {@link LinkFrames#LIVE_PACKET}
     * frames paced by their timestamps, starting at the keyframe at or before {@code from}; ended by
     * {@link LiveStop} or, at the end of what is recorded, by {@link LinkReply.LiveEnded} END_OF_RECORDING.
     * Only what someone watches crosses the link.
     */
    record PlaybackStart(long session, String cameraId, Instant from, int speed) implements LinkRequest {
        public PlaybackStart {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(from, "from");
            if (speed != 1 && speed != 2 && speed != 4 && speed != 8) {
                throw new IllegalArgumentException("speed is 1, 2, 4 or 8: " + speed);
            }
        }
    }

    /**
     * Keep ({@code held}) a camera's recording in [from, to) for an incident, past its retention, or
     * release that hold; answered {@link LinkReply.Done}. Holds of several incidents may overlap.
     */
    record RecordingHold(long id, UUID incidentId, String cameraId, Instant from, Instant to, boolean held)
            implements Call {
        public RecordingHold {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(cameraId, "cameraId");
            requireRange(from, to);
        }
    }

    /**
     * Remux a camera's recording in [from, to) into one MP4 (no re-encoding) and send it to the centre
     * as the export {@code exportId}, over the gateway's resumable media upload; answered
     * {@link LinkReply.Done} once queued, or {@link LinkReply.Failed} NOT_RECORDED.
     */
    record RecordingExport(long id, UUID exportId, String cameraId, Instant from, Instant to) implements Call {
        public RecordingExport {
            Objects.requireNonNull(exportId, "exportId");
            Objects.requireNonNull(cameraId, "cameraId");
            requireRange(from, to);
        }
    }

    private static void requireRange(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the range ends before it starts: " + from + " .. " + to);
        }
    }
}
