package io.canhgac.contract.link;

import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a gateway says on the control link: answers to the centre's requests, and its own news. */
public sealed interface LinkReply extends LinkMessage {

    /** An answer to {@link LinkRequest.Call} {@code id}. */
    sealed interface Answer extends LinkReply {
        long id();
    }

    /** The first message on a new connection. */
    record Hello(String version, Instant startedAt) implements LinkReply {
    }

    /** Every few seconds, and at once when something the centre shows changes. */
    record Status(GatewayStatus status) implements LinkReply {
        public Status {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A sweep under way. */
    record Progress(long id, int done, int total, int found) implements LinkReply {
    }

    record Swept(long id, List<DiscoveredDevice> devices) implements Answer {
        public Swept {
            devices = List.copyOf(devices);
        }
    }

    record Described(long id, DeviceDescription device) implements Answer {
        public Described {
            Objects.requireNonNull(device, "device");
        }
    }

    record Topics(long id, List<CameraTopic> topics) implements Answer {
        public Topics {
            topics = List.copyOf(topics);
        }
    }

    // PTZ presets and imaging for the camera page and the live wall (issue 16)

    record Imaging(long id, CameraImaging imaging) implements Answer {
        public Imaging {
            Objects.requireNonNull(imaging, "imaging");
        }
    }

    record Presets(long id, List<CameraPreset> presets) implements Answer {
        public Presets {
            presets = List.copyOf(presets);
        }
    }

    /** Done, with nothing to return (PTZ). */
    record Done(long id) implements Answer {
    }

    /**
     * @param problem a stable code the centre maps to its own words: onboarding's problem names
     *                (UNREACHABLE, NOT_AUTHORIZED, …), UNKNOWN_CAMERA, BAD_REQUEST, FAILED
     */
    record Failed(long id, String problem, String message) implements Answer {
        public Failed {
            Objects.requireNonNull(problem, "problem");
            message = message == null ? problem : message;
        }
    }

    /**
     * The camera stream of a live session opened; packets follow as binary frames.
     *
     * @param codec     h264, h265 or other: the gateway opens whatever the camera sends and the centre
     *                  refuses what browsers cannot play (its LiveStop then ends the session)
     * @param extradata the stream's parameter sets as the demuxer gave them (Annex B or avcC); may be empty
     */
    record LiveOpened(long session, String codec, int width, int height, byte[] extradata) implements LinkReply {
        public LiveOpened {
            Objects.requireNonNull(codec, "codec");
            extradata = extradata == null ? new byte[0] : extradata;
        }
    }

    /** The live session ended at the gateway (camera unreachable, stopped, unknown camera); {@code reason} is a code. */
    record LiveEnded(long session, String reason, String message) implements LinkReply {
        public LiveEnded {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A camera's recording in the range asked for.
     *
     * @param oldest the start of the oldest segment the gateway still keeps for the camera, or null
     */
    record Recorded(long id, List<RecordedSpan> spans, List<RecordingGap> gaps, Instant oldest) implements Answer {
        public Recorded {
            spans = List.copyOf(spans);
            gaps = List.copyOf(gaps);
        }
    }
}
