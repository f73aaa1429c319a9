package io.canhgac.simulator.scene;

/**
 * Something on a scene's timeline besides moving objects: what real cameras show that is not
 * motion (lighting, weather, foliage), what a technician must hear about (a covered lens, a frozen
 * picture), and failures of the camera itself (an outage, a reboot). Times are scene seconds,
 * {@code start} inclusive and {@code end} exclusive.
 */
public sealed interface SceneEffect {

    double start();

    double end();

    /** Its name in a scene manifest: lower-case, hyphenated. */
    String kind();

    default boolean activeAt(double t) {
        return t >= start() && t < end();
    }

    /** Changes the picture (the renderer applies it), as opposed to the delivery of the stream. */
    default boolean altersPicture() {
        return true;
    }

    /** An effect present for the whole scene. */
    non-sealed interface Permanent extends SceneEffect {
        @Override
        default double start() {
            return 0;
        }

        @Override
        default double end() {
            return Double.MAX_VALUE;
        }
    }

    /** The whole picture gets brighter by {@code delta} luma levels (a cloud passes, a light is switched on). */
    record BrightnessStep(double start, double end, int delta) implements SceneEffect {
        @Override
        public String kind() {
            return "brightness-step";
        }
    }

    /** The camera switches to infrared night mode: grey, lower contrast, more noise. */
    record IrSwitch(double start, double end) implements SceneEffect {
        @Override
        public String kind() {
            return "ir-switch";
        }
    }

    /** Rain: short bright streaks everywhere and a slight global flicker. */
    record Rain(double start, double end, int streaksPerFrame) implements SceneEffect {
        @Override
        public String kind() {
            return "rain";
        }
    }

    /** Leaves swaying inside a region, all the time: change that is not an event. */
    record Foliage(int left, int top, int width, int height, int amplitude, double periodSeconds) implements Permanent {
        @Override
        public String kind() {
            return "foliage";
        }
    }

    /** Something covers the lens: a black picture. */
    record LensCovered(double start, double end) implements SceneEffect {
        @Override
        public String kind() {
            return "lens-covered";
        }
    }

    /** The encoder keeps sending the same picture: not even sensor noise changes. */
    record FrozenPicture(double start, double end) implements SceneEffect {
        @Override
        public String kind() {
            return "frozen";
        }
    }

    /**
     * Where a PTZ camera looks: the view panned by {@code pan} (-1 … 1, half a picture width per
     * unit). Used for the short static views a PTZ camera shows away from its home position.
     */
    record PtzView(double pan) implements Permanent {
        @Override
        public String kind() {
            return "ptz-view";
        }
    }

    /** The stream stops while the connection stays open. Applied when serving. */
    record StreamOutage(double start, double end) implements SceneEffect {
        @Override
        public String kind() {
            return "outage";
        }
        @Override
        public boolean altersPicture() {
            return false;
        }
    }

    /** The camera reboots: its ports close at {@code at} and come back {@code downSeconds} later. Applied when serving. */
    record CameraReboot(double at, double downSeconds) implements SceneEffect {
        @Override
        public String kind() {
            return "reboot";
        }
        @Override
        public double start() {
            return at;
        }

        @Override
        public double end() {
            return at + downSeconds;
        }

        @Override
        public boolean altersPicture() {
            return false;
        }
    }
}
