package io.canhgac.simulator.onvif;

import java.util.Objects;

/**
 * One H.264 media profile: what GetProfiles describes and GetStreamUri resolves.
 *
 * @param bitrateKbps the encoder's bitrate limit, kbit/s
 * @param govLength   frames between key frames
 */
public record MediaProfile(String token, String name, int width, int height, int frameRate, int bitrateKbps,
                           int govLength, H264Profile h264Profile) {

    /** The H.264 profiles ONVIF names (tt:H264Profile). */
    public enum H264Profile {
        BASELINE("Baseline"), MAIN("Main"), HIGH("High");

        private final String onvifName;

        H264Profile(String onvifName) {
            this.onvifName = onvifName;
        }

        public String onvifName() {
            return onvifName;
        }
    }

    public MediaProfile {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(h264Profile, "h264Profile");
        if (token.isBlank() || width <= 0 || height <= 0 || frameRate <= 0 || bitrateKbps <= 0 || govLength <= 0) {
            throw new IllegalArgumentException("bad media profile " + token + ": " + width + "x" + height
                    + " @" + frameRate + " fps, " + bitrateKbps + " kbit/s, GOP " + govLength);
        }
    }

    /** The main stream most cameras ship: 1280x720 H.264 for viewing and clips. */
    public static MediaProfile main() {
        return new MediaProfile("main", "mainStream", 1280, 720, 15, 2048, 30, H264Profile.MAIN);
    }

    /** The substream the gateway analyses: 640x360 at 10 fps, as the simulator's scenes are. */
    public static MediaProfile sub() {
        return new MediaProfile("sub", "subStream", 640, 360, 10, 512, 20, H264Profile.BASELINE);
    }
}
